import type { Context } from 'hono';
import { Hono } from 'hono';
import { requirePlatformRole, requireUser } from '../../core/auth/access.ts';
import { AppError } from '../../core/errors.ts';
import { parseForm } from '../../core/forms.ts';
import type { AppEnv } from '../../core/http/context.ts';
import { setFlash } from '../../core/http/flash.ts';
import { redirectAfterPost, renderPage } from '../../core/http/render.tsx';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { L } from './life-event-map.views.tsx';
import { acceptFormSchema, parseTarget, proposalFormSchema, proposalNumberSchema, rejectFormSchema } from './map-proposal.schema.ts';
import {
  acceptProposal,
  checkProposedTexts,
  createProposal,
  listProposals,
  ProposalValidationError,
  proposerOptions,
  readProposal,
  rejectProposal,
  requireProposer,
  targetTexts,
  targetTitle,
} from './map-proposal.ts';
import { ProposalFormView, ProposalsListView, ProposalView } from './map-proposal.views.tsx';
import { readCurrentLifeEventMap } from './read-life-event-map.ts';

/**
 * Change proposals to the life-event map, under the map's own address (/livshendelse/forslag…): a public list
 * and proposal pages, the proposal form for people of ecosystem actors and organisations' leaders, and the
 * orchestrator's accept and reject forms. Plain forms, POST–redirect–GET; mounted before /livshendelse/:phase.
 */
export function mapProposalRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/livshendelse/forslag', async (c) => {
    const proposals = await listProposals(c.get('deps'));
    return renderPage(c, {
      title: (v) => v.t('lem.proposal.list.title'),
      body: (v) => <ProposalsListView v={v} proposals={proposals} signedIn={!!c.get('user')} />,
    });
  });

  const formPage = async (c: Context<AppEnv>, opts: { mal: unknown; values: Record<string, string>; errors: Record<string, string> }) => {
    const deps = c.get('deps');
    const current = await readCurrentLifeEventMap(deps.database.db);
    const options = await proposerOptions(deps, { user: c.get('user') });
    const target = parseTarget(opts.mal);
    const info = target ? targetTitle(current.map, target) : null;
    // Opening the form shows the texts as they are now; they are what the proposer edits.
    const texts = target && info ? (targetTexts(current.map, target) ?? {}) : {};
    const errors =
      opts.mal !== undefined && !info && options.length > 0
        ? { mal: c.get('t')('lem.proposal.error.target'), ...opts.errors }
        : opts.errors;
    return renderPage(c, {
      title: (v) => v.t('lem.proposal.new.title'),
      status: Object.keys(opts.errors).length > 0 ? 422 : 200,
      body: (v) => (
        <ProposalFormView
          v={v}
          map={current.map}
          target={info ? target : null}
          targetName={info ? L(v, info.title) : null}
          options={options}
          values={{ ...texts, ...opts.values }}
          errors={errors}
        />
      ),
    });
  };

  app.get('/livshendelse/forslag/ny', (c) => {
    requireUser(c.get('user'));
    return formPage(c, { mal: c.req.query('mal'), values: {}, errors: {} });
  });

  app.post('/livshendelse/forslag', async (c) => {
    const deps = c.get('deps');
    // The guard comes first: a person who may not propose gets 403, never the form's errors.
    await requireProposer(deps, { user: c.get('user') });
    const form = await parseForm(c, proposalFormSchema);
    const t = c.get('t');
    const target = parseTarget(form.values.mal);
    // The texts are checked against the map even when other fields are wrong, so every error shows at once.
    const textErrors = target
      ? checkProposedTexts((await readCurrentLifeEventMap(deps.database.db)).map, target, form.values).errors
      : { mal: 'lem.proposal.error.target' };
    const translated = Object.fromEntries(Object.entries(textErrors).map(([k, key]) => [k, t(key as MessageKey)]));
    if (!form.ok || Object.keys(translated).length > 0) {
      return formPage(c, { mal: form.values.mal, values: form.values, errors: { ...(form.ok ? {} : form.errors), ...translated } });
    }
    try {
      const { number } = await createProposal(deps, { user: c.get('user'), form: form.data, texts: form.values });
      setFlash(c, { key: 'lem.proposal.created', kind: 'success' });
      return redirectAfterPost(c, `/livshendelse/forslag/${number}`);
    } catch (err) {
      if (!(err instanceof ProposalValidationError)) throw err;
      const errors = Object.fromEntries(Object.entries(err.fields).map(([k, key]) => [k, t(key as MessageKey)]));
      return formPage(c, { mal: form.values.mal, values: form.values, errors });
    }
  });

  const proposalNumber = (c: Context<AppEnv>) => {
    const parsed = proposalNumberSchema.safeParse(c.req.param('n'));
    if (!parsed.success) throw new AppError('not_found', 'error.notFound.body');
    return parsed.data;
  };

  const proposalPage = async (
    c: Context<AppEnv>,
    opts: { values?: Record<string, string>; errors?: Record<string, string>; status?: 200 | 409 | 422 } = {},
  ) => {
    const page = await readProposal(c.get('deps'), { number: proposalNumber(c) });
    const canDecide = !!c.get('user')?.platformRoles.includes('orchestrator');
    return renderPage(c, {
      title: (v) => `${v.t('lem.proposal.page.title', { n: page.proposal.number })}: ${page.proposal.what}`,
      status: opts.status ?? 200,
      body: (v) => <ProposalView v={v} page={page} canDecide={canDecide} values={opts.values ?? {}} errors={opts.errors ?? {}} />,
    });
  };

  app.get('/livshendelse/forslag/:n', (c) => proposalPage(c));

  const conflictMessage = (c: Context<AppEnv>, err: unknown) =>
    err instanceof AppError && err.code === 'conflict' ? c.get('t')(err.messageKey as MessageKey) : null;

  app.post('/livshendelse/forslag/:n/godta', async (c) => {
    requirePlatformRole(c.get('user'), 'orchestrator');
    const number = proposalNumber(c);
    const form = await parseForm(c, acceptFormSchema);
    const data = form.ok ? form.data : { seen: -1, confirm: false };
    try {
      const { revision } = await acceptProposal(c.get('deps'), {
        user: c.get('user'),
        number,
        seenRevision: data.seen,
        confirmNewer: data.confirm,
      });
      setFlash(c, { key: 'lem.proposal.accepted', params: { n: revision }, kind: 'success' });
      return redirectAfterPost(c, `/livshendelse/forslag/${number}`);
    } catch (err) {
      const message = conflictMessage(c, err);
      if (message) return proposalPage(c, { errors: { decision: message }, status: 409 });
      throw err;
    }
  });

  app.post('/livshendelse/forslag/:n/avvis', async (c) => {
    requirePlatformRole(c.get('user'), 'orchestrator');
    const number = proposalNumber(c);
    const form = await parseForm(c, rejectFormSchema);
    if (!form.ok) return proposalPage(c, { values: form.values, errors: form.errors, status: 422 });
    try {
      await rejectProposal(c.get('deps'), { user: c.get('user'), number, reason: form.data.reason });
      setFlash(c, { key: 'lem.proposal.rejected', kind: 'success' });
      return redirectAfterPost(c, `/livshendelse/forslag/${number}`);
    } catch (err) {
      const message = conflictMessage(c, err);
      if (message) return proposalPage(c, { values: form.values, errors: { decision: message }, status: 409 });
      throw err;
    }
  });

  return app;
}

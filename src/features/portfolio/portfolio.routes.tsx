import type { Context } from 'hono';
import { Hono } from 'hono';
import { requireUser } from '../../core/auth/access.ts';
import { AppError } from '../../core/errors.ts';
import { parseForm } from '../../core/forms.ts';
import type { AppEnv } from '../../core/http/context.ts';
import { setFlash } from '../../core/http/flash.ts';
import { redirectAfterPost, renderPage } from '../../core/http/render.tsx';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { listExperimentsOfInitiative } from '../demonstrators/demonstrators.queries.ts';
import { listActors } from '../ecosystem/ecosystem.queries.ts';
import { isCoreGroupMember, requireCoreGroup } from '../ecosystem/ecosystem-access.ts';
import { createInitiative } from './create-initiative.ts';
import {
  changeStage,
  commentOnInitiative,
  editInitiative,
  filterInitiatives,
  phaseStageMatrix,
  readInitiative,
  readPortfolio,
  toggleInitiativeSupport,
} from './portfolio.domain.ts';
import { commentFormSchema, initiativeFormSchema, listQuerySchema, stageFormSchema } from './portfolio.schema.ts';
import { type InitiativeFormValues, InitiativeFormView, InitiativeView, PortfolioView } from './portfolio.views.tsx';
import { coCreatorOf, requireCoCreator } from './portfolio-access.ts';

/**
 * The innovation portfolio /okosystem/portefolje (issue 5, item 5): public matrix, list and initiative pages;
 * co-creators propose, comment and support; the core group edits and moves initiatives.
 * Thin handlers: parse → one domain function → render or redirect (303).
 */
export function portfolioRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/okosystem/portefolje', async (c) => {
    const deps = c.get('deps');
    const query = listQuerySchema.parse(c.req.query());
    const [{ initiatives, allNeeds }, coCreator] = await Promise.all([readPortfolio(deps), coCreatorOf(deps, { user: c.get('user') })]);
    const owners = new Map(initiatives.filter((i) => i.ownerActorId).map((i) => [i.ownerActorId!, i.ownerName ?? '']));
    return renderPage(c, {
      title: (v) => v.t('portfolio.title'),
      wide: true,
      body: (v) => (
        <PortfolioView
          v={v}
          initiatives={filterInitiatives(initiatives, query)}
          matrix={phaseStageMatrix(initiatives)}
          query={query}
          needs={allNeeds}
          owners={[...owners].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'nb'))}
          canPropose={!!coCreator}
        />
      ),
    });
  });

  const emptyValues = (): InitiativeFormValues => ({ fields: {}, phases: [], gains: [], needIds: [], participantActorIds: [] });

  const formPage = async (
    c: Context<AppEnv>,
    opts: { id?: string; values: InitiativeFormValues; errors: Record<string, string>; status?: 200 | 422 },
  ) => {
    const deps = c.get('deps');
    const user = c.get('user');
    const [{ allNeeds }, actors, coreGroup, who] = await Promise.all([
      readPortfolio(deps),
      listActors(deps.database.db, {}),
      isCoreGroupMember(deps, { user }),
      requireCoCreator(deps, { user }),
    ]);
    const all = actors.map((a) => ({ id: a.id, name: a.name }));
    return renderPage(c, {
      title: (v) => v.t(opts.id ? 'portfolio.form.editTitle' : 'portfolio.form.newTitle'),
      body: (v) => (
        <InitiativeFormView
          v={v}
          action={opts.id ? `/okosystem/portefolje/${opts.id}` : '/okosystem/portefolje'}
          editing={!!opts.id}
          values={opts.values}
          errors={opts.errors}
          needs={allNeeds}
          ownerOptions={coreGroup ? all : all.filter((a) => who.actorIds.includes(a.id))}
          actors={all}
        />
      ),
      status: opts.status ?? 200,
    });
  };

  /** Parses the form and saves through one domain function; errors re-show the person's input (422). */
  const save = async (c: Context<AppEnv>, id: string | undefined) => {
    const deps = c.get('deps');
    const user = c.get('user');
    // The guard answers before any input is looked at: 401/403 for those who may not write here.
    if (id) await requireCoreGroup(deps, { user });
    else await requireCoCreator(deps, { user });
    const body = await c.req.parseBody({ all: true });
    const list = (key: string) => ([] as unknown[]).concat(body[key] ?? []).filter((x): x is string => typeof x === 'string');
    const form = await parseForm(c, initiativeFormSchema);
    const values: InitiativeFormValues = {
      fields: form.values,
      phases: list('phases'),
      gains: list('gains'),
      needIds: list('needIds'),
      participantActorIds: list('participantActorIds'),
    };
    if (!form.ok) return formPage(c, { id, values, errors: form.errors, status: 422 });
    try {
      let target = id;
      if (id) await editInitiative(deps, { user, id, input: form.data });
      else {
        const origin = (await isCoreGroupMember(deps, { user })) ? 'core-group' : 'proposal';
        target = await createInitiative(deps, { user, input: form.data, origin: { kind: origin } });
      }
      setFlash(c, { kind: 'success', key: id ? 'portfolio.saved' : 'portfolio.proposed' });
      return redirectAfterPost(c, `/okosystem/portefolje/${target}`);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation' && typeof err.details?.field === 'string') {
        return formPage(c, { id, values, errors: { [err.details.field]: c.get('t')(err.messageKey as MessageKey) }, status: 422 });
      }
      throw err;
    }
  };

  app.get('/okosystem/portefolje/ny', (c) => formPage(c, { values: emptyValues(), errors: {} }));
  app.post('/okosystem/portefolje', (c) => save(c, undefined));

  app.get('/okosystem/portefolje/:id/endre', async (c) => {
    const deps = c.get('deps');
    await requireCoreGroup(deps, { user: c.get('user') });
    const { initiative: i } = await readInitiative(deps, { user: c.get('user'), id: c.req.param('id') });
    const values: InitiativeFormValues = {
      fields: { kind: i.kind, title: i.title, description: i.description, ownerActorId: i.ownerActorId ?? '' },
      phases: i.phases.map(String),
      gains: i.gains,
      needIds: i.needs.map((n) => n.id),
      participantActorIds: i.participants.map((p) => p.actorId),
    };
    return formPage(c, { id: i.id, values, errors: {} });
  });
  app.post('/okosystem/portefolje/:id', (c) => save(c, c.req.param('id')));

  const initiativePage = async (
    c: Context<AppEnv>,
    values: Record<string, string>,
    errors: Record<string, string>,
    status: 200 | 422 = 200,
  ) => {
    const deps = c.get('deps');
    const page = await readInitiative(deps, { user: c.get('user'), id: c.req.param('id') ?? '' });
    const experiments = await listExperimentsOfInitiative(deps.database.db, page.initiative.id);
    return renderPage(c, {
      title: page.initiative.title,
      body: (v) => <InitiativeView v={v} page={{ ...page, experiments }} values={values} errors={errors} />,
      status,
    });
  };

  app.get('/okosystem/portefolje/:id', (c) => initiativePage(c, {}, {}));

  app.post('/okosystem/portefolje/:id/fase', async (c) => {
    await requireCoreGroup(c.get('deps'), { user: c.get('user') });
    const form = await parseForm(c, stageFormSchema);
    if (!form.ok) return initiativePage(c, form.values, form.errors, 422);
    await changeStage(c.get('deps'), { user: c.get('user'), id: c.req.param('id'), input: form.data });
    setFlash(c, { kind: 'success', key: 'portfolio.stageChanged' });
    return redirectAfterPost(c, `/okosystem/portefolje/${c.req.param('id')}`);
  });

  app.post('/okosystem/portefolje/:id/kommentar', async (c) => {
    requireUser(c.get('user'));
    await requireCoCreator(c.get('deps'), { user: c.get('user') });
    const form = await parseForm(c, commentFormSchema);
    if (!form.ok) return initiativePage(c, form.values, form.errors, 422);
    await commentOnInitiative(c.get('deps'), { user: c.get('user'), id: c.req.param('id'), body: form.data.body });
    setFlash(c, { kind: 'success', key: 'portfolio.commented' });
    return redirectAfterPost(c, `/okosystem/portefolje/${c.req.param('id')}`);
  });

  app.post('/okosystem/portefolje/:id/stotte', async (c) => {
    const now = await toggleInitiativeSupport(c.get('deps'), { user: c.get('user'), id: c.req.param('id') });
    setFlash(c, { kind: 'success', key: now ? 'portfolio.supported' : 'portfolio.supportWithdrawn' });
    return redirectAfterPost(c, `/okosystem/portefolje/${c.req.param('id')}`);
  });

  return app;
}

import type { Context } from 'hono';
import { Hono } from 'hono';
import { requireUser } from '../../core/auth/access.ts';
import { AppError } from '../../core/errors.ts';
import { parseForm } from '../../core/forms.ts';
import type { AppEnv } from '../../core/http/context.ts';
import { setFlash } from '../../core/http/flash.ts';
import { redirectAfterPost, renderPage } from '../../core/http/render.tsx';
import { actorsOfUser, isOrchestrator, requireOrchestrator } from '../ecosystem/ecosystem-access.ts';
import { challengeRoutes } from './challenges.routes.tsx';
import { choices, fieldError, parseFormWithLists } from './marketplace.forms.ts';
import { listHistory, type OfferingRow } from './marketplace.queries.ts';
import { browseQuerySchema, offeringFormSchema, rejectFormSchema } from './marketplace.schema.ts';
import {
  BrowseView,
  type FormValues,
  OfferingFormView,
  OfferingTableView,
  OfferingView,
  StatsView,
  SuggestionsView,
} from './marketplace.views.tsx';
import {
  browseOfferings,
  createOffering,
  decideOffering,
  editOffering,
  followOffering,
  myOfferings,
  offeringStatistics,
  pendingOfferings,
  readOffering,
  requireOfferingManager,
  submitOffering,
  supplierOptions,
} from './offerings.ts';
import { readSuggestions } from './suggestions.ts';

/**
 * The marketplace /okosystem/markedsplass (issue 5, item 6): public list of approved offerings with a GET
 * filter form, offering pages, the supplier's own list and form, the orchestrator's review, interest
 * statistics for the supplier's people, the counting redirect to the supplier, and suggestions from the
 * personal plan in the workspace. Challenges live in challenges.routes.tsx. Thin handlers: parse → one
 * domain function → render or redirect (303).
 */

const LISTS = ['phases', 'needIds', 'blockIds'];

const toValues = (o: OfferingRow | undefined): FormValues => ({
  fields: o
    ? {
        supplierActorId: o.supplierActorId,
        title: o.title,
        summary: o.summary,
        category: o.category,
        priceModel: o.priceModel,
        priceText: o.priceText,
        dataStorage: o.dataStorage,
        dataProcessorAgreement: o.dataProcessorAgreement ? 'yes' : 'no',
        dataExport: o.dataExport ? 'yes' : 'no',
        url: o.url,
      }
    : {},
  lists: { phases: (o?.phases ?? []).map(String), needIds: o?.needIds ?? [], blockIds: o?.blockIds ?? [] },
});

export function marketplaceRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/okosystem/markedsplass', async (c) => {
    const deps = c.get('deps');
    const user = c.get('user');
    const filter = browseQuerySchema.parse(c.req.query());
    const [offerings, { needs }, mine] = await Promise.all([browseOfferings(deps, filter), choices(c), actorsOfUser(deps, { user })]);
    return renderPage(c, {
      title: (v) => v.t('mkt.title'),
      body: (v) => (
        <BrowseView
          v={v}
          offerings={offerings}
          filter={filter}
          needs={needs}
          supplier={mine.length > 0}
          orchestrator={isOrchestrator(user)}
        />
      ),
    });
  });

  const formPage = async (
    c: Context<AppEnv>,
    opts: { action: string; editing: boolean; values: FormValues; errors: Record<string, string>; status?: 200 | 409 | 422 },
  ) => {
    const [suppliers, { needs, blocks }] = await Promise.all([supplierOptions(c.get('deps'), { user: c.get('user') }), choices(c)]);
    return renderPage(c, {
      title: (v) => v.t(opts.editing ? 'mkt.edit.title' : 'mkt.new.title'),
      body: (v) => (
        <OfferingFormView
          v={v}
          action={opts.action}
          editing={opts.editing}
          suppliers={suppliers}
          needs={needs}
          blocks={blocks}
          values={opts.values}
          errors={opts.errors}
        />
      ),
      status: opts.status,
    });
  };

  app.get('/okosystem/markedsplass/ny', (c) =>
    formPage(c, { action: '/okosystem/markedsplass', editing: false, values: toValues(undefined), errors: {} }),
  );

  app.get('/okosystem/markedsplass/mine', async (c) => {
    const offerings = await myOfferings(c.get('deps'), { user: c.get('user') });
    return renderPage(c, {
      title: (v) => v.t('mkt.mine.title'),
      body: (v) => <OfferingTableView v={v} title="mkt.mine.title" intro="mkt.mine.intro" offerings={offerings} />,
    });
  });

  app.get('/okosystem/markedsplass/godkjenning', async (c) => {
    const offerings = await pendingOfferings(c.get('deps'), { user: c.get('user') });
    return renderPage(c, {
      title: (v) => v.t('mkt.review.title'),
      body: (v) => <OfferingTableView v={v} title="mkt.review.title" intro="mkt.review.intro" offerings={offerings} />,
    });
  });

  app.post('/okosystem/markedsplass', async (c) => {
    requireUser(c.get('user'));
    const { form, values } = await parseFormWithLists(c, offeringFormSchema, LISTS);
    const action = '/okosystem/markedsplass';
    if (!form.ok) return formPage(c, { action, editing: false, values, errors: form.errors, status: 422 });
    let id: string;
    try {
      id = await createOffering(c.get('deps'), { user: c.get('user'), input: form.data });
    } catch (err) {
      const errors = fieldError(c, err);
      if (errors) return formPage(c, { action, editing: false, values, errors, status: 422 });
      throw err;
    }
    setFlash(c, { kind: 'success', key: 'mkt.flash.created' });
    return redirectAfterPost(c, `/okosystem/markedsplass/${id}`);
  });

  const offeringPage = async (
    c: Context<AppEnv>,
    values: Record<string, string>,
    errors: Record<string, string>,
    status: 200 | 409 | 422 = 200,
  ) => {
    const deps = c.get('deps');
    const user = c.get('user');
    const { offering, manage } = await readOffering(deps, { user, offeringId: c.req.param('id') ?? '' });
    const [{ needs, blocks }, history] = await Promise.all([choices(c), listHistory(deps.database.db, 'offering', offering.id)]);
    const names = new Map<string, string>([
      ...needs.map((n): [string, string] => [n.id, n.name]),
      ...blocks.map((b): [string, string] => [b.id, b.name]),
      [offering.supplierActorId, offering.supplierName],
    ]);
    const page = {
      offering,
      manage,
      orchestrator: isOrchestrator(user),
      needs: needs.filter((n) => offering.needIds.includes(n.id)),
      blocks: blocks.filter((b) => offering.blockIds.includes(b.id)),
      history,
      names,
    };
    return renderPage(c, {
      title: offering.title,
      body: (v) => <OfferingView v={v} page={page} values={values} errors={errors} />,
      status,
    });
  };

  app.get('/okosystem/markedsplass/:id', (c) => offeringPage(c, {}, {}));

  app.get('/okosystem/markedsplass/:id/ga-til', async (c) => {
    const url = await followOffering(c.get('deps'), { offeringId: c.req.param('id') });
    return c.redirect(url, 302);
  });

  app.get('/okosystem/markedsplass/:id/statistikk', async (c) => {
    const stats = await offeringStatistics(c.get('deps'), { user: c.get('user'), offeringId: c.req.param('id') });
    return renderPage(c, {
      title: (v) => v.t('mkt.stats.title', { title: stats.offering.title }),
      body: (v) => <StatsView v={v} offering={stats.offering} months={stats.months} suggestedTo={stats.suggestedTo} />,
    });
  });

  /** The edit form and its POST check the supplier boundary before anything else (403 for another supplier). */
  const managedOffering = (c: Context<AppEnv>) =>
    requireOfferingManager(c.get('deps'), { user: c.get('user'), offeringId: c.req.param('id') ?? '' });

  app.get('/okosystem/markedsplass/:id/endre', async (c) => {
    const offering = await managedOffering(c);
    return formPage(c, { action: `/okosystem/markedsplass/${offering.id}`, editing: true, values: toValues(offering), errors: {} });
  });

  app.post('/okosystem/markedsplass/:id', async (c) => {
    const offering = await managedOffering(c);
    const action = `/okosystem/markedsplass/${offering.id}`;
    const { form, values } = await parseFormWithLists(c, offeringFormSchema, LISTS);
    if (!form.ok) return formPage(c, { action, editing: true, values, errors: form.errors, status: 422 });
    try {
      await editOffering(c.get('deps'), { user: c.get('user'), offeringId: offering.id, input: form.data });
    } catch (err) {
      const errors = fieldError(c, err);
      if (errors) return formPage(c, { action, editing: true, values, errors, status: 422 });
      throw err;
    }
    setFlash(c, { kind: 'success', key: offering.status === 'approved' ? 'mkt.flash.editedApproved' : 'mkt.flash.edited' });
    return redirectAfterPost(c, action);
  });

  app.post('/okosystem/markedsplass/:id/send-inn', async (c) => {
    try {
      await submitOffering(c.get('deps'), { user: c.get('user'), offeringId: c.req.param('id') });
    } catch (err) {
      if (err instanceof AppError && err.code === 'conflict') return offeringPage(c, {}, fieldError(c, err)!, 409);
      throw err;
    }
    setFlash(c, { kind: 'success', key: 'mkt.flash.submitted' });
    return redirectAfterPost(c, `/okosystem/markedsplass/${c.req.param('id')}`);
  });

  app.post('/okosystem/markedsplass/:id/godkjenn', async (c) => {
    try {
      await decideOffering(c.get('deps'), { user: c.get('user'), offeringId: c.req.param('id'), decision: { approve: true } });
    } catch (err) {
      if (err instanceof AppError && err.code === 'conflict') return offeringPage(c, {}, fieldError(c, err)!, 409);
      throw err;
    }
    setFlash(c, { kind: 'success', key: 'mkt.flash.approved' });
    return redirectAfterPost(c, `/okosystem/markedsplass/${c.req.param('id')}`);
  });

  app.post('/okosystem/markedsplass/:id/avvis', async (c) => {
    const form = await parseForm(c, rejectFormSchema);
    if (!form.ok) {
      // The orchestrator guard answers first (403), also for a missing reason.
      requireOrchestrator(c.get('user'));
      return offeringPage(c, form.values, form.errors, 422);
    }
    try {
      await decideOffering(c.get('deps'), {
        user: c.get('user'),
        offeringId: c.req.param('id'),
        decision: { approve: false, reason: form.data.reason },
      });
    } catch (err) {
      if (err instanceof AppError && err.code === 'conflict') return offeringPage(c, {}, fieldError(c, err)!, 409);
      throw err;
    }
    setFlash(c, { kind: 'success', key: 'mkt.flash.rejected' });
    return redirectAfterPost(c, `/okosystem/markedsplass/${c.req.param('id')}`);
  });

  app.get('/arbeidsrom/:orgId/markedsplass', async (c) => {
    const { plan, suggestions, openTasks } = await readSuggestions(c.get('deps'), {
      user: c.get('user'),
      organisationId: c.req.param('orgId'),
    });
    return renderPage(c, {
      title: (v) => v.t('mkt.suggest.title'),
      body: (v) => <SuggestionsView v={v} organisation={plan.organisation} suggestions={suggestions} openTasks={openTasks} />,
    });
  });

  app.route('/', challengeRoutes());
  return app;
}

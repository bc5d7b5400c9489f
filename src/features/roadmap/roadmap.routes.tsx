import type { Context } from 'hono';
import { Hono } from 'hono';
import { AppError } from '../../core/errors.ts';
import { parseForm } from '../../core/forms.ts';
import type { AppEnv } from '../../core/http/context.ts';
import { setFlash } from '../../core/http/flash.ts';
import { redirectAfterPost, renderPage } from '../../core/http/render.tsx';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { isCoreGroupMember, requireCoreGroup } from '../ecosystem/ecosystem-access.ts';
import { createRoadmapItem, listRoadmap, readRoadmapItem, roadmapChoices, updateRoadmapItem } from './roadmap.domain.ts';
import { roadmapFilterSchema, roadmapFormSchema, versionSchema } from './roadmap.schema.ts';
import { itemToValues, type RoadmapFormValues, RoadmapFormView, RoadmapItemView, RoadmapListView } from './roadmap.views.tsx';

/**
 * The roadmap of simplifications /okosystem/veikart (issue 5 item 2): a public list grouped by status and
 * filtered with a plain GET form, an item page with its full history, and the core group's forms
 * (POST–redirect–GET; the guard runs before any input is looked at).
 */
export function roadmapRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/okosystem/veikart', async (c) => {
    const deps = c.get('deps');
    const filter = roadmapFilterSchema.parse(c.req.query());
    const items = await listRoadmap(deps, filter);
    const { actors } = await roadmapChoices(deps);
    const canEdit = await isCoreGroupMember(deps, { user: c.get('user') });
    return renderPage(c, {
      title: (v) => v.t('roadmap.title'),
      body: (v) => <RoadmapListView v={v} items={items} filter={filter} owners={actors} canEdit={canEdit} />,
    });
  });

  /** The posted values as the form shows them again (the repeated checkbox fields as lists). */
  const postedValues = async (c: Context<AppEnv>, fields: Record<string, string>): Promise<RoadmapFormValues> => {
    const body = await c.req.parseBody({ all: true });
    const list = (name: string) => {
      const raw = body[name];
      return (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((x): x is string => typeof x === 'string');
    };
    return { fields, phases: list('phases'), gains: list('gains'), needIds: list('needIds'), blockIds: list('blockIds') };
  };

  const formPage = async (
    c: Context<AppEnv>,
    opts: { itemId?: string; title?: string; values: RoadmapFormValues; errors: Record<string, string>; status?: 200 | 409 | 422 },
  ) => {
    const choices = await roadmapChoices(c.get('deps'));
    const heading = (v: Parameters<Parameters<typeof renderPage>[1]['body']>[0]) =>
      opts.itemId ? v.t('roadmap.edit.title', { title: opts.title ?? '' }) : v.t('roadmap.new');
    return renderPage(c, {
      title: heading,
      status: opts.status ?? 200,
      body: (v) => (
        <RoadmapFormView
          v={v}
          heading={heading(v)}
          action={opts.itemId ? `/okosystem/veikart/${opts.itemId}/endre` : '/okosystem/veikart/ny'}
          values={opts.values}
          errors={opts.errors}
          choices={{ actors: choices.actors, needs: choices.needs, blocks: choices.blocks }}
        />
      ),
    });
  };

  /** A domain error that belongs to a field (an unknown owner, need or block; a stale edit) re-shows the form. */
  const domainErrors = (c: Context<AppEnv>, err: unknown): { errors: Record<string, string>; status: 409 | 422 } | null => {
    if (err instanceof AppError && (err.code === 'validation' || err.code === 'conflict') && typeof err.details?.field === 'string') {
      return { errors: { [err.details.field]: c.get('t')(err.messageKey as MessageKey) }, status: err.code === 'conflict' ? 409 : 422 };
    }
    return null;
  };

  app.get('/okosystem/veikart/ny', async (c) => {
    await requireCoreGroup(c.get('deps'), { user: c.get('user') });
    return formPage(c, {
      values: { fields: { status: 'planned' }, phases: [], gains: [], needIds: [], blockIds: [] },
      errors: {},
    });
  });

  app.post('/okosystem/veikart/ny', async (c) => {
    await requireCoreGroup(c.get('deps'), { user: c.get('user') });
    const form = await parseForm(c, roadmapFormSchema);
    if (!form.ok) return formPage(c, { values: await postedValues(c, form.values), errors: form.errors, status: 422 });
    try {
      const { id } = await createRoadmapItem(c.get('deps'), { user: c.get('user'), form: form.data });
      setFlash(c, { key: 'roadmap.created', kind: 'success' });
      return redirectAfterPost(c, `/okosystem/veikart/${id}`);
    } catch (err) {
      const mapped = domainErrors(c, err);
      if (mapped) return formPage(c, { values: await postedValues(c, form.values), ...mapped });
      throw err;
    }
  });

  app.get('/okosystem/veikart/:id', async (c) => {
    const deps = c.get('deps');
    const { item, history } = await readRoadmapItem(deps, { id: c.req.param('id') });
    const canEdit = await isCoreGroupMember(deps, { user: c.get('user') });
    return renderPage(c, { title: item.title, body: (v) => <RoadmapItemView v={v} item={item} history={history} canEdit={canEdit} /> });
  });

  app.get('/okosystem/veikart/:id/endre', async (c) => {
    await requireCoreGroup(c.get('deps'), { user: c.get('user') });
    const { item } = await readRoadmapItem(c.get('deps'), { id: c.req.param('id') });
    return formPage(c, { itemId: item.id, title: item.title, values: itemToValues(item), errors: {} });
  });

  app.post('/okosystem/veikart/:id/endre', async (c) => {
    const deps = c.get('deps');
    await requireCoreGroup(deps, { user: c.get('user') });
    const { item } = await readRoadmapItem(deps, { id: c.req.param('id') });
    const form = await parseForm(c, roadmapFormSchema);
    const { version } = versionSchema.parse(form.values);
    if (!form.ok) {
      return formPage(c, {
        itemId: item.id,
        title: item.title,
        values: await postedValues(c, form.values),
        errors: form.errors,
        status: 422,
      });
    }
    try {
      await updateRoadmapItem(deps, { user: c.get('user'), itemId: item.id, version, form: form.data });
      setFlash(c, { key: 'roadmap.saved', kind: 'success' });
      return redirectAfterPost(c, `/okosystem/veikart/${item.id}`);
    } catch (err) {
      const mapped = domainErrors(c, err);
      if (!mapped) throw err;
      // A stale edit keeps what was typed (nothing is lost) and the version it was made from, so saving the
      // same form again is refused again: the editor reopens the item and sees the newer change first.
      return formPage(c, { itemId: item.id, title: item.title, values: await postedValues(c, form.values), ...mapped });
    }
  });

  return app;
}

import type { Context } from 'hono';
import { Hono } from 'hono';
import { requireUser } from '../../core/auth/access.ts';
import { AppError } from '../../core/errors.ts';
import { parseForm } from '../../core/forms.ts';
import type { AppEnv } from '../../core/http/context.ts';
import { setFlash } from '../../core/http/flash.ts';
import { redirectAfterPost, renderPage } from '../../core/http/render.tsx';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { isCoreGroupMember, requireCoreGroup } from '../ecosystem/ecosystem-access.ts';
import { changeNeedStatus, confirmNeed, listNeeds, markDuplicate, ownerOptions, readNeeds, recordNeed } from './needs.domain.ts';
import { blocksForNeeds, listNeedHistory } from './needs.queries.ts';
import { confirmFormSchema, duplicateFormSchema, listQuerySchema, needFormSchema, statusFormSchema } from './needs.schema.ts';
import { NeedFormView, type NeedPage, NeedsListView, NeedView } from './needs.views.tsx';

/**
 * The needs register /okosystem/behov (issue 5, item 4): public list and need pages; signed-in board members
 * and actors' people record needs and say "we have this too"; the core group groups duplicates.
 * Thin handlers: parse → one domain function → render or redirect (303).
 */
export function needsRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/okosystem/behov', async (c) => {
    const q = listQuerySchema.parse(c.req.query());
    const needs = await listNeeds(c.get('deps'), { phase: q.fase, status: q.status });
    return renderPage(c, {
      title: (v) => v.t('needs.title'),
      body: (v) => <NeedsListView v={v} needs={needs} phase={q.fase} status={q.status} />,
    });
  });

  const formPage = async (c: Context<AppEnv>, values: Record<string, string>, errors: Record<string, string>, status: 200 | 422 = 200) => {
    const owners = await ownerOptions(c.get('deps'), { user: c.get('user') });
    return renderPage(c, {
      title: (v) => v.t('needs.new.title'),
      body: (v) => <NeedFormView v={v} owners={owners} values={values} errors={errors} />,
      status,
    });
  };

  app.get('/okosystem/behov/ny', (c) => formPage(c, {}, {}));

  app.post('/okosystem/behov', async (c) => {
    requireUser(c.get('user'));
    const form = await parseForm(c, needFormSchema);
    if (!form.ok) return formPage(c, form.values, form.errors, 422);
    const id = await recordNeed(c.get('deps'), { user: c.get('user'), input: form.data });
    setFlash(c, { kind: 'success', key: 'needs.recorded' });
    return redirectAfterPost(c, `/okosystem/behov/${id}`);
  });

  const needPage = async (
    c: Context<AppEnv>,
    values: Record<string, string>,
    errors: Record<string, string>,
    status: 200 | 409 | 422 = 200,
  ) => {
    const deps = c.get('deps');
    const user = c.get('user');
    const id = c.req.param('id') ?? '';
    const { needs, confirmations } = await readNeeds(deps);
    const need = needs.find((n) => n.id === id);
    if (!need) throw new AppError('not_found', 'error.notFound.body');
    const rootId = need.duplicateOfId ?? need.id;
    const group = needs.filter((n) => n.id === rootId || n.duplicateOfId === rootId).map((n) => n.id);
    const page: NeedPage = {
      need,
      root: need.duplicateOfId ? needs.find((n) => n.id === need.duplicateOfId) : undefined,
      duplicates: needs.filter((n) => n.duplicateOfId === need.id),
      confirmations: confirmations.filter((x) => x.needId === need.id),
      history: await listNeedHistory(deps.database.db, need.id),
      blocks: await blocksForNeeds(deps.database.db, group),
      owners: user
        ? (await ownerOptions(deps, { user })).filter(
            (o) => o.value !== `org:${need.organisationId}` && o.value !== `actor:${need.actorId}`,
          )
        : [],
      candidates: (await isCoreGroupMember(deps, { user })) ? needs.filter((n) => !n.duplicateOfId && n.id !== need.id) : null,
    };
    return renderPage(c, { title: need.title, body: (v) => <NeedView v={v} page={page} values={values} errors={errors} />, status });
  };

  app.get('/okosystem/behov/:id', (c) => needPage(c, {}, {}));

  app.post('/okosystem/behov/:id/har-ogsa', async (c) => {
    requireUser(c.get('user'));
    const form = await parseForm(c, confirmFormSchema);
    if (!form.ok) return needPage(c, form.values, form.errors, 422);
    try {
      await confirmNeed(c.get('deps'), { user: c.get('user'), needId: c.req.param('id'), input: form.data });
    } catch (err) {
      if (err instanceof AppError && err.code === 'conflict') {
        return needPage(c, form.values, { owner: c.get('t')(err.messageKey as MessageKey) }, 409);
      }
      throw err;
    }
    setFlash(c, { kind: 'success', key: 'needs.confirmed' });
    return redirectAfterPost(c, `/okosystem/behov/${c.req.param('id')}`);
  });

  app.post('/okosystem/behov/:id/duplikat', async (c) => {
    const form = await parseForm(c, duplicateFormSchema);
    let rootId: string;
    try {
      // An invalid choice reaches the domain function as '', so its core-group guard still answers first (403).
      const duplicateOfId = form.ok ? form.data.duplicateOf : '';
      rootId = await markDuplicate(c.get('deps'), { user: c.get('user'), needId: c.req.param('id'), duplicateOfId });
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation') {
        return needPage(c, form.values, { duplicateOf: c.get('t')(err.messageKey as MessageKey) }, 422);
      }
      throw err;
    }
    setFlash(c, { kind: 'success', key: 'needs.grouped' });
    return redirectAfterPost(c, `/okosystem/behov/${rootId}`);
  });

  app.post('/okosystem/behov/:id/status', async (c) => {
    const form = await parseForm(c, statusFormSchema);
    // The guard runs inside changeNeedStatus before the value is used; an invalid value re-shows the page.
    if (!form.ok) {
      await requireCoreGroup(c.get('deps'), { user: c.get('user') });
      return needPage(c, form.values, form.errors, 422);
    }
    await changeNeedStatus(c.get('deps'), { user: c.get('user'), needId: c.req.param('id'), status: form.data.status });
    setFlash(c, { kind: 'success', key: 'needs.statusChanged' });
    return redirectAfterPost(c, `/okosystem/behov/${c.req.param('id')}`);
  });

  return app;
}

import { Hono } from 'hono';
import { BOARD_ROLES, requireOrgRole } from '../../core/auth/org-access.ts';
import { parseForm } from '../../core/forms.ts';
import type { AppEnv } from '../../core/http/context.ts';
import { setFlash } from '../../core/http/flash.ts';
import { redirectAfterPost, renderPage } from '../../core/http/render.tsx';
import { contentLang } from '../life-event-map/life-event-map.content.ts';
import { todayInNorway } from './facts-form.ts';
import { factsFormSchema, politiattestSchema, removePolitiattestSchema } from './plan.schema.ts';
import { FactsView, PlanView } from './plan.views.tsx';
import { addPolitiattest, removePolitiattest } from './politiattest.ts';
import { readFactsPage } from './read-facts.ts';
import { readPlan } from './read-plan.ts';
import { saveFacts } from './save-facts.ts';
import { setTaskStatus } from './set-task-status.ts';

/**
 * The personal plan (/arbeidsrom/:orgId/plan) and the organisation's facts (/arbeidsrom/:orgId/fakta).
 * Every domain function checks the caller's role first; a form error is only shown after that check.
 */
export function planRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/arbeidsrom/:orgId/plan', async (c) => {
    const plan = await readPlan(c.get('deps'), { user: c.get('user'), organisationId: c.req.param('orgId') });
    return renderPage(c, { title: (v) => v.t('plan.title'), body: (v) => <PlanView v={v} plan={plan} /> });
  });

  app.post('/arbeidsrom/:orgId/plan/status', async (c) => {
    const organisationId = c.req.param('orgId');
    const body = await c.req.parseBody();
    const taskId = typeof body.taskId === 'string' ? body.taskId : '';
    const status = typeof body.status === 'string' ? body.status : '';
    const { title } = await setTaskStatus(c.get('deps'), { user: c.get('user'), organisationId, taskId, status });
    setFlash(c, { key: 'plan.flash.statusSaved', params: { task: title[contentLang(c.get('lang'))] }, kind: 'success' });
    return redirectAfterPost(c, `/arbeidsrom/${organisationId}/plan#oppgave-${taskId}`);
  });

  app.get('/arbeidsrom/:orgId/fakta', async (c) => {
    const page = await readFactsPage(c.get('deps'), { user: c.get('user'), organisationId: c.req.param('orgId') });
    return renderPage(c, { title: (v) => v.t('facts.title'), body: (v) => <FactsView v={v} page={page} /> });
  });

  app.post('/arbeidsrom/:orgId/fakta', async (c) => {
    const deps = c.get('deps');
    const organisationId = c.req.param('orgId');
    const form = await parseForm(c, factsFormSchema(todayInNorway(deps.now())));
    if (!form.ok) {
      // The access check runs before anything about the organisation is shown, even a form error.
      await requireOrgRole(deps, { user: c.get('user'), organisationId, roles: BOARD_ROLES });
      const page = await readFactsPage(deps, { user: c.get('user'), organisationId });
      return renderPage(c, {
        title: (v) => v.t('facts.title'),
        status: 422,
        body: (v) => <FactsView v={v} page={page} values={form.values} errors={form.errors} />,
      });
    }
    await saveFacts(deps, { user: c.get('user'), organisationId, form: form.data });
    setFlash(c, { key: 'facts.flash.saved', kind: 'success' });
    return redirectAfterPost(c, `/arbeidsrom/${organisationId}/plan`);
  });

  app.post('/arbeidsrom/:orgId/fakta/politiattester', async (c) => {
    const deps = c.get('deps');
    const organisationId = c.req.param('orgId');
    const form = await parseForm(c, politiattestSchema(todayInNorway(deps.now())));
    if (!form.ok) {
      await requireOrgRole(deps, { user: c.get('user'), organisationId, roles: BOARD_ROLES });
      const page = await readFactsPage(deps, { user: c.get('user'), organisationId });
      return renderPage(c, {
        title: (v) => v.t('facts.title'),
        status: 422,
        body: (v) => <FactsView v={v} page={page} politiattest={{ values: form.values, errors: form.errors }} />,
      });
    }
    await addPolitiattest(deps, { user: c.get('user'), organisationId, check: form.data });
    setFlash(c, { key: 'facts.politiattest.flash.added', kind: 'success' });
    return redirectAfterPost(c, `/arbeidsrom/${organisationId}/fakta#politiattester`);
  });

  app.post('/arbeidsrom/:orgId/fakta/politiattester/fjern', async (c) => {
    const deps = c.get('deps');
    const organisationId = c.req.param('orgId');
    const form = await parseForm(c, removePolitiattestSchema);
    // An id that is not one of this organisation's is "not found" — after the access check in the domain function.
    await removePolitiattest(deps, { user: c.get('user'), organisationId, id: form.ok ? form.data.id : '' });
    setFlash(c, { key: 'facts.politiattest.flash.removed', kind: 'success' });
    return redirectAfterPost(c, `/arbeidsrom/${organisationId}/fakta#politiattester`);
  });

  return app;
}

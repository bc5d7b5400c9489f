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
import { readPortfolio } from '../portfolio/portfolio.domain.ts';
import {
  addSurvey,
  answerSurvey,
  decide,
  editExperiment,
  listExperiments,
  readExperiment,
  readSurveyForAnswer,
  readWorkspaceDemonstrators,
  recordResults,
  setParticipation,
  startExperiment,
} from './demonstrators.domain.ts';
import { decisionFormSchema, experimentFormSchema, resultsFormSchema, surveyFormSchema } from './demonstrators.schema.ts';
import {
  ExperimentFormView,
  ExperimentListView,
  ExperimentView,
  SurveyAnswerView,
  WorkspaceDemonstratorsView,
} from './demonstrators.views.tsx';

/**
 * Demonstrators /okosystem/demonstratorer (issue 5, item 7): public list and experiment pages; the core group
 * starts and runs experiments; organisations opt in from their workspace (/arbeidsrom/:orgId/demonstratorer)
 * and their members answer the surveys. Thin handlers: parse → one domain function → render or redirect (303).
 */
export function demonstratorsRoutes() {
  const app = new Hono<AppEnv>();

  /** Repeated fields (rows of metrics, questions, outcomes) for re-showing the person's input. */
  const lists = async (c: Context<AppEnv>, keys: string[]) => {
    const body = await c.req.parseBody({ all: true });
    return Object.fromEntries(
      keys.map((key) => [key, ([] as unknown[]).concat(body[key] ?? []).filter((x): x is string => typeof x === 'string')]),
    );
  };

  app.get('/okosystem/demonstratorer', async (c) => {
    const deps = c.get('deps');
    const [experiments, canRun] = await Promise.all([listExperiments(deps), isCoreGroupMember(deps, { user: c.get('user') })]);
    return renderPage(c, {
      title: (v) => v.t('demo.title'),
      wide: true,
      body: (v) => <ExperimentListView v={v} experiments={experiments} canRun={canRun} />,
    });
  });

  const newPage = async (
    c: Context<AppEnv>,
    state: { values: Record<string, string>; lists?: Record<string, string[]>; errors: Record<string, string> },
    status: 200 | 409 | 422 = 200,
  ) => {
    const deps = c.get('deps');
    await requireCoreGroup(deps, { user: c.get('user') });
    const [{ initiatives }, experiments] = await Promise.all([readPortfolio(deps), listExperiments(deps)]);
    const open = new Set(experiments.filter((e) => !e.experiment.decision).map((e) => e.experiment.initiativeId));
    const candidates = initiatives.filter((i) => i.stage === 'demonstrator' && !open.has(i.id)).map((i) => ({ id: i.id, title: i.title }));
    return renderPage(c, {
      title: (v) => v.t('demo.new'),
      body: (v) => <ExperimentFormView v={v} initiatives={candidates} {...state} />,
      status,
    });
  };

  app.get('/okosystem/demonstratorer/ny', (c) => newPage(c, { values: { initiativeId: c.req.query('initiativ') ?? '' }, errors: {} }));

  app.post('/okosystem/demonstratorer', async (c) => {
    await requireCoreGroup(c.get('deps'), { user: c.get('user') });
    const form = await parseForm(c, experimentFormSchema);
    const rows = await lists(c, ['metricName', 'metricTarget']);
    if (!form.ok) return newPage(c, { values: form.values, lists: rows, errors: form.errors }, 422);
    try {
      const id = await startExperiment(c.get('deps'), { user: c.get('user'), input: form.data });
      setFlash(c, { kind: 'success', key: 'demo.started' });
      return redirectAfterPost(c, `/okosystem/demonstratorer/${id}`);
    } catch (err) {
      if (err instanceof AppError && (err.code === 'validation' || err.code === 'conflict') && typeof err.details?.field === 'string') {
        const errors = { [err.details.field]: c.get('t')(err.messageKey as MessageKey) };
        return newPage(c, { values: form.values, lists: rows, errors }, err.code === 'conflict' ? 409 : 422);
      }
      throw err;
    }
  });

  const experimentPage = async (
    c: Context<AppEnv>,
    state: { values: Record<string, string>; lists?: Record<string, string[]>; errors: Record<string, string> },
    status: 200 | 409 | 422 = 200,
  ) => {
    const page = await readExperiment(c.get('deps'), { user: c.get('user'), id: c.req.param('id') ?? '' });
    return renderPage(c, {
      title: (v) => v.t('demo.page.title', { title: page.initiative.title }),
      body: (v) => <ExperimentView v={v} page={page} {...state} />,
      status,
    });
  };

  app.get('/okosystem/demonstratorer/:id', (c) => experimentPage(c, { values: {}, errors: {} }));

  const editPage = async (
    c: Context<AppEnv>,
    state: { values: Record<string, string>; lists?: Record<string, string[]>; errors: Record<string, string> },
    status: 200 | 409 | 422 = 200,
  ) => {
    const deps = c.get('deps');
    await requireCoreGroup(deps, { user: c.get('user') });
    const page = await readExperiment(deps, { user: c.get('user'), id: c.req.param('id') ?? '' });
    const e = page.experiment;
    const filled = {
      values: { initiativeId: e.initiativeId, hypothesis: e.hypothesis, startDate: e.startDate, endDate: e.endDate, ...state.values },
      lists: state.lists ?? { metricName: e.metrics.map((m) => m.name), metricTarget: e.metrics.map((m) => m.target) },
      errors: state.errors,
    };
    const initiatives = [{ id: page.initiative.id, title: page.initiative.title }];
    return renderPage(c, {
      title: (v) => v.t('demo.edit'),
      body: (v) => <ExperimentFormView v={v} initiatives={initiatives} editingId={e.id} {...filled} />,
      status,
    });
  };

  app.get('/okosystem/demonstratorer/:id/endre', (c) => editPage(c, { values: {}, errors: {} }));

  app.post('/okosystem/demonstratorer/:id', async (c) => {
    await requireCoreGroup(c.get('deps'), { user: c.get('user') });
    const form = await parseForm(c, experimentFormSchema);
    const rows = await lists(c, ['metricName', 'metricTarget']);
    if (!form.ok) return editPage(c, { values: form.values, lists: rows, errors: form.errors }, 422);
    try {
      await editExperiment(c.get('deps'), { user: c.get('user'), id: c.req.param('id'), input: form.data });
    } catch (err) {
      if (err instanceof AppError && (err.code === 'validation' || err.code === 'conflict') && typeof err.details?.field === 'string') {
        const errors = { [err.details.field]: c.get('t')(err.messageKey as MessageKey) };
        return editPage(c, { values: form.values, lists: rows, errors }, err.code === 'conflict' ? 409 : 422);
      }
      throw err;
    }
    setFlash(c, { kind: 'success', key: 'portfolio.saved' });
    return redirectAfterPost(c, `/okosystem/demonstratorer/${c.req.param('id')}`);
  });

  const back = (c: Context<AppEnv>) => `/okosystem/demonstratorer/${c.req.param('id')}`;

  app.post('/okosystem/demonstratorer/:id/undersokelser', async (c) => {
    await requireCoreGroup(c.get('deps'), { user: c.get('user') });
    const form = await parseForm(c, surveyFormSchema);
    if (!form.ok)
      return experimentPage(
        c,
        { values: form.values, lists: await lists(c, ['questionPrompt', 'questionKind']), errors: form.errors },
        422,
      );
    await addSurvey(c.get('deps'), { user: c.get('user'), id: c.req.param('id'), input: form.data });
    setFlash(c, { kind: 'success', key: 'demo.surveyAdded' });
    return redirectAfterPost(c, back(c));
  });

  app.post('/okosystem/demonstratorer/:id/resultater', async (c) => {
    await requireCoreGroup(c.get('deps'), { user: c.get('user') });
    const form = await parseForm(c, resultsFormSchema);
    if (!form.ok) return experimentPage(c, { values: form.values, lists: await lists(c, ['outcome']), errors: form.errors }, 422);
    await recordResults(c.get('deps'), { user: c.get('user'), id: c.req.param('id'), input: form.data });
    setFlash(c, { kind: 'success', key: 'demo.resultsSaved' });
    return redirectAfterPost(c, back(c));
  });

  app.post('/okosystem/demonstratorer/:id/beslutning', async (c) => {
    await requireCoreGroup(c.get('deps'), { user: c.get('user') });
    const form = await parseForm(c, decisionFormSchema);
    if (!form.ok) return experimentPage(c, { values: form.values, errors: form.errors }, 422);
    try {
      await decide(c.get('deps'), { user: c.get('user'), id: c.req.param('id'), input: form.data });
    } catch (err) {
      if (err instanceof AppError && err.code === 'conflict') {
        return experimentPage(c, { values: form.values, errors: { decision: c.get('t')(err.messageKey as MessageKey) } }, 409);
      }
      throw err;
    }
    setFlash(c, { kind: 'success', key: 'demo.decided' });
    return redirectAfterPost(c, back(c));
  });

  const answerPage = async (
    c: Context<AppEnv>,
    values: Record<string, string>,
    errors: Record<string, string>,
    status: 200 | 409 | 422 = 200,
  ) => {
    const data = await readSurveyForAnswer(c.get('deps'), { user: c.get('user'), surveyId: c.req.param('surveyId') ?? '' });
    if (data.survey.experimentId !== c.req.param('id')) throw new AppError('not_found', 'error.notFound.body');
    return renderPage(c, {
      title: data.survey.title,
      body: (v) => (
        <SurveyAnswerView
          v={v}
          experimentId={data.survey.experimentId}
          survey={data.survey}
          organisations={data.organisations}
          answered={data.answered}
          values={values}
          errors={errors}
        />
      ),
      status,
    });
  };

  app.get('/okosystem/demonstratorer/:id/undersokelser/:surveyId', (c) => answerPage(c, {}, {}));

  app.post('/okosystem/demonstratorer/:id/undersokelser/:surveyId', async (c) => {
    requireUser(c.get('user'));
    const body = await c.req.parseBody();
    const raw = Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'));
    const t = c.get('t');
    try {
      await answerSurvey(c.get('deps'), {
        user: c.get('user'),
        surveyId: c.req.param('surveyId'),
        organisationId: raw.organisationId ?? '',
        raw,
      });
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation') {
        const fieldErrors = (err.details?.errors ?? {}) as Record<string, string>;
        return answerPage(c, raw, Object.fromEntries(Object.entries(fieldErrors).map(([f, key]) => [f, t(key as MessageKey)])), 422);
      }
      if (err instanceof AppError && err.code === 'conflict') return answerPage(c, raw, { form: t(err.messageKey as MessageKey) }, 409);
      throw err;
    }
    setFlash(c, { kind: 'success', key: 'demo.answered' });
    return redirectAfterPost(c, back(c));
  });

  app.get('/arbeidsrom/:orgId/demonstratorer', async (c) => {
    const data = await readWorkspaceDemonstrators(c.get('deps'), { user: c.get('user'), organisationId: c.req.param('orgId') });
    return renderPage(c, { title: (v) => v.t('demo.workspace.title'), body: (v) => <WorkspaceDemonstratorsView v={v} data={data} /> });
  });

  for (const [path, join] of [
    ['delta', true],
    ['trekk', false],
  ] as const) {
    app.post(`/arbeidsrom/:orgId/demonstratorer/:id/${path}`, async (c) => {
      const organisationId = c.req.param('orgId');
      await setParticipation(c.get('deps'), { user: c.get('user'), id: c.req.param('id'), organisationId, join });
      setFlash(c, { kind: 'success', key: join ? 'demo.optedIn' : 'demo.optedOut' });
      return redirectAfterPost(c, `/arbeidsrom/${organisationId}/demonstratorer`);
    });
  }

  return app;
}

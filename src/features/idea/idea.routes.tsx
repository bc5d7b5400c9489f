import { Hono } from 'hono';
import { AppError } from '../../core/errors.ts';
import { translateIssues } from '../../core/forms.ts';
import type { AppEnv } from '../../core/http/context.ts';
import { renderPage } from '../../core/http/render.tsx';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { readSearchOptions, SearchFilterError } from '../register-search/search-organisations.ts';
import { findSimilarOrganisations, type SimilarOrganisations } from './find-similar.ts';
import { similarQuerySchema } from './idea.schema.ts';
import { AnswerView, GuideStartView, IdeaLandingView, QuestionView, SimilarView } from './idea.views.tsx';
import {
  adviseRegistration,
  answerSchema,
  answersToQuery,
  firstUnanswered,
  type GuideAnswers,
  nextQuestion,
  QUESTIONS,
  type Question,
  readAnswers,
} from './registration-guide.ts';

/**
 * Phase 1 of the life event, "idea" (/ide): similar organisations nearby, the guide "Må vi registrere oss,
 * og når?" and the way into a workspace before registration. Public, and every page works without
 * JavaScript: the search is a GET form, and the guide carries its answers in the query string (nothing is
 * stored, so nothing needs a session or the database).
 */
export function ideaRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/ide', async (c) => {
    const reference = await readSearchOptions(c.get('deps'));
    return renderPage(c, { title: (v) => v.t('idea.title'), body: (v) => <IdeaLandingView v={v} reference={reference} /> });
  });

  app.get('/ide/lignende', async (c) => {
    const deps = c.get('deps');
    const t = c.get('t');
    const values = c.req.query();
    // A submitted form (even an empty one) is checked; the bare page just shows the form.
    const hasQuery = 'icnpo' in values || 'kommune' in values || 'omrade' in values;
    let errors: Record<string, string> = {};
    let found: SimilarOrganisations | null = null;
    if (hasQuery) {
      const parsed = similarQuerySchema.safeParse(values);
      if (!parsed.success) errors = translateIssues(parsed.error, t);
      else {
        try {
          found = await findSimilarOrganisations(deps, {
            query: { icnpo: parsed.data.icnpo!, kommune: parsed.data.kommune!, omrade: parsed.data.omrade },
          });
        } catch (error) {
          if (!(error instanceof SearchFilterError)) throw error;
          errors = Object.fromEntries(Object.entries(error.fields).map(([field, key]) => [field, t(key)]));
        }
      }
    }
    const reference = await readSearchOptions(deps);
    return renderPage(c, {
      title: (v) => v.t('idea.similar.title'),
      status: Object.keys(errors).length > 0 ? 400 : 200,
      body: (v) => <SimilarView v={v} reference={reference} values={values} errors={errors} found={found} />,
    });
  });

  app.get('/ide/registrering', (c) => renderPage(c, { title: (v) => v.t('idea.guide.title'), body: (v) => <GuideStartView v={v} /> }));

  app.get('/ide/registrering/svar', (c) => {
    const answers = readAnswers(c.req.query());
    const missing = firstUnanswered(answers);
    if (missing) return c.redirect(`/ide/registrering/${missing}${answersToQuery(answers)}`, 303);
    const complete = answers as Required<GuideAnswers>;
    const advice = adviseRegistration(complete);
    return renderPage(c, {
      title: (v) => v.t('idea.guide.title'),
      body: (v) => <AnswerView v={v} answers={complete} advice={advice} />,
    });
  });

  /**
   * One question page (GOV.UK question pattern). The form GETs this same page with `sendt=1`: a valid answer
   * goes on to the next question (or back to the answers when changing one), a missing one shows the page
   * again with the error. A question cannot be reached before the ones in front of it are answered.
   */
  app.get('/ide/registrering/:question', (c) => {
    const question = c.req.param('question') as Question;
    if (!(QUESTIONS as readonly string[]).includes(question)) throw new AppError('not_found', 'error.notFound.body');
    const query = c.req.query();
    const answers = readAnswers(query);
    const earlier = firstUnanswered(answers, QUESTIONS.indexOf(question));
    if (earlier) return c.redirect(`/ide/registrering/${earlier}${answersToQuery(answers)}`, 303);
    const changing = query.endre === '1';
    let error: string | undefined;
    if (query.sendt === '1') {
      const parsed = answerSchema.safeParse(query[question]);
      if (parsed.success) {
        // Changing one answer goes back to the answers; the answer page sends on to anything still missing.
        const next = nextQuestion(question);
        const target = changing || !next ? 'svar' : next;
        return c.redirect(`/ide/registrering/${target}${answersToQuery(answers)}`, 303);
      }
      error = c.get('t')(parsed.error.issues[0]!.message as MessageKey);
    }
    return renderPage(c, {
      title: (v) =>
        error ? `${v.t('idea.guide.errorPrefix')} ${v.t(`idea.q.${question}` as MessageKey)}` : v.t(`idea.q.${question}` as MessageKey),
      status: error ? 400 : 200,
      body: (v) => <QuestionView v={v} question={question} answers={answers} changing={changing} error={error} />,
    });
  });

  return app;
}

import type { ViewContext } from '../../core/http/view-context.ts';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { ErrorSummary } from '../../core/layout.tsx';
import { formatOrgnr } from '../../core/validators/orgnr.ts';
import { taskHref } from '../life-event-map/life-event-map.content.ts';
import { Breadcrumbs } from '../life-event-map/life-event-map.views.tsx';
import type { ReferenceData } from '../register-search/register-search.queries.ts';
import {
  formatDate,
  IcnpoOptions,
  KommuneOptions,
  NlodAttribution,
  RegisterTags,
  SelectField,
} from '../register-search/register-search.views.tsx';
import type { SimilarOrganisations } from './find-similar.ts';
import { ANSWERS, answersToQuery, type GuideAdvice, type GuideAnswers, headline, QUESTIONS, type Question } from './registration-guide.ts';

/** Where a task on the life-event map lives (the guide and the idea page link to the map's tasks). */
const TASK_PHASE: Record<string, 'ide' | 'starte' | 'drive'> = {
  'opprett-bankkonto': 'starte',
  'registrer-enhetsregisteret': 'starte',
  'registrer-frivillighetsregisteret': 'starte',
  'meld-grasrotandel': 'starte',
  'registrer-mva': 'starte',
  'registrer-arbeidsgiver': 'starte',
  'sok-momskompensasjon': 'drive',
  'a-melding': 'drive',
};

function ideaTrail(v: ViewContext, current?: { href: string; label: string }) {
  const trail = [
    { href: '/', label: v.t('lem.breadcrumb.home') },
    { href: '/ide', label: v.t('idea.title') },
  ];
  return current ? [...trail, current] : trail;
}

/** Where "create a workspace" leads: straight to the form when signed in, else through sign-in. */
export function workspaceStartHref(v: ViewContext): string {
  return v.user ? '/arbeidsrom/ny' : `/logg-inn?tilbake=${encodeURIComponent('/arbeidsrom/ny')}`;
}

export function SimilarForm(props: {
  v: ViewContext;
  reference: ReferenceData;
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  const { v, reference, values, errors } = props;
  const { t } = v;
  return (
    <form method="get" action="/ide/lignende" role="search" class="stack" novalidate>
      <SelectField id="icnpo" label={t('idea.similar.icnpo')} description={t('idea.similar.icnpoHint')} error={errors.icnpo}>
        <IcnpoOptions v={v} reference={reference} selected={values.icnpo} />
      </SelectField>
      <SelectField id="kommune" label={t('idea.similar.kommune')} error={errors.kommune}>
        <KommuneOptions v={v} reference={reference} selected={values.kommune} />
      </SelectField>
      <button type="submit" class="ds-button" data-variant="primary">
        {t('idea.similar.submit')}
      </button>
    </form>
  );
}

export function IdeaLandingView(props: { v: ViewContext; reference: ReferenceData }) {
  const { v } = props;
  const { t } = v;
  return (
    <>
      <Breadcrumbs v={v} trail={ideaTrail(v)} />
      <h1 class="ds-heading" data-size="lg">
        <span class="heading-caption">{t('lem.phaseOf', { n: 1, total: 6 })}</span>
        {t('idea.title')}
      </h1>
      <p class="ds-paragraph lead" data-size="lg">
        {t('idea.lead')}
      </p>
      <section aria-labelledby="idea-similar-heading" class="idea-section">
        <h2 class="ds-heading" data-size="md" id="idea-similar-heading">
          {t('idea.similar.title')}
        </h2>
        <p class="ds-paragraph">{t('idea.similar.lead')}</p>
        <SimilarForm v={v} reference={props.reference} values={{}} errors={{}} />
      </section>
      <section aria-labelledby="idea-guide-heading" class="idea-section">
        <h2 class="ds-heading" data-size="md" id="idea-guide-heading">
          {t('idea.guide.title')}
        </h2>
        <p class="ds-paragraph">{t('idea.guide.lead')}</p>
        <p>
          <a class="ds-button" data-variant="secondary" href="/ide/registrering">
            {t('idea.guide.start')}
          </a>
        </p>
      </section>
      <section aria-labelledby="idea-workspace-heading" class="idea-section">
        <h2 class="ds-heading" data-size="md" id="idea-workspace-heading">
          {t('idea.workspace.title')}
        </h2>
        <p class="ds-paragraph">{t('idea.workspace.lead')}</p>
        <p>
          <a class="ds-button" data-variant="secondary" href={workspaceStartHref(v)}>
            {t('idea.workspace.start')}
          </a>
        </p>
      </section>
      <p class="ds-paragraph">
        <a class="ds-link" href="/livshendelse/ide">
          {t('idea.mapLink')}
        </a>
      </p>
    </>
  );
}

export function SimilarView(props: {
  v: ViewContext;
  reference: ReferenceData;
  values: Record<string, string>;
  errors: Record<string, string>;
  found: SimilarOrganisations | null;
}) {
  const { v, found, values } = props;
  const { t } = v;
  const r = found?.result ?? null;
  const area = found ? (values.omrade === 'fylke' && found.fylke ? found.fylke.navn : found.kommune.navn) : '';
  return (
    <>
      <Breadcrumbs v={v} trail={ideaTrail(v, { href: '/ide/lignende', label: t('idea.similar.title') })} />
      <h1 class="ds-heading" data-size="lg">
        {t('idea.similar.title')}
      </h1>
      <ErrorSummary v={v} errors={props.errors} />
      <SimilarForm v={v} reference={props.reference} values={values} errors={props.errors} />
      {found && r ? (
        <section aria-labelledby="similar-results-heading" class="idea-results">
          <h2 class="ds-heading" data-size="md" id="similar-results-heading">
            {t('idea.similar.resultsTitle', { category: found.icnpo.navn, area })}
          </h2>
          <p class="ds-paragraph" role="status">
            {r.total === 0
              ? t('idea.similar.none')
              : r.total === 1
                ? t('idea.similar.one')
                : t('idea.similar.count', { count: r.total.toLocaleString('nb-NO'), shown: r.hits.length })}
          </p>
          {r.hits.length > 0 ? (
            <ul class="ds-list--unstyled card-list">
              {r.hits.map((hit) => (
                <li>
                  <div class="ds-card">
                    <h3 class="ds-heading" data-size="xs">
                      <a class="ds-link" href={`/organisasjoner/${hit.orgnr}`}>
                        {hit.navn}
                      </a>
                    </h3>
                    <p class="ds-paragraph" data-size="sm">
                      {[
                        t('idea.similar.orgnr', { orgnr: formatOrgnr(hit.orgnr) }),
                        hit.kommuneNavn ?? hit.kommunenummer ?? '',
                        hit.stiftelsesdato ? t('idea.similar.founded', { date: formatDate(hit.stiftelsesdato) }) : '',
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </p>
                    <RegisterTags
                      v={v}
                      frr={hit.frivillighetsregisteret}
                      grasrot={hit.grasrotandel}
                      underAvvikling={hit.underAvvikling}
                      konkurs={hit.konkurs}
                      slettedato={hit.slettedato}
                    />
                  </div>
                </li>
              ))}
            </ul>
          ) : null}
          <ul class="ds-list--unstyled inline-list">
            {values.omrade !== 'fylke' && found.fylke ? (
              <li>
                <a
                  class="ds-link"
                  href={`/ide/lignende?icnpo=${encodeURIComponent(found.icnpo.nummer)}&kommune=${encodeURIComponent(found.kommune.nummer)}&omrade=fylke`}
                >
                  {t('idea.similar.widen', { fylke: found.fylke.navn })}
                </a>
              </li>
            ) : null}
            {r.total > 0 ? (
              <li>
                <a class="ds-link" href={found.fullSearchHref}>
                  {t('idea.similar.all')}
                </a>
              </li>
            ) : null}
          </ul>
          <p class="ds-paragraph">{t('idea.similar.joinHint')}</p>
          <NlodAttribution v={v} />
        </section>
      ) : null}
      <p class="ds-paragraph">
        <a class="ds-link" href="/ide">
          {t('idea.back')}
        </a>
      </p>
    </>
  );
}

export function GuideStartView(props: { v: ViewContext }) {
  const { v } = props;
  const { t } = v;
  return (
    <>
      <Breadcrumbs v={v} trail={ideaTrail(v, { href: '/ide/registrering', label: t('idea.guide.title') })} />
      <h1 class="ds-heading" data-size="lg">
        {t('idea.guide.title')}
      </h1>
      <p class="ds-paragraph lead">{t('idea.guide.intro1')}</p>
      <p class="ds-paragraph">{t('idea.guide.intro2')}</p>
      <p>
        <a class="ds-button" data-variant="primary" href={`/ide/registrering/${QUESTIONS[0]}`}>
          {t('idea.guide.startNow')}
        </a>
      </p>
    </>
  );
}

function answerLabel(v: ViewContext, a: string | undefined): string {
  return a ? v.t(`idea.answer.${a}` as MessageKey) : '';
}

export function QuestionView(props: { v: ViewContext; question: Question; answers: GuideAnswers; changing: boolean; error?: string }) {
  const { v, question, answers } = props;
  const { t } = v;
  const index = QUESTIONS.indexOf(question);
  const previous = QUESTIONS[index - 1];
  const backHref = props.changing
    ? `/ide/registrering/svar${answersToQuery(answers)}`
    : previous
      ? `/ide/registrering/${previous}${answersToQuery(answers)}`
      : '/ide/registrering';
  const errors = props.error ? { [question]: props.error } : {};
  const describedBy = [`${question}-hint`, props.error ? `${question}-error` : null].filter(Boolean).join(' ');
  return (
    <>
      <p class="ds-paragraph back-link">
        <a class="ds-link" href={backHref}>
          {t('idea.guide.back')}
        </a>
      </p>
      <ErrorSummary v={v} errors={errors} />
      <form method="get" action={`/ide/registrering/${question}`} class="stack" novalidate>
        {QUESTIONS.filter((q) => q !== question && answers[q]).map((q) => (
          <input type="hidden" name={q} value={answers[q]!} />
        ))}
        <input type="hidden" name="sendt" value="1" />
        {props.changing ? <input type="hidden" name="endre" value="1" /> : null}
        <fieldset class="ds-fieldset" aria-describedby={describedBy}>
          <legend>
            <span class="heading-caption">{t('idea.guide.questionOf', { n: index + 1, total: QUESTIONS.length })}</span>
            <h1 class="ds-heading" data-size="lg">
              {t(`idea.q.${question}` as MessageKey)}
            </h1>
          </legend>
          <div class="ds-paragraph field-description" id={`${question}-hint`}>
            {t(`idea.q.${question}.hint` as MessageKey)}
          </div>
          {props.error ? (
            <div class="ds-validation-message" id={`${question}-error`} data-color="danger">
              {props.error}
            </div>
          ) : null}
          {ANSWERS.map((a, i) => (
            <div class="ds-field">
              <input
                class="ds-input"
                type="radio"
                name={question}
                id={i === 0 ? question : `${question}-${a}`}
                value={a}
                checked={answers[question] === a}
                aria-invalid={props.error ? 'true' : undefined}
              />
              <label class="ds-label" for={i === 0 ? question : `${question}-${a}`} data-weight="regular">
                {answerLabel(v, a)}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" class="ds-button" data-variant="primary">
          {t('idea.guide.continue')}
        </button>
      </form>
    </>
  );
}

function TaskLinks(props: { v: ViewContext; tasks: string[] }) {
  return (
    <ul class="ds-list--unstyled inline-list">
      {props.tasks.map((id) => (
        <li>
          <a class="ds-link" href={taskHref(TASK_PHASE[id] ?? 'starte', id)}>
            {props.v.t(`idea.task.${id}` as MessageKey)}
          </a>
        </li>
      ))}
    </ul>
  );
}

export function AnswerView(props: { v: ViewContext; answers: Required<GuideAnswers>; advice: GuideAdvice }) {
  const { v, answers, advice } = props;
  const { t } = v;
  const head = headline(advice);
  return (
    <>
      <Breadcrumbs v={v} trail={ideaTrail(v, { href: `/ide/registrering/svar${answersToQuery(answers)}`, label: t('idea.guide.title') })} />
      <div class="ds-alert guide-result" data-color={head === 'not-yet' ? 'success' : 'info'}>
        <h1 class="ds-heading" data-size="md">
          {t(`idea.result.${head}` as MessageKey)}
        </h1>
        <p class="ds-paragraph">{t(`idea.result.${head}.body` as MessageKey)}</p>
      </div>
      <section aria-labelledby="guide-why-heading">
        <h2 class="ds-heading" data-size="sm" id="guide-why-heading">
          {t('idea.result.why')}
        </h2>
        {advice.reasons.length === 0 ? <p class="ds-paragraph">{t('idea.reason.none')}</p> : null}
        <ul class="ds-list--unstyled guide-reasons">
          {advice.reasons.map((reason) => (
            <li>
              <h3 class="ds-heading" data-size="xs">
                {t(`idea.reason.${reason.id}.${reason.certain ? 'yes' : 'unsure'}` as MessageKey)}
              </h3>
              <p class="ds-paragraph">{t(`idea.reason.${reason.id}.why` as MessageKey)}</p>
              <p class="ds-paragraph">
                <strong>{t('idea.result.when')}</strong> {t(`idea.reason.${reason.id}.when` as MessageKey)}
              </p>
              <TaskLinks v={v} tasks={reason.tasks} />
            </li>
          ))}
        </ul>
        <p class="ds-paragraph">{t('idea.result.rightNotDuty')}</p>
      </section>
      {advice.alsoConsider.length > 0 ? (
        <section aria-labelledby="guide-also-heading">
          <h2 class="ds-heading" data-size="sm" id="guide-also-heading">
            {t('idea.result.also')}
          </h2>
          <ul class="ds-list">
            {advice.alsoConsider.map((item) => (
              <li>{t(`idea.also.${item}` as MessageKey)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="guide-answers-heading">
        <h2 class="ds-heading" data-size="sm" id="guide-answers-heading">
          {t('idea.result.answers')}
        </h2>
        <dl class="summary-list">
          {QUESTIONS.map((q) => (
            <div class="summary-list__row">
              <dt>{t(`idea.q.${q}` as MessageKey)}</dt>
              <dd>{answerLabel(v, answers[q])}</dd>
              <dd>
                <a class="ds-link" href={`/ide/registrering/${q}${answersToQuery(answers, { endre: '1' })}`}>
                  {t('idea.result.change')}
                  <span class="ds-sr-only"> {t(`idea.q.${q}.short` as MessageKey)}</span>
                </a>
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="guide-next-heading">
        <h2 class="ds-heading" data-size="sm" id="guide-next-heading">
          {t('idea.result.next')}
        </h2>
        <p class="ds-paragraph">{t('idea.workspace.lead')}</p>
        <p>
          <a class="ds-button" data-variant="primary" href={workspaceStartHref(v)}>
            {t('idea.workspace.start')}
          </a>
        </p>
        <ul class="ds-list--unstyled inline-list">
          <li>
            <a class="ds-link" href="/livshendelse/starte">
              {t('idea.result.phase2')}
            </a>
          </li>
          <li>
            <a class="ds-link" href="/ide">
              {t('idea.back')}
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}

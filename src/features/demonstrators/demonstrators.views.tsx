import { Radios, Select, TextArea } from '../../core/form-fields.tsx';
import type { ViewContext } from '../../core/http/view-context.ts';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { CsrfField, ErrorSummary, TextField } from '../../core/layout.tsx';
import { HistoryTable, ScrollTable, stageName } from '../portfolio/portfolio.views.tsx';
import type { listExperiments, QuestionResult, readExperiment, readWorkspaceDemonstrators } from './demonstrators.domain.ts';
import { DECISIONS, MAX_ROWS, QUESTION_KINDS } from './demonstrators.schema.ts';

/** Views of the demonstrators: the list, an experiment's page, the forms, a survey, the workspace panel. */

const k = (key: string) => key as MessageKey;
const ROWS = Array.from({ length: MAX_ROWS }, (_, i) => i);
type Experiments = Awaited<ReturnType<typeof listExperiments>>;
type ExperimentPage = Awaited<ReturnType<typeof readExperiment>>;
type FormState = { values: Record<string, string>; lists?: Record<string, string[]>; errors: Record<string, string> };

const statusText = (v: ViewContext, decision: string | null) =>
  decision ? v.t(k(`demo.decision.${decision}`)) : v.t('demo.status.running');

function Back(props: { v: ViewContext; href: string; text: string }) {
  return (
    <p class="ds-paragraph">
      <a class="ds-link" href={props.href}>
        {props.text}
      </a>
    </p>
  );
}

export function ExperimentListView(props: { v: ViewContext; experiments: Experiments; canRun: boolean }) {
  const { v } = props;
  return (
    <>
      <h1 class="ds-heading" data-size="lg">
        {v.t('demo.title')}
      </h1>
      <p class="ds-paragraph">{v.t('demo.intro')}</p>
      <p class="ds-paragraph">
        {props.canRun ? (
          <a class="ds-link" href="/okosystem/demonstratorer/ny">
            {v.t('demo.new')}
          </a>
        ) : (
          v.t('demo.optInHint')
        )}
      </p>
      {props.experiments.length === 0 ? (
        <p class="ds-paragraph">{v.t('demo.none')}</p>
      ) : (
        <ScrollTable captionId="experiments-caption">
          <table class="ds-table">
            <caption id="experiments-caption">{v.t('demo.list.caption', { count: props.experiments.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{v.t('demo.list.initiative')}</th>
                <th scope="col">{v.t('demo.list.hypothesis')}</th>
                <th scope="col">{v.t('demo.list.period')}</th>
                <th scope="col">{v.t('demo.list.participants')}</th>
                <th scope="col">{v.t('demo.list.status')}</th>
              </tr>
            </thead>
            <tbody>
              {props.experiments.map((e) => (
                <tr>
                  <td>
                    <a class="ds-link" href={`/okosystem/portefolje/${e.experiment.initiativeId}`}>
                      {e.initiativeTitle}
                    </a>
                  </td>
                  <td>
                    <a class="ds-link" href={`/okosystem/demonstratorer/${e.experiment.id}`}>
                      {e.experiment.hypothesis}
                    </a>
                  </td>
                  <td>
                    {e.experiment.startDate} – {e.experiment.endDate}
                  </td>
                  <td>{e.participants.length}</td>
                  <td>{statusText(v, e.experiment.decision)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </>
  );
}

export function ExperimentFormView(
  props: FormState & { v: ViewContext; initiatives: { id: string; title: string }[]; editingId?: string },
) {
  const { v, values, errors } = props;
  const names = props.lists?.metricName ?? [];
  const targets = props.lists?.metricTarget ?? [];
  return (
    <>
      <Back v={v} href="/okosystem/demonstratorer" text={v.t('demo.back')} />
      <h1 class="ds-heading" data-size="lg">
        {v.t(props.editingId ? 'demo.edit' : 'demo.new')}
      </h1>
      <ErrorSummary v={v} errors={errors} />
      {props.initiatives.length === 0 ? (
        <p class="ds-paragraph">{v.t('demo.form.noInitiatives')}</p>
      ) : (
        <form
          method="post"
          action={props.editingId ? `/okosystem/demonstratorer/${props.editingId}` : '/okosystem/demonstratorer'}
          novalidate
        >
          <CsrfField v={v} />
          {props.editingId ? (
            <input type="hidden" name="initiativeId" value={values.initiativeId} />
          ) : (
            <Select
              id="initiativeId"
              label={v.t('demo.field.initiative')}
              value={values.initiativeId}
              error={errors.initiativeId}
              options={props.initiatives.map((i) => ({ value: i.id, label: i.title }))}
            />
          )}
          <TextArea
            id="hypothesis"
            label={v.t('demo.field.hypothesis')}
            hint={v.t('demo.field.hypothesis.hint')}
            value={values.hypothesis}
            error={errors.hypothesis}
          />
          <TextField
            id="startDate"
            type="date"
            label={v.t('demo.field.startDate')}
            value={values.startDate}
            error={errors.startDate}
            width="short"
          />
          <TextField
            id="endDate"
            type="date"
            label={v.t('demo.field.endDate')}
            value={values.endDate}
            error={errors.endDate}
            width="short"
          />
          <fieldset class="ds-fieldset form-field" aria-describedby={errors.metricName ? 'metricName-error' : undefined}>
            <legend class="ds-label" id="metricName">
              {v.t('demo.field.metrics')}
            </legend>
            {errors.metricName ? (
              <div class="ds-validation-message" id="metricName-error" data-color="danger">
                {errors.metricName}
              </div>
            ) : null}
            {ROWS.map((i) => (
              <div class="metric-row">
                <TextField id={`metricName-${i}`} name="metricName" label={v.t('demo.field.metricName', { n: i + 1 })} value={names[i]} />
                <TextField
                  id={`metricTarget-${i}`}
                  name="metricTarget"
                  label={v.t('demo.field.metricTarget', { n: i + 1 })}
                  value={targets[i]}
                />
              </div>
            ))}
          </fieldset>
          <button class="ds-button" type="submit">
            {v.t(props.editingId ? 'demo.form.save' : 'demo.form.submit')}
          </button>
        </form>
      )}
    </>
  );
}

/** Aggregated answers: a table per scale question (count per value, mean), a list of the free-text answers. */
function Results(props: { v: ViewContext; id: string; results: QuestionResult[]; caption: string }) {
  const { v } = props;
  return (
    <>
      {props.results.map((q, i) =>
        q.kind === 'scale' ? (
          <ScrollTable captionId={`${props.id}-${i}`}>
            <table class="ds-table">
              <caption id={`${props.id}-${i}`}>
                {props.caption}: {q.prompt}
              </caption>
              <thead>
                <tr>
                  {[1, 2, 3, 4, 5].map((n) => (
                    <th scope="col">{v.t('demo.results.value', { n })}</th>
                  ))}
                  <th scope="col">{v.t('demo.results.mean')}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  {q.distribution.map((c) => (
                    <td>{c}</td>
                  ))}
                  <td>{q.mean ?? '–'}</td>
                </tr>
              </tbody>
            </table>
          </ScrollTable>
        ) : (
          <>
            <p class="ds-paragraph">
              <strong>
                {props.caption}: {q.prompt}
              </strong>
            </p>
            {q.texts.length === 0 ? (
              <p class="ds-paragraph">{v.t('demo.results.noText')}</p>
            ) : (
              <ul class="ds-list">
                {q.texts.map((t) => (
                  <li>{t}</li>
                ))}
              </ul>
            )}
          </>
        ),
      )}
    </>
  );
}

export function ExperimentView(props: FormState & { v: ViewContext; page: ExperimentPage }) {
  const { v, page, values, errors } = props;
  const e = page.experiment;
  const lists = props.lists ?? {};
  return (
    <>
      <Back v={v} href="/okosystem/demonstratorer" text={v.t('demo.back')} />
      <h1 class="ds-heading" data-size="lg">
        {v.t('demo.page.title', { title: page.initiative.title })}
      </h1>
      <ErrorSummary v={v} errors={errors} />
      <dl class="need-facts">
        <dt>{v.t('demo.field.initiative')}</dt>
        <dd>
          <a class="ds-link" href={`/okosystem/portefolje/${page.initiative.id}`}>
            {page.initiative.title}
          </a>{' '}
          ({stageName(v, page.initiative.stage)})
        </dd>
        <dt>{v.t('demo.field.hypothesis')}</dt>
        <dd>{e.hypothesis}</dd>
        <dt>{v.t('demo.list.period')}</dt>
        <dd>
          {e.startDate} – {e.endDate}
        </dd>
        <dt>{v.t('demo.field.owner')}</dt>
        <dd>{e.ownerName}</dd>
        <dt>{v.t('demo.list.status')}</dt>
        <dd>
          {statusText(v, e.decision)}
          {e.decisionReason ? `: ${e.decisionReason}` : ''}
        </dd>
      </dl>
      <ScrollTable captionId="metrics-caption">
        <table class="ds-table">
          <caption id="metrics-caption">{v.t('demo.metrics.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{v.t('demo.metrics.name')}</th>
              <th scope="col">{v.t('demo.metrics.target')}</th>
              <th scope="col">{v.t('demo.metrics.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {e.metrics.map((m) => (
              <tr>
                <td>{m.name}</td>
                <td>{m.target}</td>
                <td>{m.outcome || '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {e.results || e.learning ? (
        <>
          <h2 class="ds-heading" data-size="sm">
            {v.t('demo.results.heading')}
          </h2>
          {e.results ? <p class="ds-paragraph">{e.results}</p> : null}
          {e.learning ? (
            <p class="ds-paragraph">
              <strong>{v.t('demo.field.learning')}:</strong> {e.learning}
            </p>
          ) : null}
        </>
      ) : null}
      <h2 class="ds-heading" data-size="sm">
        {v.t('demo.participants.heading')}
      </h2>
      {page.participants.length === 0 ? (
        <p class="ds-paragraph">{v.t('demo.participants.none')}</p>
      ) : (
        <ul class="ds-list">
          {page.participants.map((p) => (
            <li>{p.name}</li>
          ))}
        </ul>
      )}
      <p class="ds-paragraph">{v.t('demo.participants.how')}</p>
      <h2 class="ds-heading" data-size="sm">
        {v.t('demo.surveys.heading')}
      </h2>
      {page.surveys.length === 0 ? <p class="ds-paragraph">{v.t('demo.surveys.none')}</p> : null}
      {page.surveys.map((s) => (
        <section aria-labelledby={`survey-${s.survey.id}`}>
          <h3 class="ds-heading" data-size="xs" id={`survey-${s.survey.id}`}>
            {s.survey.title}
          </h3>
          <p class="ds-paragraph">{v.t('demo.surveys.responses', { count: s.responses })}</p>
          {page.myParticipating.length > 0 ? (
            <p class="ds-paragraph">
              {s.answered ? (
                v.t('demo.surveys.answered')
              ) : (
                <a class="ds-link" href={`/okosystem/demonstratorer/${e.id}/undersokelser/${s.survey.id}`}>
                  {v.t('demo.surveys.answer', { title: s.survey.title })}
                </a>
              )}
            </p>
          ) : null}
          {s.all ? <Results v={v} id={`all-${s.survey.id}`} results={s.all} caption={v.t('demo.results.all')} /> : null}
          {s.byOrganisation.map((o) => (
            <Results
              v={v}
              id={`org-${o.organisationId}-${s.survey.id}`}
              results={o.results}
              caption={v.t('demo.results.own', { name: o.name, count: o.count })}
            />
          ))}
        </section>
      ))}
      {page.canRun && !e.decision ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={`/okosystem/demonstratorer/${e.id}/endre`}>
            {v.t('demo.edit')}
          </a>
        </p>
      ) : null}
      {page.canRun ? <RunForms v={v} page={page} values={values} errors={errors} lists={lists} /> : null}
      <h2 class="ds-heading" data-size="sm">
        {v.t('demo.history.heading')}
      </h2>
      <HistoryTable v={v} caption={v.t('demo.history.caption')} prefix="demo" rows={page.history} />
    </>
  );
}

/** The core group's forms on the experiment page: a survey, results and learning, the decision. */
function RunForms(props: FormState & { v: ViewContext; page: ExperimentPage; lists: Record<string, string[]> }) {
  const { v, page, values, errors, lists } = props;
  const e = page.experiment;
  const prompts = lists.questionPrompt ?? [];
  const kinds = lists.questionKind ?? [];
  const outcomes = lists.outcome ?? e.metrics.map((m) => m.outcome);
  return (
    <>
      <h2 class="ds-heading" data-size="sm">
        {v.t('demo.survey.new')}
      </h2>
      <form method="post" action={`/okosystem/demonstratorer/${e.id}/undersokelser`} novalidate>
        <CsrfField v={v} />
        <TextField id="title" label={v.t('demo.field.surveyTitle')} value={values.title} error={errors.title} />
        <fieldset
          class="ds-fieldset form-field"
          aria-describedby={errors.questionPrompt || errors.questionKind ? 'questionPrompt-error' : undefined}
        >
          <legend class="ds-label" id="questionPrompt">
            {v.t('demo.field.questions')}
          </legend>
          {errors.questionPrompt || errors.questionKind ? (
            <div class="ds-validation-message" id="questionPrompt-error" data-color="danger">
              {errors.questionPrompt ?? errors.questionKind}
            </div>
          ) : null}
          {ROWS.map((i) => (
            <div class="metric-row">
              <TextField
                id={`questionPrompt-${i}`}
                name="questionPrompt"
                label={v.t('demo.field.question', { n: i + 1 })}
                value={prompts[i]}
              />
              <div class="ds-field form-field">
                <label class="ds-label" for={`questionKind-${i}`}>
                  {v.t('demo.field.questionKind', { n: i + 1 })}
                </label>
                <select class="ds-input" id={`questionKind-${i}`} name="questionKind">
                  {QUESTION_KINDS.map((kind) => (
                    <option value={kind} selected={(kinds[i] ?? 'scale') === kind}>
                      {v.t(k(`demo.questionKind.${kind}`))}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          ))}
        </fieldset>
        <button class="ds-button" type="submit">
          {v.t('demo.survey.submit')}
        </button>
      </form>
      <h2 class="ds-heading" data-size="sm">
        {v.t('demo.results.edit')}
      </h2>
      <form method="post" action={`/okosystem/demonstratorer/${e.id}/resultater`} novalidate>
        <CsrfField v={v} />
        <TextArea id="results" label={v.t('demo.field.results')} value={values.results ?? e.results} error={errors.results} />
        <TextArea id="learning" label={v.t('demo.field.learning')} value={values.learning ?? e.learning} error={errors.learning} />
        {e.metrics.map((m, i) => (
          <TextField
            id={i === 0 ? 'outcome' : `outcome-${i}`}
            name="outcome"
            label={v.t('demo.field.outcome', { name: m.name, target: m.target })}
            value={outcomes[i]}
            error={i === 0 ? errors.outcome : undefined}
          />
        ))}
        <button class="ds-button" type="submit">
          {v.t('demo.results.submit')}
        </button>
      </form>
      {e.decision ? null : (
        <>
          <h2 class="ds-heading" data-size="sm">
            {v.t('demo.decision.heading')}
          </h2>
          <form method="post" action={`/okosystem/demonstratorer/${e.id}/beslutning`} novalidate>
            <CsrfField v={v} />
            <Radios
              id="decision"
              legend={v.t('demo.field.decision')}
              small
              value={values.decision}
              error={errors.decision}
              options={DECISIONS.map((d) => ({ value: d, label: v.t(k(`demo.decision.${d}`)), hint: v.t(k(`demo.decision.${d}.hint`)) }))}
            />
            <TextArea id="reason" label={v.t('demo.field.reason')} value={values.reason} error={errors.reason} rows={3} />
            <button class="ds-button" type="submit">
              {v.t('demo.decision.submit')}
            </button>
          </form>
        </>
      )}
    </>
  );
}

export function SurveyAnswerView(
  props: FormState & {
    v: ViewContext;
    experimentId: string;
    survey: { id: string; title: string; questions: { kind: string; prompt: string }[] };
    organisations: { organisationId: string; name: string }[];
    answered: boolean;
  },
) {
  const { v, values, errors, survey } = props;
  return (
    <>
      <Back v={v} href={`/okosystem/demonstratorer/${props.experimentId}`} text={v.t('demo.backToExperiment')} />
      <h1 class="ds-heading" data-size="lg">
        {survey.title}
      </h1>
      <ErrorSummary v={v} errors={errors} />
      {props.answered ? (
        <p class="ds-paragraph">{v.t('demo.surveys.answered')}</p>
      ) : (
        <form method="post" action={`/okosystem/demonstratorer/${props.experimentId}/undersokelser/${survey.id}`} novalidate>
          <CsrfField v={v} />
          {props.organisations.length === 1 ? (
            <>
              <input type="hidden" name="organisationId" value={props.organisations[0]!.organisationId} />
              <p class="ds-paragraph">{v.t('demo.answer.for', { name: props.organisations[0]!.name })}</p>
            </>
          ) : (
            <Select
              id="organisationId"
              label={v.t('demo.answer.forWhich')}
              value={values.organisationId}
              error={errors.organisationId}
              options={props.organisations.map((o) => ({ value: o.organisationId, label: o.name }))}
            />
          )}
          {survey.questions.map((q, i) =>
            q.kind === 'scale' ? (
              <Radios
                id={`q${i}`}
                legend={q.prompt}
                hint={v.t('demo.answer.scaleHint')}
                small
                value={values[`q${i}`]}
                error={errors[`q${i}`]}
                options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }))}
              />
            ) : (
              <TextArea id={`q${i}`} label={q.prompt} value={values[`q${i}`]} error={errors[`q${i}`]} rows={3} />
            ),
          )}
          <button class="ds-button" type="submit">
            {v.t('demo.answer.submit')}
          </button>
        </form>
      )}
    </>
  );
}

export function WorkspaceDemonstratorsView(props: { v: ViewContext; data: Awaited<ReturnType<typeof readWorkspaceDemonstrators>> }) {
  const { v, data } = props;
  const o = data.organisation;
  return (
    <>
      <nav aria-label={v.t('layout.breadcrumbs')} class="ds-breadcrumbs">
        <ol>
          <li>
            <a class="ds-link" href="/arbeidsrom">
              {v.t('orgs.list.title')}
            </a>
          </li>
          <li>
            <a class="ds-link" href={`/arbeidsrom/${o.id}`}>
              {o.name}
            </a>
          </li>
          <li>
            <a class="ds-link" href={v.currentPath} aria-current="page">
              {v.t('demo.workspace.title')}
            </a>
          </li>
        </ol>
      </nav>
      <h1 class="ds-heading" data-size="lg">
        {v.t('demo.workspace.title')}
      </h1>
      <p class="ds-paragraph">{v.t('demo.workspace.intro')}</p>
      {data.canManage ? null : <p class="ds-paragraph">{v.t('demo.workspace.boardOnly')}</p>}
      {data.experiments.length === 0 ? (
        <p class="ds-paragraph">{v.t('demo.workspace.none')}</p>
      ) : (
        <ul class="ds-list">
          {data.experiments.map((e) => (
            <li>
              <a class="ds-link" href={`/okosystem/demonstratorer/${e.experiment.id}`}>
                {e.initiativeTitle}
              </a>{' '}
              ({e.experiment.startDate} – {e.experiment.endDate}). {e.experiment.hypothesis}{' '}
              <strong>{v.t(e.participating ? 'demo.workspace.taking' : 'demo.workspace.notTaking')}</strong>
              {data.canManage && !e.experiment.decision ? (
                <form
                  method="post"
                  action={`/arbeidsrom/${o.id}/demonstratorer/${e.experiment.id}/${e.participating ? 'trekk' : 'delta'}`}
                  class="inline-form"
                >
                  <CsrfField v={v} />
                  <button class="ds-button" data-variant="secondary" type="submit">
                    {v.t(e.participating ? 'demo.workspace.optOut' : 'demo.workspace.optIn', { title: e.initiativeTitle })}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

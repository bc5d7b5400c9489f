import type { Child } from 'hono/jsx';
import { INCOME_BANDS } from '../../core/db/schema.ts';
import { describedBy, FieldError, Hint } from '../../core/form-fields.tsx';
import type { ViewContext } from '../../core/http/view-context.ts';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { CsrfField, ErrorSummary, TextField } from '../../core/layout.tsx';
import { contentLang, type Localised } from '../life-event-map/life-event-map.content.ts';
import type { PolitiattestCheck } from './facts.ts';
import { MANUAL_STATUSES, type TaskStatus, type Why } from './plan.rules.ts';
import { formatDateNo } from './plan.schema.ts';
import { renderWhy } from './plan.text.ts';
import type { FactsPage } from './read-facts.ts';
import type { Plan, PlanTask } from './read-plan.ts';

/** Views of the personal plan (GOV.UK task list) and the facts page. */

interface OrgRef {
  id: string;
  name: string;
}

const loc = (v: ViewContext, text: Localised) => text[contentLang(v.lang)];

/** A rule's message in the user's language (see plan.text.ts). */
const whyText = (v: ViewContext, why: Why) => renderWhy(v.t, why);

const STATUS_COLOR: Record<TaskStatus, string> = {
  done: 'success',
  'in-progress': 'info',
  'not-started': 'neutral',
  'cannot-start': 'warning',
  'not-relevant': 'neutral',
};

/** The status as a tag with its text (never colour alone). */
export function StatusTag(props: { v: ViewContext; status: TaskStatus; id?: string }) {
  return (
    <span class="ds-tag plan-status" data-color={STATUS_COLOR[props.status]} id={props.id}>
      {props.v.t(`plan.status.${props.status}` as MessageKey)}
    </span>
  );
}

function Breadcrumbs(props: { v: ViewContext; organisation: OrgRef; current: string }) {
  const { t } = props.v;
  return (
    <nav aria-label={t('layout.breadcrumbs')} class="ds-breadcrumbs">
      <ol>
        <li>
          <a class="ds-link" href="/arbeidsrom">
            {t('orgs.list.title')}
          </a>
        </li>
        <li>
          <a class="ds-link" href={`/arbeidsrom/${props.organisation.id}`}>
            {props.organisation.name}
          </a>
        </li>
        <li>
          <a class="ds-link" href={props.v.currentPath} aria-current="page">
            {props.current}
          </a>
        </li>
      </ol>
    </nav>
  );
}

// ---------- the plan ----------

function TaskItem(props: { v: ViewContext; plan: Plan; task: PlanTask; titles: Map<string, string> }) {
  const { v, task, plan } = props;
  const { t } = v;
  const title = loc(v, task.title);
  const statusId = `status-${task.id}`;
  return (
    <li class="plan-task" id={`oppgave-${task.id}`}>
      <div class="plan-task__header">
        <h3 class="ds-heading plan-task__title" data-size="2xs" aria-describedby={statusId}>
          {title}
        </h3>
        <p class="ds-paragraph plan-task__status" data-size="sm">
          <span class="ds-sr-only">{t('plan.statusLabel')} </span>
          <StatusTag v={v} status={task.status} id={statusId} />
        </p>
      </div>
      <p class="ds-paragraph" data-size="sm">
        {whyText(v, task.why)}
      </p>
      {task.derived ? (
        <p class="ds-paragraph" data-size="sm">
          {t('plan.task.derived', { source: t(`plan.source.${task.derived.source}` as MessageKey), text: whyText(v, task.derived.why) })}
        </p>
      ) : null}
      {task.statusSource === 'manual' && task.status !== 'cannot-start' ? (
        <p class="ds-paragraph" data-size="sm">
          {t('plan.task.manual')}
        </p>
      ) : null}
      {task.blockedBy.length > 0 ? (
        <p class="ds-paragraph" data-size="sm">
          {t('plan.task.blockedBy', { tasks: task.blockedBy.map((id) => props.titles.get(id) ?? id).join(', ') })}
        </p>
      ) : null}
      <ul class="ds-list plan-task__links">
        {task.tool ? (
          <li>
            <a class="ds-link" href={task.tool.href}>
              {loc(v, task.tool.label)}
            </a>
          </li>
        ) : null}
        <li>
          <a class="ds-link" href={task.mapHref}>
            {t('plan.task.map', { task: title })}
          </a>
        </li>
      </ul>
      {plan.canEdit && task.editable ? (
        <form method="post" action={`/arbeidsrom/${plan.organisation.id}/plan/status`} class="inline-form plan-task__form">
          <CsrfField v={v} />
          <input type="hidden" name="taskId" value={task.id} />
          <label class="ds-label" for={`set-${task.id}`} data-weight="regular">
            {t('plan.task.setStatus', { task: title })}
          </label>
          <select class="ds-input" id={`set-${task.id}`} name="status">
            {MANUAL_STATUSES.map((s) => (
              <option value={s} selected={s === task.status || (s === 'not-started' && task.status === 'cannot-start')}>
                {t(`plan.status.${s}` as MessageKey)}
              </option>
            ))}
          </select>
          <button type="submit" class="ds-button" data-variant="secondary" data-size="sm">
            {t('plan.task.save')}
          </button>
        </form>
      ) : null}
    </li>
  );
}

export function PlanView(props: { v: ViewContext; plan: Plan }) {
  const { v, plan } = props;
  const { t } = v;
  const titles = new Map(plan.tasks.map((task) => [task.id, loc(v, task.title)]));
  const phases = [1, 2, 3, 4, 5, 6].map((n) => ({ n, tasks: plan.tasks.filter((task) => task.phaseNumber === n) }));
  return (
    <>
      <Breadcrumbs v={v} organisation={plan.organisation} current={t('plan.title')} />
      <h1 class="ds-heading" data-size="lg">
        {t('plan.title')}
      </h1>
      <p class="ds-paragraph">{t('plan.lead')}</p>
      {plan.facts.declaredAt === null ? (
        <div class="ds-alert" data-color="info">
          <p class="ds-paragraph">{t('plan.factsMissing')}</p>
        </div>
      ) : null}
      <p class="ds-paragraph" data-testid="plan-progress">
        {t('plan.progress', { done: plan.progress.done, total: plan.progress.total })}
      </p>
      <p class="ds-paragraph">
        <a class="ds-link" href={`/arbeidsrom/${plan.organisation.id}/fakta`}>
          {t('plan.factsLink')}
        </a>
      </p>
      {phases.map(({ n, tasks }) => {
        const relevant = tasks.filter((task) => task.status !== 'not-relevant' || task.statusSource === 'manual');
        const notRelevant = tasks.filter((task) => !relevant.includes(task));
        return (
          <section aria-labelledby={`phase-${n}`} class="plan-phase">
            <h2 class="ds-heading" data-size="sm" id={`phase-${n}`}>
              {t('plan.phaseHeading', { n, title: t(`phase.${n}.title` as MessageKey) })}
            </h2>
            {relevant.length > 0 ? (
              <ul class="ds-list--unstyled plan-tasks" aria-label={t('plan.phaseTasks', { n })}>
                {relevant.map((task) => (
                  <TaskItem v={v} plan={plan} task={task} titles={titles} />
                ))}
              </ul>
            ) : null}
            {notRelevant.length > 0 ? (
              <details class="ds-details">
                <summary>{t('plan.notRelevantHeading', { n: notRelevant.length })}</summary>
                <div>
                  <ul class="ds-list--unstyled plan-tasks">
                    {notRelevant.map((task) => (
                      <TaskItem v={v} plan={plan} task={task} titles={titles} />
                    ))}
                  </ul>
                </div>
              </details>
            ) : null}
          </section>
        );
      })}
    </>
  );
}

// ---------- the facts page ----------

function YesNo(props: { v: ViewContext; name: string; legend: string; hint?: Child; value: string; error?: string }) {
  const { t } = props.v;
  const hintId = props.hint ? `${props.name}-hint` : null;
  const options = [
    { value: 'yes', label: t('facts.answer.yes') },
    { value: 'no', label: t('facts.answer.no') },
    { value: 'unknown', label: t('facts.answer.unknown') },
  ];
  return (
    <fieldset class="ds-fieldset form-field" aria-describedby={describedBy(hintId, props.error && `${props.name}-error`)}>
      <legend class="ds-label">{props.legend}</legend>
      {props.hint ? <Hint id={hintId!}>{props.hint}</Hint> : null}
      <FieldError id={props.name} error={props.error} />
      <div class="radio-row">
        {options.map((o, i) => {
          const id = i === 0 ? props.name : `${props.name}-${o.value}`;
          return (
            <div class="ds-field">
              <input class="ds-input" type="radio" name={props.name} id={id} value={o.value} checked={props.value === o.value} />
              <label class="ds-label" for={id} data-weight="regular">
                {o.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

function sourceNote(v: ViewContext, page: FactsPage, field: string): Child {
  const prefill = page.prefill[field];
  const disagreement = page.disagreements[field as keyof FactsPage['disagreements']];
  const parts: string[] = [];
  if (prefill && prefill.value !== null)
    parts.push(v.t('facts.prefilledFrom', { source: v.t(`plan.source.${prefill.source}` as MessageKey) }));
  if (disagreement) {
    const value = ['yes', 'no'].includes(disagreement.value) ? v.t(`facts.answer.${disagreement.value}` as MessageKey) : disagreement.value;
    parts.push(v.t('facts.registerWins', { source: v.t(`plan.source.${disagreement.source}` as MessageKey), value }));
  }
  return parts.length > 0 ? parts.join(' ') : null;
}

function withNote(hint: string | null, note: Child): Child {
  if (!hint && !note) return null;
  return (
    <>
      {hint}
      {hint && note ? ' ' : null}
      {note ? <strong>{note}</strong> : null}
    </>
  );
}

function Section(props: { id: string; title: string; children: Child }) {
  return (
    <section aria-labelledby={props.id} class="facts-section">
      <h2 class="ds-heading" data-size="sm" id={props.id}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

function FactsForm(props: { v: ViewContext; page: FactsPage; values: Record<string, string>; errors: Record<string, string> }) {
  const { v, page, values, errors } = props;
  const { t } = v;
  const note = (field: string) => sourceNote(v, page, field);
  const yesNo = (name: string, legend: MessageKey, hint?: MessageKey) => (
    <YesNo
      v={v}
      name={name}
      legend={t(legend)}
      hint={withNote(hint ? t(hint) : null, note(name))}
      value={values[name] ?? 'unknown'}
      error={errors[name]}
    />
  );
  return (
    <form method="post" action={`/arbeidsrom/${page.organisation.id}/fakta`} class="stack" novalidate>
      <CsrfField v={v} />
      <Section id="facts-people" title={t('facts.section.people')}>
        <TextField
          id="memberCount"
          label={t('facts.memberCount')}
          description={t('facts.memberCount.hint')}
          value={values.memberCount}
          error={errors.memberCount}
          inputmode="numeric"
          width="short"
        />
        <TextField
          id="employees"
          label={t('facts.employees')}
          description={[t('facts.employees.hint'), note('employees')].filter(Boolean).join(' ')}
          value={values.employees}
          error={errors.employees}
          inputmode="numeric"
          width="short"
        />
      </Section>
      <Section id="facts-money" title={t('facts.section.money')}>
        {yesNo('sellsTaxableGoods', 'facts.sellsTaxableGoods', 'facts.sellsTaxableGoods.hint')}
        {yesNo('vatRegistered', 'facts.vatRegistered')}
        {yesNo('fundraisingFromPublic', 'facts.fundraisingFromPublic')}
        <fieldset class="ds-fieldset form-field" aria-describedby={describedBy(errors.incomeBand && 'incomeBand-error')}>
          <legend class="ds-label">{t('facts.incomeBand')}</legend>
          <FieldError id="incomeBand" error={errors.incomeBand} />
          {INCOME_BANDS.map((band, i) => {
            const id = i === 0 ? 'incomeBand' : `incomeBand-${band}`;
            return (
              <div class="ds-field">
                <input class="ds-input" type="radio" name="incomeBand" id={id} value={band} checked={values.incomeBand === band} />
                <label class="ds-label" for={id} data-weight="regular">
                  {t(`facts.incomeBand.${band}` as MessageKey)}
                </label>
              </div>
            );
          })}
        </fieldset>
        {yesNo('accountsReportingTakenOn', 'facts.accountsReportingTakenOn')}
      </Section>
      <Section id="facts-registers" title={t('facts.section.registers')}>
        {yesNo('wantsFrivillighetsregisteret', 'facts.wantsFrivillighetsregisteret', 'facts.wantsFrivillighetsregisteret.hint')}
        {yesNo('wantsGrasrotandel', 'facts.wantsGrasrotandel')}
      </Section>
      <Section id="facts-umbrella" title={t('facts.section.umbrella')}>
        {yesNo('umbrellaMember', 'facts.umbrellaMember')}
        <TextField id="umbrellaName" label={t('facts.umbrellaName')} value={values.umbrellaName} error={errors.umbrellaName} />
        <fieldset
          class="ds-fieldset form-field"
          aria-describedby={describedBy(
            'umbrellaDeadline-hint',
            errors.umbrellaMomsDeadlineDay && 'umbrellaMomsDeadlineDay-error',
            errors.umbrellaMomsDeadlineMonth && 'umbrellaMomsDeadlineMonth-error',
          )}
        >
          <legend class="ds-label">{t('facts.umbrellaDeadline')}</legend>
          <Hint id="umbrellaDeadline-hint">{t('facts.umbrellaDeadline.hint')}</Hint>
          <FieldError id="umbrellaMomsDeadlineDay" error={errors.umbrellaMomsDeadlineDay} />
          <FieldError id="umbrellaMomsDeadlineMonth" error={errors.umbrellaMomsDeadlineMonth} />
          <div class="date-parts">
            <div class="ds-field">
              <label class="ds-label" for="umbrellaMomsDeadlineDay" data-weight="regular">
                {t('facts.umbrellaDeadlineDay')}
              </label>
              <input
                class="ds-input input-day"
                id="umbrellaMomsDeadlineDay"
                name="umbrellaMomsDeadlineDay"
                inputmode="numeric"
                value={values.umbrellaMomsDeadlineDay}
                aria-invalid={errors.umbrellaMomsDeadlineDay ? 'true' : undefined}
              />
            </div>
            <div class="ds-field">
              <label class="ds-label" for="umbrellaMomsDeadlineMonth" data-weight="regular">
                {t('facts.umbrellaDeadlineMonth')}
              </label>
              <input
                class="ds-input input-day"
                id="umbrellaMomsDeadlineMonth"
                name="umbrellaMomsDeadlineMonth"
                inputmode="numeric"
                value={values.umbrellaMomsDeadlineMonth}
                aria-invalid={errors.umbrellaMomsDeadlineMonth ? 'true' : undefined}
              />
            </div>
          </div>
        </fieldset>
      </Section>
      <Section id="facts-politiattest" title={t('facts.section.politiattest')}>
        {yesNo('worksWithVulnerable', 'facts.worksWithVulnerable', 'facts.worksWithVulnerable.hint')}
        <TextField
          id="politiattestLastChecked"
          label={t('facts.politiattestLastChecked')}
          description={t('facts.politiattestLastChecked.hint')}
          value={values.politiattestLastChecked}
          error={errors.politiattestLastChecked}
          width="short"
        />
      </Section>
      <Section id="facts-winding-down" title={t('facts.section.windingDown')}>
        <TextField
          id="dissolutionDecidedOn"
          label={t('facts.dissolutionDecidedOn')}
          description={t('facts.dissolutionDecidedOn.hint')}
          value={values.dissolutionDecidedOn}
          error={errors.dissolutionDecidedOn}
          width="short"
        />
      </Section>
      <button type="submit" class="ds-button" data-variant="primary">
        {t('facts.submit')}
      </button>
    </form>
  );
}

/** What members without a board role see: the answers as a summary list. */
function FactsSummary(props: { v: ViewContext; page: FactsPage }) {
  const { v, page } = props;
  const { t } = v;
  const answer = (value: string) =>
    value === '' || value === 'unknown'
      ? t('facts.notAnswered')
      : ['yes', 'no'].includes(value)
        ? t(`facts.answer.${value}` as MessageKey)
        : (INCOME_BANDS as readonly string[]).includes(value)
          ? t(`facts.incomeBand.${value}` as MessageKey)
          : value;
  const rows: [MessageKey, string][] = [
    ['facts.memberCount', page.values.memberCount],
    ['facts.employees', page.values.employees],
    ['facts.sellsTaxableGoods', page.values.sellsTaxableGoods],
    ['facts.vatRegistered', page.values.vatRegistered],
    ['facts.fundraisingFromPublic', page.values.fundraisingFromPublic],
    ['facts.incomeBand', page.values.incomeBand],
    ['facts.accountsReportingTakenOn', page.values.accountsReportingTakenOn],
    ['facts.wantsFrivillighetsregisteret', page.values.wantsFrivillighetsregisteret],
    ['facts.wantsGrasrotandel', page.values.wantsGrasrotandel],
    ['facts.umbrellaMember', page.values.umbrellaMember],
    ['facts.umbrellaName', page.values.umbrellaName],
    [
      'facts.umbrellaDeadline',
      page.values.umbrellaMomsDeadlineDay && page.values.umbrellaMomsDeadlineMonth
        ? `${page.values.umbrellaMomsDeadlineDay}.${page.values.umbrellaMomsDeadlineMonth}.`
        : '',
    ],
    ['facts.worksWithVulnerable', page.values.worksWithVulnerable],
    ['facts.politiattestLastChecked', page.values.politiattestLastChecked],
    ['facts.dissolutionDecidedOn', page.values.dissolutionDecidedOn],
  ];
  return (
    <dl class="summary-list">
      {rows.map(([key, value]) => (
        <div class="summary-list__row">
          <dt>{t(key)}</dt>
          <dd>{answer(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function PolitiattestSection(props: { v: ViewContext; page: FactsPage; values: Record<string, string>; errors: Record<string, string> }) {
  const { v, page } = props;
  const { t } = v;
  const checks: PolitiattestCheck[] = page.facts.politiattester.value;
  const base = `/arbeidsrom/${page.organisation.id}/fakta/politiattester`;
  return (
    <section aria-labelledby="politiattester" class="facts-section">
      <h2 class="ds-heading" data-size="sm" id="politiattester">
        {t('facts.politiattest.title')}
      </h2>
      <p class="ds-paragraph">{t('facts.politiattest.lead')}</p>
      {checks.length === 0 ? (
        <p class="ds-paragraph">{t('facts.politiattest.empty')}</p>
      ) : (
        <div class="table-scroll ds-focus" tabindex={0} role="region" aria-labelledby="politiattest-caption">
          <table class="ds-table" data-border>
            <caption id="politiattest-caption" class="ds-sr-only">
              {t('facts.politiattest.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('facts.politiattest.person')}</th>
                <th scope="col">{t('facts.politiattest.role')}</th>
                <th scope="col">{t('facts.politiattest.shownOn')}</th>
                {page.canEdit ? <th scope="col">{t('facts.politiattest.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {checks.map((c) => (
                <tr>
                  <td>{c.person}</td>
                  <td>{c.role}</td>
                  <td>{formatDateNo(c.shownOn)}</td>
                  {page.canEdit ? (
                    <td>
                      <form method="post" action={`${base}/fjern`} class="inline-form">
                        <CsrfField v={v} />
                        <input type="hidden" name="id" value={c.id} />
                        <button
                          type="submit"
                          class="ds-button"
                          data-variant="tertiary"
                          data-size="sm"
                          aria-label={t('facts.politiattest.removeLabel', { person: c.person })}
                        >
                          {t('facts.politiattest.remove')}
                        </button>
                      </form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.canEdit ? (
        <form method="post" action={base} class="stack" novalidate>
          <h3 class="ds-heading" data-size="xs">
            {t('facts.politiattest.add')}
          </h3>
          <CsrfField v={v} />
          <TextField
            id="person"
            label={t('facts.politiattest.person')}
            value={props.values.person}
            error={props.errors.person}
            autocomplete="off"
          />
          <TextField id="role" label={t('facts.politiattest.role')} value={props.values.role} error={props.errors.role} />
          <TextField
            id="shownOn"
            label={t('facts.politiattest.shownOn')}
            description={t('facts.politiattestLastChecked.hint')}
            value={props.values.shownOn}
            error={props.errors.shownOn}
            width="short"
          />
          <button type="submit" class="ds-button" data-variant="secondary">
            {t('facts.politiattest.addSubmit')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

export function FactsView(props: {
  v: ViewContext;
  page: FactsPage;
  values?: Record<string, string>;
  errors?: Record<string, string>;
  politiattest?: { values: Record<string, string>; errors: Record<string, string> };
}) {
  const { v, page } = props;
  const { t } = v;
  const errors = props.errors ?? {};
  const politiattestErrors = props.politiattest?.errors ?? {};
  return (
    <>
      <Breadcrumbs v={v} organisation={page.organisation} current={t('facts.title')} />
      <h1 class="ds-heading" data-size="lg">
        {t('facts.title')}
      </h1>
      <p class="ds-paragraph">{t('facts.lead')}</p>
      <ErrorSummary v={v} errors={{ ...errors, ...politiattestErrors }} />
      {page.canEdit ? (
        <FactsForm v={v} page={page} values={props.values ?? page.values} errors={errors} />
      ) : (
        <>
          <p class="ds-paragraph">{t('facts.readOnly')}</p>
          <FactsSummary v={v} page={page} />
        </>
      )}
      <PolitiattestSection v={v} page={page} values={props.politiattest?.values ?? {}} errors={politiattestErrors} />
      <p class="ds-paragraph">
        <a class="ds-link" href={`/arbeidsrom/${page.organisation.id}/plan`}>
          {t('plan.title')}
        </a>
      </p>
    </>
  );
}

/** The workspace page's link to the plan and the facts (organisations.views.tsx). */
export function PlanWorkspaceLinks(props: { v: ViewContext; organisationId: string }) {
  const { t } = props.v;
  return (
    <>
      <li>
        <a class="ds-link" href={`/arbeidsrom/${props.organisationId}/plan`}>
          {t('plan.workspaceLink')}
        </a>
      </li>
      <li>
        <a class="ds-link" href={`/arbeidsrom/${props.organisationId}/fakta`}>
          {t('plan.workspaceFactsLink')}
        </a>
      </li>
    </>
  );
}

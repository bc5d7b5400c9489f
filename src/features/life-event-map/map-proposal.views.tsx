import { Select, TextArea } from '../../core/form-fields.tsx';
import type { ViewContext } from '../../core/http/view-context.ts';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { CsrfField, ErrorSummary, TextField } from '../../core/layout.tsx';
import type { LifeEventMap, Localised } from './life-event-map.content.ts';
import type { DiffSection, FieldChange } from './life-event-map.diff.ts';
import { ChangeValue, fieldLabel } from './life-event-map.edit.views.tsx';
import { Breadcrumbs, formatDateTime, L, phaseTitle } from './life-event-map.views.tsx';
import type { ProposalRow } from './map-proposal.queries.ts';
import { PHASE_TEXT_FIELDS, type ProposalTarget, TASK_TEXT_FIELDS, TEXT_LANGS, targetParam } from './map-proposal.schema.ts';
import type { ProposalPage, ProposerOption } from './map-proposal.ts';

/** Views of change proposals to the life-event map: the list, the proposal form and a proposal's page. */

type Errors = Record<string, string>;

const statusText = (v: ViewContext, status: string) => v.t(`lem.proposal.status.${status}` as MessageKey);

function trail(v: ViewContext, extra: { href: string; label: string }[] = []) {
  return [
    { href: '/livshendelse', label: v.t('lem.title') },
    { href: '/livshendelse/forslag', label: v.t('lem.proposal.list.title') },
    ...extra,
  ];
}

function StatusTag(props: { v: ViewContext; status: string }) {
  const color = props.status === 'accepted' ? 'success' : props.status === 'rejected' ? 'danger' : 'info';
  return (
    <span class="ds-tag" data-size="sm" data-color={color}>
      {statusText(props.v, props.status)}
    </span>
  );
}

export function ProposalsListView(props: {
  v: ViewContext;
  proposals: { row: ProposalRow; targetInfo: { title: Localised; href: string } | null }[];
  signedIn: boolean;
}) {
  const { v } = props;
  return (
    <>
      <Breadcrumbs v={v} trail={trail(v)} />
      <h1 class="ds-heading" data-size="lg">
        {v.t('lem.proposal.list.title')}
      </h1>
      <p class="ds-paragraph">{v.t('lem.proposal.list.intro')}</p>
      {props.signedIn ? (
        <p class="ds-paragraph">
          <a class="ds-link" href="/livshendelse/forslag/ny">
            {v.t('lem.proposal.link')}
          </a>
        </p>
      ) : null}
      {props.proposals.length === 0 ? (
        <p class="ds-paragraph">{v.t('lem.proposal.list.none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="ds-table">
            <caption>{v.t('lem.proposal.list.caption', { count: props.proposals.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{v.t('lem.proposal.col.number')}</th>
                <th scope="col">{v.t('lem.proposal.col.what')}</th>
                <th scope="col">{v.t('lem.proposal.col.target')}</th>
                <th scope="col">{v.t('lem.proposal.col.status')}</th>
                <th scope="col">{v.t('lem.proposal.col.from')}</th>
                <th scope="col">{v.t('lem.proposal.col.date')}</th>
              </tr>
            </thead>
            <tbody>
              {props.proposals.map(({ row, targetInfo }) => (
                <tr>
                  <td>{row.number}</td>
                  <td>
                    <a class="ds-link" href={`/livshendelse/forslag/${row.number}`}>
                      {row.what}
                    </a>
                  </td>
                  <td>
                    {v.t(`lem.proposal.kind.${row.targetKind}` as MessageKey)}:{' '}
                    {targetInfo ? L(v, targetInfo.title) : `${row.taskId ?? row.phaseSlug} ${v.t('lem.proposal.targetGone')}`}
                  </td>
                  <td>
                    <StatusTag v={v} status={row.status} />
                  </td>
                  <td>{row.onBehalfName}</td>
                  <td>
                    <time datetime={row.createdAt.toISOString()}>{formatDateTime(v, row.createdAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** Step one without JavaScript: a GET form that picks the task or phase (the page then shows its texts). */
function TargetChooser(props: { v: ViewContext; map: LifeEventMap; selected?: string; error?: string }) {
  const { v } = props;
  return (
    <form method="get" action="/livshendelse/forslag/ny">
      <fieldset class="ds-fieldset">
        <legend class="ds-label">{v.t('lem.proposal.new.chooseLegend')}</legend>
        <div class="ds-field form-field">
          <label class="ds-label" for="mal">
            {v.t('lem.proposal.new.choose')}
          </label>
          {props.error ? (
            <div class="ds-validation-message" id="mal-error" data-color="danger">
              {props.error}
            </div>
          ) : null}
          <select class="ds-input" id="mal" name="mal" aria-describedby={props.error ? 'mal-error' : undefined}>
            {props.map.phases.map((phase, i) => (
              <optgroup label={phaseTitle(v, phase, i + 1)}>
                <option value={`fase:${phase.slug}`} selected={props.selected === `fase:${phase.slug}`}>
                  {v.t('lem.proposal.new.phaseItself', { phase: phaseTitle(v, phase, i + 1) })}
                </option>
                {phase.tasks.map((task) => (
                  <option value={`oppgave:${task.id}`} selected={props.selected === `oppgave:${task.id}`}>
                    {L(v, task.title)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <button class="ds-button" data-variant="secondary" type="submit">
          {v.t('lem.proposal.new.chooseSubmit')}
        </button>
      </fieldset>
    </form>
  );
}

export function ProposalFormView(props: {
  v: ViewContext;
  map: LifeEventMap;
  target: ProposalTarget | null;
  targetName: string | null;
  options: ProposerOption[];
  values: Record<string, string>;
  errors: Errors;
}) {
  const { v, values, errors, target } = props;
  const heading = v.t('lem.proposal.new.title');
  return (
    <>
      <Breadcrumbs v={v} trail={trail(v, [{ href: '/livshendelse/forslag/ny', label: heading }])} />
      <h1 class="ds-heading" data-size="lg">
        {heading}
      </h1>
      {props.options.length === 0 ? (
        <p class="ds-paragraph">{v.t('lem.proposal.new.notAllowed')}</p>
      ) : !target || !props.targetName ? (
        <TargetChooser v={v} map={props.map} error={errors.mal} />
      ) : (
        <>
          <h2 class="ds-heading" data-size="sm">
            {v.t('lem.proposal.new.for', { title: props.targetName })}
          </h2>
          <p class="ds-paragraph">
            <a class="ds-link" href="/livshendelse/forslag/ny">
              {v.t('lem.proposal.new.changeTarget')}
            </a>
          </p>
          <form method="post" action="/livshendelse/forslag" novalidate>
            <CsrfField v={v} />
            <ErrorSummary v={v} errors={errors} />
            <input type="hidden" name="mal" value={targetParam(target)} />
            <Select
              id="onBehalf"
              label={v.t('lem.proposal.field.onBehalf')}
              value={values.onBehalf}
              options={props.options.map((o) => ({ value: o.value, label: o.name }))}
              error={errors.onBehalf}
            />
            <TextField id="what" label={v.t('lem.proposal.field.what')} value={values.what} error={errors.what} required />
            <TextArea id="why" name="why" label={v.t('lem.proposal.field.why')} value={values.why} error={errors.why} />
            <TextArea
              id="evidence"
              name="evidence"
              label={v.t('lem.proposal.field.evidence')}
              hint={v.t('lem.proposal.field.evidence.help')}
              value={values.evidence}
              error={errors.evidence}
            />
            <fieldset class="ds-fieldset form-field" aria-describedby="texts-help">
              <legend class="ds-label" id="texts">
                {v.t('lem.proposal.new.textsHeading')}
              </legend>
              <p class="ds-paragraph field-description" id="texts-help" data-size="sm">
                {v.t('lem.proposal.new.textsHelp')}
              </p>
              {errors.texts ? (
                <div class="ds-validation-message" data-color="danger">
                  {errors.texts}
                </div>
              ) : null}
              {(target.kind === 'task' ? TASK_TEXT_FIELDS : PHASE_TEXT_FIELDS).flatMap((field) =>
                TEXT_LANGS.map((lang) =>
                  field === 'summary' ? (
                    <TextArea
                      id={`${field}-${lang}`}
                      name={`${field}.${lang}`}
                      label={fieldLabel(v, [field, lang])}
                      value={values[`${field}.${lang}`]}
                      error={errors[`${field}-${lang}`]}
                      rows={5}
                    />
                  ) : (
                    <TextField
                      id={`${field}-${lang}`}
                      name={`${field}.${lang}`}
                      label={fieldLabel(v, [field, lang])}
                      value={values[`${field}.${lang}`]}
                      error={errors[`${field}-${lang}`]}
                    />
                  ),
                ),
              )}
            </fieldset>
            <button class="ds-button" type="submit">
              {v.t('lem.proposal.submit')}
            </button>
          </form>
        </>
      )}
    </>
  );
}

function Changes(props: { v: ViewContext; changes: FieldChange[] }) {
  return (
    <ul class="ds-list--unstyled diff-changes">
      {props.changes.map((change) => (
        <li>
          <p class="ds-paragraph diff-field">
            <strong>{fieldLabel(props.v, change.path)}</strong>
          </p>
          <ChangeValue v={props.v} change={change} />
        </li>
      ))}
    </ul>
  );
}

export function ProposalView(props: {
  v: ViewContext;
  page: ProposalPage;
  canDecide: boolean;
  values: Record<string, string>;
  errors: Errors;
}) {
  const { v, page, errors } = props;
  const p = page.proposal;
  const title = v.t('lem.proposal.page.title', { n: p.number });
  const open = p.status === 'open';
  return (
    <>
      <Breadcrumbs v={v} trail={trail(v, [{ href: `/livshendelse/forslag/${p.number}`, label: title }])} />
      <h1 class="ds-heading" data-size="lg">
        <span class="heading-caption">{title}</span>
        {p.what}
      </h1>
      {errors.decision ? (
        <div class="ds-alert" data-color="danger" id="decision" tabindex={-1}>
          <p class="ds-paragraph">{errors.decision}</p>
        </div>
      ) : null}
      <dl class="need-facts">
        <dt>{v.t('lem.proposal.page.status')}</dt>
        <dd>
          <StatusTag v={v} status={p.status} />
        </dd>
        <dt>{v.t('lem.proposal.page.target')}</dt>
        <dd>
          {v.t(`lem.proposal.kind.${p.targetKind}` as MessageKey)}:{' '}
          {page.targetInfo ? (
            <a class="ds-link" href={page.targetInfo.href}>
              {L(v, page.targetInfo.title)}
            </a>
          ) : (
            `${p.taskId ?? p.phaseSlug} ${v.t('lem.proposal.targetGone')}`
          )}
        </dd>
        <dt>{v.t('lem.proposal.page.from')}</dt>
        <dd>
          {v.t('lem.proposal.page.fromValue', { name: p.proposerName, onBehalf: p.onBehalfName, date: formatDateTime(v, p.createdAt) })}
        </dd>
        <dt>{v.t('lem.proposal.page.why')}</dt>
        <dd class="history-note">{p.why}</dd>
        {p.evidence ? (
          <>
            <dt>{v.t('lem.proposal.page.evidence')}</dt>
            <dd class="history-note">{p.evidence}</dd>
          </>
        ) : null}
      </dl>
      {p.status === 'accepted' && p.decidedAt ? (
        <div class="ds-alert" data-color="success">
          <p class="ds-paragraph">
            {v.t('lem.proposal.page.accepted', {
              name: p.decidedByName ?? '',
              date: formatDateTime(v, p.decidedAt),
              revision: p.revisionNumber ?? '',
            })}
          </p>
        </div>
      ) : null}
      {p.status === 'rejected' && p.decidedAt ? (
        <div class="ds-alert" data-color="warning">
          <p class="ds-paragraph">
            {v.t('lem.proposal.page.rejected', { name: p.decidedByName ?? '', date: formatDateTime(v, p.decidedAt) })}
          </p>
          <p class="ds-paragraph">
            <strong>{v.t('lem.proposal.page.reason')}:</strong> {p.decisionReason}
          </p>
        </div>
      ) : null}
      <section aria-labelledby="proposed-heading">
        <h2 class="ds-heading" data-size="sm" id="proposed-heading">
          {v.t('lem.proposal.page.proposed')}
        </h2>
        <Changes v={v} changes={page.proposed} />
      </section>
      {open && page.newer.length > 0 ? (
        <section aria-labelledby="newer-heading">
          <h2 class="ds-heading" data-size="sm" id="newer-heading">
            {v.t('lem.proposal.page.newerHeading')}
          </h2>
          <p class="ds-paragraph">{v.t('lem.proposal.page.newerText')}</p>
          <Changes v={v} changes={page.newer} />
        </section>
      ) : null}
      {open && page.newer.length > 0 ? <AgainstCurrent v={v} sections={page.againstCurrent} /> : null}
      {open && props.canDecide ? <DecisionForms v={v} page={page} values={props.values} errors={errors} /> : null}
      <h2 class="ds-heading" data-size="sm">
        {v.t('lem.proposal.page.history')}
      </h2>
      <ul class="ds-list">
        {page.history.map((h) => (
          <li>
            <time datetime={h.createdAt.toISOString()}>{formatDateTime(v, h.createdAt)}</time>:{' '}
            {v.t(`lem.proposal.history.${h.action}` as MessageKey)} – {h.actorName}
          </li>
        ))}
      </ul>
      <p class="ds-paragraph">
        <a class="ds-link" href="/livshendelse/forslag">
          {v.t('lem.proposal.back')}
        </a>
      </p>
    </>
  );
}

function AgainstCurrent(props: { v: ViewContext; sections: DiffSection[] | null }) {
  const { v } = props;
  return (
    <section aria-labelledby="current-heading">
      <h2 class="ds-heading" data-size="sm" id="current-heading">
        {v.t('lem.proposal.page.currentHeading')}
      </h2>
      {props.sections === null || props.sections.length === 0 ? (
        <p class="ds-paragraph">{v.t('lem.proposal.page.noLongerApplies')}</p>
      ) : (
        props.sections.map((s) => <Changes v={v} changes={s.changes} />)
      )}
    </section>
  );
}

function DecisionForms(props: { v: ViewContext; page: ProposalPage; values: Record<string, string>; errors: Errors }) {
  const { v, page, errors } = props;
  const n = page.proposal.number;
  return (
    <section aria-labelledby="decide-heading">
      <h2 class="ds-heading" data-size="sm" id="decide-heading">
        {v.t('lem.proposal.decide.heading')}
      </h2>
      <form method="post" action={`/livshendelse/forslag/${n}/godta`}>
        <CsrfField v={v} />
        <input type="hidden" name="seen" value={String(page.latestRevision)} />
        {page.newer.length > 0 ? (
          <div class="ds-field form-field">
            <input class="ds-input" type="checkbox" id="confirm" name="confirm" value="ja" />
            <label class="ds-label" for="confirm">
              {v.t('lem.proposal.accept.confirm')}
            </label>
          </div>
        ) : null}
        <button class="ds-button" type="submit">
          {v.t('lem.proposal.accept.submit')}
        </button>
      </form>
      <form method="post" action={`/livshendelse/forslag/${n}/avvis`} novalidate>
        <CsrfField v={v} />
        <ErrorSummary v={v} errors={errors.reason ? { reason: errors.reason } : {}} />
        <TextArea id="reason" name="reason" label={v.t('lem.proposal.reject.reason')} value={props.values.reason} error={errors.reason} />
        <button class="ds-button" data-variant="secondary" type="submit">
          {v.t('lem.proposal.reject.submit')}
        </button>
      </form>
    </section>
  );
}

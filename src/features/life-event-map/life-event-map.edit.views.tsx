import type { ViewContext } from '../../core/http/view-context.ts';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { CsrfField, ErrorSummary } from '../../core/layout.tsx';
import {
  CERTAINTIES,
  isCanonicalTaskId,
  type LifeEventMap,
  type Localised,
  type Phase,
  RELATIONS,
  stepNumbers,
  type Task,
} from './life-event-map.content.ts';
import type { DiffSection, FieldChange } from './life-event-map.diff.ts';
import type { RevisionSummary } from './life-event-map.queries.ts';
import { type EditFormValues, fieldId, rowCount } from './life-event-map.schema.ts';
import { Breadcrumbs, formatDateTime, L, phaseTitle } from './life-event-map.views.tsx';

type Errors = Record<string, string>;

const LANGS = ['nb', 'nn'] as const;

function editorTrail(v: ViewContext, current?: { href: string; label: string }) {
  const trail = [
    { href: '/livshendelse', label: v.t('lem.title') },
    { href: '/livshendelse/rediger', label: v.t('lem.edit.title') },
  ];
  return current ? [...trail, current] : trail;
}

/** A text input or textarea named by its content path, with label, hint and error (Designsystemet field). */
function Field(props: {
  v: ViewContext;
  name: string;
  label: string;
  values: EditFormValues;
  errors: Errors;
  multiline?: boolean;
  hint?: string;
  lang?: string;
  short?: boolean;
  inputmode?: 'numeric' | 'url';
}) {
  const id = fieldId(props.name.split('.'));
  const error = props.errors[id];
  const describedBy = [props.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const value = props.values.fields[props.name] ?? '';
  return (
    <div class="ds-field form-field">
      <label class="ds-label" for={id}>
        {props.label}
      </label>
      {props.hint ? (
        <div class="ds-paragraph field-description" id={`${id}-hint`} data-size="sm">
          {props.hint}
        </div>
      ) : null}
      {error ? (
        <div class="ds-validation-message" id={`${id}-error`} data-color="danger">
          {error}
        </div>
      ) : null}
      {props.multiline ? (
        <textarea
          class="ds-input"
          id={id}
          name={props.name}
          rows={4}
          lang={props.lang}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy}
        >
          {value}
        </textarea>
      ) : (
        <input
          class={props.short ? 'ds-input input-short' : 'ds-input'}
          id={id}
          name={props.name}
          type="text"
          value={value}
          lang={props.lang}
          inputmode={props.inputmode}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy}
        />
      )}
    </div>
  );
}

/** The same text in bokmål and nynorsk. */
function LocalisedFields(props: {
  v: ViewContext;
  name: string;
  label: string;
  values: EditFormValues;
  errors: Errors;
  multiline?: boolean;
  hint?: string;
}) {
  return (
    <>
      {LANGS.map((lang) => (
        <Field
          v={props.v}
          name={`${props.name}.${lang}`}
          label={`${props.label} (${props.v.t(`lem.lang.${lang}` as MessageKey)})`}
          values={props.values}
          errors={props.errors}
          multiline={props.multiline}
          hint={lang === 'nb' ? props.hint : undefined}
          lang={lang}
        />
      ))}
    </>
  );
}

function ChangeNoteAndSave(props: { v: ViewContext; values: EditFormValues; errors: Errors; base: number; submit: string }) {
  const { v } = props;
  return (
    <>
      <input type="hidden" name="base" value={String(props.base)} />
      <Field
        v={v}
        name="changeNote"
        label={v.t('lem.edit.changeNote')}
        hint={v.t('lem.edit.changeNoteHint')}
        values={props.values}
        errors={props.errors}
        multiline
      />
      <button type="submit" class="ds-button" data-variant="primary">
        {props.submit}
      </button>
    </>
  );
}

function StaleNotice(props: { v: ViewContext; notice: 'completed' | 'invalid' | null; latestStored: number }) {
  if (!props.notice) return null;
  return (
    <div class="ds-alert" data-color="warning">
      <p class="ds-paragraph">
        {props.v.t(props.notice === 'invalid' ? 'lem.edit.noticeInvalid' : 'lem.edit.noticeCompleted', { n: props.latestStored })}
      </p>
    </div>
  );
}

export function EditorIndexView(props: {
  v: ViewContext;
  map: LifeEventMap;
  revision: number;
  notice: 'completed' | 'invalid' | null;
  latestStored: number;
}) {
  const { v, map } = props;
  const { t } = v;
  return (
    <>
      <Breadcrumbs v={v} trail={editorTrail(v)} />
      <h1 class="ds-heading" data-size="lg">
        {t('lem.edit.title')}
      </h1>
      <p class="ds-paragraph">{t('lem.edit.lead')}</p>
      <StaleNotice v={v} notice={props.notice} latestStored={props.latestStored} />
      <p class="ds-paragraph">
        {props.revision === 0 ? t('lem.edit.showingRepository') : t('lem.edit.showingRevision', { n: props.revision })}
      </p>
      <ul class="ds-list--unstyled inline-list">
        <li>
          <a class="ds-link" href="/livshendelse/rediger/aktorer">
            {t('lem.owners.title')}
          </a>
        </li>
        <li>
          <a class="ds-link" href="/livshendelse/historikk">
            {t('lem.history.link')}
          </a>
        </li>
      </ul>
      {map.phases.map((phase, i) => {
        const numbers = stepNumbers(phase);
        return (
          <section aria-labelledby={`edit-phase-${phase.slug}`}>
            <h2 class="ds-heading" data-size="sm" id={`edit-phase-${phase.slug}`}>
              {phaseTitle(v, phase, i + 1)}
            </h2>
            <ul class="ds-list--unstyled inline-list">
              <li>
                <a class="ds-link" href={`/livshendelse/rediger/fase/${phase.slug}`}>
                  {t('lem.edit.phaseLink', { phase: L(v, phase.title) })}
                </a>
              </li>
              <li>
                <a class="ds-link" href={`/livshendelse/rediger/fase/${phase.slug}/ny-oppgave`}>
                  {t('lem.edit.addTaskLink', { phase: L(v, phase.title) })}
                </a>
              </li>
            </ul>
            <div class="table-scroll">
              <table class="ds-table" data-border>
                <caption>{t('lem.edit.tasksCaption', { phase: L(v, phase.title) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('lem.edit.col.step')}</th>
                    <th scope="col">{t('lem.edit.col.task')}</th>
                    <th scope="col">{t('lem.edit.col.id')}</th>
                    <th scope="col">{t('lem.edit.col.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  {phase.tasks.map((task, j) => (
                    <tr>
                      <td>
                        {task.relation === 'step' ? numbers[j] : `${t(task.relation === 'and' ? 'lem.and' : 'lem.or')} (${numbers[j]})`}
                      </td>
                      <td>{L(v, task.title)}</td>
                      <td>
                        <code>{task.id}</code>
                        {isCanonicalTaskId(task.id) ? <span class="ds-sr-only">, {t('lem.edit.canonical')}</span> : null}
                      </td>
                      <td>
                        <a class="ds-link" href={`/livshendelse/rediger/oppgave/${task.id}`}>
                          {t('lem.edit.editTask')}
                          <span class="ds-sr-only">: {L(v, task.title)}</span>
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </>
  );
}

function RepeatingRows(props: { count: number; render: (i: number) => unknown }) {
  return <>{Array.from({ length: props.count }, (_, i) => props.render(i))}</>;
}

function FieldsetError(props: { id: string; error?: string }) {
  return props.error ? (
    <div class="ds-validation-message" id={`${props.id}-error`} data-color="danger">
      {props.error}
    </div>
  ) : null;
}

export function TaskEditView(props: {
  v: ViewContext;
  map: LifeEventMap;
  phase: Phase;
  phaseNumber: number;
  /** Null for a new task. */
  task: Task | null;
  values: EditFormValues;
  errors: Errors;
  base: number;
  action: string;
}) {
  const { v, map, values, errors } = props;
  const { t } = v;
  const title = props.task
    ? t('lem.edit.taskTitle', { task: L(v, props.task.title) })
    : t('lem.edit.newTaskTitle', { phase: L(v, props.phase.title) });
  const rules = rowCount(values.fields, 'rules', 1, 10);
  const links = rowCount(values.fields, 'links', 1, 10);
  const relation = values.fields.relation ?? 'step';
  return (
    <>
      <Breadcrumbs v={v} trail={editorTrail(v, { href: props.action, label: title })} />
      <h1 class="ds-heading" data-size="lg">
        <span class="heading-caption">{phaseTitle(v, props.phase, props.phaseNumber)}</span>
        {title}
      </h1>
      <ErrorSummary v={v} errors={errors} />
      <form method="post" action={props.action} class="stack edit-form" novalidate id="form">
        <CsrfField v={v} />
        {props.task ? (
          <p class="ds-paragraph">
            {t('lem.edit.taskId')}: <code>{props.task.id}</code>
            {isCanonicalTaskId(props.task.id) ? ` – ${t('lem.edit.canonicalHint')}` : ''}
          </p>
        ) : (
          <Field v={v} name="id" label={t('lem.edit.taskId')} hint={t('lem.edit.taskIdHint')} values={values} errors={errors} short />
        )}
        <fieldset class="ds-fieldset" aria-describedby={errors.relation ? 'relation-error' : undefined}>
          <legend class="ds-label">{t('lem.field.relation')}</legend>
          <FieldsetError id="relation" error={errors.relation} />
          {RELATIONS.map((r, i) => (
            <div class="ds-field">
              <input
                class="ds-input"
                type="radio"
                name="relation"
                id={i === 0 ? 'relation' : `relation-${r}`}
                value={r}
                checked={relation === r}
              />
              <label class="ds-label" for={i === 0 ? 'relation' : `relation-${r}`} data-weight="regular">
                {t(`lem.relation.${r}` as MessageKey)}
              </label>
            </div>
          ))}
        </fieldset>
        <LocalisedFields v={v} name="title" label={t('lem.field.title')} values={values} errors={errors} />
        <LocalisedFields v={v} name="summary" label={t('lem.field.summary')} values={values} errors={errors} multiline />
        <LocalisedFields
          v={v}
          name="appliesWhen"
          label={t('lem.field.appliesWhen')}
          hint={t('lem.edit.optionalHint')}
          values={values}
          errors={errors}
        />
        <fieldset class="ds-fieldset" aria-describedby={errors.owners ? 'owners-error' : undefined}>
          <legend class="ds-label">{t('lem.field.owners')}</legend>
          <FieldsetError id="owners" error={errors.owners} />
          {map.owners.map((owner, i) => (
            <div class="ds-field">
              <input
                class="ds-input"
                type="checkbox"
                name="owners"
                value={owner.id}
                id={i === 0 ? 'owners' : `owners-${owner.id}`}
                checked={values.owners.includes(owner.id)}
              />
              <label class="ds-label" for={i === 0 ? 'owners' : `owners-${owner.id}`} data-weight="regular">
                {L(v, owner.name)}
              </label>
            </div>
          ))}
        </fieldset>
        <p class="ds-paragraph">
          <a class="ds-link" href="/livshendelse/rediger/aktorer">
            {t('lem.edit.ownersMissing')}
          </a>
        </p>
        <RepeatingRows
          count={rules}
          render={(i) => (
            <fieldset class="ds-fieldset edit-row">
              <legend class="ds-label">{t('lem.edit.ruleN', { n: i + 1 })}</legend>
              <p class="ds-paragraph" data-size="sm">
                {t('lem.edit.rowHint')}
              </p>
              <LocalisedFields v={v} name={`rules.${i}.title`} label={t('lem.field.ruleTitle')} values={values} errors={errors} />
              <Field
                v={v}
                name={`rules.${i}.url`}
                label={t('lem.field.url')}
                hint={t('lem.edit.urlHint')}
                values={values}
                errors={errors}
                inputmode="url"
              />
              <div class="ds-field form-field">
                <label class="ds-label" for={fieldId(['rules', i, 'certainty'])}>
                  {t('lem.field.certainty')}
                </label>
                {errors[fieldId(['rules', i, 'certainty'])] ? (
                  <div class="ds-validation-message" data-color="danger" id={`${fieldId(['rules', i, 'certainty'])}-error`}>
                    {errors[fieldId(['rules', i, 'certainty'])]}
                  </div>
                ) : null}
                <select class="ds-input" id={fieldId(['rules', i, 'certainty'])} name={`rules.${i}.certainty`}>
                  {CERTAINTIES.map((c) => (
                    <option value={c} selected={(values.fields[`rules.${i}.certainty`] ?? 'verified') === c}>
                      {t(`lem.certainty.${c}` as MessageKey)}
                    </option>
                  ))}
                </select>
              </div>
              <LocalisedFields
                v={v}
                name={`rules.${i}.note`}
                label={t('lem.field.note')}
                hint={t('lem.edit.optionalHint')}
                values={values}
                errors={errors}
                multiline
              />
            </fieldset>
          )}
        />
        <LocalisedFields v={v} name="cost" label={t('lem.field.cost')} values={values} errors={errors} />
        <LocalisedFields v={v} name="duration" label={t('lem.field.duration')} values={values} errors={errors} />
        <RepeatingRows
          count={links}
          render={(i) => (
            <fieldset class="ds-fieldset edit-row">
              <legend class="ds-label">{t('lem.edit.linkN', { n: i + 1 })}</legend>
              <p class="ds-paragraph" data-size="sm">
                {t('lem.edit.rowHint')}
              </p>
              <LocalisedFields v={v} name={`links.${i}.label`} label={t('lem.field.label')} values={values} errors={errors} />
              <Field
                v={v}
                name={`links.${i}.href`}
                label={t('lem.field.href')}
                hint={t('lem.edit.hrefHint')}
                values={values}
                errors={errors}
                inputmode="url"
              />
            </fieldset>
          )}
        />
        <fieldset class="ds-fieldset edit-row">
          <legend class="ds-label">{t('lem.field.tool')}</legend>
          <p class="ds-paragraph" data-size="sm">
            {t('lem.edit.toolHint')}
          </p>
          <Field v={v} name="tool.path" label={t('lem.field.toolPath')} values={values} errors={errors} />
          <LocalisedFields v={v} name="tool.label" label={t('lem.field.label')} values={values} errors={errors} />
        </fieldset>
        <LocalisedFields
          v={v}
          name="caveat"
          label={t('lem.field.caveat')}
          hint={t('lem.edit.caveatHint')}
          values={values}
          errors={errors}
          multiline
        />
        <ChangeNoteAndSave v={v} values={values} errors={errors} base={props.base} submit={t('lem.edit.save')} />
      </form>
      {props.task && !isCanonicalTaskId(props.task.id) ? (
        <section aria-labelledby="remove-heading" class="edit-remove">
          <h2 class="ds-heading" data-size="sm" id="remove-heading">
            {t('lem.edit.removeTitle')}
          </h2>
          <form method="post" action={`/livshendelse/rediger/oppgave/${props.task.id}/fjern`} class="stack" novalidate>
            <CsrfField v={v} />
            <input type="hidden" name="base" value={String(props.base)} />
            <div class="ds-field form-field">
              <label class="ds-label" for="remove-changeNote">
                {t('lem.edit.changeNote')}
              </label>
              <textarea class="ds-input" id="remove-changeNote" name="changeNote" rows={2} />
            </div>
            <button type="submit" class="ds-button" data-variant="secondary" data-color="danger">
              {t('lem.edit.remove', { task: L(v, props.task.title) })}
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
}

export function PhaseEditView(props: {
  v: ViewContext;
  phase: Phase;
  phaseNumber: number;
  values: EditFormValues;
  errors: Errors;
  base: number;
}) {
  const { v, phase, values, errors } = props;
  const { t } = v;
  const action = `/livshendelse/rediger/fase/${phase.slug}`;
  const title = t('lem.edit.phaseTitle', { phase: phaseTitle(v, phase, props.phaseNumber) });
  const outside = rowCount(values.fields, 'outside', 1, 10);
  return (
    <>
      <Breadcrumbs v={v} trail={editorTrail(v, { href: action, label: title })} />
      <h1 class="ds-heading" data-size="lg">
        {title}
      </h1>
      <ErrorSummary v={v} errors={errors} />
      <form method="post" action={action} class="stack edit-form" novalidate id="form">
        <CsrfField v={v} />
        <LocalisedFields v={v} name="title" label={t('lem.field.title')} values={values} errors={errors} />
        <LocalisedFields v={v} name="summary" label={t('lem.field.summary')} values={values} errors={errors} multiline />
        <fieldset class="ds-fieldset">
          <legend class="ds-label">{t('lem.edit.order')}</legend>
          <p class="ds-paragraph" data-size="sm">
            {t('lem.edit.orderHint')}
          </p>
          {phase.tasks.map((task) => (
            <Field v={v} name={`order.${task.id}`} label={L(v, task.title)} values={values} errors={errors} short inputmode="numeric" />
          ))}
        </fieldset>
        <RepeatingRows
          count={outside}
          render={(i) => (
            <fieldset class="ds-fieldset edit-row">
              <legend class="ds-label">{t('lem.edit.outsideN', { n: i + 1 })}</legend>
              <p class="ds-paragraph" data-size="sm">
                {t('lem.edit.rowHint')}
              </p>
              <LocalisedFields v={v} name={`outside.${i}.title`} label={t('lem.field.title')} values={values} errors={errors} />
              <LocalisedFields v={v} name={`outside.${i}.body`} label={t('lem.field.body')} values={values} errors={errors} multiline />
              <LocalisedFields
                v={v}
                name={`outside.${i}.link.label`}
                label={t('lem.field.linkLabel')}
                hint={t('lem.edit.optionalHint')}
                values={values}
                errors={errors}
              />
              <Field v={v} name={`outside.${i}.link.href`} label={t('lem.field.href')} values={values} errors={errors} inputmode="url" />
            </fieldset>
          )}
        />
        <ChangeNoteAndSave v={v} values={values} errors={errors} base={props.base} submit={t('lem.edit.save')} />
      </form>
    </>
  );
}

export function OwnersEditView(props: { v: ViewContext; values: EditFormValues; errors: Errors; base: number }) {
  const { v, values, errors } = props;
  const { t } = v;
  const count = rowCount(values.fields, 'owners', 1, 60);
  return (
    <>
      <Breadcrumbs v={v} trail={editorTrail(v, { href: '/livshendelse/rediger/aktorer', label: t('lem.owners.title') })} />
      <h1 class="ds-heading" data-size="lg">
        {t('lem.owners.title')}
      </h1>
      <p class="ds-paragraph">{t('lem.owners.lead')}</p>
      <ErrorSummary v={v} errors={errors} />
      <form method="post" action="/livshendelse/rediger/aktorer" class="stack edit-form" novalidate id="form">
        <CsrfField v={v} />
        <RepeatingRows
          count={count}
          render={(i) => {
            const existing = values.fields[`owners.${i}.id`];
            return (
              <fieldset class="ds-fieldset edit-row">
                <legend class="ds-label">{existing ? t('lem.owners.rowExisting', { id: existing }) : t('lem.owners.rowNew')}</legend>
                {existing ? (
                  <input type="hidden" name={`owners.${i}.id`} value={existing} />
                ) : (
                  <Field
                    v={v}
                    name={`owners.${i}.newId`}
                    label={t('lem.owners.id')}
                    hint={t('lem.owners.idHint')}
                    values={values}
                    errors={errors}
                    short
                  />
                )}
                <LocalisedFields v={v} name={`owners.${i}.name`} label={t('lem.owners.name')} values={values} errors={errors} />
                <Field
                  v={v}
                  name={`owners.${i}.url`}
                  label={t('lem.field.url')}
                  hint={t('lem.edit.urlHint')}
                  values={values}
                  errors={errors}
                  inputmode="url"
                />
              </fieldset>
            );
          }}
        />
        <ChangeNoteAndSave v={v} values={values} errors={errors} base={props.base} submit={t('lem.edit.save')} />
      </form>
    </>
  );
}

export function HistoryView(props: { v: ViewContext; revisions: RevisionSummary[]; errors?: Errors; fra?: string; til?: string }) {
  const { v, revisions } = props;
  const { t } = v;
  const latest = revisions[0]?.number ?? 0;
  const numbers = [...revisions.map((r) => r.number), 0];
  const errors = props.errors ?? {};
  const fra = props.fra ?? String(Math.max(0, latest - 1));
  const til = props.til ?? String(latest);
  return (
    <>
      <Breadcrumbs
        v={v}
        trail={[
          { href: '/livshendelse', label: t('lem.title') },
          { href: '/livshendelse/historikk', label: t('lem.history.title') },
        ]}
      />
      <h1 class="ds-heading" data-size="lg">
        {t('lem.history.title')}
      </h1>
      <p class="ds-paragraph">{t('lem.history.lead')}</p>
      <ErrorSummary v={v} errors={errors} />
      {latest > 0 ? (
        <form method="get" action="/livshendelse/historikk/sammenlign" class="inline-form compare-form">
          {(['fra', 'til'] as const).map((name) => (
            <div class="ds-field form-field">
              <label class="ds-label" for={name}>
                {t(name === 'fra' ? 'lem.history.from' : 'lem.history.to')}
              </label>
              {errors[name] ? (
                <div class="ds-validation-message" id={`${name}-error`} data-color="danger">
                  {errors[name]}
                </div>
              ) : null}
              <select class="ds-input" id={name} name={name} aria-describedby={errors[name] ? `${name}-error` : undefined}>
                {numbers.map((n) => (
                  <option value={String(n)} selected={String(n) === (name === 'fra' ? fra : til)}>
                    {n === 0 ? t('lem.history.repository') : t('lem.history.versionN', { n })}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <button type="submit" class="ds-button" data-variant="secondary">
            {t('lem.history.compare')}
          </button>
        </form>
      ) : (
        <p class="ds-paragraph">{t('lem.history.none')}</p>
      )}
      <div class="table-scroll">
        <table class="ds-table" data-border>
          <caption>{t('lem.history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('lem.history.col.version')}</th>
              <th scope="col">{t('lem.history.col.when')}</th>
              <th scope="col">{t('lem.history.col.who')}</th>
              <th scope="col">{t('lem.history.col.note')}</th>
              <th scope="col">{t('lem.history.col.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr>
                <td>{r.number}</td>
                <td>
                  <time datetime={r.createdAt.toISOString()}>{formatDateTime(v, r.createdAt)}</time>
                </td>
                <td>
                  {r.authorName}
                  {r.origin === 'proposal' ? ` (${t('lem.history.fromProposal')})` : ''}
                  {r.proposalRef && /^forslag-\d+$/.test(r.proposalRef) ? (
                    <>
                      {' – '}
                      <a class="ds-link" href={`/livshendelse/forslag/${r.proposalRef.slice('forslag-'.length)}`}>
                        {t('lem.proposal.page.title', { n: r.proposalRef.slice('forslag-'.length) })}
                      </a>
                    </>
                  ) : null}
                </td>
                <td class="history-note">{r.changeNote}</td>
                <td>
                  <a class="ds-link" href={`/livshendelse/historikk/sammenlign?fra=${r.baseNumber}&til=${r.number}`}>
                    {t('lem.history.showChanges')}
                    <span class="ds-sr-only"> {t('lem.history.versionN', { n: r.number })}</span>
                  </a>
                </td>
              </tr>
            ))}
            <tr>
              <td>0</td>
              <td>–</td>
              <td>–</td>
              <td>{t('lem.history.repositoryNote')}</td>
              <td>–</td>
            </tr>
          </tbody>
        </table>
      </div>
    </>
  );
}

export function fieldLabel(v: ViewContext, path: string[]): string {
  const parts: string[] = [];
  for (const [i, segment] of path.entries()) {
    if (/^\d+$/.test(segment)) {
      const previous = parts.pop() ?? '';
      parts.push(`${previous} ${Number(segment) + 1}`);
    } else if (segment === 'nb' || segment === 'nn') {
      const previous = parts.pop() ?? '';
      parts.push(`${previous} (${v.t(`lem.lang.${segment}` as MessageKey)})`);
    } else {
      const key = `lem.field.${segment}` as MessageKey;
      const text = v.t(key);
      parts.push(i === 0 ? text : text.toLowerCase());
    }
  }
  return parts.join(' – ');
}

function displayValue(v: ViewContext, path: string[], value: string): string {
  const last = path[path.length - 1];
  if (last === 'certainty') return v.t(`lem.certainty.${value}` as MessageKey);
  if (last === 'relation') return v.t(`lem.relation.${value}` as MessageKey);
  return value;
}

export function ChangeValue(props: { v: ViewContext; change: FieldChange }) {
  const { v, change } = props;
  const { t } = v;
  if (change.segments && !['certainty', 'relation', 'phase'].includes(change.path[change.path.length - 1] ?? '')) {
    return (
      <p class="ds-paragraph diff-text">
        {change.segments.map((s) =>
          s.op === 'same' ? (
            s.text
          ) : s.op === 'del' ? (
            <del>
              <span class="ds-sr-only">[{t('lem.diff.removedText')}: </span>
              {s.text}
              <span class="ds-sr-only">]</span>
            </del>
          ) : (
            <ins>
              <span class="ds-sr-only">[{t('lem.diff.addedText')}: </span>
              {s.text}
              <span class="ds-sr-only">]</span>
            </ins>
          ),
        )}
      </p>
    );
  }
  return (
    <dl class="diff-values">
      {change.before !== null ? (
        <>
          <dt>{t('lem.diff.before')}</dt>
          <dd>
            <del>{displayValue(v, change.path, change.before)}</del>
          </dd>
        </>
      ) : null}
      {change.after !== null ? (
        <>
          <dt>{t('lem.diff.after')}</dt>
          <dd>
            <ins>{displayValue(v, change.path, change.after)}</ins>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function sectionHeading(v: ViewContext, section: DiffSection, title: Localised | null): string {
  const name = title ? L(v, title) : '';
  switch (section.kind) {
    case 'owner':
      return v.t('lem.diff.owner', { name });
    case 'phase':
      return v.t('lem.diff.phase', { name });
    case 'task':
      return v.t('lem.diff.task', { name });
    case 'outside':
      return v.t('lem.outside.title');
  }
}

export function CompareView(props: { v: ViewContext; from: number; to: number; sections: DiffSection[]; revisions: RevisionSummary[] }) {
  const { v, sections } = props;
  const { t } = v;
  const title = t('lem.diff.title', {
    from: props.from === 0 ? t('lem.history.repository') : t('lem.history.versionN', { n: props.from }),
    to: props.to === 0 ? t('lem.history.repository') : t('lem.history.versionN', { n: props.to }),
  });
  return (
    <>
      <Breadcrumbs
        v={v}
        trail={[
          { href: '/livshendelse', label: t('lem.title') },
          { href: '/livshendelse/historikk', label: t('lem.history.title') },
          { href: `/livshendelse/historikk/sammenlign?fra=${props.from}&til=${props.to}`, label: title },
        ]}
      />
      <h1 class="ds-heading" data-size="lg">
        {title}
      </h1>
      {props.revisions.length > 0 ? (
        <section aria-labelledby="diff-notes-heading">
          <h2 class="ds-heading" data-size="xs" id="diff-notes-heading">
            {t('lem.diff.notes')}
          </h2>
          <ul class="ds-list">
            {props.revisions.map((r) => (
              <li>
                {t('lem.history.versionN', { n: r.number })}, {r.authorName}, {formatDateTime(v, r.createdAt)}: {r.changeNote}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {sections.length === 0 ? <p class="ds-paragraph">{t('lem.diff.none')}</p> : null}
      {sections.map((section) => (
        <section class="diff-section" aria-labelledby={`diff-${section.kind}-${section.id}`}>
          <h2 class="ds-heading" data-size="xs" id={`diff-${section.kind}-${section.id}`}>
            {sectionHeading(v, section, section.title)}{' '}
            <span
              class="ds-tag"
              data-size="sm"
              data-color={section.status === 'added' ? 'success' : section.status === 'removed' ? 'danger' : 'info'}
            >
              {t(`lem.diff.status.${section.status}` as MessageKey)}
            </span>
          </h2>
          <ul class="ds-list--unstyled diff-changes">
            {section.changes.map((change) => (
              <li>
                <p class="ds-paragraph diff-field">
                  <strong>{fieldLabel(v, change.path)}</strong>
                </p>
                <ChangeValue v={v} change={change} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p class="ds-paragraph">
        <a class="ds-link" href="/livshendelse/historikk">
          {t('lem.diff.back')}
        </a>
      </p>
    </>
  );
}

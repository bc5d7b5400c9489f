import type { Child } from 'hono/jsx';

/**
 * Form controls shared by every question page and form (Designsystemet's field pattern, GOV.UK question pages):
 * a label or legend, an optional hint, the validation message, the control — tied together by aria-describedby.
 * The first control of a group carries the field's own id, so the error summary's link (ErrorSummary in
 * layout.tsx) lands on it. `asHeading` makes the label or legend the page's h1 (GOV.UK "question as heading",
 * for a page that asks one question). A one-line text input is `TextField` in layout.tsx, or `Input` here for
 * the extra options of long question pages (secret values, widths).
 */

/** The ids of the hint and error that describe a control, or undefined when there are none. */
export const describedBy = (...ids: (string | null | undefined | false)[]) => ids.filter(Boolean).join(' ') || undefined;

export function Hint(props: { id: string; children: Child }) {
  return (
    <div class="ds-paragraph field-description" id={props.id} data-size="sm">
      {props.children}
    </div>
  );
}

export function FieldError(props: { id: string; error?: string }) {
  if (!props.error) return null;
  return (
    <div class="ds-validation-message" id={`${props.id}-error`} data-color="danger">
      {props.error}
    </div>
  );
}

/** The label, or the label inside the page's h1 when the field is the page's one question. */
function Label(props: { id: string; label: string; asHeading?: boolean }) {
  const label = (
    <label class="ds-label" for={props.id}>
      {props.label}
    </label>
  );
  if (!props.asHeading) return label;
  return (
    <h1 class="ds-heading question-heading" data-size="md">
      {label}
    </h1>
  );
}

export function Input(props: {
  id: string;
  label: string;
  hint?: Child | null;
  value?: string | null;
  error?: string;
  type?: 'text' | 'date' | 'email' | 'tel' | 'url';
  inputmode?: 'numeric' | 'text' | 'email' | 'tel' | 'url';
  autocomplete?: string;
  width?: 'short' | 'medium';
  /** Text that is never sent back to the browser (a fødselsnummer): the field always starts empty. */
  secret?: boolean;
}) {
  const hintId = props.hint ? `${props.id}-hint` : null;
  return (
    <div class="ds-field form-field">
      <Label id={props.id} label={props.label} />
      {props.hint ? <Hint id={hintId!}>{props.hint}</Hint> : null}
      <FieldError id={props.id} error={props.error} />
      <input
        class={props.width === 'short' ? 'ds-input input-short' : props.width === 'medium' ? 'ds-input reg-input-medium' : 'ds-input'}
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        value={props.secret ? '' : (props.value ?? '')}
        inputmode={props.inputmode}
        autocomplete={props.autocomplete ?? (props.secret ? 'off' : undefined)}
        spellcheck={props.secret ? false : undefined}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(hintId, props.error && `${props.id}-error`)}
      />
    </div>
  );
}

export function TextArea(props: {
  id: string;
  /** The submitted name, when it differs from the id. */
  name?: string;
  label: string;
  asHeading?: boolean;
  hint?: Child | null;
  value?: string | null;
  error?: string;
  rows?: number;
  required?: boolean;
}) {
  const hintId = props.hint ? `${props.id}-hint` : null;
  return (
    <div class="ds-field form-field">
      <Label id={props.id} label={props.label} asHeading={props.asHeading} />
      {props.hint ? <Hint id={hintId!}>{props.hint}</Hint> : null}
      <FieldError id={props.id} error={props.error} />
      <textarea
        class="ds-input"
        id={props.id}
        name={props.name ?? props.id}
        rows={props.rows ?? 4}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(hintId, props.error && `${props.id}-error`)}
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
  hint?: string;
  /** With JavaScript, the element with this id is shown only while this option is chosen (app.js). */
  reveals?: string;
}

/** Radios in a fieldset; the first radio carries the field's id so the error summary can link to it. */
export function Radios(props: {
  id: string;
  legend: string;
  asHeading?: boolean;
  hint?: Child | null;
  options: Option[];
  value?: string | null;
  error?: string;
  /** A legend in the size of a label, for a group inside a longer form. */
  small?: boolean;
}) {
  const hintId = props.hint ? `${props.id}-hint` : null;
  return (
    <fieldset class="ds-fieldset form-field reg-fieldset" aria-describedby={describedBy(hintId, props.error && `${props.id}-error`)}>
      {props.asHeading ? (
        <legend class="ds-label">
          <h1 class="ds-heading question-heading" data-size="md">
            {props.legend}
          </h1>
        </legend>
      ) : (
        <legend class={props.small ? 'ds-label' : 'ds-label reg-legend'}>{props.legend}</legend>
      )}
      {props.hint ? <Hint id={hintId!}>{props.hint}</Hint> : null}
      <FieldError id={props.id} error={props.error} />
      {props.options.map((o, i) => {
        const id = i === 0 ? props.id : `${props.id}-${o.value.replace(/[^A-Za-z0-9_-]/g, '-')}`;
        const optionHint = o.hint ? `${id}-hint` : null;
        return (
          <div class="ds-field">
            <input
              class="ds-input"
              type="radio"
              name={props.id}
              id={id}
              value={o.value}
              checked={props.value === o.value}
              data-reveals={o.reveals}
              aria-invalid={props.error ? 'true' : undefined}
              aria-describedby={optionHint ?? undefined}
            />
            <label class="ds-label" for={id} data-weight="regular">
              {o.label}
            </label>
            {o.hint ? <Hint id={optionHint!}>{o.hint}</Hint> : null}
          </div>
        );
      })}
    </fieldset>
  );
}

export function Select(props: {
  id: string;
  /** The submitted name, when it differs from the id. */
  name?: string;
  label: string;
  asHeading?: boolean;
  hint?: Child | null;
  value?: string | null;
  options: { value: string; label: string }[];
  /** A first, empty option ("Velg …"). */
  placeholder?: string;
  error?: string;
}) {
  const hintId = props.hint ? `${props.id}-hint` : null;
  return (
    <div class="ds-field form-field">
      <Label id={props.id} label={props.label} asHeading={props.asHeading} />
      {props.hint ? <Hint id={hintId!}>{props.hint}</Hint> : null}
      <FieldError id={props.id} error={props.error} />
      <select
        class="ds-input"
        id={props.id}
        name={props.name ?? props.id}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(hintId, props.error && `${props.id}-error`)}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === (props.value ?? '')}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** GOV.UK summary list: one row per answer, with a change link that names what it changes. */
export function SummaryList(props: { changeText: string; rows: { key: string; value: Child; href?: string }[] }) {
  return (
    <dl class="reg-summary">
      {props.rows.map((row) => (
        <div class="reg-summary__row">
          <dt class="reg-summary__key">{row.key}</dt>
          <dd class="reg-summary__value">{row.value}</dd>
          {row.href ? (
            <dd class="reg-summary__action">
              <a class="ds-link" href={row.href}>
                {props.changeText}
                <span class="ds-sr-only"> {row.key.toLocaleLowerCase('nb')}</span>
              </a>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}

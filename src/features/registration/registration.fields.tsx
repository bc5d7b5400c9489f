import type { Child } from 'hono/jsx';

/**
 * Form controls for the registration question pages (Designsystemet field pattern, GOV.UK question pages): a
 * label or legend, an optional hint, the validation message, the control — with aria-describedby tying them
 * together. The first control of a group has the field's own id, so the error summary's link lands on it.
 */

const describedBy = (...ids: (string | null | undefined | false)[]) => ids.filter(Boolean).join(' ') || undefined;

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

export function Input(props: {
  id: string;
  label: string;
  hint?: string | null;
  value?: string;
  error?: string;
  type?: 'text' | 'date' | 'email' | 'tel';
  inputmode?: 'numeric' | 'text' | 'email' | 'tel';
  autocomplete?: string;
  width?: 'short' | 'medium';
  /** Text that is never sent back to the browser (a fødselsnummer): the field always starts empty. */
  secret?: boolean;
}) {
  const hintId = props.hint ? `${props.id}-hint` : null;
  return (
    <div class="ds-field form-field">
      <label class="ds-label" for={props.id}>
        {props.label}
      </label>
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

export function TextArea(props: { id: string; label: string; hint?: string | null; value?: string; error?: string; rows?: number }) {
  const hintId = props.hint ? `${props.id}-hint` : null;
  return (
    <div class="ds-field form-field">
      <label class="ds-label" for={props.id}>
        {props.label}
      </label>
      {props.hint ? <Hint id={hintId!}>{props.hint}</Hint> : null}
      <FieldError id={props.id} error={props.error} />
      <textarea
        class="ds-input"
        id={props.id}
        name={props.id}
        rows={props.rows ?? 4}
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

export function Radios(props: {
  id: string;
  legend: string;
  hint?: string | null;
  options: Option[];
  value?: string;
  error?: string;
  small?: boolean;
}) {
  const hintId = props.hint ? `${props.id}-hint` : null;
  return (
    <fieldset class="ds-fieldset reg-fieldset" aria-describedby={describedBy(hintId, props.error && `${props.id}-error`)}>
      <legend class={props.small ? 'ds-label' : 'ds-label reg-legend'}>{props.legend}</legend>
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
  label: string;
  hint?: string | null;
  value?: string;
  options: { value: string; label: string }[];
  error?: string;
}) {
  const hintId = props.hint ? `${props.id}-hint` : null;
  return (
    <div class="ds-field form-field">
      <label class="ds-label" for={props.id}>
        {props.label}
      </label>
      {props.hint ? <Hint id={hintId!}>{props.hint}</Hint> : null}
      <FieldError id={props.id} error={props.error} />
      <select
        class="ds-input"
        id={props.id}
        name={props.id}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(hintId, props.error && `${props.id}-error`)}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={props.value === o.value}>
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

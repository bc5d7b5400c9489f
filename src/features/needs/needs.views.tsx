import { Select, TextArea } from '../../core/form-fields.tsx';
import type { ViewContext } from '../../core/http/view-context.ts';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { CsrfField, ErrorSummary, TextField } from '../../core/layout.tsx';
import type { NeedSummary, OwnerOption } from './needs.domain.ts';
import { FREQUENCIES, NEED_STATUSES, type NeedStatus } from './needs.schema.ts';

/** Views of the needs register: public list with filters, a need's page, the record form. */

const PHASES = [1, 2, 3, 4, 5, 6] as const;
export const phaseName = (v: ViewContext, phase: number) => v.t(`needs.phase.${phase}` as MessageKey);
const statusName = (v: ViewContext, status: string) => v.t(`needs.status.${status}` as MessageKey);

export function NeedsListView(props: { v: ViewContext; needs: NeedSummary[]; phase?: number; status?: NeedStatus }) {
  const { v } = props;
  return (
    <>
      <h1 class="ds-heading" data-size="lg">
        {v.t('needs.title')}
      </h1>
      <p class="ds-paragraph">{v.t('needs.intro')}</p>
      <p class="ds-paragraph">
        {v.user ? (
          <a class="ds-link" href="/okosystem/behov/ny">
            {v.t('needs.new')}
          </a>
        ) : (
          v.t('needs.signInToRecord')
        )}
      </p>
      <form method="get" action="/okosystem/behov" class="needs-filter">
        <fieldset class="ds-fieldset">
          <legend class="ds-label">{v.t('needs.filter.legend')}</legend>
          <div class="ds-field">
            <label class="ds-label" for="fase">
              {v.t('needs.filter.phase')}
            </label>
            <select class="ds-input" id="fase" name="fase">
              <option value="">{v.t('needs.filter.all')}</option>
              {PHASES.map((p) => (
                <option value={String(p)} selected={props.phase === p}>
                  {phaseName(v, p)}
                </option>
              ))}
            </select>
          </div>
          <div class="ds-field">
            <label class="ds-label" for="status">
              {v.t('needs.filter.status')}
            </label>
            <select class="ds-input" id="status" name="status">
              <option value="">{v.t('needs.filter.all')}</option>
              {NEED_STATUSES.map((s) => (
                <option value={s} selected={props.status === s}>
                  {statusName(v, s)}
                </option>
              ))}
            </select>
          </div>
          <button class="ds-button" data-variant="secondary" type="submit">
            {v.t('needs.filter.submit')}
          </button>
        </fieldset>
      </form>
      {props.needs.length === 0 ? (
        <p class="ds-paragraph">{v.t('needs.none')}</p>
      ) : (
        <table class="ds-table">
          <caption>{v.t('needs.table.caption', { count: props.needs.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{v.t('needs.table.need')}</th>
              <th scope="col">{v.t('needs.table.phase')}</th>
              <th scope="col">{v.t('needs.table.status')}</th>
              <th scope="col">{v.t('needs.table.count')}</th>
            </tr>
          </thead>
          <tbody>
            {props.needs.map((n) => (
              <tr>
                <td>
                  <a class="ds-link" href={`/okosystem/behov/${n.id}`}>
                    {n.title}
                  </a>
                </td>
                <td>{phaseName(v, n.phase)}</td>
                <td>{statusName(v, n.status)}</td>
                <td>{n.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function OwnerSelect(props: { v: ViewContext; id: string; owners: OwnerOption[]; value?: string; error?: string }) {
  return (
    <Select
      id={props.id}
      name="owner"
      label={props.v.t('needs.field.owner')}
      hint={props.v.t('needs.field.owner.help')}
      value={props.value}
      options={props.owners.map((o) => ({ value: o.value, label: o.name }))}
      error={props.error}
    />
  );
}

export function NeedFormView(props: {
  v: ViewContext;
  owners: OwnerOption[];
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  const { v, values, errors } = props;
  return (
    <>
      <p class="ds-paragraph">
        <a class="ds-link" href="/okosystem/behov">
          {v.t('needs.back')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg">
        {v.t('needs.new.title')}
      </h1>
      {props.owners.length === 0 ? (
        <p class="ds-paragraph">{v.t('needs.noOwners')}</p>
      ) : (
        <form method="post" action="/okosystem/behov" novalidate>
          <CsrfField v={v} />
          <ErrorSummary v={v} errors={errors} />
          <OwnerSelect v={v} id="owner" owners={props.owners} value={values.owner} error={errors.owner} />
          <TextField id="title" label={v.t('needs.field.title')} value={values.title} error={errors.title} required />
          <TextArea
            id="description"
            label={v.t('needs.field.description')}
            value={values.description}
            error={errors.description}
            required
          />
          <div class="ds-field form-field">
            <label class="ds-label" for="phase">
              {v.t('needs.field.phase')}
            </label>
            {errors.phase ? (
              <div class="ds-validation-message" id="phase-error" data-color="danger">
                {errors.phase}
              </div>
            ) : null}
            <select
              class="ds-input"
              id="phase"
              name="phase"
              aria-invalid={errors.phase ? 'true' : undefined}
              aria-describedby={errors.phase ? 'phase-error' : undefined}
            >
              <option value="">–</option>
              {PHASES.map((p) => (
                <option value={String(p)} selected={values.phase === String(p)}>
                  {phaseName(v, p)}
                </option>
              ))}
            </select>
          </div>
          <fieldset class="ds-fieldset form-field" aria-describedby={errors.frequency ? 'frequency-error' : undefined}>
            <legend class="ds-label" id="frequency">
              {v.t('needs.field.frequency')}
            </legend>
            {errors.frequency ? (
              <div class="ds-validation-message" id="frequency-error" data-color="danger">
                {errors.frequency}
              </div>
            ) : null}
            {FREQUENCIES.map((f) => (
              <div class="ds-field">
                <input class="ds-input" type="radio" id={`frequency-${f}`} name="frequency" value={f} checked={values.frequency === f} />
                <label class="ds-label" for={`frequency-${f}`}>
                  {v.t(`needs.frequency.${f}` as MessageKey)}
                </label>
              </div>
            ))}
          </fieldset>
          <TextArea id="evidence" label={v.t('needs.field.evidence')} value={values.evidence} error={errors.evidence} />
          <button class="ds-button" type="submit">
            {v.t('needs.submit')}
          </button>
        </form>
      )}
    </>
  );
}

export interface NeedPage {
  need: NeedSummary;
  root: NeedSummary | undefined;
  duplicates: NeedSummary[];
  confirmations: { id: string; ownerName: string | null; actorName: string | null; evidence: string; createdAt: Date }[];
  history: { id: string; action: string; actorName: string; createdAt: Date }[];
  blocks: { slug: string; name: string }[];
  owners: OwnerOption[];
  candidates: NeedSummary[] | null;
}

export function NeedView(props: { v: ViewContext; page: NeedPage; errors: Record<string, string>; values: Record<string, string> }) {
  const { v, page, errors } = props;
  const { need } = page;
  const date = (d: Date) => d.toISOString().slice(0, 10);
  return (
    <>
      <p class="ds-paragraph">
        <a class="ds-link" href="/okosystem/behov">
          {v.t('needs.back')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg">
        {need.title}
      </h1>
      <ErrorSummary v={v} errors={errors} />
      <p class="ds-paragraph">{need.description}</p>
      <dl class="need-facts">
        <dt>{v.t('needs.page.owner')}</dt>
        <dd>{need.owner}</dd>
        <dt>{v.t('needs.page.phase')}</dt>
        <dd>{phaseName(v, need.phase)}</dd>
        <dt>{v.t('needs.page.frequency')}</dt>
        <dd>{v.t(`needs.frequency.${need.frequency}` as MessageKey)}</dd>
        <dt>{v.t('needs.page.status')}</dt>
        <dd>{statusName(v, need.status)}</dd>
        <dt>{v.t('needs.page.count')}</dt>
        <dd>{need.count}</dd>
        {need.evidence ? (
          <>
            <dt>{v.t('needs.page.evidence')}</dt>
            <dd>{need.evidence}</dd>
          </>
        ) : null}
      </dl>
      {page.root ? (
        <p class="ds-paragraph">
          {v.t('needs.page.duplicateOf')}{' '}
          <a class="ds-link" href={`/okosystem/behov/${page.root.id}`}>
            {page.root.title}
          </a>
        </p>
      ) : null}
      {page.duplicates.length > 0 ? (
        <>
          <h2 class="ds-heading" data-size="sm">
            {v.t('needs.page.duplicates')}
          </h2>
          <ul class="ds-list">
            {page.duplicates.map((d) => (
              <li>
                <a class="ds-link" href={`/okosystem/behov/${d.id}`}>
                  {d.title}
                </a>{' '}
                ({d.owner})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 class="ds-heading" data-size="sm">
        {v.t('needs.page.confirmations')}
      </h2>
      {page.confirmations.length === 0 ? (
        <p class="ds-paragraph">{v.t('needs.page.noConfirmations')}</p>
      ) : (
        <ul class="ds-list">
          {page.confirmations.map((c) => (
            <li>
              <strong>{c.ownerName ?? c.actorName}</strong> ({date(c.createdAt)}){c.evidence ? `: ${c.evidence}` : ''}
            </li>
          ))}
        </ul>
      )}
      {page.blocks.length > 0 ? (
        <>
          <h2 class="ds-heading" data-size="sm">
            {v.t('needs.page.blocks')}
          </h2>
          <ul class="ds-list">
            {page.blocks.map((b) => (
              <li>
                <a class="ds-link" href={`/okosystem/byggeklosser/${b.slug}`}>
                  {b.name}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {page.owners.length > 0 ? (
        <form method="post" action={`/okosystem/behov/${need.id}/har-ogsa`} novalidate>
          <h2 class="ds-heading" data-size="sm">
            {v.t('needs.confirm.heading')}
          </h2>
          <CsrfField v={v} />
          <OwnerSelect v={v} id="confirm-owner" owners={page.owners} value={props.values.owner} error={errors.owner} />
          <TextArea id="evidence" label={v.t('needs.field.evidence')} value={props.values.evidence} error={errors.evidence} />
          <button class="ds-button" type="submit">
            {v.t('needs.confirm.submit')}
          </button>
        </form>
      ) : null}
      {page.candidates ? (
        <form method="post" action={`/okosystem/behov/${need.id}/status`} novalidate>
          <h2 class="ds-heading" data-size="sm">
            {v.t('needs.statusForm.heading')}
          </h2>
          <CsrfField v={v} />
          <div class="ds-field form-field">
            <label class="ds-label" for="status">
              {v.t('needs.page.status')}
            </label>
            {errors.status ? (
              <div class="ds-validation-message" id="status-error" data-color="danger">
                {errors.status}
              </div>
            ) : null}
            <select class="ds-input" id="status" name="status">
              {NEED_STATUSES.map((s) => (
                <option value={s} selected={need.status === s}>
                  {statusName(v, s)}
                </option>
              ))}
            </select>
          </div>
          <button class="ds-button" data-variant="secondary" type="submit">
            {v.t('needs.statusForm.submit')}
          </button>
        </form>
      ) : null}
      {page.candidates && page.candidates.length > 0 ? (
        <form method="post" action={`/okosystem/behov/${need.id}/duplikat`} novalidate>
          <h2 class="ds-heading" data-size="sm">
            {v.t('needs.duplicate.heading')}
          </h2>
          <CsrfField v={v} />
          <div class="ds-field form-field">
            <label class="ds-label" for="duplicateOf">
              {v.t('needs.duplicate.field')}
            </label>
            {errors.duplicateOf ? (
              <div class="ds-validation-message" id="duplicateOf-error" data-color="danger">
                {errors.duplicateOf}
              </div>
            ) : null}
            <select class="ds-input" id="duplicateOf" name="duplicateOf">
              {page.candidates.map((c) => (
                <option value={c.id}>{c.title}</option>
              ))}
            </select>
          </div>
          <button class="ds-button" data-variant="secondary" type="submit">
            {v.t('needs.duplicate.submit')}
          </button>
        </form>
      ) : null}
      <h2 class="ds-heading" data-size="sm">
        {v.t('needs.page.history')}
      </h2>
      <ul class="ds-list">
        {page.history.map((h) => (
          <li>
            {date(h.createdAt)}: {v.t(`needs.history.${h.action}` as MessageKey)} – {h.actorName}
          </li>
        ))}
      </ul>
    </>
  );
}

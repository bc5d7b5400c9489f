import type { Child } from 'hono/jsx';
import { Radios, Select, TextArea } from '../../core/form-fields.tsx';
import type { ViewContext } from '../../core/http/view-context.ts';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { CsrfField, ErrorSummary, TextField } from '../../core/layout.tsx';
import { Choices } from '../building-blocks/building-blocks.views.tsx';
import { GAIN_IDS, gainById, gainText, isGainId } from '../ecosystem/gains.ts';
import type { NeedSummary } from '../needs/needs.domain.ts';
import { phaseName } from '../needs/needs.views.tsx';
import type { InitiativeSummary } from './portfolio.domain.ts';
import { INITIATIVE_KINDS, type ListQuery, STAGES } from './portfolio.schema.ts';
import { PRIORITY_WEIGHTS } from './priority.ts';

/** Views of the innovation portfolio: matrix + filtered list, an initiative's page, the initiative form. */

const PHASES = [1, 2, 3, 4, 5, 6] as const;
const k = (key: string) => key as MessageKey;
export const stageName = (v: ViewContext, stage: string) => v.t(k(`portfolio.stage.${stage}`));
const kindName = (v: ViewContext, kind: string) => v.t(k(`portfolio.kind.${kind}`));
const gainName = (v: ViewContext, g: string) => (isGainId(g) ? gainText(gainById(g), 'name', v.lang) : g);
const date = (d: Date) => d.toISOString().slice(0, 10);

/** A table that may scroll sideways on narrow screens: focusable and named by its caption, so keyboards reach it. */
export function ScrollTable(props: { captionId: string; children: Child }) {
  return (
    <div class="table-scroll ds-focus" tabindex={0} role="region" aria-labelledby={props.captionId}>
      {props.children}
    </div>
  );
}

/** The formula, printed from the same weights priorityScore uses. */
export function PriorityFormula(props: { v: ViewContext }) {
  const { v } = props;
  return (
    <section aria-labelledby="priority-heading">
      <h2 class="ds-heading" data-size="sm" id="priority-heading">
        {v.t('portfolio.priority.heading')}
      </h2>
      <p class="ds-paragraph">{v.t('portfolio.priority.formula', PRIORITY_WEIGHTS)}</p>
      <p class="ds-paragraph" data-size="sm">
        {v.t('portfolio.priority.why')}
      </p>
    </section>
  );
}

function listHref(q: Partial<Record<'fase' | 'steg', string | number>>) {
  const params = new URLSearchParams(Object.entries(q).map(([key, value]): [string, string] => [key, String(value)]));
  return `/okosystem/portefolje?${params.toString()}#liste`;
}

export function PortfolioView(props: {
  v: ViewContext;
  initiatives: InitiativeSummary[];
  matrix: Map<string, number>;
  query: ListQuery;
  needs: NeedSummary[];
  owners: { id: string; name: string }[];
  canPropose: boolean;
}) {
  const { v, query } = props;
  return (
    <>
      <h1 class="ds-heading" data-size="lg">
        {v.t('portfolio.title')}
      </h1>
      <p class="ds-paragraph">{v.t('portfolio.intro')}</p>
      <p class="ds-paragraph">
        {props.canPropose ? (
          <a class="ds-link" href="/okosystem/portefolje/ny">
            {v.t('portfolio.propose')}
          </a>
        ) : (
          v.t(v.user ? 'portfolio.proposeWho' : 'portfolio.signInToPropose')
        )}{' '}
        <a class="ds-link" href="/okosystem/demonstratorer">
          {v.t('portfolio.toDemonstrators')}
        </a>
      </p>
      <ScrollTable captionId="matrix-caption">
        <table class="ds-table portfolio-matrix">
          <caption id="matrix-caption">{v.t('portfolio.matrix.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{v.t('portfolio.matrix.phase')}</th>
              {STAGES.map((s) => (
                <th scope="col">{stageName(v, s)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {PHASES.map((p) => (
              <tr>
                <th scope="row">{phaseName(v, p)}</th>
                {STAGES.map((s) => {
                  const n = props.matrix.get(`${p}:${s}`) ?? 0;
                  return (
                    <td>
                      {n === 0 ? (
                        '0'
                      ) : (
                        <a
                          class="ds-link"
                          href={listHref({ fase: p, steg: s })}
                          aria-label={v.t('portfolio.matrix.cell', { count: n, phase: phaseName(v, p), stage: stageName(v, s) })}
                        >
                          {n}
                        </a>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <PriorityFormula v={v} />
      <h2 class="ds-heading" data-size="md" id="liste">
        {v.t('portfolio.list.heading')}
      </h2>
      <form method="get" action="/okosystem/portefolje#liste" class="needs-filter">
        <fieldset class="ds-fieldset">
          <legend class="ds-label">{v.t('portfolio.filter.legend')}</legend>
          <FilterSelect
            id="fase"
            label={v.t('portfolio.filter.phase')}
            v={v}
            value={query.fase ? String(query.fase) : ''}
            options={PHASES.map((p) => ({ value: String(p), label: phaseName(v, p) }))}
          />
          <FilterSelect
            id="steg"
            label={v.t('portfolio.filter.stage')}
            v={v}
            value={query.steg ?? ''}
            options={STAGES.map((s) => ({ value: s, label: stageName(v, s) }))}
          />
          <FilterSelect
            id="gevinst"
            label={v.t('portfolio.filter.gain')}
            v={v}
            value={query.gevinst ?? ''}
            options={GAIN_IDS.map((g) => ({ value: g, label: gainName(v, g) }))}
          />
          <FilterSelect
            id="behov"
            label={v.t('portfolio.filter.need')}
            v={v}
            value={query.behov ?? ''}
            options={props.needs.map((n) => ({ value: n.id, label: n.title }))}
          />
          <FilterSelect
            id="eier"
            label={v.t('portfolio.filter.owner')}
            v={v}
            value={query.eier ?? ''}
            options={props.owners.map((o) => ({ value: o.id, label: o.name }))}
          />
          <button class="ds-button" data-variant="secondary" type="submit">
            {v.t('portfolio.filter.submit')}
          </button>
        </fieldset>
      </form>
      {props.initiatives.length === 0 ? (
        <p class="ds-paragraph">{v.t('portfolio.none')}</p>
      ) : (
        <ScrollTable captionId="list-caption">
          <table class="ds-table">
            <caption id="list-caption">{v.t('portfolio.list.caption', { count: props.initiatives.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{v.t('portfolio.list.initiative')}</th>
                <th scope="col">{v.t('portfolio.list.kind')}</th>
                <th scope="col">{v.t('portfolio.list.stage')}</th>
                <th scope="col">{v.t('portfolio.list.phases')}</th>
                <th scope="col">{v.t('portfolio.list.owner')}</th>
                <th scope="col">{v.t('portfolio.list.supports')}</th>
                <th scope="col">{v.t('portfolio.list.priority')}</th>
              </tr>
            </thead>
            <tbody>
              {props.initiatives.map((i) => (
                <tr>
                  <td>
                    <a class="ds-link" href={`/okosystem/portefolje/${i.id}`}>
                      {i.title}
                    </a>
                  </td>
                  <td>{kindName(v, i.kind)}</td>
                  <td>{stageName(v, i.stage)}</td>
                  <td>{i.phases.join(', ')}</td>
                  <td>{i.ownerName ?? v.t('portfolio.noOwner')}</td>
                  <td>{i.supports}</td>
                  <td>{i.priority}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </>
  );
}

function FilterSelect(props: { v: ViewContext; id: string; label: string; value: string; options: { value: string; label: string }[] }) {
  return (
    <div class="ds-field">
      <label class="ds-label" for={props.id}>
        {props.label}
      </label>
      <select class="ds-input" id={props.id} name={props.id}>
        <option value="">{props.v.t('portfolio.filter.all')}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={props.value === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One history value, readable: lists joined, gains and stages named, empty shown as a dash. */
function historyValue(v: ViewContext, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (Array.isArray(value))
    return value.length === 0
      ? '–'
      : value.map((x) => (x === '' || x === null ? '–' : field === 'gains' ? gainName(v, String(x)) : String(x))).join(', ');
  if (field === 'stage') return stageName(v, String(value));
  if (field === 'kind') return kindName(v, String(value));
  if (field === 'decision') return v.t(k(`portfolio.decision.${String(value)}`));
  if (typeof value === 'boolean') return v.t(value ? 'portfolio.history.yes' : 'portfolio.history.no');
  return String(value);
}

/** A history table: when, who, what, and each changed field's before → after. Shared with the demonstrators. */
export function HistoryTable(props: {
  v: ViewContext;
  caption: string;
  prefix: string;
  rows: { id: string; action: string; changes: Record<string, unknown>; actorName: string; createdAt: Date }[];
}) {
  const { v } = props;
  return (
    <ScrollTable captionId="history-caption">
      <table class="ds-table">
        <caption id="history-caption">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{v.t('portfolio.history.when')}</th>
            <th scope="col">{v.t('portfolio.history.who')}</th>
            <th scope="col">{v.t('portfolio.history.what')}</th>
            <th scope="col">{v.t('portfolio.history.change')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((h) => (
            <tr>
              <td>{date(h.createdAt)}</td>
              <td>{h.actorName}</td>
              <td>{v.t(k(`${props.prefix}.history.${h.action}`))}</td>
              <td>
                {h.action === 'created' ? (
                  '–'
                ) : (
                  <ul class="ds-list history-changes">
                    {Object.entries(h.changes).map(([field, change]) =>
                      Array.isArray(change) && change.length === 2 ? (
                        <li>
                          {v.t(k(`${props.prefix}.field.${field}`))}: {historyValue(v, field, change[0])} →{' '}
                          {historyValue(v, field, change[1])}
                        </li>
                      ) : (
                        <li>
                          {v.t(k(`${props.prefix}.field.${field}`))}: {historyValue(v, field, change)}
                        </li>
                      ),
                    )}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

export interface InitiativePage {
  initiative: InitiativeSummary;
  comments: { id: string; authorName: string; affiliation: string; body: string; createdAt: Date }[];
  history: { id: string; action: string; changes: Record<string, unknown>; actorName: string; createdAt: Date }[];
  canCoCreate: boolean;
  canEdit: boolean;
  supported: boolean;
  experiments: { id: string; hypothesis: string; decision: string | null }[];
}

export function InitiativeView(props: {
  v: ViewContext;
  page: InitiativePage;
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  const { v, page, values, errors } = props;
  const i = page.initiative;
  return (
    <>
      <p class="ds-paragraph">
        <a class="ds-link" href="/okosystem/portefolje">
          {v.t('portfolio.back')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg">
        {i.title}
      </h1>
      <ErrorSummary v={v} errors={errors} />
      <p class="ds-paragraph">{i.description}</p>
      <dl class="need-facts">
        <dt>{v.t('portfolio.field.kind')}</dt>
        <dd>{kindName(v, i.kind)}</dd>
        <dt>{v.t('portfolio.field.stage')}</dt>
        <dd>{stageName(v, i.stage)}</dd>
        {i.stopReason ? (
          <>
            <dt>{v.t('portfolio.field.stopReason')}</dt>
            <dd>{i.stopReason}</dd>
          </>
        ) : null}
        <dt>{v.t('portfolio.field.phases')}</dt>
        <dd>{i.phases.map((p) => phaseName(v, p)).join(', ')}</dd>
        <dt>{v.t('portfolio.field.gains')}</dt>
        <dd>{i.gains.length ? i.gains.map((g) => gainName(v, g)).join(', ') : '–'}</dd>
        <dt>{v.t('portfolio.field.ownerActorId')}</dt>
        <dd>{i.ownerName ?? v.t('portfolio.noOwner')}</dd>
        <dt>{v.t('portfolio.field.participantActorIds')}</dt>
        <dd>{i.participants.length ? i.participants.map((p) => p.name).join(', ') : '–'}</dd>
        <dt>{v.t('portfolio.field.origin')}</dt>
        <dd>{v.t(k(`portfolio.origin.${i.origin}`), { name: i.proposedByName, date: date(i.createdAt) })}</dd>
        <dt>{v.t('portfolio.field.supports')}</dt>
        <dd>{i.supports}</dd>
        <dt>{v.t('portfolio.field.priority')}</dt>
        <dd>{i.priority}</dd>
      </dl>
      <h2 class="ds-heading" data-size="sm">
        {v.t('portfolio.field.needIds')}
      </h2>
      {i.needs.length === 0 ? (
        <p class="ds-paragraph">{v.t('portfolio.page.noNeeds')}</p>
      ) : (
        <ul class="ds-list">
          {i.needs.map((n) => (
            <li>
              <a class="ds-link" href={`/okosystem/behov/${n.id}`}>
                {n.title}
              </a>{' '}
              {v.t('portfolio.page.needCount', { count: n.count })}
            </li>
          ))}
        </ul>
      )}
      <PriorityFormula v={v} />
      {page.experiments.length > 0 ? (
        <>
          <h2 class="ds-heading" data-size="sm">
            {v.t('portfolio.page.experiments')}
          </h2>
          <ul class="ds-list">
            {page.experiments.map((e) => (
              <li>
                <a class="ds-link" href={`/okosystem/demonstratorer/${e.id}`}>
                  {e.hypothesis}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {page.canCoCreate ? (
        <form method="post" action={`/okosystem/portefolje/${i.id}/stotte`} class="inline-form">
          <CsrfField v={v} />
          <button class="ds-button" data-variant="secondary" type="submit">
            {v.t(page.supported ? 'portfolio.support.withdraw' : 'portfolio.support.give')}
          </button>
        </form>
      ) : null}
      {page.canEdit ? (
        <>
          <p class="ds-paragraph">
            <a class="ds-link" href={`/okosystem/portefolje/${i.id}/endre`}>
              {v.t('portfolio.edit')}
            </a>
          </p>
          {i.stage === 'demonstrator' && !page.experiments.some((e) => !e.decision) ? (
            <p class="ds-paragraph">
              <a class="ds-link" href={`/okosystem/demonstratorer/ny?initiativ=${i.id}`}>
                {v.t('portfolio.startExperiment')}
              </a>
            </p>
          ) : null}
          <h2 class="ds-heading" data-size="sm">
            {v.t('portfolio.stage.heading')}
          </h2>
          <form method="post" action={`/okosystem/portefolje/${i.id}/fase`} novalidate>
            <CsrfField v={v} />
            <Select
              id="stage"
              label={v.t('portfolio.field.stage')}
              value={values.stage ?? i.stage}
              error={errors.stage}
              options={STAGES.map((s) => ({ value: s, label: stageName(v, s) }))}
            />
            <TextArea
              id="reason"
              label={v.t('portfolio.field.reason')}
              hint={v.t('portfolio.field.reason.hint')}
              value={values.reason}
              error={errors.reason}
              rows={3}
            />
            <button class="ds-button" type="submit">
              {v.t('portfolio.stage.submit')}
            </button>
          </form>
        </>
      ) : null}
      <h2 class="ds-heading" data-size="sm">
        {v.t('portfolio.comments.heading')}
      </h2>
      {page.comments.length === 0 ? (
        <p class="ds-paragraph">{v.t('portfolio.comments.none')}</p>
      ) : (
        <ul class="ds-list">
          {page.comments.map((c) => (
            <li>
              <strong>{c.authorName}</strong>
              {c.affiliation ? ` (${c.affiliation})` : ''}, {date(c.createdAt)}: {c.body}
            </li>
          ))}
        </ul>
      )}
      {page.canCoCreate ? (
        <form method="post" action={`/okosystem/portefolje/${i.id}/kommentar`} novalidate>
          <CsrfField v={v} />
          <TextArea id="body" label={v.t('portfolio.comments.label')} value={values.body} error={errors.body} rows={3} />
          <button class="ds-button" type="submit">
            {v.t('portfolio.comments.submit')}
          </button>
        </form>
      ) : (
        <p class="ds-paragraph">{v.t(v.user ? 'portfolio.proposeWho' : 'portfolio.signInToPropose')}</p>
      )}
      <h2 class="ds-heading" data-size="sm">
        {v.t('portfolio.history.heading')}
      </h2>
      <HistoryTable v={v} caption={v.t('portfolio.history.caption')} prefix="portfolio" rows={page.history} />
    </>
  );
}

export interface InitiativeFormValues {
  fields: Record<string, string>;
  phases: string[];
  gains: string[];
  needIds: string[];
  participantActorIds: string[];
}

export function InitiativeFormView(props: {
  v: ViewContext;
  action: string;
  editing: boolean;
  values: InitiativeFormValues;
  errors: Record<string, string>;
  needs: NeedSummary[];
  ownerOptions: { id: string; name: string }[];
  actors: { id: string; name: string }[];
}) {
  const { v, values, errors } = props;
  const f = values.fields;
  return (
    <>
      <p class="ds-paragraph">
        <a class="ds-link" href="/okosystem/portefolje">
          {v.t('portfolio.back')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg">
        {v.t(props.editing ? 'portfolio.form.editTitle' : 'portfolio.form.newTitle')}
      </h1>
      {props.editing ? null : <p class="ds-paragraph">{v.t('portfolio.form.intro')}</p>}
      <ErrorSummary v={v} errors={errors} />
      <form method="post" action={props.action} novalidate>
        <CsrfField v={v} />
        <Radios
          id="kind"
          legend={v.t('portfolio.field.kind')}
          small
          value={f.kind}
          error={errors.kind}
          options={INITIATIVE_KINDS.map((kind) => ({ value: kind, label: kindName(v, kind) }))}
        />
        <TextField id="title" label={v.t('portfolio.field.title')} value={f.title} error={errors.title} />
        <TextArea id="description" label={v.t('portfolio.field.description')} value={f.description} error={errors.description} />
        <Choices
          id="phases"
          legend={v.t('portfolio.field.phases')}
          type="checkbox"
          options={PHASES.map((p) => ({ value: String(p), label: phaseName(v, p) }))}
          selected={values.phases}
          error={errors.phases}
        />
        <Choices
          id="gains"
          legend={v.t('portfolio.field.gains')}
          type="checkbox"
          options={GAIN_IDS.map((g) => ({ value: g, label: gainName(v, g) }))}
          selected={values.gains}
          error={errors.gains}
        />
        <Choices
          id="needIds"
          legend={v.t('portfolio.field.needIds')}
          type="checkbox"
          options={props.needs.map((n) => ({ value: n.id, label: n.title }))}
          selected={values.needIds}
          error={errors.needIds}
        />
        <Select
          id="ownerActorId"
          label={v.t('portfolio.field.ownerActorId')}
          value={f.ownerActorId ?? ''}
          error={errors.ownerActorId}
          options={[{ value: '', label: v.t('portfolio.noOwner') }, ...props.ownerOptions.map((o) => ({ value: o.id, label: o.name }))]}
        />
        <Choices
          id="participantActorIds"
          legend={v.t('portfolio.field.participantActorIds')}
          type="checkbox"
          options={props.actors.map((a) => ({ value: a.id, label: a.name }))}
          selected={values.participantActorIds}
          error={errors.participantActorIds}
        />
        <button class="ds-button" type="submit">
          {v.t(props.editing ? 'portfolio.form.save' : 'portfolio.form.submit')}
        </button>
      </form>
    </>
  );
}

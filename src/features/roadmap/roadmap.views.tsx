import { Radios, Select, TextArea } from '../../core/form-fields.tsx';
import type { ViewContext } from '../../core/http/view-context.ts';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { CsrfField, ErrorSummary, TextField } from '../../core/layout.tsx';
import { Choices } from '../building-blocks/building-blocks.views.tsx';
import { GAINS, gainText, isGainId } from '../ecosystem/gains.ts';
import { phaseName } from '../needs/needs.views.tsx';
import type { RoadmapItem } from './roadmap.domain.ts';
import { ROADMAP_STATUSES, type RoadmapFilter, type RoadmapStatus } from './roadmap.schema.ts';

/** Views of the roadmap of simplifications: the public list (grouped by status), an item with its history, the form. */

const PHASES = [1, 2, 3, 4, 5, 6] as const;
const statusName = (v: ViewContext, s: string) => v.t(`roadmap.status.${s}` as MessageKey);
const gainName = (v: ViewContext, id: string) => {
  const gain = isGainId(id) ? GAINS.find((g) => g.id === id) : undefined;
  return gain ? gainText(gain, 'name', v.lang) : id;
};

/** "2. kvartal 2027" for a quarter, the date written out for a date. */
export function targetText(v: ViewContext, target: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(target);
  if (q) return v.t('roadmap.target.quarter', { q: q[2]!, year: q[1]! });
  const d = new Date(`${target}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return target;
  return d.toLocaleDateString(v.lang === 'en' ? 'en-GB' : 'nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'long' });
}

export interface Choice {
  id: string;
  name: string;
}

export function RoadmapListView(props: {
  v: ViewContext;
  items: RoadmapItem[];
  filter: RoadmapFilter;
  owners: Choice[];
  canEdit: boolean;
}) {
  const { v, filter } = props;
  const all = v.t('roadmap.filter.all');
  return (
    <>
      <p class="ds-paragraph">
        <a class="ds-link" href="/okosystem">
          {v.t('roadmap.nav')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg">
        {v.t('roadmap.title')}
      </h1>
      <p class="ds-paragraph">{v.t('roadmap.intro')}</p>
      {props.canEdit ? (
        <p class="ds-paragraph">
          <a class="ds-link" href="/okosystem/veikart/ny">
            {v.t('roadmap.new')}
          </a>
        </p>
      ) : null}
      <form method="get" action="/okosystem/veikart" class="needs-filter">
        <fieldset class="ds-fieldset">
          <legend class="ds-label">{v.t('roadmap.filter.legend')}</legend>
          <Select
            id="fase"
            label={v.t('roadmap.filter.phase')}
            placeholder={all}
            value={filter.fase ? String(filter.fase) : undefined}
            options={PHASES.map((p) => ({ value: String(p), label: phaseName(v, p) }))}
          />
          <Select
            id="gevinst"
            label={v.t('roadmap.filter.gain')}
            placeholder={all}
            value={filter.gevinst}
            options={GAINS.map((g) => ({ value: g.id, label: gainText(g, 'name', v.lang) }))}
          />
          <Select
            id="eier"
            label={v.t('roadmap.filter.owner')}
            placeholder={all}
            value={filter.eier}
            options={props.owners.map((o) => ({ value: o.id, label: o.name }))}
          />
          <Select
            id="status"
            label={v.t('roadmap.filter.status')}
            placeholder={all}
            value={filter.status}
            options={ROADMAP_STATUSES.map((s) => ({ value: s, label: statusName(v, s) }))}
          />
          <button class="ds-button" data-variant="secondary" type="submit">
            {v.t('roadmap.filter.submit')}
          </button>
        </fieldset>
      </form>
      {props.items.length === 0 ? <p class="ds-paragraph">{v.t('roadmap.none')}</p> : null}
      {ROADMAP_STATUSES.map((status) => {
        const items = props.items.filter((i) => i.status === status);
        if (items.length === 0) return null;
        return (
          <section aria-labelledby={`status-${status}`}>
            <h2 class="ds-heading" data-size="sm" id={`status-${status}`}>
              {statusName(v, status)}
            </h2>
            <div class="table-scroll">
              <table class="ds-table">
                <caption>{v.t('roadmap.group.caption', { status: statusName(v, status), count: items.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{v.t('roadmap.col.item')}</th>
                    <th scope="col">{v.t('roadmap.col.phases')}</th>
                    <th scope="col">{v.t('roadmap.col.gains')}</th>
                    <th scope="col">{v.t('roadmap.col.owner')}</th>
                    <th scope="col">{v.t('roadmap.col.target')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((i) => (
                    <tr>
                      <td>
                        <a class="ds-link" href={`/okosystem/veikart/${i.id}`}>
                          {i.title}
                        </a>
                      </td>
                      <td>{i.phases.map((p) => phaseName(v, p)).join(', ')}</td>
                      <td>{i.gains.map((g) => gainName(v, g)).join(', ')}</td>
                      <td>{i.ownerName ?? '–'}</td>
                      <td>{targetText(v, i.target)}</td>
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

interface HistoryRow {
  id: string;
  action: 'created' | 'updated';
  changes: Record<string, unknown>;
  actorName: string;
  createdAt: Date;
}

/** A history value in words: phases and gains by name, statuses translated, lists joined. */
function historyValue(v: ViewContext, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return v.t('roadmap.history.empty');
  }
  if (field === 'phases' && Array.isArray(value)) return value.map((p) => phaseName(v, Number(p))).join(', ');
  if (field === 'gains' && Array.isArray(value)) return value.map((g) => gainName(v, String(g))).join(', ');
  if (field === 'status') return statusName(v, String(value));
  if (field === 'target') return targetText(v, String(value));
  if (Array.isArray(value)) return value.map(String).join(', ');
  return String(value);
}

function HistoryTable(props: { v: ViewContext; history: HistoryRow[] }) {
  const { v } = props;
  const when = (d: Date) =>
    d.toLocaleString(v.lang === 'en' ? 'en-GB' : 'nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'short', timeStyle: 'short' });
  return (
    <div class="table-scroll">
      <table class="ds-table">
        <caption>{v.t('roadmap.history.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{v.t('roadmap.history.when')}</th>
            <th scope="col">{v.t('roadmap.history.who')}</th>
            <th scope="col">{v.t('roadmap.history.what')}</th>
          </tr>
        </thead>
        <tbody>
          {props.history.map((h) => (
            <tr>
              <td>
                <time datetime={h.createdAt.toISOString()}>{when(h.createdAt)}</time>
              </td>
              <td>{h.actorName}</td>
              <td>
                <p class="ds-paragraph" data-size="sm">
                  <strong>{v.t(`roadmap.history.${h.action}` as MessageKey)}</strong>
                </p>
                <dl class="need-facts">
                  {Object.entries(h.changes).map(([field, pair]) => {
                    const [before, after] = Array.isArray(pair) ? pair : [null, pair];
                    return (
                      <>
                        <dt>{v.t(`roadmap.history.field.${field}` as MessageKey)}</dt>
                        <dd>
                          {h.action === 'updated' ? (
                            <>
                              <span class="ds-sr-only">{v.t('roadmap.history.before')}: </span>
                              <del>{historyValue(v, field, before)}</del> <span class="ds-sr-only">{v.t('roadmap.history.after')}: </span>
                              <ins>{historyValue(v, field, after)}</ins>
                            </>
                          ) : (
                            historyValue(v, field, after)
                          )}
                        </dd>
                      </>
                    );
                  })}
                </dl>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RoadmapItemView(props: { v: ViewContext; item: RoadmapItem; history: HistoryRow[]; canEdit: boolean }) {
  const { v, item } = props;
  return (
    <>
      <p class="ds-paragraph">
        <a class="ds-link" href="/okosystem/veikart">
          {v.t('roadmap.back')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg">
        {item.title}
      </h1>
      <p class="ds-paragraph history-note">{item.description}</p>
      <dl class="need-facts">
        <dt>{v.t('roadmap.field.status')}</dt>
        <dd>{statusName(v, item.status)}</dd>
        {item.statusReason ? (
          <>
            <dt>{v.t('roadmap.page.reason')}</dt>
            <dd>{item.statusReason}</dd>
          </>
        ) : null}
        <dt>{v.t('roadmap.col.phases')}</dt>
        <dd>{item.phases.map((p) => phaseName(v, p)).join(', ')}</dd>
        <dt>{v.t('roadmap.col.gains')}</dt>
        <dd>{item.gains.map((g) => gainName(v, g)).join(', ')}</dd>
        <dt>{v.t('roadmap.col.owner')}</dt>
        <dd>
          {item.ownerActorId && item.ownerName ? (
            <a class="ds-link" href={`/okosystem/aktorer/${item.ownerActorId}`}>
              {item.ownerName}
            </a>
          ) : (
            '–'
          )}
        </dd>
        <dt>{v.t('roadmap.field.target')}</dt>
        <dd>{targetText(v, item.target)}</dd>
        <dt>{v.t('roadmap.page.needs')}</dt>
        <dd>
          {item.needs.length === 0 ? (
            v.t('roadmap.page.noLinks')
          ) : (
            <ul class="ds-list">
              {item.needs.map((n) => (
                <li>
                  <a class="ds-link" href={`/okosystem/behov/${n.id}`}>
                    {n.title}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{v.t('roadmap.page.blocks')}</dt>
        <dd>
          {item.blocks.length === 0 ? (
            v.t('roadmap.page.noLinks')
          ) : (
            <ul class="ds-list">
              {item.blocks.map((b) => (
                <li>
                  <a class="ds-link" href={`/okosystem/byggeklosser/${b.slug}`}>
                    {b.name}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {props.canEdit ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={`/okosystem/veikart/${item.id}/endre`}>
            {v.t('roadmap.edit')}
          </a>
        </p>
      ) : null}
      <h2 class="ds-heading" data-size="sm">
        {v.t('roadmap.page.history')}
      </h2>
      <HistoryTable v={v} history={props.history} />
    </>
  );
}

/** Values of the form: text fields by name and the repeated checkbox fields as lists. */
export interface RoadmapFormValues {
  fields: Record<string, string>;
  phases: string[];
  gains: string[];
  needIds: string[];
  blockIds: string[];
}

export function itemToValues(item: RoadmapItem): RoadmapFormValues {
  return {
    fields: {
      title: item.title,
      description: item.description,
      ownerActorId: item.ownerActorId ?? '',
      target: item.target,
      status: item.status,
      statusReason: item.statusReason,
      version: String(item.version),
    },
    phases: item.phases.map(String),
    gains: item.gains,
    needIds: item.needs.map((n) => n.id),
    blockIds: item.blocks.map((b) => b.id),
  };
}

export function RoadmapFormView(props: {
  v: ViewContext;
  heading: string;
  action: string;
  values: RoadmapFormValues;
  errors: Record<string, string>;
  choices: { actors: Choice[]; needs: { id: string; title: string }[]; blocks: Choice[] };
}) {
  const { v, values, errors } = props;
  const f = values.fields;
  return (
    <>
      <p class="ds-paragraph">
        <a class="ds-link" href="/okosystem/veikart">
          {v.t('roadmap.back')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg">
        {props.heading}
      </h1>
      <form method="post" action={props.action} novalidate>
        <CsrfField v={v} />
        {f.version ? <input type="hidden" name="version" value={f.version} /> : null}
        {errors.form ? (
          <div class="ds-alert" data-color="danger" id="form" tabindex={-1}>
            <p class="ds-paragraph">{errors.form}</p>
          </div>
        ) : null}
        <ErrorSummary v={v} errors={Object.fromEntries(Object.entries(errors).filter(([k]) => k !== 'form'))} />
        <TextField id="title" label={v.t('roadmap.field.title')} value={f.title} error={errors.title} required />
        <TextArea id="description" label={v.t('roadmap.field.description')} value={f.description} error={errors.description} />
        <Choices
          id="phases"
          legend={v.t('roadmap.field.phases')}
          type="checkbox"
          options={PHASES.map((p) => ({ value: String(p), label: phaseName(v, p) }))}
          selected={values.phases}
          error={errors.phases}
        />
        <Choices
          id="gains"
          legend={v.t('roadmap.field.gains')}
          type="checkbox"
          options={GAINS.map((g) => ({ value: g.id, label: gainText(g, 'name', v.lang) }))}
          selected={values.gains}
          error={errors.gains}
        />
        <Select
          id="ownerActorId"
          label={v.t('roadmap.field.owner')}
          placeholder={v.t('roadmap.choose')}
          value={f.ownerActorId}
          options={props.choices.actors.map((a) => ({ value: a.id, label: a.name }))}
          error={errors.ownerActorId}
        />
        <TextField
          id="target"
          label={v.t('roadmap.field.target')}
          description={v.t('roadmap.field.target.help')}
          value={f.target}
          error={errors.target}
          width="short"
          required
        />
        <Radios
          id="status"
          legend={v.t('roadmap.field.status')}
          small
          options={ROADMAP_STATUSES.map((s: RoadmapStatus) => ({ value: s, label: statusName(v, s) }))}
          value={f.status ?? 'planned'}
          error={errors.status}
        />
        <TextArea
          id="statusReason"
          label={v.t('roadmap.field.statusReason')}
          hint={v.t('roadmap.field.statusReason.help')}
          value={f.statusReason}
          error={errors.statusReason}
        />
        {props.choices.needs.length > 0 ? (
          <Choices
            id="needIds"
            legend={v.t('roadmap.field.needs')}
            type="checkbox"
            options={props.choices.needs.map((n) => ({ value: n.id, label: n.title }))}
            selected={values.needIds}
            error={errors.needIds}
          />
        ) : null}
        {props.choices.blocks.length > 0 ? (
          <Choices
            id="blockIds"
            legend={v.t('roadmap.field.blocks')}
            type="checkbox"
            options={props.choices.blocks.map((b) => ({ value: b.id, label: b.name }))}
            selected={values.blockIds}
            error={errors.blockIds}
          />
        ) : null}
        <button class="ds-button" type="submit">
          {v.t('roadmap.save')}
        </button>
      </form>
    </>
  );
}

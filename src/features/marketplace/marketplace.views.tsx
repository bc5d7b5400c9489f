import { Input, Radios, Select, TextArea } from '../../core/form-fields.tsx';
import type { ViewContext } from '../../core/http/view-context.ts';
import { hasMessage, type MessageKey } from '../../core/i18n/catalogue.ts';
import { CsrfField, ErrorSummary } from '../../core/layout.tsx';
import { Choices } from '../building-blocks/building-blocks.views.tsx';
import { contentLang } from '../life-event-map/life-event-map.content.ts';
import { phaseName } from '../needs/needs.views.tsx';
import type { OfferingRow } from './marketplace.queries.ts';
import { type BrowseFilter, CATEGORIES, PRICE_MODELS } from './marketplace.schema.ts';
import type { SupplierOption } from './offerings.ts';
import type { Reason, Suggestion } from './suggestions.ts';

/** Views of the marketplace's offerings: the public list with filters, an offering, the form, review, statistics, suggestions. */

const k = (s: string) => s as MessageKey;
const PHASES = [1, 2, 3, 4, 5, 6];
export const date = (d: Date) => d.toISOString().slice(0, 10);
export const categoryName = (v: ViewContext, c: string) => v.t(k(`mkt.category.${c}`));
const statusName = (v: ViewContext, s: string) => v.t(k(`mkt.status.${s}`));

export interface Choice {
  id: string;
  name: string;
}

/** Form values: single fields as text, repeated (checkbox) fields as lists. */
export interface FormValues {
  fields: Record<string, string>;
  lists: Record<string, string[]>;
}

export function Back(props: { v: ViewContext; href: string; label: MessageKey }) {
  return (
    <p class="ds-paragraph">
      <a class="ds-link" href={props.href}>
        {props.v.t(props.label)}
      </a>
    </p>
  );
}

/** A history list: who, when, what changed (before → after), newest first. */
export function HistoryList(props: {
  v: ViewContext;
  history: { id: string; action: string; actorName: string; createdAt: Date; changes: Record<string, unknown> }[];
  names: Map<string, string>;
}) {
  const { v } = props;
  // Coded values are shown in words: statuses, categories, price models, phases; ids by their names.
  const CODED: Record<string, string> = { status: 'mkt.status', category: 'mkt.category', priceModel: 'mkt.price' };
  const one = (field: string, x: unknown): string => {
    if (field === 'phases') return phaseName(v, Number(x));
    const key = CODED[field] ? `${CODED[field]}.${String(x)}` : '';
    if (key && hasMessage(key)) return v.t(key);
    return props.names.get(String(x)) ?? String(x);
  };
  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '–';
    if (Array.isArray(value)) return value.length === 0 ? '–' : value.map((x) => one(field, x)).join(', ');
    if (typeof value === 'boolean') return v.t(value ? 'mkt.yes' : 'mkt.no');
    return one(field, value);
  };
  return (
    <section aria-labelledby="history-heading">
      <h2 class="ds-heading" data-size="sm" id="history-heading">
        {v.t('mkt.history.heading')}
      </h2>
      <ul class="ds-list mkt-history">
        {props.history.map((h) => (
          <li>
            <p class="ds-paragraph">
              {date(h.createdAt)}: {v.t(k(`mkt.history.${h.action}`))} – {h.actorName}
            </p>
            {h.action === 'updated' || h.action === 'rejected' ? (
              <ul class="ds-list">
                {Object.entries(h.changes).map(([field, change]) => {
                  const [before, after] = Array.isArray(change) ? change : [null, change];
                  return (
                    <li>
                      {v.t(k(`mkt.field.${field}`))}: {show(field, before)} → {show(field, after)}
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function MarketplaceNav(props: { v: ViewContext; supplier: boolean; orchestrator: boolean }) {
  const { v } = props;
  return (
    <ul class="ds-list">
      <li>
        <a class="ds-link" href="/okosystem/utfordringer">
          {v.t('mkt.nav.challenges')}
        </a>
      </li>
      {props.supplier ? (
        <>
          <li>
            <a class="ds-link" href="/okosystem/markedsplass/mine">
              {v.t('mkt.nav.mine')}
            </a>
          </li>
          <li>
            <a class="ds-link" href="/okosystem/markedsplass/ny">
              {v.t('mkt.nav.new')}
            </a>
          </li>
        </>
      ) : null}
      {props.orchestrator ? (
        <li>
          <a class="ds-link" href="/okosystem/markedsplass/godkjenning">
            {v.t('mkt.nav.review')}
          </a>
        </li>
      ) : null}
    </ul>
  );
}

function OfferingCards(props: { v: ViewContext; offerings: OfferingRow[]; reasons?: Map<string, Reason[]> }) {
  const { v } = props;
  return (
    <ul class="mkt-offerings">
      {props.offerings.map((o) => (
        <li class="ds-card mkt-offering">
          <h2 class="ds-heading" data-size="xs">
            <a class="ds-link" href={`/okosystem/markedsplass/${o.id}`}>
              {o.title}
            </a>
          </h2>
          <p class="ds-paragraph" data-size="sm">
            {o.supplierName} · {categoryName(v, o.category)} · {v.t(k(`mkt.price.${o.priceModel}`))}
          </p>
          <p class="ds-paragraph">{o.summary}</p>
          <p class="ds-paragraph" data-size="sm">
            {v.t('mkt.phasesServed')}: {o.phases.map((p) => phaseName(v, p)).join(', ')}
          </p>
          {props.reasons?.get(o.id) ? <Reasons v={v} reasons={props.reasons.get(o.id)!} /> : null}
        </li>
      ))}
    </ul>
  );
}

function Reasons(props: { v: ViewContext; reasons: Reason[] }) {
  const { v } = props;
  const text = (r: Reason) =>
    r.kind === 'task'
      ? v.t('mkt.reason.task', { task: r.task[contentLang(v.lang)], phase: phaseName(v, r.phase) })
      : r.kind === 'need'
        ? v.t('mkt.reason.need', { need: r.need })
        : v.t('mkt.reason.phase', { phase: phaseName(v, r.phase), n: r.openTasks });
  return (
    <div>
      <p class="ds-paragraph" data-size="sm">
        <strong>{v.t('mkt.reason.heading')}</strong>
      </p>
      <ul class="ds-list" data-size="sm">
        {props.reasons.map((r) => (
          <li>{text(r)}</li>
        ))}
      </ul>
    </div>
  );
}

export function BrowseView(props: {
  v: ViewContext;
  offerings: OfferingRow[];
  filter: BrowseFilter;
  needs: Choice[];
  supplier: boolean;
  orchestrator: boolean;
}) {
  const { v, filter } = props;
  return (
    <>
      <h1 class="ds-heading" data-size="lg">
        {v.t('mkt.title')}
      </h1>
      <p class="ds-paragraph">{v.t('mkt.intro')}</p>
      <MarketplaceNav v={v} supplier={props.supplier} orchestrator={props.orchestrator} />
      <form method="get" action="/okosystem/markedsplass" class="needs-filter">
        <fieldset class="ds-fieldset">
          <legend class="ds-label">{v.t('mkt.filter.legend')}</legend>
          <Select
            id="fase"
            label={v.t('mkt.filter.phase')}
            value={filter.fase ? String(filter.fase) : ''}
            options={[{ value: '', label: v.t('mkt.filter.all') }, ...PHASES.map((p) => ({ value: String(p), label: phaseName(v, p) }))]}
          />
          <Select
            id="behov"
            label={v.t('mkt.filter.need')}
            value={filter.behov ?? ''}
            options={[{ value: '', label: v.t('mkt.filter.all') }, ...props.needs.map((n) => ({ value: n.id, label: n.name }))]}
          />
          <Select
            id="kategori"
            label={v.t('mkt.filter.category')}
            value={filter.kategori ?? ''}
            options={[{ value: '', label: v.t('mkt.filter.all') }, ...CATEGORIES.map((c) => ({ value: c, label: categoryName(v, c) }))]}
          />
          <button class="ds-button" data-variant="secondary" type="submit">
            {v.t('mkt.filter.submit')}
          </button>
        </fieldset>
      </form>
      <p class="ds-paragraph" role="status">
        {v.t('mkt.count', { count: props.offerings.length })}
      </p>
      {props.offerings.length === 0 ? <p class="ds-paragraph">{v.t('mkt.none')}</p> : <OfferingCards v={v} offerings={props.offerings} />}
    </>
  );
}

/** A table of offerings with their status (the supplier's own list, the orchestrator's review queue). */
export function OfferingTableView(props: { v: ViewContext; title: MessageKey; intro: MessageKey; offerings: OfferingRow[] }) {
  const { v } = props;
  return (
    <>
      <Back v={v} href="/okosystem/markedsplass" label="mkt.back" />
      <h1 class="ds-heading" data-size="lg">
        {v.t(props.title)}
      </h1>
      <p class="ds-paragraph">{v.t(props.intro)}</p>
      {props.offerings.length === 0 ? (
        <p class="ds-paragraph">{v.t('mkt.none')}</p>
      ) : (
        <table class="ds-table">
          <caption>{v.t('mkt.table.caption', { count: props.offerings.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{v.t('mkt.field.title')}</th>
              <th scope="col">{v.t('mkt.field.supplierActorId')}</th>
              <th scope="col">{v.t('mkt.field.status')}</th>
              <th scope="col">{v.t('mkt.table.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {props.offerings.map((o) => (
              <tr>
                <td>
                  <a class="ds-link" href={`/okosystem/markedsplass/${o.id}`}>
                    {o.title}
                  </a>
                </td>
                <td>{o.supplierName}</td>
                <td>{statusName(v, o.status)}</td>
                <td>{date(o.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function OfferingFormView(props: {
  v: ViewContext;
  action: string;
  editing: boolean;
  suppliers: SupplierOption[];
  needs: Choice[];
  blocks: Choice[];
  values: FormValues;
  errors: Record<string, string>;
}) {
  const { v, errors } = props;
  const f = props.values.fields;
  const yesNo = [
    { value: 'yes', label: v.t('mkt.yes') },
    { value: 'no', label: v.t('mkt.no') },
  ];
  return (
    <>
      <Back v={v} href="/okosystem/markedsplass/mine" label="mkt.nav.mine" />
      <h1 class="ds-heading" data-size="lg">
        {v.t(props.editing ? 'mkt.edit.title' : 'mkt.new.title')}
      </h1>
      <p class="ds-paragraph">{v.t(props.editing ? 'mkt.edit.intro' : 'mkt.new.intro')}</p>
      {props.suppliers.length === 0 ? (
        <p class="ds-paragraph">{v.t('mkt.noSupplier')}</p>
      ) : (
        <form method="post" action={props.action} novalidate>
          <CsrfField v={v} />
          <ErrorSummary v={v} errors={errors} />
          <Select
            id="supplierActorId"
            label={v.t('mkt.field.supplierActorId')}
            value={f.supplierActorId}
            options={props.suppliers.map((s) => ({ value: s.value, label: s.name }))}
            error={errors.supplierActorId}
          />
          <Input id="title" label={v.t('mkt.field.title')} value={f.title} error={errors.title} />
          <TextArea id="summary" label={v.t('mkt.field.summary')} hint={v.t('mkt.hint.summary')} value={f.summary} error={errors.summary} />
          <Radios
            id="category"
            legend={v.t('mkt.field.category')}
            small
            value={f.category}
            options={CATEGORIES.map((c) => ({ value: c, label: categoryName(v, c) }))}
            error={errors.category}
          />
          <Choices
            id="phases"
            legend={v.t('mkt.field.phases')}
            type="checkbox"
            options={PHASES.map((p) => ({ value: String(p), label: phaseName(v, p) }))}
            selected={props.values.lists.phases ?? []}
            error={errors.phases}
          />
          <Choices
            id="needIds"
            legend={v.t('mkt.field.needIds')}
            type="checkbox"
            options={props.needs.map((n) => ({ value: n.id, label: n.name }))}
            selected={props.values.lists.needIds ?? []}
            error={errors.needIds}
          />
          <Choices
            id="blockIds"
            legend={v.t('mkt.field.blockIds')}
            type="checkbox"
            options={props.blocks.map((b) => ({ value: b.id, label: b.name }))}
            selected={props.values.lists.blockIds ?? []}
            error={errors.blockIds}
          />
          <Radios
            id="priceModel"
            legend={v.t('mkt.field.priceModel')}
            small
            value={f.priceModel}
            options={PRICE_MODELS.map((p) => ({ value: p, label: v.t(k(`mkt.price.${p}`)) }))}
            error={errors.priceModel}
          />
          <Input
            id="priceText"
            label={v.t('mkt.field.priceText')}
            hint={v.t('mkt.hint.priceText')}
            value={f.priceText}
            error={errors.priceText}
          />
          <h2 class="ds-heading" data-size="sm">
            {v.t('mkt.data.heading')}
          </h2>
          <TextArea
            id="dataStorage"
            label={v.t('mkt.field.dataStorage')}
            hint={v.t('mkt.hint.dataStorage')}
            value={f.dataStorage}
            error={errors.dataStorage}
          />
          <Radios
            id="dataProcessorAgreement"
            legend={v.t('mkt.field.dataProcessorAgreement')}
            small
            value={f.dataProcessorAgreement}
            options={yesNo}
            error={errors.dataProcessorAgreement}
          />
          <Radios
            id="dataExport"
            legend={v.t('mkt.field.dataExport')}
            small
            value={f.dataExport}
            options={yesNo}
            error={errors.dataExport}
          />
          <Input id="url" label={v.t('mkt.field.url')} hint={v.t('mkt.hint.url')} value={f.url} error={errors.url} />
          <button class="ds-button" type="submit">
            {v.t(props.editing ? 'mkt.edit.submit' : 'mkt.new.submit')}
          </button>
        </form>
      )}
    </>
  );
}

export interface OfferingPage {
  offering: OfferingRow;
  manage: boolean;
  orchestrator: boolean;
  needs: { id: string; name: string }[];
  blocks: { slug: string; name: string }[];
  history: Parameters<typeof HistoryList>[0]['history'];
  names: Map<string, string>;
}

export function OfferingView(props: {
  v: ViewContext;
  page: OfferingPage;
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  const { v, page, errors } = props;
  const o = page.offering;
  return (
    <>
      <Back v={v} href="/okosystem/markedsplass" label="mkt.back" />
      <h1 class="ds-heading" data-size="lg">
        {o.title}
      </h1>
      <ErrorSummary v={v} errors={errors} />
      {o.status !== 'approved' ? (
        <div class="ds-alert" data-color={o.status === 'rejected' ? 'warning' : 'info'}>
          <p class="ds-paragraph">
            {v.t('mkt.page.status', { status: statusName(v, o.status) })}
            {o.status === 'rejected' && o.rejectionReason ? ` ${v.t('mkt.page.reason', { reason: o.rejectionReason })}` : ''}
          </p>
        </div>
      ) : null}
      <p class="ds-paragraph">{o.summary}</p>
      <dl class="need-facts">
        <dt>{v.t('mkt.field.supplierActorId')}</dt>
        <dd>
          {o.supplierName}
          {o.supplierSector ? ` (${v.t(k(`mkt.sector.${o.supplierSector}`))})` : ''}
        </dd>
        <dt>{v.t('mkt.field.category')}</dt>
        <dd>{categoryName(v, o.category)}</dd>
        <dt>{v.t('mkt.field.phases')}</dt>
        <dd>{o.phases.map((p) => phaseName(v, p)).join(', ')}</dd>
        <dt>{v.t('mkt.field.priceModel')}</dt>
        <dd>
          {v.t(k(`mkt.price.${o.priceModel}`))}
          {o.priceText ? `: ${o.priceText}` : ''}
        </dd>
      </dl>
      <h2 class="ds-heading" data-size="sm">
        {v.t('mkt.data.heading')}
      </h2>
      <dl class="need-facts">
        <dt>{v.t('mkt.field.dataStorage')}</dt>
        <dd>{o.dataStorage}</dd>
        <dt>{v.t('mkt.field.dataProcessorAgreement')}</dt>
        <dd>{v.t(o.dataProcessorAgreement ? 'mkt.yes' : 'mkt.no')}</dd>
        <dt>{v.t('mkt.field.dataExport')}</dt>
        <dd>{v.t(o.dataExport ? 'mkt.yes' : 'mkt.no')}</dd>
      </dl>
      {page.needs.length > 0 ? (
        <>
          <h2 class="ds-heading" data-size="sm">
            {v.t('mkt.field.needIds')}
          </h2>
          <ul class="ds-list">
            {page.needs.map((n) => (
              <li>
                <a class="ds-link" href={`/okosystem/behov/${n.id}`}>
                  {n.name}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {page.blocks.length > 0 ? (
        <>
          <h2 class="ds-heading" data-size="sm">
            {v.t('mkt.field.blockIds')}
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
      {o.status === 'approved' ? (
        <p class="ds-paragraph">
          <a class="ds-button" data-variant="primary" href={`/okosystem/markedsplass/${o.id}/ga-til`}>
            {v.t('mkt.page.goTo', { supplier: o.supplierName })}
          </a>
        </p>
      ) : null}
      {page.manage ? (
        <section aria-labelledby="manage-heading">
          <h2 class="ds-heading" data-size="sm" id="manage-heading">
            {v.t('mkt.page.manage')}
          </h2>
          <ul class="ds-list">
            <li>
              <a class="ds-link" href={`/okosystem/markedsplass/${o.id}/endre`}>
                {v.t('mkt.page.edit')}
              </a>
            </li>
            <li>
              <a class="ds-link" href={`/okosystem/markedsplass/${o.id}/statistikk`}>
                {v.t('mkt.page.stats')}
              </a>
            </li>
          </ul>
          {o.status === 'draft' || o.status === 'rejected' ? (
            <form method="post" action={`/okosystem/markedsplass/${o.id}/send-inn`}>
              <CsrfField v={v} />
              <button class="ds-button" type="submit">
                {v.t('mkt.page.submit')}
              </button>
            </form>
          ) : null}
        </section>
      ) : null}
      {page.orchestrator && o.status === 'pending' ? (
        <section aria-labelledby="review-heading">
          <h2 class="ds-heading" data-size="sm" id="review-heading">
            {v.t('mkt.review.heading')}
          </h2>
          <form method="post" action={`/okosystem/markedsplass/${o.id}/godkjenn`}>
            <CsrfField v={v} />
            <button class="ds-button" type="submit">
              {v.t('mkt.review.approve')}
            </button>
          </form>
          <form method="post" action={`/okosystem/markedsplass/${o.id}/avvis`} novalidate>
            <CsrfField v={v} />
            <TextArea id="reason" label={v.t('mkt.review.reason')} value={props.values.reason} error={errors.reason} rows={3} />
            <button class="ds-button" data-variant="secondary" type="submit">
              {v.t('mkt.review.reject')}
            </button>
          </form>
        </section>
      ) : null}
      <HistoryList v={v} history={page.history} names={page.names} />
    </>
  );
}

export function StatsView(props: {
  v: ViewContext;
  offering: OfferingRow;
  months: { month: string; views: number; clicks: number; suggestions: number }[];
  suggestedTo: number;
}) {
  const { v, offering } = props;
  return (
    <>
      <Back v={v} href={`/okosystem/markedsplass/${offering.id}`} label="mkt.stats.back" />
      <h1 class="ds-heading" data-size="lg">
        {v.t('mkt.stats.title', { title: offering.title })}
      </h1>
      <p class="ds-paragraph">{v.t('mkt.stats.intro')}</p>
      <p class="ds-paragraph">
        <strong>{v.t('mkt.stats.suggestedTo', { n: props.suggestedTo })}</strong>
      </p>
      {props.months.length === 0 ? (
        <p class="ds-paragraph">{v.t('mkt.stats.none')}</p>
      ) : (
        <table class="ds-table">
          <caption>{v.t('mkt.stats.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{v.t('mkt.stats.month')}</th>
              <th scope="col">{v.t('mkt.stats.views')}</th>
              <th scope="col">{v.t('mkt.stats.clicks')}</th>
              <th scope="col">{v.t('mkt.stats.suggestions')}</th>
            </tr>
          </thead>
          <tbody>
            {props.months.map((m) => (
              <tr>
                <td>{m.month}</td>
                <td>{m.views}</td>
                <td>{m.clicks}</td>
                <td>{m.suggestions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function SuggestionsView(props: {
  v: ViewContext;
  organisation: { id: string; name: string };
  suggestions: Suggestion[];
  openTasks: number;
}) {
  const { v, organisation } = props;
  const reasons = new Map(props.suggestions.map((s) => [s.offering.id, s.reasons]));
  return (
    <>
      <Back v={v} href={`/arbeidsrom/${organisation.id}`} label="mkt.suggest.back" />
      <h1 class="ds-heading" data-size="lg">
        {v.t('mkt.suggest.title')}
      </h1>
      <p class="ds-paragraph">{v.t('mkt.suggest.intro', { name: organisation.name, n: props.openTasks })}</p>
      <p class="ds-paragraph">
        <a class="ds-link" href={`/arbeidsrom/${organisation.id}/plan`}>
          {v.t('mkt.suggest.plan')}
        </a>
      </p>
      {props.suggestions.length === 0 ? (
        <p class="ds-paragraph">{v.t('mkt.suggest.none')}</p>
      ) : (
        <OfferingCards v={v} offerings={props.suggestions.map((s) => s.offering)} reasons={reasons} />
      )}
      <p class="ds-paragraph">
        <a class="ds-link" href="/okosystem/markedsplass">
          {v.t('mkt.suggest.all')}
        </a>
      </p>
    </>
  );
}

import type { ViewContext } from '../../core/http/view-context.ts';
import { ErrorSummary } from '../../core/layout.tsx';
import type { ReferenceData } from '../register-search/register-search.queries.ts';
import {
  FormOptions,
  FylkeOptions,
  IcnpoOptions,
  KommuneOptions,
  NlodAttribution,
  SelectField,
} from '../register-search/register-search.views.tsx';
import { BarChart } from './insight.charts.tsx';
import { filtersToParams, INSIGHT_TABLES, type InsightFilters, type InsightTable } from './insight.schema.ts';
import { type Cell, formatCount, formatPercent, type PresentedTable, presentTable } from './insight.tables.ts';
import type { InsightResult } from './read-insight.ts';

export const INSIGHT_PATH = '/innsikt';

/** Where the page's downloads come from: the open API, so a download and an API call are the same numbers. */
export function downloadPath(table: InsightTable, filters: InsightFilters, format: 'csv' | 'json'): string {
  const params = filtersToParams(filters);
  params.set('format', format);
  return `/api/v1/innsikt/${table}?${params.toString()}`;
}

export function formatComputedAt(v: ViewContext, d: Date): string {
  return d.toLocaleString(v.lang === 'en' ? 'en-GB' : 'nb-NO', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' });
}

function YesNoSelect(props: { v: ViewContext; id: string; label: string; value?: string; error?: string }) {
  const { t } = props.v;
  const s = props.value === 'true' ? 'ja' : props.value === 'false' ? 'nei' : props.value;
  return (
    <SelectField id={props.id} label={props.label} error={props.error}>
      <option value="">{t('search.any')}</option>
      <option value="ja" selected={s === 'ja'}>
        {t('search.yes')}
      </option>
      <option value="nei" selected={s === 'nei'}>
        {t('search.no')}
      </option>
    </SelectField>
  );
}

function YearField(props: { id: string; label: string; hint: string; value?: string; error?: string }) {
  const describedBy = [`${props.id}-desc`, props.error ? `${props.id}-error` : null].filter(Boolean).join(' ');
  return (
    <div class="ds-field form-field">
      <label class="ds-label" for={props.id}>
        {props.label}
      </label>
      <div class="ds-paragraph field-description" id={`${props.id}-desc`} data-size="sm">
        {props.hint}
      </div>
      {props.error ? (
        <div class="ds-validation-message" id={`${props.id}-error`} data-color="danger">
          {props.error}
        </div>
      ) : null}
      <input
        class="ds-input input-short"
        id={props.id}
        name={props.id}
        type="text"
        inputmode="numeric"
        maxlength={4}
        value={props.value ?? ''}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

/** The filters as a GET form: it works without JavaScript, and the URL of the result can be shared. */
function FilterForm(props: {
  v: ViewContext;
  values: Record<string, string>;
  reference: ReferenceData;
  errors: Record<string, string>;
  /** The year range in use (defaults filled in); absent when the filters were invalid, so the typed values show. */
  years: { fraAar?: number; tilAar?: number };
}) {
  const { v, values, reference, errors } = props;
  const { t } = v;
  return (
    <form method="get" action={INSIGHT_PATH} class="insight-form" novalidate>
      <fieldset class="ds-fieldset insight-form__filters">
        <legend class="ds-label">{t('insight.filters')}</legend>
        <div class="filter-grid">
          <SelectField id="fylke" label={t('search.fylke')} error={errors.fylke}>
            <FylkeOptions v={v} reference={reference} selected={values.fylke} />
          </SelectField>
          <SelectField id="kommune" label={t('search.kommune')} error={errors.kommune}>
            <KommuneOptions v={v} reference={reference} selected={values.kommune} />
          </SelectField>
          <SelectField id="icnpo" label={t('search.icnpo')} description={t('search.icnpo.hint')} error={errors.icnpo}>
            <IcnpoOptions v={v} reference={reference} selected={values.icnpo} />
          </SelectField>
          <SelectField id="form" label={t('search.form')} error={errors.form}>
            <FormOptions v={v} reference={reference} selected={values.form} />
          </SelectField>
          <YesNoSelect
            v={v}
            id="frivillighetsregisteret"
            label={t('search.frr')}
            value={values.frivillighetsregisteret}
            error={errors.frivillighetsregisteret}
          />
          <YesNoSelect v={v} id="grasrotandel" label={t('search.grasrot')} value={values.grasrotandel} error={errors.grasrotandel} />
          <YearField
            id="fraAar"
            label={t('insight.fraAar')}
            hint={t('insight.years.hint')}
            value={props.years.fraAar !== undefined ? String(props.years.fraAar) : values.fraAar}
            error={errors.fraAar}
          />
          <YearField
            id="tilAar"
            label={t('insight.tilAar')}
            hint={t('insight.years.hint')}
            value={props.years.tilAar !== undefined ? String(props.years.tilAar) : values.tilAar}
            error={errors.tilAar}
          />
        </div>
      </fieldset>
      <div class="insight-form__actions">
        <button type="submit" class="ds-button" data-variant="primary">
          {t('insight.submit')}
        </button>
        <a class="ds-link" href={INSIGHT_PATH}>
          {t('insight.reset')}
        </a>
      </div>
    </form>
  );
}

function chartDescription(v: ViewContext, table: PresentedTable): string {
  const largest = table.chart.reduce<{ label: string; value: number } | null>(
    (best, b) => (!best || b.value > best.value ? b : best),
    null,
  );
  if (!largest || largest.value === 0) return v.t('insight.chartDesc.empty', { caption: table.caption });
  return v.t('insight.chartDesc', {
    n: table.chart.length,
    label: largest.label,
    value: formatCount(largest.value),
    caption: table.caption,
  });
}

function DataCell(props: { cell: Cell; first: boolean }) {
  const c = props.cell;
  if (props.first) return <th scope="row">{'text' in c ? c.text : ''}</th>;
  if ('text' in c) return <td>{c.text}</td>;
  if ('count' in c) return <td class="numeric">{formatCount(c.count)}</td>;
  return <td class="numeric">{formatPercent(c.percent)}</td>;
}

/** One table of figures: its chart and its data table side by side (stacked on a narrow screen), and its downloads. */
function InsightSection(props: { v: ViewContext; table: PresentedTable; filters: InsightFilters }) {
  const { v, table } = props;
  const { t } = v;
  const id = `insight-${table.id}`;
  return (
    <section id={id} aria-labelledby={`${id}-heading`} class="insight-section">
      <h2 class="ds-heading" data-size="md" id={`${id}-heading`}>
        {table.heading}
      </h2>
      {table.note ? <p class="ds-paragraph">{table.note}</p> : null}
      <div class="insight-figure">
        <div class="insight-figure__chart">
          <BarChart id={`${id}-chart`} title={table.chartTitle} description={chartDescription(v, table)} bars={table.chart} />
        </div>
        <div class="table-scroll ds-focus insight-figure__table" tabindex={0} role="region" aria-labelledby={`${id}-caption`}>
          <table class="ds-table" data-border data-size="sm">
            <caption id={`${id}-caption`}>{table.caption}</caption>
            <thead>
              <tr>
                {table.headers.map((h) => (
                  <th scope="col">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr>
                  {row.map((cell, i) => (
                    <DataCell cell={cell} first={i === 0} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <ul class="ds-list--unstyled insight-downloads">
        <li>
          <a class="ds-link" href={downloadPath(table.id, props.filters, 'csv')} download={`innsikt-${table.id}.csv`}>
            {t('insight.download.csv')}
            <span class="ds-sr-only">: {table.caption}</span>
          </a>
        </li>
        <li>
          <a class="ds-link" href={downloadPath(table.id, props.filters, 'json')} download={`innsikt-${table.id}.json`}>
            {t('insight.download.json')}
            <span class="ds-sr-only">: {table.caption}</span>
          </a>
        </li>
      </ul>
    </section>
  );
}

export function InsightPageView(props: {
  v: ViewContext;
  /** The raw query string, to show what was typed even when it was invalid. */
  values: Record<string, string>;
  reference: ReferenceData;
  result: InsightResult | null;
  errors: Record<string, string>;
}) {
  const { v, result } = props;
  const { t } = v;
  const tables = result ? INSIGHT_TABLES.map((id) => presentTable(id, result.tables[id], t, result.filters)) : [];
  return (
    <>
      <h1 class="ds-heading" data-size="lg">
        {t('insight.title')}
      </h1>
      <p class="ds-paragraph lead">{t('insight.lead')}</p>
      <p class="ds-paragraph">{t('insight.population.definition')}</p>
      <ErrorSummary v={v} errors={props.errors} />
      <FilterForm
        v={v}
        values={props.values}
        reference={props.reference}
        errors={props.errors}
        years={result ? { fraAar: result.filters.fraAar, tilAar: result.filters.tilAar } : {}}
      />
      {result ? (
        <>
          <div class="insight-summary">
            <p class="ds-paragraph" data-size="lg">
              {result.population === 1 ? t('insight.population.one') : t('insight.population', { count: formatCount(result.population) })}
            </p>
            <p class="ds-paragraph" data-size="sm">
              {t('insight.computedAt', { time: formatComputedAt(v, result.computedAt) })}
            </p>
          </div>
          <nav aria-labelledby="insight-toc-heading" class="insight-toc">
            <h2 class="ds-heading" data-size="xs" id="insight-toc-heading">
              {t('insight.toc')}
            </h2>
            <ul class="ds-list">
              {tables.map((table) => (
                <li>
                  <a class="ds-link" href={`#insight-${table.id}`}>
                    {table.heading}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {tables.map((table) => (
            <InsightSection v={v} table={table} filters={result.filters} />
          ))}
          <p class="ds-paragraph" data-size="sm">
            {t('insight.download.note')}
          </p>
          <p class="ds-paragraph" data-size="sm">
            {t('insight.openData')}{' '}
            <a class="ds-link" href="/api/v1/openapi.json">
              {t('insight.openData.link')}
            </a>
          </p>
        </>
      ) : null}
      <NlodAttribution v={v} />
    </>
  );
}

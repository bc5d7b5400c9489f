import type { Translate } from '../../core/i18n/catalogue.ts';
import { NLOD_ATTRIBUTION } from '../register-search/register-search.api.ts';
import type { InsightTable } from './insight.schema.ts';
import type { InsightTables } from './read-insight.ts';

/**
 * One description of each insight table — caption, column headers, rows, chart bars — used by the HTML table,
 * the SVG chart and the CSV download alike, so all three always show the same numbers.
 */

export type Cell = { text: string } | { count: number } | { percent: number | null };

export interface PresentedTable {
  id: InsightTable;
  heading: string;
  caption: string;
  /** How to read the table, shown under the heading. */
  note?: string;
  chartTitle: string;
  headers: string[];
  /** The first cell of each row names it (a row header). */
  rows: Cell[][];
  chart: { label: string; value: number }[];
}

/** Number of kommuner drawn in the chart; the table lists them all. */
export const KOMMUNE_CHART_SIZE = 15;

/** Part of the whole in per cent with one decimal; null when the whole is zero. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

export function presentTable<T extends InsightTable>(
  table: T,
  data: InsightTables[T],
  t: Translate,
  years: { fraAar: number; tilAar: number },
): PresentedTable {
  const d = data as InsightTables[InsightTable];
  switch (table) {
    case 'fylker': {
      const rows = (d as InsightTables['fylker']).map((r) => ({ ...r, label: r.name ?? t('insight.noKommune') }));
      return {
        id: table,
        heading: t('insight.fylker.heading'),
        caption: t('insight.fylker.caption'),
        chartTitle: t('insight.fylker.chart'),
        headers: [
          t('insight.col.fylke'),
          t('insight.col.fylkesnummer'),
          t('insight.col.organisations'),
          t('insight.col.frr'),
          t('insight.col.grasrot'),
        ],
        rows: rows.map((r) => [
          { text: r.label },
          { text: r.code ?? '' },
          { count: r.organisations },
          { count: r.frivillighetsregisteret },
          { count: r.grasrotandel },
        ]),
        chart: rows.map((r) => ({ label: r.label, value: r.organisations })),
      };
    }
    case 'kommuner': {
      const rows = (d as InsightTables['kommuner']).map((r) => ({ ...r, label: r.name ?? t('insight.noKommune') }));
      const charted = rows.filter((r) => r.code !== null).slice(0, KOMMUNE_CHART_SIZE);
      return {
        id: table,
        heading: t('insight.kommuner.heading'),
        caption: t('insight.kommuner.caption'),
        chartTitle: charted.length > 0 ? t('insight.kommuner.chart', { n: charted.length }) : t('insight.kommuner.chart.none'),
        headers: [
          t('insight.col.kommune'),
          t('insight.col.kommunenummer'),
          t('insight.col.fylke'),
          t('insight.col.organisations'),
          t('insight.col.frr'),
          t('insight.col.grasrot'),
        ],
        rows: rows.map((r) => [
          { text: r.label },
          { text: r.code ?? '' },
          { text: r.fylke?.name ?? '' },
          { count: r.organisations },
          { count: r.frivillighetsregisteret },
          { count: r.grasrotandel },
        ]),
        chart: charted.map((r) => ({ label: r.label, value: r.organisations })),
      };
    }
    case 'kategorier': {
      const rows = (d as InsightTables['kategorier']).map((r) => ({ ...r, label: r.name ?? t('insight.noCategory') }));
      return {
        id: table,
        heading: t('insight.kategorier.heading'),
        caption: t('insight.kategorier.caption'),
        note: t('insight.kategorier.note'),
        chartTitle: t('insight.kategorier.chart'),
        headers: [
          t('insight.col.category'),
          t('insight.col.icnpo'),
          t('insight.col.organisations'),
          t('insight.col.grasrot'),
          t('insight.col.grasrotShare'),
        ],
        rows: rows.map((r) => [
          { text: r.label },
          { text: r.code ?? '' },
          { count: r.organisations },
          { count: r.grasrotandel },
          { percent: share(r.grasrotandel, r.organisations) },
        ]),
        chart: rows.map((r) => ({ label: r.label, value: r.organisations })),
      };
    }
    case 'stiftelsesaar': {
      const rows = d as InsightTables['stiftelsesaar'];
      return {
        id: table,
        heading: t('insight.stiftelsesaar.heading'),
        caption: t('insight.stiftelsesaar.caption', { from: years.fraAar, to: years.tilAar }),
        chartTitle: t('insight.stiftelsesaar.chart', { from: years.fraAar, to: years.tilAar }),
        headers: [t('insight.col.year'), t('insight.col.founded'), t('insight.col.firstRegistered')],
        rows: rows.map((r) => [{ text: String(r.year) }, { count: r.founded }, { count: r.firstRegistered }]),
        chart: rows.map((r) => ({ label: String(r.year), value: r.founded })),
      };
    }
    case 'grasrot': {
      const g = d as InsightTables['grasrot'];
      const groups = [
        { label: t('insight.grasrot.grasrot'), value: g.grasrotandel },
        { label: t('insight.grasrot.frrOnly'), value: g.frivillighetsregisteretOnly },
        { label: t('insight.grasrot.neither'), value: g.neither },
      ];
      return {
        id: table,
        heading: t('insight.grasrot.heading'),
        caption: t('insight.grasrot.caption'),
        chartTitle: t('insight.grasrot.chart'),
        headers: [t('insight.col.group'), t('insight.col.organisations'), t('insight.col.share')],
        rows: [
          ...groups.map((x) => [{ text: x.label }, { count: x.value }, { percent: share(x.value, g.total) }]),
          [{ text: t('insight.total') }, { count: g.total }, { percent: g.total > 0 ? 100 : null }],
        ],
        chart: groups,
      };
    }
  }
  throw new Error(`unknown insight table ${String(table)}`);
}

/** "12 345" with a no-break space as the thousands separator, as Norwegian text writes numbers. */
export function formatCount(n: number): string {
  return n.toLocaleString('nb-NO').replace(/\s/g, '\u00a0');
}

/** "12,5 %"; a dash when there is no whole to take a share of. */
export function formatPercent(p: number | null): string {
  return p === null ? '–' : `${p.toLocaleString('nb-NO', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}\u00a0%`;
}

/**
 * CSV for spreadsheets set up for Norway: UTF-8 with a byte-order mark (so Excel reads æøå), semicolons between
 * fields (the comma is the decimal separator there), decimal comma, CRLF line ends, quotes where needed
 * (RFC 4180), a header row in the user's language; counts are plain integers without thousands separators.
 * NLOD § 5 asks for attribution wherever the data goes: it is the last line, after an empty one.
 */
export function toCsv(table: PresentedTable): string {
  const field = (value: string) => (/[";\r\n]/.test(value) || value.trim() !== value ? `"${value.replace(/"/g, '""')}"` : value);
  const cell = (c: Cell) =>
    'text' in c ? field(c.text) : 'count' in c ? String(c.count) : c.percent === null ? '' : c.percent.toFixed(1).replace('.', ',');
  const lines = [table.headers.map(field).join(';'), ...table.rows.map((r) => r.map(cell).join(';')), '', field(NLOD_ATTRIBUTION)];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

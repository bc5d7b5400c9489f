import type { Translate } from '../../core/i18n/catalogue.ts';
import { GAINS, gainText } from '../ecosystem/gains.ts';
import { formatCount } from '../insight/insight.tables.ts';
import type { Figure, IndicatorId } from './gains.indicators.ts';
import type { GainsResult, IndicatorResult } from './read-gains.ts';

/**
 * Text for the dashboard's figures, shared by the page, the CSV and the API so all three say the same:
 * each indicator's name and definition in the reader's language, and how a withheld figure reads.
 */

export interface IndicatorTexts {
  name: string;
  counts: string;
  source: string;
  excludes: string;
  monthly: string;
}

export function indicatorTexts(id: IndicatorId, t: Translate): IndicatorTexts {
  return {
    name: t(`gains.ind.${id}.name`),
    counts: t(`gains.ind.${id}.counts`),
    source: t(`gains.ind.${id}.source`),
    excludes: t(`gains.ind.${id}.excludes`),
    monthly: t(`gains.ind.${id}.monthly`),
  };
}

/** A figure as text: the count, "færre enn 5" when withheld, "ingen måling" when no snapshot was taken. */
export function figureText(figure: Figure | null, t: Translate): string {
  if (!figure) return t('gains.noSnapshot');
  if (figure.suppressed || figure.value === null) return t('gains.fewer');
  return formatCount(figure.value);
}

/** "november 2026" in the reader's language (months are Norwegian calendar months, 'YYYY-MM'). */
export function monthLabel(month: string, lang: string): string {
  const d = new Date(`${month}-01T12:00:00Z`);
  return d.toLocaleDateString(lang === 'nn' ? 'nn-NO' : lang === 'en' ? 'en-GB' : 'nb-NO', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function field(value: string): string {
  return /[";\r\n]/.test(value) || value.trim() !== value ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvValue(figure: Figure | null, t: Translate): [string, string] {
  if (!figure) return ['', t('gains.noSnapshot')];
  if (figure.suppressed || figure.value === null) return ['', t('gains.fewer')];
  return [String(figure.value), ''];
}

/**
 * The whole dashboard as one CSV (the conventions of /innsikt's downloads: UTF-8 with a byte-order mark,
 * semicolons, CRLF, a header row in the reader's language): one row per indicator and period — its total
 * (or latest snapshot) and each of the last 12 months. A withheld figure has an empty value and a note.
 */
export function gainsCsv(result: GainsResult, t: Translate, lang: string): string {
  const lines = [
    [t('gains.csv.gain'), t('gains.csv.indicator'), t('gains.csv.period'), t('gains.csv.value'), t('gains.csv.note')].map(field).join(';'),
  ];
  for (const gain of result.gains) {
    const gainName = gainText(GAINS.find((g) => g.id === gain.id)!, 'name', lang);
    for (const ind of gain.indicators) {
      const name = indicatorTexts(ind.id, t).name;
      const rows: Array<[string, Figure | null]> = [
        [ind.kind === 'snapshot' ? `${t('gains.csv.latest')}${ind.asOf ? ` ${ind.asOf}` : ''}` : t('gains.csv.total'), totalFigure(ind)],
        ...ind.months.map((m): [string, Figure | null] => [m.month, m.figure]),
      ];
      for (const [period, figure] of rows) lines.push([gainName, name, period, ...csvValue(figure, t)].map(field).join(';'));
    }
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** The headline figure; null for a snapshot indicator that has never been measured. */
export function totalFigure(ind: IndicatorResult): Figure | null {
  return ind.kind === 'snapshot' && !ind.asOf ? null : ind.total;
}

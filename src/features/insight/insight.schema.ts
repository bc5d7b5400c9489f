import { z } from 'zod';
import { blankToUndefined, optionalCode, optionalYear, optionalYesNo } from '../register-search/register-search.schema.ts';

/**
 * Filters of the sector insight (GET /innsikt and GET /api/v1/innsikt/…): one schema parses the page's GET
 * form, the download links and the API, names the errors (message keys, shown in the user's language) and
 * documents the API, so all of them always count the same organisations.
 */

export const INSIGHT_TABLES = ['fylker', 'kommuner', 'kategorier', 'stiftelsesaar', 'grasrot'] as const;
export type InsightTable = (typeof INSIGHT_TABLES)[number];

/** The founding-year table covers the last DEFAULT_YEARS years unless the filters say otherwise. */
export const DEFAULT_YEARS = 20;
export const MAX_YEARS = 100;

const filterFields = {
  fylke: optionalCode(/^\d{2}$/, 'search.error.fylke', 'Fylkesnummer (2 digits): units whose kommune lies in this fylke', '46'),
  kommune: optionalCode(
    /^\d{4}$/,
    'search.error.kommune',
    'Kommunenummer (4 digits) of the business address, else the postal address',
    '4601',
  ),
  icnpo: optionalCode(
    /^\d{1,5}$/,
    'search.error.icnpo',
    'ICNPO category from Frivillighetsregisteret, matched against all three of a unit’s categories: a main category ("1") matches all its sub-categories, a sub-category ("1200") only itself',
    '1',
  ),
  form: optionalCode(
    /^[A-ZÆØÅ]{2,6}$/,
    'search.error.form',
    'Organisation form code; narrows the voluntary sector (units in Frivillighetsregisteret, or of form FLI) to units of this form',
    'FLI',
  ),
  frivillighetsregisteret: optionalYesNo(
    'search.error.yesNo',
    'ja/true: only units registered in Frivillighetsregisteret; nei/false: only units that are not',
  ),
  grasrotandel: optionalYesNo('search.error.yesNo', 'ja/true: only units taking part in Grasrotandelen; nei/false: only units that do not'),
  fraAar: optionalYear(
    'search.error.year',
    `First year of the founding-year table (default: ${DEFAULT_YEARS - 1} years before the last year). Does not narrow the other tables`,
  ),
  tilAar: optionalYear('search.error.year', 'Last year of the founding-year table (default: this year). Does not narrow the other tables'),
};

const yearRules = (v: { fraAar?: number; tilAar?: number }, ctx: z.RefinementCtx) => {
  if (v.fraAar === undefined || v.tilAar === undefined) return;
  if (v.fraAar > v.tilAar) ctx.addIssue({ code: 'custom', path: ['tilAar'], message: 'insight.error.yearOrder' });
  else if (v.tilAar - v.fraAar + 1 > MAX_YEARS) ctx.addIssue({ code: 'custom', path: ['fraAar'], message: 'insight.error.yearSpan' });
};

/** The page (GET /innsikt) and the API's overview (GET /api/v1/innsikt). */
export const insightFilterSchema = z.object(filterFields).superRefine(yearRules);

export const INSIGHT_FORMATS = ['json', 'csv'] as const;
export type InsightFormat = (typeof INSIGHT_FORMATS)[number];

/** One table (GET /api/v1/innsikt/{table}): the filters, and optionally a download format. */
export const insightTableQuerySchema = z
  .object({
    ...filterFields,
    format: z
      .string()
      .optional()
      .transform(blankToUndefined)
      .refine((v) => v === undefined || (INSIGHT_FORMATS as readonly string[]).includes(v), { message: 'insight.error.format' })
      .transform((v) => v as InsightFormat | undefined)
      .meta({
        description:
          'csv: the table as a file to download — UTF-8 with a byte-order mark, fields separated by semicolons, decimal comma, CRLF line ends, a header row in the language of Accept-Language, and the NLOD attribution as the last line after an empty line. json: this JSON answer as a file to download. Without it: the JSON answer.',
        example: 'csv',
      }),
  })
  .superRefine(yearRules);

export type InsightFilterInput = z.output<typeof insightFilterSchema>;

/** The filters as the domain uses them: years resolved (defaults filled in from the clock). */
export interface InsightFilters {
  fylke?: string;
  kommune?: string;
  icnpo?: string;
  form?: string;
  frivillighetsregisteret?: boolean;
  grasrotandel?: boolean;
  fraAar: number;
  tilAar: number;
}

/** The filters as query parameters, for the download links; `format` is added by the caller. */
export function filtersToParams(f: InsightFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.fylke) p.set('fylke', f.fylke);
  if (f.kommune) p.set('kommune', f.kommune);
  if (f.icnpo) p.set('icnpo', f.icnpo);
  if (f.form) p.set('form', f.form);
  if (f.frivillighetsregisteret !== undefined) p.set('frivillighetsregisteret', f.frivillighetsregisteret ? 'ja' : 'nei');
  if (f.grasrotandel !== undefined) p.set('grasrotandel', f.grasrotandel ? 'ja' : 'nei');
  p.set('fraAar', String(f.fraAar));
  p.set('tilAar', String(f.tilAar));
  return p;
}

import { z } from 'zod';

/**
 * The search query of GET /organisasjoner and GET /api/v1/organisasjoner: one schema parses the query
 * string of both, names the errors (message keys, shown in the user's language) and documents the API.
 * Every parameter is optional; an empty value (an unselected <select> in the GET form) means "any".
 */

export const SEARCH_SORTS = ['relevans', 'navn', 'stiftet', 'stiftet-nyest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const SEARCH_STATUSES = ['aktive', 'avvikling', 'slettede', 'alle'] as const;
export type SearchStatus = (typeof SEARCH_STATUSES)[number];

/** Like Brønnøysund's own search (brief §1.3): at most 10 000 hits can be paged through. */
export const MAX_RESULT_WINDOW = 10_000;
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
export const MAX_QUERY_LENGTH = 180;

export const blankToUndefined = (v: string | undefined) => {
  const trimmed = v?.trim();
  return trimmed ? trimmed : undefined;
};

/** An optional string parameter: blank becomes undefined, otherwise it must match `re`. */
export const optionalCode = (re: RegExp, message: string, description: string, example: string) =>
  z
    .string()
    .optional()
    .transform(blankToUndefined)
    .refine((v) => v === undefined || re.test(v), { message })
    .meta({ description, example });

export const optionalYesNo = (message: string, description: string) =>
  z
    .string()
    .optional()
    .transform(blankToUndefined)
    .refine((v) => v === undefined || ['ja', 'nei', 'true', 'false'].includes(v), { message })
    .transform((v) => (v === undefined ? undefined : v === 'ja' || v === 'true'))
    .meta({ description, example: 'ja' });

export const optionalYear = (message: string, description: string) =>
  z
    .string()
    .optional()
    .transform(blankToUndefined)
    .refine((v) => v === undefined || (/^\d{4}$/.test(v) && Number(v) >= 1000 && Number(v) <= 2999), { message })
    .transform((v) => (v === undefined ? undefined : Number(v)))
    .meta({ description, example: '1990' });

const positiveInt = (message: string, max: number, description: string, example: string) =>
  z
    .string()
    .optional()
    .transform(blankToUndefined)
    .refine((v) => v === undefined || (/^\d{1,6}$/.test(v) && Number(v) >= 1 && Number(v) <= max), { message })
    .transform((v) => (v === undefined ? undefined : Number(v)))
    .meta({ description, example });

export const searchQuerySchema = z
  .object({
    q: z
      .string()
      .optional()
      .transform((v) => blankToUndefined(v?.replace(/\s+/g, ' ')))
      .refine((v) => v === undefined || v.length <= MAX_QUERY_LENGTH, { message: 'search.error.qTooLong' })
      .meta({
        description:
          'Name (or organisasjonsnummer). Norwegian stemming, prefix matching of each word as you type, and typo tolerance (trigram word similarity).',
        example: 'sjakklubb',
      }),
    kommune: optionalCode(
      /^\d{4}$/,
      'search.error.kommune',
      'Kommunenummer (4 digits) of the business address, else the postal address',
      '5501',
    ),
    fylke: optionalCode(/^\d{2}$/, 'search.error.fylke', 'Fylkesnummer (2 digits)', '55'),
    icnpo: optionalCode(
      /^\d{1,5}$/,
      'search.error.icnpo',
      'ICNPO category from Frivillighetsregisteret: a main category ("1") matches all its sub-categories, a sub-category ("1200") only itself',
      '1200',
    ),
    form: optionalCode(/^[A-ZÆØÅ]{2,6}$/, 'search.error.form', 'Organisation form code', 'FLI'),
    frivillighetsregisteret: optionalYesNo('search.error.yesNo', 'Registered in Frivillighetsregisteret: ja/true or nei/false'),
    grasrotandel: optionalYesNo('search.error.yesNo', 'Takes part in Grasrotandelen: ja/true or nei/false'),
    stiftetFra: optionalYear('search.error.year', 'Founded in this year or later'),
    stiftetTil: optionalYear('search.error.year', 'Founded in this year or earlier'),
    status: z
      .string()
      .optional()
      .transform(blankToUndefined)
      .refine((v) => v === undefined || (SEARCH_STATUSES as readonly string[]).includes(v), { message: 'search.error.status' })
      .transform((v) => (v ?? 'aktive') as SearchStatus)
      .meta({
        description:
          'aktive (default: not deleted, not being wound up, not bankrupt), avvikling (under avvikling or konkurs), slettede (deleted), alle',
        example: 'aktive',
      }),
    sorter: z
      .string()
      .optional()
      .transform(blankToUndefined)
      .refine((v) => v === undefined || (SEARCH_SORTS as readonly string[]).includes(v), { message: 'search.error.sort' })
      .transform((v) => v as SearchSort | undefined)
      .meta({
        description: 'relevans (default with a name), navn (default without), stiftet (oldest first), stiftet-nyest',
        example: 'relevans',
      }),
    side: positiveInt('search.error.page', 100_000, 'Page number, from 1', '1'),
    antall: positiveInt('search.error.pageSize', MAX_PAGE_SIZE, `Hits per page, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})`, '20'),
  })
  .superRefine((v, ctx) => {
    if (v.stiftetFra !== undefined && v.stiftetTil !== undefined && v.stiftetFra > v.stiftetTil) {
      ctx.addIssue({ code: 'custom', path: ['stiftetTil'], message: 'search.error.yearOrder' });
    }
    const size = v.antall ?? DEFAULT_PAGE_SIZE;
    if (v.side !== undefined && (v.side - 1) * size >= MAX_RESULT_WINDOW) {
      ctx.addIssue({ code: 'custom', path: ['side'], message: 'search.error.pageTooFar' });
    }
  });

export type SearchQueryInput = z.input<typeof searchQuerySchema>;

export interface SearchQuery {
  q?: string;
  kommune?: string;
  fylke?: string;
  icnpo?: string;
  form?: string;
  frivillighetsregisteret?: boolean;
  grasrotandel?: boolean;
  stiftetFra?: number;
  stiftetTil?: number;
  status: SearchStatus;
  sorter?: SearchSort;
  side?: number;
  antall?: number;
}

/** The query's own parameter names, for building links (pagination, sorting) that keep the other filters. */
export function queryToParams(q: SearchQuery, overrides: Partial<Record<keyof SearchQuery, string | undefined>> = {}): URLSearchParams {
  const p = new URLSearchParams();
  const put = (k: keyof SearchQuery, v: string | number | boolean | undefined) => {
    const o = k in overrides ? overrides[k] : v === undefined ? undefined : typeof v === 'boolean' ? (v ? 'ja' : 'nei') : String(v);
    if (o !== undefined && o !== '') p.set(k, o);
  };
  put('q', q.q);
  put('kommune', q.kommune);
  put('fylke', q.fylke);
  put('icnpo', q.icnpo);
  put('form', q.form);
  put('frivillighetsregisteret', q.frivillighetsregisteret);
  put('grasrotandel', q.grasrotandel);
  put('stiftetFra', q.stiftetFra);
  put('stiftetTil', q.stiftetTil);
  put('status', q.status === 'aktive' ? undefined : q.status);
  put('sorter', q.sorter);
  put('side', q.side && q.side > 1 ? q.side : undefined);
  put('antall', q.antall && q.antall !== DEFAULT_PAGE_SIZE ? q.antall : undefined);
  return p;
}

import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { loadReferenceData, type ReferenceData, type SearchRow, searchEnheter } from './register-search.queries.ts';
import { DEFAULT_PAGE_SIZE, MAX_RESULT_WINDOW, type SearchQuery } from './register-search.schema.ts';

export interface SearchResult {
  query: SearchQuery;
  hits: SearchRow[];
  /** Number of hits, at most MAX_RESULT_WINDOW; `capped` says there are more. */
  total: number;
  capped: boolean;
  page: number;
  pageSize: number;
  pageCount: number;
  reference: ReferenceData;
}

/**
 * Thrown when a well-formed filter names something that does not exist (kommune 9999, ICNPO 77): the
 * handler shows it like any other bad parameter (error summary on the page, 400 in the API).
 */
export class SearchFilterError extends AppError {
  constructor(public readonly fields: Record<string, MessageKey>) {
    super('validation', Object.values(fields)[0]!);
  }
}

/** Searches register_enheter by name and filters (open data: no sign-in needed). */
export async function searchOrganisations(deps: Deps, opts: { query: SearchQuery }): Promise<SearchResult> {
  const db = deps.database.db;
  const query = opts.query;
  const reference = await loadReferenceData(db);
  const unknown: Record<string, MessageKey> = {};
  if (query.kommune && !reference.kommuner.some((k) => k.nummer === query.kommune)) unknown.kommune = 'search.error.kommuneUnknown';
  if (query.fylke && !reference.fylker.some((f) => f.nummer === query.fylke)) unknown.fylke = 'search.error.fylkeUnknown';
  if (query.form && !reference.former.some((f) => f.kode === query.form)) unknown.form = 'search.error.formUnknown';
  let icnpoCodes: string[] | null = null;
  if (query.icnpo) {
    const category = reference.icnpo.find((k) => k.nummer === query.icnpo);
    if (!category) unknown.icnpo = 'search.error.icnpoUnknown';
    else
      icnpoCodes = category.erHovedkategori
        ? reference.icnpo.filter((k) => k.hovedkategori === category.nummer).map((k) => k.nummer)
        : [category.nummer];
  }
  if (Object.keys(unknown).length > 0) throw new SearchFilterError(unknown);

  const pageSize = query.antall ?? DEFAULT_PAGE_SIZE;
  const page = query.side ?? 1;
  const { rows, total, capped } = await searchEnheter(db, { query, icnpoCodes }, { offset: (page - 1) * pageSize, limit: pageSize });
  return {
    query,
    hits: rows,
    total,
    capped,
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(Math.min(total, MAX_RESULT_WINDOW) / pageSize)),
    reference,
  };
}

/** The filter choices (fylker, kommuner, ICNPO categories, organisation forms) for a search form shown without results. */
export async function readSearchOptions(deps: Deps): Promise<ReferenceData> {
  return loadReferenceData(deps.database.db);
}

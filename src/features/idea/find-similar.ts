import type { Deps } from '../../core/http/context.ts';
import { queryToParams, type SearchQuery } from '../register-search/register-search.schema.ts';
import { readSearchOptions, SearchFilterError, type SearchResult, searchOrganisations } from '../register-search/search-organisations.ts';
import { SIMILAR_PAGE_SIZE, type SimilarQuery } from './idea.schema.ts';

export interface SimilarOrganisations {
  result: SearchResult;
  kommune: { nummer: string; navn: string };
  fylke: { nummer: string; navn: string } | null;
  icnpo: { nummer: string; navn: string };
  /** The same search in the full organisation search, with all hits and every filter. */
  fullSearchHref: string;
}

/**
 * Organisations in the same ICNPO category in the kommune (or its fylke) — the register search does the
 * work (register-search's searchOrganisations), so the idea page and /organisasjoner always agree. Only
 * active units; open data, no sign-in.
 */
export async function findSimilarOrganisations(deps: Deps, opts: { query: SimilarQuery }): Promise<SimilarOrganisations> {
  const { icnpo, kommune, omrade } = opts.query;
  const reference = await readSearchOptions(deps);
  const kommuneRow = reference.kommuner.find((k) => k.nummer === kommune);
  const icnpoRow = reference.icnpo.find((k) => k.nummer === icnpo);
  const unknown: ConstructorParameters<typeof SearchFilterError>[0] = {};
  if (!kommuneRow) unknown.kommune = 'search.error.kommuneUnknown';
  if (!icnpoRow) unknown.icnpo = 'search.error.icnpoUnknown';
  if (!kommuneRow || !icnpoRow) throw new SearchFilterError(unknown);
  const fylkeRow = reference.fylker.find((f) => f.nummer === kommuneRow.fylkesnummer) ?? null;

  const query: SearchQuery = {
    icnpo,
    ...(omrade === 'fylke' && fylkeRow ? { fylke: fylkeRow.nummer } : { kommune }),
    status: 'aktive',
    sorter: 'navn',
    antall: SIMILAR_PAGE_SIZE,
  };
  const result = await searchOrganisations(deps, { query });
  const full = queryToParams({ ...query, antall: undefined, sorter: undefined });
  return {
    result,
    kommune: { nummer: kommuneRow.nummer, navn: kommuneRow.navn },
    fylke: fylkeRow,
    icnpo: { nummer: icnpoRow.nummer, navn: icnpoRow.navn },
    fullSearchHref: `/organisasjoner?${full.toString()}`,
  };
}

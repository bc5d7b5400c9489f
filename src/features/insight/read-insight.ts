import type { Db } from '../../core/db/client.ts';
import type { Deps } from '../../core/http/context.ts';
import type { MessageKey } from '../../core/i18n/catalogue.ts';
import { loadReferenceData, type ReferenceData } from '../register-search/register-search.queries.ts';
import { SearchFilterError } from '../register-search/search-organisations.ts';
import {
  type CategoryRow,
  countByCategory,
  countByFylke,
  countByKommune,
  countByYear,
  countGrasrot,
  countPopulation,
  type FylkeRow,
  type GrasrotCounts,
  type InsightQuery,
  type KommuneRow,
  readInsightFreshness,
  refreshInsightUnits,
  type YearRow,
} from './insight.queries.ts';
import {
  DEFAULT_YEARS,
  INSIGHT_TABLES,
  type InsightFilterInput,
  type InsightFilters,
  type InsightTable,
  MAX_YEARS,
} from './insight.schema.ts';

export interface InsightTables {
  fylker: FylkeRow[];
  kommuner: KommuneRow[];
  kategorier: CategoryRow[];
  stiftelsesaar: YearRow[];
  grasrot: GrasrotCounts;
}

export interface InsightResult<T extends InsightTable = InsightTable> {
  filters: InsightFilters;
  /** Number of organisations the filters select; every table counts these. */
  population: number;
  /** When the figures were computed from the register copy. */
  computedAt: Date;
  tables: Pick<InsightTables, T>;
  reference: ReferenceData;
}

/**
 * Sector insight: aggregate counts of open register data (NLOD), not about any person, so the page and the
 * API are open to everyone without sign-in; the page is linked for public officials.
 */
export async function readInsight<T extends InsightTable>(
  deps: Deps,
  opts: { filters: InsightFilterInput; tables: readonly T[] },
): Promise<InsightResult<T>> {
  const { filters, query, reference } = await resolve(deps, opts.filters);
  const fresh = await ensureFresh(deps);
  // One snapshot for all counts and their date, so a rebuild committing in between cannot mix two versions.
  const counted = await deps.database.db.transaction(
    async (tx) => {
      const db = tx as unknown as Db;
      const computedAt = (await readInsightFreshness(db)).refreshedAt ?? fresh.computedAt;
      const population = await countPopulation(db, query);
      const tables: Partial<InsightTables> = {};
      for (const table of INSIGHT_TABLES) {
        if (!(opts.tables as readonly InsightTable[]).includes(table)) continue;
        switch (table) {
          case 'fylker':
            tables.fylker = await countByFylke(db, query);
            break;
          case 'kommuner':
            tables.kommuner = await countByKommune(db, query);
            break;
          case 'kategorier':
            tables.kategorier = await countByCategory(db, query);
            break;
          case 'stiftelsesaar':
            tables.stiftelsesaar = await countByYear(db, { ...query, fraAar: filters.fraAar, tilAar: filters.tilAar });
            break;
          case 'grasrot':
            tables.grasrot = await countGrasrot(db, query);
            break;
        }
      }
      return { computedAt, population, tables };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  // Only now, so this answer comes from one set of figures even on PGlite's single connection.
  fresh.rebuildAfterwards?.();
  const { computedAt, population, tables } = counted;
  return { filters, population, computedAt, tables: tables as Pick<InsightTables, T>, reference };
}

/** The filter choices, for the page when its filters are invalid. */
export async function readInsightOptions(deps: Deps): Promise<ReferenceData> {
  return loadReferenceData(deps.database.db);
}

/**
 * Checks that named codes exist, fills in the default year range (from the injected clock) and turns an ICNPO
 * main category into its sub-categories. Unknown codes and impossible years throw a SearchFilterError, shown
 * like any other bad parameter (error summary on the page, 400 in the API).
 */
async function resolve(
  deps: Deps,
  input: InsightFilterInput,
): Promise<{ filters: InsightFilters; query: InsightQuery; reference: ReferenceData }> {
  const reference = await loadReferenceData(deps.database.db);
  const unknown: Record<string, MessageKey> = {};
  if (input.kommune && !reference.kommuner.some((k) => k.nummer === input.kommune)) unknown.kommune = 'search.error.kommuneUnknown';
  if (input.fylke && !reference.fylker.some((f) => f.nummer === input.fylke)) unknown.fylke = 'search.error.fylkeUnknown';
  if (input.form && !reference.former.some((f) => f.kode === input.form)) unknown.form = 'search.error.formUnknown';
  let icnpoCodes: string[] | null = null;
  if (input.icnpo) {
    const category = reference.icnpo.find((k) => k.nummer === input.icnpo);
    if (!category) unknown.icnpo = 'search.error.icnpoUnknown';
    else
      icnpoCodes = category.erHovedkategori
        ? reference.icnpo.filter((k) => k.hovedkategori === category.nummer).map((k) => k.nummer)
        : [category.nummer];
  }
  // Only one end given: the other is DEFAULT_YEARS away, or this year (by the injected clock).
  const thisYear = deps.now().getUTCFullYear();
  const tilAar = input.tilAar ?? (input.fraAar !== undefined ? Math.min(thisYear, input.fraAar + DEFAULT_YEARS - 1) : thisYear);
  const fraAar = input.fraAar ?? tilAar - DEFAULT_YEARS + 1;
  if (fraAar > tilAar) unknown.tilAar = 'insight.error.yearOrder';
  else if (tilAar - fraAar + 1 > MAX_YEARS) unknown.fraAar = 'insight.error.yearSpan';
  if (Object.keys(unknown).length > 0) throw new SearchFilterError(unknown);
  const filters: InsightFilters = {
    fylke: input.fylke,
    kommune: input.kommune,
    icnpo: input.icnpo,
    form: input.form,
    frivillighetsregisteret: input.frivillighetsregisteret,
    grasrotandel: input.grasrotandel,
    fraAar,
    tilAar,
  };
  const query: InsightQuery = {
    fylke: input.fylke,
    kommune: input.kommune,
    form: input.form,
    frivillighetsregisteret: input.frivillighetsregisteret,
    grasrotandel: input.grasrotandel,
    icnpoCodes,
  };
  return { filters, query, reference };
}

/** Rebuilds in this process that have not finished, one per database. */
const inFlight = new WeakMap<Db, Promise<void>>();

/**
 * Makes sure insight_units is fresh enough and says when it was computed:
 * - never computed, or a register import completed since: rebuilt now, before answering (a newcomer who has
 *   just imported sees the import);
 * - older than REGISTER_SYNC_INTERVAL_MINUTES (the feeds change the copy at most that often): answered from
 *   the current figures, then rebuilt in the background (`rebuildAfterwards`); the next request gets the new ones.
 */
async function ensureFresh(deps: Deps): Promise<{ computedAt: Date; rebuildAfterwards?: () => void }> {
  const db = deps.database.db;
  const { refreshedAt, lastImportAt } = await readInsightFreshness(db);
  const now = deps.now();
  if (!refreshedAt || (lastImportAt && lastImportAt > refreshedAt)) {
    // Never before the import it reflects, so a clock behind the importer's cannot make every request rebuild.
    const at = lastImportAt && lastImportAt > now ? lastImportAt : now;
    await refreshInsightUnits(db, { now: at, wait: true });
    return { computedAt: at };
  }
  if (now.getTime() - refreshedAt.getTime() <= deps.config.REGISTER_SYNC_INTERVAL_MINUTES * 60_000) return { computedAt: refreshedAt };
  return {
    computedAt: refreshedAt,
    rebuildAfterwards: () => {
      if (inFlight.has(db)) return;
      const rebuild = refreshInsightUnits(db, { now, wait: false })
        .then(() => undefined)
        .catch((error: unknown) => deps.logger.error('insight: background rebuild failed', { error: String(error) }))
        .finally(() => inFlight.delete(db));
      inFlight.set(db, rebuild);
    },
  };
}

/** Recomputes the figures now (used after writing register rows directly, as tests and the demo seed do). */
export async function refreshInsight(deps: Deps): Promise<void> {
  await inFlight.get(deps.database.db);
  await refreshInsightUnits(deps.database.db, { now: deps.now(), wait: true });
}

/** The background rebuild started by the last request, if one is still running (for tests). */
export function insightRebuildInFlight(deps: Deps): Promise<void> | undefined {
  return inFlight.get(deps.database.db);
}

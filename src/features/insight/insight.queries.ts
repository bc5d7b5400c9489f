import { and, eq, max, type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../core/db/client.ts';
import { insightRefresh, registerImportRuns } from '../../core/db/schema.ts';

/**
 * All SQL of the sector insight. Written for PostgreSQL 15 and PGlite (18).
 *
 * The population is the active voluntary sector:
 * - units in Enhetsregisteret that are not deleted, not being wound up and not bankrupt (the organisation
 *   search's default "aktive"), and
 * - registered in Frivillighetsregisteret (Enhetsregisteret's flag, as the search filters it) or of
 *   organisation form FLI (forening/lag/innretning, brief §3.1);
 * - ICNPO categories, Grasrotandelen and the first registration year come from the unit's current
 *   Frivillighetsregisteret record (one that has not left: slettet_dato is null).
 *
 * Speed (the benchmark's limit is 200 ms a query at 1.17 M units): `refreshInsightUnits` writes that population
 * once, one narrow row per unit, into insight_units (~13 % of the units); every count then aggregates that
 * table with one scan and no join or per-row subquery. Joining the two register tables in each query instead
 * measured 2–3 times slower (the join, not the counting, is the cost). The rebuild itself reads only two
 * covering partial indexes (index-only scans): its SECTOR predicate is word for word the predicate of
 * register_enheter_sector_idx in schema.ts — keep them in step, or the planner cannot use the index.
 *
 * For callers outside the feature (the benchmark): every `count…(db, query)` reads insight_units only, so run
 * `refreshInsightUnits(db, { now, wait: true })` once after loading register data (readInsight does this by
 * itself: after an import, and when the figures are older than the sync interval).
 */

/** The filters of a count. `icnpoCodes`: a unit matches when any of its three categories is one of them. */
export interface InsightQuery {
  fylke?: string;
  kommune?: string;
  form?: string;
  frivillighetsregisteret?: boolean;
  grasrotandel?: boolean;
  icnpoCodes?: readonly string[] | null;
}

const SECTOR = sql.raw(
  `e.slettedato is null and not e.under_avvikling and not e.konkurs and (e.registrert_i_frivillighetsregisteret or e.organisasjonsform = 'FLI')`,
);

/** Any number fits: a constant key for the advisory lock that lets one rebuild run at a time. */
const REFRESH_LOCK_KEY = 727_017;

/**
 * Rebuilds insight_units from the register tables in one transaction (readers keep seeing the previous rows
 * until it commits) and records when. Returns false without doing anything when another rebuild holds the
 * lock and `wait` is false; with `wait` it waits for that one and then rebuilds.
 *
 * Every rebuild leaves the previous rows dead; VACUUM right after (it cannot run inside the transaction) makes
 * their space reusable by the next rebuild, so the table stays about twice its live size instead of growing
 * until autovacuum comes by, and sets the hint bits the next scans would otherwise write.
 */
export async function refreshInsightUnits(db: Db, opts: { now: Date; wait: boolean }): Promise<boolean> {
  const rebuilt = await rebuildInsightUnits(db, opts);
  if (rebuilt) await db.execute(sql`vacuum (analyze) insight_units`);
  return rebuilt;
}

async function rebuildInsightUnits(db: Db, opts: { now: Date; wait: boolean }): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (opts.wait) await tx.execute(sql`select pg_advisory_xact_lock(${REFRESH_LOCK_KEY})`);
    else {
      const [r] = rowsOf<{ locked: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${REFRESH_LOCK_KEY}) as locked`));
      if (!r?.locked) return false;
    }
    await tx.execute(sql`delete from insight_units`);
    await tx.execute(sql`
      insert into insight_units (orgnr, kommunenummer, fylkesnummer, organisasjonsform, frivillighetsregisteret, grasrotandel,
                                 icnpo1, icnpo2, icnpo3, icnpo_hovedkategori, stiftet_aar, registrert_aar)
      select e.orgnr, e.kommunenummer, k.fylkesnummer, e.organisasjonsform, e.registrert_i_frivillighetsregisteret,
             coalesce(rf.grasrotandel, false), rf.icnpo1, rf.icnpo2, rf.icnpo3, ik.hovedkategori,
             date_part('year', e.stiftelsesdato)::int, date_part('year', rf.foerste_gang_innfoert)::int
      from register_enheter e
      left join register_frivillige rf on rf.orgnr = e.orgnr and rf.slettet_dato is null
      left join kommuner k on k.nummer = e.kommunenummer
      left join icnpo_kategorier ik on ik.nummer = rf.icnpo1
      where ${SECTOR}`);
    const [count] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from insight_units`));
    const units = Number(count?.n ?? 0);
    await tx
      .insert(insightRefresh)
      .values({ id: 1, refreshedAt: opts.now, units })
      .onConflictDoUpdate({ target: insightRefresh.id, set: { refreshedAt: opts.now, units } });
    return true;
  });
}

export interface InsightFreshness {
  /** When insight_units was last rebuilt; null: never. */
  refreshedAt: Date | null;
  /** When the last register import (enheter, frivillige) completed; null: none recorded. */
  lastImportAt: Date | null;
}

export async function readInsightFreshness(db: Db): Promise<InsightFreshness> {
  const [state] = await db.select({ refreshedAt: insightRefresh.refreshedAt }).from(insightRefresh).where(eq(insightRefresh.id, 1));
  const [imported] = await db
    .select({ at: max(registerImportRuns.finishedAt) })
    .from(registerImportRuns)
    .where(and(eq(registerImportRuns.status, 'completed'), sql`${registerImportRuns.kind} in ('enheter', 'frivillige')`));
  return { refreshedAt: state?.refreshedAt ?? null, lastImportAt: imported?.at ?? null };
}

/** `where …` of a count over insight_units (alias u). */
function where(q: InsightQuery): SQL {
  const parts: SQL[] = [sql`true`];
  if (q.form) parts.push(sql`u.organisasjonsform = ${q.form}`);
  if (q.kommune) parts.push(sql`u.kommunenummer = ${q.kommune}`);
  if (q.fylke) parts.push(sql`u.fylkesnummer = ${q.fylke}`);
  if (q.frivillighetsregisteret !== undefined)
    parts.push(q.frivillighetsregisteret ? sql`u.frivillighetsregisteret` : sql`not u.frivillighetsregisteret`);
  if (q.grasrotandel !== undefined) parts.push(q.grasrotandel ? sql`u.grasrotandel` : sql`not u.grasrotandel`);
  if (q.icnpoCodes && q.icnpoCodes.length > 0) {
    const codes = sql.join(
      q.icnpoCodes.map((c) => sql`${c}`),
      sql`, `,
    );
    parts.push(sql`(u.icnpo1 in (${codes}) or u.icnpo2 in (${codes}) or u.icnpo3 in (${codes}))`);
  }
  return sql`where ${sql.join(parts, sql` and `)}`;
}

const n = (v: unknown) => Number(v ?? 0);
const textOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v));

export interface AreaCounts {
  organisations: number;
  /** Registered in Frivillighetsregisteret. */
  frivillighetsregisteret: number;
  grasrotandel: number;
}

export interface FylkeRow extends AreaCounts {
  /** Null: units without a known Norwegian kommune (a foreign address, or a kommunenummer not in the 2024 list). */
  code: string | null;
  name: string | null;
}

/** All 15 fylker by number (zeros included), then one row for units without a known kommune when there are any. */
export async function countByFylke(db: Db, q: InsightQuery): Promise<FylkeRow[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`with per_f as (
        select u.fylkesnummer as fylke, count(*)::int as n, (count(*) filter (where u.frivillighetsregisteret))::int as frr,
               (count(*) filter (where u.grasrotandel))::int as grasrot
        from insight_units u ${where(q)}
        group by u.fylkesnummer)
      select fy.nummer as code, fy.navn as name, coalesce(pf.n, 0) as n, coalesce(pf.frr, 0) as frr, coalesce(pf.grasrot, 0) as grasrot
      from fylker fy
      left join per_f pf on pf.fylke = fy.nummer
      union all
      select null, null, pf.n, pf.frr, pf.grasrot from per_f pf where pf.fylke is null
      order by 1 nulls last`),
  );
  return rows.map((r) => ({
    code: textOrNull(r.code),
    name: textOrNull(r.name),
    organisations: n(r.n),
    frivillighetsregisteret: n(r.frr),
    grasrotandel: n(r.grasrot),
  }));
}

export interface KommuneRow extends FylkeRow {
  fylke: { code: string; name: string } | null;
}

/** Kommuner with organisations in the population, most first (then by number); units without a known kommune last. */
export async function countByKommune(db: Db, q: InsightQuery): Promise<KommuneRow[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`with per_k as (
        select u.kommunenummer as kommune, count(*)::int as n, (count(*) filter (where u.frivillighetsregisteret))::int as frr,
               (count(*) filter (where u.grasrotandel))::int as grasrot
        from insight_units u ${where(q)}
        group by u.kommunenummer)
      select k.nummer as code, k.navn as name, fy.nummer as fylke_code, fy.navn as fylke_name, pk.n, pk.frr, pk.grasrot
      from per_k pk
      left join kommuner k on k.nummer = pk.kommune
      left join fylker fy on fy.nummer = k.fylkesnummer
      order by (k.nummer is null), pk.n desc, k.nummer`),
  );
  const known: KommuneRow[] = [];
  const unknown: KommuneRow = { code: null, name: null, fylke: null, organisations: 0, frivillighetsregisteret: 0, grasrotandel: 0 };
  for (const r of rows) {
    if (r.code === null || r.code === undefined) {
      // A foreign address and kommunenummer values outside the 2024 list are one group: "no known kommune".
      unknown.organisations += n(r.n);
      unknown.frivillighetsregisteret += n(r.frr);
      unknown.grasrotandel += n(r.grasrot);
      continue;
    }
    known.push({
      code: String(r.code),
      name: String(r.name),
      fylke: r.fylke_code ? { code: String(r.fylke_code), name: String(r.fylke_name) } : null,
      organisations: n(r.n),
      frivillighetsregisteret: n(r.frr),
      grasrotandel: n(r.grasrot),
    });
  }
  return unknown.organisations > 0 ? [...known, unknown] : known;
}

export interface CategoryRow {
  /** ICNPO main category ("1" … "14"); null: units without a category (most are not in Frivillighetsregisteret). */
  code: string | null;
  name: string | null;
  organisations: number;
  grasrotandel: number;
}

/** The 14 ICNPO main categories by each unit's primary category (zeros included), then units without one. */
export async function countByCategory(db: Db, q: InsightQuery): Promise<CategoryRow[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`with per_c as (
        select u.icnpo_hovedkategori as main, count(*)::int as n, (count(*) filter (where u.grasrotandel))::int as grasrot
        from insight_units u ${where(q)}
        group by u.icnpo_hovedkategori)
      select main.nummer as code, main.navn as name, coalesce(pc.n, 0) as n, coalesce(pc.grasrot, 0) as grasrot
      from icnpo_kategorier main
      left join per_c pc on pc.main = main.nummer
      where main.er_hovedkategori
      union all
      select null, null, pc.n, pc.grasrot from per_c pc where pc.main is null
      order by 1 nulls last`),
  );
  return rows
    .map((r) => ({ code: textOrNull(r.code), name: textOrNull(r.name), organisations: n(r.n), grasrotandel: n(r.grasrot) }))
    .sort((a, b) => (a.code === null ? 1000 : Number(a.code)) - (b.code === null ? 1000 : Number(b.code)));
}

export interface YearRow {
  year: number;
  /** Founded this year (stiftelsesdato). */
  founded: number;
  /** First registered in Frivillighetsregisteret this year (foersteGangInnfoert). */
  firstRegistered: number;
}

/** The founding-year table's filters: the population's, and the years it covers. */
export interface InsightYearQuery extends InsightQuery {
  fraAar: number;
  tilAar: number;
}

/** Every year from `fraAar` to `tilAar`, zeros included. One scan: both counts are grouping sets of it. */
export async function countByYear(db: Db, q: InsightYearQuery): Promise<YearRow[]> {
  const years = { from: q.fraAar, to: q.tilAar };
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select grouping(u.stiftet_aar) as by_registered, u.stiftet_aar as founded_year, u.registrert_aar as registered_year,
             count(*)::int as n
      from insight_units u ${where(q)}
        and (u.stiftet_aar between ${years.from} and ${years.to} or u.registrert_aar between ${years.from} and ${years.to})
      group by grouping sets ((u.stiftet_aar), (u.registrert_aar))`),
  );
  const byYear = new Map<number, YearRow>();
  for (let y = years.from; y <= years.to; y++) byYear.set(y, { year: y, founded: 0, firstRegistered: 0 });
  for (const r of rows) {
    // grouping(stiftet_aar) is 1 in the rows grouped by registrert_aar. Years outside the range (and no year)
    // come from units selected for their other year; they are not asked for.
    const registered = n(r.by_registered) === 1;
    const row = byYear.get(n(registered ? r.registered_year : r.founded_year));
    if (!row) continue;
    if (registered) row.firstRegistered = n(r.n);
    else row.founded = n(r.n);
  }
  return [...byYear.values()];
}

export interface GrasrotCounts {
  total: number;
  /** Take part in Grasrotandelen. */
  grasrotandel: number;
  /** Registered in Frivillighetsregisteret, not taking part. */
  frivillighetsregisteretOnly: number;
  /** Neither. The three groups are disjoint and add up to `total`. */
  neither: number;
}

export async function countGrasrot(db: Db, q: InsightQuery): Promise<GrasrotCounts> {
  const [r] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select count(*)::int as total,
             (count(*) filter (where u.grasrotandel))::int as grasrot,
             (count(*) filter (where u.frivillighetsregisteret and not u.grasrotandel))::int as frr_only,
             (count(*) filter (where not u.frivillighetsregisteret and not u.grasrotandel))::int as neither
      from insight_units u ${where(q)}`),
  );
  return { total: n(r?.total), grasrotandel: n(r?.grasrot), frivillighetsregisteretOnly: n(r?.frr_only), neither: n(r?.neither) };
}

/** The number of units in the population the filters select. */
export async function countPopulation(db: Db, q: InsightQuery): Promise<number> {
  const [r] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from insight_units u ${where(q)}`));
  return n(r?.n);
}

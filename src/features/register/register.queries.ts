import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import { and, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type Database, type Db, type Engine, rowsOf } from '../../core/db/client.ts';
import * as schema from '../../core/db/schema.ts';
import {
  registerFrivillige,
  registerImportRuns,
  registerImportStaging,
  registerQuarantine,
  registerRoller,
  registerRolleSett,
  registerSyncState,
} from '../../core/db/schema.ts';
import type { BulkEnhet, EnhetRecord, FrivilligRecord, PreparedRecord, RolleRow } from './import-records.ts';
import { rankedIcnpo } from './import-records.ts';

/**
 * All SQL of the register imports (ARCHITECTURE: `<feature>.queries.ts`). Written for PostgreSQL 15 and run
 * on PGlite (PostgreSQL 18) too.
 *
 * Reused by the sync engineer:
 * - `applyEnhetRecords(db, records, now)`: upsert validated units (from `prepareEnhet`) whose data changed.
 * - `upsertFrivillige(db, records, walkId, now)`: upsert validated FRR organisations.
 * - `replaceRoller(db, orgnr, roles, now)`: replace one unit's roles in one transaction.
 * - `insertQuarantine(db, rows)`: keep a bad record with its reason and raw text.
 */

export type ImportKind = 'enheter' | 'frivillige' | 'roller';
export type ImportRun = typeof registerImportRuns.$inferSelect;

export class ImportBusyError extends Error {
  constructor(kind: ImportKind) {
    super(`Another "${kind}" import is running against this database; wait for it to finish (or stop it) and try again.`);
    this.name = 'ImportBusyError';
  }
}

// ---------- the import session: one connection, one import of a kind at a time ----------

/**
 * One database connection held for a whole import. On PostgreSQL it carries a session advisory lock, so
 * two processes cannot run the same kind of import at once (the lock goes with the connection if the
 * process dies); it is also the connection COPY streams through. PGlite is one connection in this process,
 * so an in-process set does the same job there.
 */
export interface ImportSession {
  db: Db;
  engine: Engine;
  /**
   * Runs `fn` in one transaction on the session's connection; `copy` streams rows into a table with COPY
   * (pg-copy-streams on PostgreSQL, COPY FROM '/dev/blob' on PGlite, as in the stack notes).
   */
  transactionWithCopy<T>(
    fn: (tx: Db, copy: (table: string, columns: string[], rows: string[][]) => Promise<void>) => Promise<T>,
  ): Promise<T>;
}

const LOCK_KEYS: Record<ImportKind, number> = { enheter: 727_101, frivillige: 727_102, roller: 727_103 };
const runningInProcess = new WeakMap<object, Set<ImportKind>>();

export async function withImportSession<T>(database: Database, kind: ImportKind, fn: (session: ImportSession) => Promise<T>): Promise<T> {
  if (database.engine === 'pglite') {
    const running = runningInProcess.get(database.db) ?? new Set<ImportKind>();
    runningInProcess.set(database.db, running);
    if (running.has(kind)) throw new ImportBusyError(kind);
    running.add(kind);
    const client = (database.db as unknown as { $client: PGlite }).$client;
    try {
      return await fn({
        db: database.db,
        engine: 'pglite',
        transactionWithCopy: (body) =>
          client.transaction(async (t) => {
            const tx = drizzlePglite(t as unknown as PGlite, { schema }) as unknown as Db;
            return body(tx, async (table, columns, rows) => {
              if (rows.length === 0) return;
              const blob = new Blob([copyText(rows)]);
              await t.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob });
            });
          }),
      });
    } finally {
      running.delete(kind);
    }
  }

  const pool = (database.db as unknown as { $client: pg.Pool }).$client;
  const client = await pool.connect();
  let locked = false;
  try {
    const res = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [LOCK_KEYS[kind]]);
    locked = res.rows[0]?.locked === true;
    if (!locked) throw new ImportBusyError(kind);
    const db = drizzleNodePg(client, { schema }) as unknown as Db;
    return await fn({
      db,
      engine: 'postgres',
      // drizzle runs BEGIN/COMMIT on this same client (it is not a pool), so the COPY below is inside it.
      transactionWithCopy: (body) =>
        db.transaction((tx) =>
          body(tx, async (table, columns, rows) => {
            if (rows.length === 0) return;
            const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
            await pipeline(Readable.from([copyText(rows)]), stream);
          }),
        ),
    });
  } finally {
    if (locked) await client.query('select pg_advisory_unlock($1)', [LOCK_KEYS[kind]]).catch(() => {});
    client.release();
  }
}

/** COPY text format: tab-separated, newline-terminated, with backslash escapes (PostgreSQL docs, COPY). */
function copyText(rows: string[][]): string {
  let out = '';
  for (const row of rows) out += `${row.map(copyEscape).join('\t')}\n`;
  return out;
}

function copyEscape(value: string): string {
  return /[\\\n\r\t]/.test(value) ? value.replace(/[\\\n\r\t]/g, (c) => COPY_ESCAPES[c]!) : value;
}
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

// ---------- runs ----------

/** The most recent run of a kind (a resumable one is always the most recent: a newer run supersedes it). */
export async function latestRun(db: Db, kind: ImportKind): Promise<ImportRun | undefined> {
  const [run] = await db
    .select()
    .from(registerImportRuns)
    .where(eq(registerImportRuns.kind, kind))
    .orderBy(desc(registerImportRuns.startedAt), desc(registerImportRuns.id))
    .limit(1);
  return run;
}

export async function getRun(db: Db, id: string): Promise<ImportRun | undefined> {
  const [run] = await db.select().from(registerImportRuns).where(eq(registerImportRuns.id, id));
  return run;
}

export async function createRun(
  db: Db,
  opts: { kind: ImportKind; source: string; fingerprint: string | null; now: Date },
): Promise<ImportRun> {
  const [run] = await db
    .insert(registerImportRuns)
    .values({ kind: opts.kind, source: opts.source, sourceFingerprint: opts.fingerprint, startedAt: opts.now })
    .returning();
  return run!;
}

/** Reopens an interrupted or failed run to continue from its checkpoint. */
export async function reopenRun(db: Db, id: string): Promise<void> {
  await db.update(registerImportRuns).set({ status: 'running', error: null, finishedAt: null }).where(eq(registerImportRuns.id, id));
}

/** An unfinished run that will not be resumed (a different file came): its staged rows go. */
export async function abandonRun(db: Db, id: string, reason: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(registerImportStaging).where(eq(registerImportStaging.runId, id));
    await tx.update(registerImportRuns).set({ status: 'failed', error: reason, finishedAt: now }).where(eq(registerImportRuns.id, id));
  });
}

export async function failRun(db: Db, id: string, error: string, now: Date): Promise<void> {
  await db.update(registerImportRuns).set({ status: 'failed', error, finishedAt: now }).where(eq(registerImportRuns.id, id));
}

export interface RunProgress {
  checkpoint: number;
  /** Added to the run's counters. */
  read?: number;
  inserted?: number;
  updated?: number;
  unchanged?: number;
  quarantined?: number;
}

export async function advanceRun(db: Db, id: string, p: RunProgress): Promise<void> {
  await db
    .update(registerImportRuns)
    .set({
      checkpoint: p.checkpoint,
      recordsRead: sql`${registerImportRuns.recordsRead} + ${p.read ?? 0}`,
      recordsInserted: sql`${registerImportRuns.recordsInserted} + ${p.inserted ?? 0}`,
      recordsUpdated: sql`${registerImportRuns.recordsUpdated} + ${p.updated ?? 0}`,
      recordsUnchanged: sql`${registerImportRuns.recordsUnchanged} + ${p.unchanged ?? 0}`,
      recordsQuarantined: sql`${registerImportRuns.recordsQuarantined} + ${p.quarantined ?? 0}`,
    })
    .where(eq(registerImportRuns.id, id));
}

export async function completeRun(db: Db, id: string, now: Date): Promise<void> {
  await db.update(registerImportRuns).set({ status: 'completed', error: null, finishedAt: now }).where(eq(registerImportRuns.id, id));
}

// ---------- quarantine ----------

export interface QuarantineRow {
  runId: string | null;
  source: string;
  position: string | null;
  reason: string;
  raw: string;
}

export async function insertQuarantine(db: Db, rows: QuarantineRow[]): Promise<void> {
  if (rows.length > 0) await db.insert(registerQuarantine).values(rows);
}

// ---------- enheter: staging and merge ----------

/** A valid unit of the bulk file (from `prepareBulkEnhet`) and its position in the file. */
export interface StagedEnhet extends BulkEnhet {
  position: number;
}

/**
 * One batch of the bulk file, atomically: the valid records into staging, the bad ones into quarantine and
 * the run's checkpoint moved past both. A crash before the commit loses the whole batch, and a resume
 * starts at the old checkpoint: no duplicates and no gaps.
 */
export async function stageEnheterBatch(
  session: ImportSession,
  runId: string,
  batch: { staged: StagedEnhet[]; quarantine: QuarantineRow[]; checkpoint: number; read: number },
): Promise<void> {
  await session.transactionWithCopy(async (tx, copy) => {
    await copy(
      'register_import_staging',
      ['run_id', 'position', 'orgnr', 'data', 'data_hash'],
      batch.staged.map((s) => [runId, String(s.position), s.orgnr, s.json, s.hash]),
    );
    await insertQuarantine(tx, batch.quarantine);
    await advanceRun(tx, runId, { checkpoint: batch.checkpoint, read: batch.read, quarantined: batch.quarantine.length });
  });
}

/**
 * The columns we search and filter on, derived from the record in SQL so the bulk merge and the feed's
 * single-record upserts compute them identically. kommunenummer: forretningsadresse, else postadresse
 * (foreign addresses have none). The casts are safe: `prepareEnhet` validated these fields.
 */
function upsertEnheterFrom(source: SQL, now: Date): SQL {
  const at = now.toISOString();
  return sql`
    with merged as (
      insert into register_enheter as e (
        orgnr, navn, organisasjonsform, kommunenummer, stiftelsesdato, registreringsdato, naeringskode1,
        antall_ansatte, registrert_i_frivillighetsregisteret, registrert_i_mvaregisteret, under_avvikling,
        konkurs, slettedato, data, data_hash, created_at, updated_at)
      select
        s.orgnr,
        s.data->>'navn',
        s.data->'organisasjonsform'->>'kode',
        coalesce(s.data->'forretningsadresse'->>'kommunenummer', s.data->'postadresse'->>'kommunenummer'),
        (s.data->>'stiftelsesdato')::date,
        (s.data->>'registreringsdatoEnhetsregisteret')::date,
        s.data->'naeringskode1'->>'kode',
        (s.data->>'antallAnsatte')::int,
        coalesce((s.data->>'registrertIFrivillighetsregisteret')::boolean, false),
        coalesce((s.data->>'registrertIMvaregisteret')::boolean, false),
        coalesce((s.data->>'underAvvikling')::boolean, false),
        coalesce((s.data->>'konkurs')::boolean, false),
        (s.data->>'slettedato')::date,
        s.data,
        s.data_hash,
        ${at}::timestamptz,
        ${at}::timestamptz
      from ${source} as s
      on conflict (orgnr) do update set
        navn = excluded.navn,
        organisasjonsform = excluded.organisasjonsform,
        kommunenummer = excluded.kommunenummer,
        stiftelsesdato = excluded.stiftelsesdato,
        registreringsdato = excluded.registreringsdato,
        naeringskode1 = excluded.naeringskode1,
        antall_ansatte = excluded.antall_ansatte,
        registrert_i_frivillighetsregisteret = excluded.registrert_i_frivillighetsregisteret,
        registrert_i_mvaregisteret = excluded.registrert_i_mvaregisteret,
        under_avvikling = excluded.under_avvikling,
        konkurs = excluded.konkurs,
        slettedato = excluded.slettedato,
        data = excluded.data,
        data_hash = excluded.data_hash,
        updated_at = excluded.updated_at
      where e.data is distinct from excluded.data
      returning (xmax = 0) as inserted
    )
    select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated from merged`;
}

export interface MergeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

async function runUpsert(db: Db, source: SQL, total: number, now: Date): Promise<MergeCounts> {
  const [row] = rowsOf<{ inserted: number; updated: number }>(await db.execute(upsertEnheterFrom(source, now)));
  const inserted = Number(row?.inserted ?? 0);
  const updated = Number(row?.updated ?? 0);
  return { inserted, updated, unchanged: total - inserted - updated };
}

/**
 * Upserts validated units (from `prepareEnhet`), changing only rows whose data differs. A unit given
 * twice counts once, the last one winning. For the change-feed follower and small batches; the bulk import
 * goes through staging instead.
 */
export async function applyEnhetRecords(db: Db, records: PreparedRecord<EnhetRecord>[], now: Date): Promise<MergeCounts> {
  const byOrgnr = new Map(records.map((r) => [r.orgnr, r]));
  if (byOrgnr.size === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const json = `[${[...byOrgnr.values()].map((r) => `{"orgnr":${JSON.stringify(r.orgnr)},"data":${r.json},"data_hash":"${r.hash}"}`).join(',')}]`;
  const source = sql`(select * from jsonb_to_recordset(${json}::jsonb) as r(orgnr text, data jsonb, data_hash text))`;
  return runUpsert(db, source, byOrgnr.size, now);
}

/**
 * The end of a bulk import, in one transaction: a unit that occurs twice in the file is quarantined except
 * for its last occurrence; staging is merged into register_enheter (only changed rows are written); the
 * staging rows go and the run is completed. Until this commits, register_enheter is exactly as before.
 *
 * Every statement is a scan, a sort or a hash over the run's rows — no correlated subquery — so its cost
 * stays O(n log n) whatever plan is chosen; ANALYZE first, because staging was just filled and the planner
 * would otherwise guess (a guess once turned the duplicate check into a nested loop over 100 000 rows).
 */
export async function mergeStagedEnheter(
  db: Db,
  runId: string,
  now: Date,
): Promise<MergeCounts & { duplicates: number; stepsMs: Record<string, number> }> {
  // How long each step took, for the import's log line (the merge is the part of a bulk import that cannot
  // overlap with reading the file; bench/README.md).
  const stepsMs: Record<string, number> = {};
  let mark = performance.now();
  const step = (name: string) => {
    const t = performance.now();
    stepsMs[name] = Math.round(t - mark);
    mark = t;
  };
  return db.transaction(async (tx) => {
    // The duplicate check sorts every staged (position, orgnr); with the default 4 MB it spills to disk.
    await tx.execute(sql`set local work_mem = '64MB'`);
    await tx.execute(sql`analyze register_import_staging`);
    step('analyze');
    // Earlier occurrences of a repeated organisasjonsnummer leave staging for the quarantine.
    const dup = rowsOf<{ n: number }>(
      await tx.execute(sql`
        with ranked as (
          select position, orgnr, max(position) over (partition by orgnr) as last_position
          from register_import_staging where run_id = ${runId}
        ), moved as (
          delete from register_import_staging st using ranked r
          where st.run_id = ${runId} and st.position = r.position and r.position <> r.last_position
          returning st.position, st.orgnr, st.data, r.last_position
        ), quarantined as (
          insert into register_quarantine (run_id, source, position, reason, raw)
          select ${runId}::uuid, 'enheter', m.position::text,
                 'duplicate organisasjonsnummer ' || m.orgnr || ' in the file; its last occurrence (position ' || m.last_position || ') was imported',
                 m.data::text
          from moved m
          returning 1
        )
        select count(*)::int as n from quarantined`),
    );
    const duplicates = Number(dup[0]?.n ?? 0);
    step('duplicates');
    const [count] = rowsOf<{ n: number }>(
      await tx.execute(sql`select count(*)::int as n from register_import_staging where run_id = ${runId}`),
    );
    const source = sql`(select st.orgnr, st.data, st.data_hash from register_import_staging st where st.run_id = ${runId})`;
    const counts = await runUpsert(tx, source, Number(count?.n ?? 0), now);
    step('upsert');
    // Usually this run is all there is in staging (one enheter import at a time, abandoned runs are cleared):
    // then TRUNCATE, instead of deleting a million rows one by one (it is transactional like the rest).
    const [others] = rowsOf<{ other: boolean }>(
      await tx.execute(sql`select exists (select 1 from register_import_staging where run_id <> ${runId}) as other`),
    );
    if (others?.other) await tx.delete(registerImportStaging).where(eq(registerImportStaging.runId, runId));
    else await tx.execute(sql`truncate register_import_staging`);
    step('clearStaging');
    await tx
      .update(registerImportRuns)
      .set({
        status: 'completed',
        error: null,
        finishedAt: now,
        recordsInserted: counts.inserted,
        recordsUpdated: counts.updated,
        recordsUnchanged: counts.unchanged,
        recordsQuarantined: sql`${registerImportRuns.recordsQuarantined} + ${duplicates}`,
      })
      .where(eq(registerImportRuns.id, runId));
    return { ...counts, duplicates, stepsMs };
  });
}

/**
 * Fresh planner statistics for what an import just wrote (and the organisation search's copy, which triggers
 * fill from it). Autovacuum would get there within minutes, but until it does the planner guesses at a table
 * that just grew by a million rows: right after a bulk import, searches by organisasjonsnummer took 300 ms
 * instead of a few (bench/README.md).
 */
export async function analyzeImported(db: Db, kind: 'enheter' | 'frivillige'): Promise<void> {
  if (kind === 'enheter') await db.execute(sql`analyze register_enheter, register_enheter_search`);
  else await db.execute(sql`analyze register_frivillige, register_enheter_search`);
}

export async function countStaged(db: Db, runId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(registerImportStaging)
    .where(eq(registerImportStaging.runId, runId));
  return Number(row?.n ?? 0);
}

// ---------- frivillige ----------

export interface FrivilligUpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * Upserts validated FRR organisations and stamps them as seen by `walkId`. Content columns change only when
 * the data hash (or the "left FRR" tombstone) differs; `last_seen_walk` is always set.
 */
export async function upsertFrivillige(
  db: Db,
  records: PreparedRecord<FrivilligRecord>[],
  walkId: string,
  now: Date,
): Promise<FrivilligUpsertCounts> {
  const byOrgnr = new Map(records.map((r) => [r.orgnr, r]));
  if (byOrgnr.size === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const existing = await db
    .select({ orgnr: registerFrivillige.orgnr, dataHash: registerFrivillige.dataHash, slettetDato: registerFrivillige.slettetDato })
    .from(registerFrivillige)
    .where(inArray(registerFrivillige.orgnr, [...byOrgnr.keys()]));
  const before = new Map(existing.map((e) => [e.orgnr, e]));
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  const rows = [...byOrgnr.values()].map((r) => {
    const [icnpo1, icnpo2, icnpo3] = rankedIcnpo(r.record);
    const slettetDato = r.record.slettetDato ?? null;
    const old = before.get(r.orgnr);
    if (!old) counts.inserted++;
    else if (old.dataHash !== r.hash || old.slettetDato !== slettetDato) counts.updated++;
    else counts.unchanged++;
    return {
      orgnr: r.orgnr,
      icnpo1,
      icnpo2,
      icnpo3,
      grasrotandel: r.record.grasrotandel?.deltarI === true,
      status: r.record.frivilligOrganisasjonsstatus ?? null,
      innfoertDato: r.record.innfoertDato ?? null,
      foersteGangInnfoert: r.record.foersteGangInnfoert ?? null,
      slettetDato,
      data: JSON.parse(r.json) as Record<string, unknown>,
      dataHash: r.hash,
      lastSeenWalk: walkId,
      updatedAt: now,
    };
  });
  const changed = sql`(${registerFrivillige.dataHash} is distinct from excluded.data_hash or ${registerFrivillige.slettetDato} is distinct from excluded.slettet_dato)`;
  await db
    .insert(registerFrivillige)
    .values(rows)
    .onConflictDoUpdate({
      target: registerFrivillige.orgnr,
      set: {
        icnpo1: sql`excluded.icnpo1`,
        icnpo2: sql`excluded.icnpo2`,
        icnpo3: sql`excluded.icnpo3`,
        grasrotandel: sql`excluded.grasrotandel`,
        status: sql`excluded.status`,
        innfoertDato: sql`excluded.innfoert_dato`,
        foersteGangInnfoert: sql`excluded.foerste_gang_innfoert`,
        slettetDato: sql`excluded.slettet_dato`,
        data: sql`excluded.data`,
        dataHash: sql`excluded.data_hash`,
        updatedAt: sql`case when ${changed} then excluded.updated_at else ${registerFrivillige.updatedAt} end`,
        lastSeenWalk: sql`excluded.last_seen_walk`,
      },
    });
  return counts;
}

/** Organisations the walk saw but could not store (quarantined) are still in FRR: keep them from being marked gone. */
export async function markFrivilligeSeen(db: Db, orgnrs: string[], walkId: string): Promise<void> {
  if (orgnrs.length === 0) return;
  await db.update(registerFrivillige).set({ lastSeenWalk: walkId }).where(inArray(registerFrivillige.orgnr, orgnrs));
}

/**
 * After a complete walk: organisations it did not see have left Frivillighetsregisteret. They are kept with
 * `slettet_dato` set (a tombstone, so history and references survive; the next walk that sees one again
 * clears it) rather than deleted.
 */
export async function markFrivilligeGone(db: Db, walkId: string, today: string, now: Date): Promise<string[]> {
  const gone = await db
    .update(registerFrivillige)
    .set({ slettetDato: today, updatedAt: now })
    .where(and(isNull(registerFrivillige.slettetDato), sql`${registerFrivillige.lastSeenWalk} is distinct from ${walkId}`))
    .returning({ orgnr: registerFrivillige.orgnr });
  return gone.map((g) => g.orgnr);
}

export async function countActiveFrivillige(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(registerFrivillige).where(isNull(registerFrivillige.slettetDato));
  return Number(row?.n ?? 0);
}

/** FRR organisations seen by the walk that have no unit in register_enheter (import enheter to join them). */
export async function countFrivilligeWithoutEnhet(db: Db, walkId: string): Promise<number> {
  const [row] = await db
    .execute<{ n: number }>(
      sql`select count(*)::int as n from register_frivillige f
        where f.last_seen_walk = ${walkId} and not exists (select 1 from register_enheter e where e.orgnr = f.orgnr)`,
    )
    .then((r) => rowsOf<{ n: number }>(r));
  return Number(row?.n ?? 0);
}

// ---------- sync state (the walk's cursor) ----------

export type SyncState = typeof registerSyncState.$inferSelect;

export async function getSyncState(db: Db, name: string): Promise<SyncState | undefined> {
  const [row] = await db.select().from(registerSyncState).where(eq(registerSyncState.name, name));
  return row;
}

export async function saveSyncState(db: Db, name: string, values: Partial<Omit<SyncState, 'name'>>): Promise<void> {
  await db
    .insert(registerSyncState)
    .values({ name, ...values })
    .onConflictDoUpdate({ target: registerSyncState.name, set: values });
}

// ---------- roller ----------

/**
 * Units whose roles an import fetches, in orgnr order after `after` (keyset paging): by default every FLI
 * unit and every organisation in FRR. `fetchedBefore` skips units already fetched at or after that time
 * (a resumed run); `onlyMissing` keeps units never fetched.
 */
function rollerTargetSet(opts: { fetchedBefore?: Date; onlyMissing?: boolean }): { from: SQL; skip: SQL } {
  const skip = opts.onlyMissing
    ? sql`and not exists (select 1 from register_rolle_sett r where r.orgnr = t.orgnr)`
    : opts.fetchedBefore
      ? sql`and not exists (select 1 from register_rolle_sett r where r.orgnr = t.orgnr and r.fetched_at >= ${opts.fetchedBefore.toISOString()}::timestamptz)`
      : sql``;
  const from = sql`(
    select orgnr from register_enheter where organisasjonsform = 'FLI' and slettedato is null
    union
    select orgnr from register_frivillige where slettet_dato is null
  ) t`;
  return { from, skip };
}

export async function countRollerTargets(db: Db, opts: { fetchedBefore?: Date; onlyMissing?: boolean }): Promise<number> {
  const { from, skip } = rollerTargetSet(opts);
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${from} where true ${skip}`));
  return Number(row?.n ?? 0);
}

/** Of `orgnrs`, those whose roles were fetched at or after `since`. */
export async function rollerFetchedSince(db: Db, orgnrs: string[], since: Date): Promise<string[]> {
  if (orgnrs.length === 0) return [];
  const rows = await db
    .select({ orgnr: registerRolleSett.orgnr })
    .from(registerRolleSett)
    .where(and(inArray(registerRolleSett.orgnr, orgnrs), sql`${registerRolleSett.fetchedAt} >= ${since.toISOString()}::timestamptz`));
  return rows.map((r) => r.orgnr);
}

export async function rollerTargets(
  db: Db,
  opts: { after: string; limit: number; fetchedBefore?: Date; onlyMissing?: boolean },
): Promise<string[]> {
  const { from, skip } = rollerTargetSet(opts);
  const rows = rowsOf<{ orgnr: string }>(
    await db.execute(sql`select t.orgnr from ${from} where t.orgnr > ${opts.after} ${skip} order by t.orgnr limit ${opts.limit}`),
  );
  return rows.map((r) => r.orgnr);
}

export type RollerChange = 'inserted' | 'updated' | 'unchanged';

/**
 * Replaces one unit's roles in one transaction: the raw answer in register_rolle_sett and one row per role
 * in register_roller. `roles` null means the unit has no roles (404): an empty set is stored, so we know it
 * was fetched. Rows are rewritten only when the answer's hash changed; `fetched_at` always moves.
 */
export async function replaceRoller(
  db: Db,
  orgnr: string,
  roles: { data: Record<string, unknown>; hash: string; rows: RolleRow[] },
  now: Date,
): Promise<RollerChange> {
  return db.transaction(async (tx) => {
    const [old] = await tx
      .select({ dataHash: registerRolleSett.dataHash })
      .from(registerRolleSett)
      .where(eq(registerRolleSett.orgnr, orgnr))
      .for('update');
    if (old && old.dataHash === roles.hash) {
      await tx.update(registerRolleSett).set({ fetchedAt: now }).where(eq(registerRolleSett.orgnr, orgnr));
      return 'unchanged';
    }
    await tx
      .insert(registerRolleSett)
      .values({ orgnr, data: roles.data, dataHash: roles.hash, fetchedAt: now })
      .onConflictDoUpdate({ target: registerRolleSett.orgnr, set: { data: roles.data, dataHash: roles.hash, fetchedAt: now } });
    await tx.delete(registerRoller).where(eq(registerRoller.orgnr, orgnr));
    if (roles.rows.length > 0) await tx.insert(registerRoller).values(roles.rows.map((r) => ({ ...r, orgnr })));
    return old ? 'updated' : 'inserted';
  });
}

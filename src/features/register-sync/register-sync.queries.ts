import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../core/db/client.ts';
import {
  registerChanges,
  registerEnheter,
  registerFrivillige,
  registerImportRuns,
  registerQuarantine,
  registerRolleSett,
  registerSyncState,
} from '../../core/db/schema.ts';

/**
 * All SQL of register sync (ARCHITECTURE: `<feature>.queries.ts`). Upserting units and replacing roles reuse
 * the importers' queries (src/features/register/register.queries.ts) so a unit is stored the same way whether
 * it came from the bulk file or the feed.
 */

export interface ChangeRow {
  oppdateringsid: number;
  orgnr: string;
  endringstype: string;
  dato: Date;
  endringer: unknown[] | null;
}

/** Each feed entry once: a page processed again after a failure inserts nothing twice. */
export async function recordChanges(db: Db, rows: ChangeRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(registerChanges).values(rows).onConflictDoNothing({ target: registerChanges.oppdateringsid });
}

/** "Sletting": the unit is deleted from Enhetsregisteret; our copy stays as a tombstone with the deletion date. */
export async function markEnhetDeleted(db: Db, orgnr: string, slettedato: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(registerEnheter)
    .set({ slettedato, updatedAt: now })
    .where(and(eq(registerEnheter.orgnr, orgnr), sql`${registerEnheter.slettedato} is distinct from ${slettedato}::date`))
    .returning({ orgnr: registerEnheter.orgnr });
  return rows.length > 0;
}

/**
 * "Fjernet" (or 410 Gone): the unit was removed from the open data and copies must delete it too (brief §1.5).
 * Its unit, FRR and role rows go; the change history keeps that it happened, but not the changed values.
 */
export async function removeEnhet(db: Db, orgnr: string): Promise<boolean> {
  const removed = await db.delete(registerEnheter).where(eq(registerEnheter.orgnr, orgnr)).returning({ orgnr: registerEnheter.orgnr });
  await db.delete(registerFrivillige).where(eq(registerFrivillige.orgnr, orgnr));
  // register_roller rows go with the set (on delete cascade).
  await db.delete(registerRolleSett).where(eq(registerRolleSett.orgnr, orgnr));
  await db.update(registerChanges).set({ endringer: null }).where(eq(registerChanges.orgnr, orgnr));
  return removed.length > 0;
}

/**
 * The units among `orgnrs` whose roles we keep: the voluntary sector the roles import covers (FLI units and
 * organisations in FRR), plus any unit whose roles were fetched before.
 */
export async function unitsWithRolesKept(db: Db, orgnrs: string[]): Promise<Set<string>> {
  if (orgnrs.length === 0) return new Set();
  const list = sql.join(
    orgnrs.map((o) => sql`${o}`),
    sql`, `,
  );
  const rows = rowsOf<{ orgnr: string }>(
    await db.execute(sql`
      select orgnr from register_enheter where orgnr in (${list}) and organisasjonsform = 'FLI' and slettedato is null
      union
      select orgnr from register_frivillige where orgnr in (${list}) and slettet_dato is null
      union
      select orgnr from register_rolle_sett where orgnr in (${list})`),
  );
  return new Set(rows.map((r) => r.orgnr));
}

/**
 * Locks a follower's state row for the page transaction and returns its cursor. Two runners of the same
 * follower (a worker and `frivillig sync`, say) both fetch a page, but only the first to commit applies it: the
 * second sees the cursor moved and leaves the page alone.
 */
export async function lockCursor(db: Db, name: string): Promise<string | null> {
  const [row] = await db
    .select({ cursor: registerSyncState.cursor })
    .from(registerSyncState)
    .where(eq(registerSyncState.name, name))
    .for('update');
  return row?.cursor ?? null;
}

/** When the last complete bulk import of units started: where a feed follower without a cursor begins. */
export async function lastCompletedImportStart(db: Db, kind: 'enheter' | 'roller'): Promise<Date | null> {
  const [row] = await db
    .select({ startedAt: registerImportRuns.startedAt })
    .from(registerImportRuns)
    .where(and(eq(registerImportRuns.kind, kind), eq(registerImportRuns.status, 'completed')))
    .orderBy(desc(registerImportRuns.startedAt))
    .limit(1);
  return row?.startedAt ?? null;
}

// ---------- the status page ----------

export type SyncStateRow = typeof registerSyncState.$inferSelect;

export async function syncStates(db: Db, names: readonly string[]): Promise<SyncStateRow[]> {
  return db
    .select()
    .from(registerSyncState)
    .where(inArray(registerSyncState.name, [...names]));
}

export async function recentImportRuns(db: Db, limit: number) {
  return db.select().from(registerImportRuns).orderBy(desc(registerImportRuns.startedAt), desc(registerImportRuns.id)).limit(limit);
}

/** Quarantined records per source (bulk files, walks and feeds), with the newest one's time. */
export async function quarantineCounts(db: Db): Promise<{ source: string; count: number; latest: Date }[]> {
  const rows = await db
    .select({
      source: registerQuarantine.source,
      count: sql<number>`count(*)::int`,
      latest: sql<string>`max(${registerQuarantine.createdAt})`,
    })
    .from(registerQuarantine)
    .groupBy(registerQuarantine.source)
    .orderBy(registerQuarantine.source);
  return rows.map((r) => ({ source: r.source, count: Number(r.count), latest: new Date(r.latest) }));
}

/** Units we hold that are not tombstoned, for the status page's summary. */
export async function countActiveEnheter(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(registerEnheter).where(isNull(registerEnheter.slettedato));
  return Number(row?.n ?? 0);
}

import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import {
  ecosystemActors,
  portfolioComments,
  portfolioHistory,
  portfolioInitiativeActors,
  portfolioInitiativeNeeds,
  portfolioInitiatives,
  portfolioSupports,
} from '../../core/db/schema.ts';

/** All SQL of the innovation portfolio. The portfolio is small (tens to hundreds of initiatives). */

export type InitiativeRow = typeof portfolioInitiatives.$inferSelect;

export async function listInitiativeRows(db: Db) {
  return db
    .select({ initiative: portfolioInitiatives, ownerName: ecosystemActors.name })
    .from(portfolioInitiatives)
    .leftJoin(ecosystemActors, eq(ecosystemActors.id, portfolioInitiatives.ownerActorId))
    .orderBy(asc(portfolioInitiatives.title));
}

export async function findInitiative(db: Db, id: string) {
  const [row] = await db.select().from(portfolioInitiatives).where(eq(portfolioInitiatives.id, id));
  return row;
}

/** Locks the row for a read-modify-write (stale edits cannot interleave). */
export async function findInitiativeForUpdate(db: Db, id: string) {
  const [row] = await db.select().from(portfolioInitiatives).where(eq(portfolioInitiatives.id, id)).for('update');
  return row;
}

export async function insertInitiative(db: Db, values: typeof portfolioInitiatives.$inferInsert) {
  const [row] = await db.insert(portfolioInitiatives).values(values).returning({ id: portfolioInitiatives.id });
  return row!.id;
}

export async function updateInitiative(db: Db, id: string, values: Partial<typeof portfolioInitiatives.$inferInsert>) {
  await db.update(portfolioInitiatives).set(values).where(eq(portfolioInitiatives.id, id));
}

export async function listNeedLinks(db: Db) {
  return db.select().from(portfolioInitiativeNeeds);
}

export async function listActorLinks(db: Db) {
  return db
    .select({
      initiativeId: portfolioInitiativeActors.initiativeId,
      actorId: portfolioInitiativeActors.actorId,
      name: ecosystemActors.name,
    })
    .from(portfolioInitiativeActors)
    .innerJoin(ecosystemActors, eq(ecosystemActors.id, portfolioInitiativeActors.actorId))
    .orderBy(asc(ecosystemActors.name));
}

export async function replaceLinks(db: Db, id: string, opts: { needIds: string[]; actorIds: string[] }) {
  await db.delete(portfolioInitiativeNeeds).where(eq(portfolioInitiativeNeeds.initiativeId, id));
  await db.delete(portfolioInitiativeActors).where(eq(portfolioInitiativeActors.initiativeId, id));
  if (opts.needIds.length > 0)
    await db.insert(portfolioInitiativeNeeds).values(opts.needIds.map((needId) => ({ initiativeId: id, needId })));
  if (opts.actorIds.length > 0) {
    await db.insert(portfolioInitiativeActors).values(opts.actorIds.map((actorId) => ({ initiativeId: id, actorId })));
  }
}

/** Support counts per initiative. */
export async function supportCounts(db: Db) {
  const rows = await db
    .select({ initiativeId: portfolioSupports.initiativeId, count: sql<number>`count(*)::int` })
    .from(portfolioSupports)
    .groupBy(portfolioSupports.initiativeId);
  return new Map(rows.map((r) => [r.initiativeId, Number(r.count)]));
}

export async function hasSupported(db: Db, initiativeId: string, userId: string) {
  const rows = await db
    .select({ userId: portfolioSupports.userId })
    .from(portfolioSupports)
    .where(and(eq(portfolioSupports.initiativeId, initiativeId), eq(portfolioSupports.userId, userId)));
  return rows.length > 0;
}

/** Adds the person's support, or withdraws it when already given; returns whether it is now supported. */
export async function toggleSupport(db: Db, opts: { initiativeId: string; userId: string; at: Date }) {
  const removed = await db
    .delete(portfolioSupports)
    .where(and(eq(portfolioSupports.initiativeId, opts.initiativeId), eq(portfolioSupports.userId, opts.userId)))
    .returning({ userId: portfolioSupports.userId });
  if (removed.length > 0) return false;
  await db
    .insert(portfolioSupports)
    .values({ initiativeId: opts.initiativeId, userId: opts.userId, createdAt: opts.at })
    .onConflictDoNothing();
  return true;
}

export async function insertComment(db: Db, values: typeof portfolioComments.$inferInsert) {
  await db.insert(portfolioComments).values(values);
}

export async function listComments(db: Db, initiativeId: string) {
  return db
    .select()
    .from(portfolioComments)
    .where(eq(portfolioComments.initiativeId, initiativeId))
    .orderBy(asc(portfolioComments.createdAt));
}

export async function insertHistory(db: Db, values: typeof portfolioHistory.$inferInsert) {
  await db.insert(portfolioHistory).values(values);
}

export async function listHistory(db: Db, initiativeId: string) {
  return db
    .select()
    .from(portfolioHistory)
    .where(eq(portfolioHistory.initiativeId, initiativeId))
    .orderBy(desc(portfolioHistory.createdAt), desc(portfolioHistory.id));
}

export async function actorNames(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: ecosystemActors.id, name: ecosystemActors.name })
    .from(ecosystemActors)
    .where(inArray(ecosystemActors.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

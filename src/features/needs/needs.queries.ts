import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import {
  buildingBlockNeeds,
  buildingBlocks,
  ecosystemActors,
  needConfirmations,
  needHistory,
  needs,
  organisations,
} from '../../core/db/schema.ts';

/** All SQL of the needs register. */

export type NeedRow = Awaited<ReturnType<typeof listAllNeeds>>[number];

/** Every need with its owner's name (the register is small: hundreds, not millions). */
export async function listAllNeeds(db: Db) {
  return db
    .select({
      id: needs.id,
      title: needs.title,
      description: needs.description,
      phase: needs.phase,
      frequency: needs.frequency,
      evidence: needs.evidence,
      status: needs.status,
      organisationId: needs.organisationId,
      actorId: needs.actorId,
      duplicateOfId: needs.duplicateOfId,
      createdAt: needs.createdAt,
      ownerName: organisations.name,
      actorName: ecosystemActors.name,
    })
    .from(needs)
    .leftJoin(organisations, eq(organisations.id, needs.organisationId))
    .leftJoin(ecosystemActors, eq(ecosystemActors.id, needs.actorId))
    .orderBy(asc(needs.phase), asc(needs.title));
}

export async function listAllConfirmations(db: Db) {
  return db
    .select({
      id: needConfirmations.id,
      needId: needConfirmations.needId,
      organisationId: needConfirmations.organisationId,
      actorId: needConfirmations.actorId,
      evidence: needConfirmations.evidence,
      createdAt: needConfirmations.createdAt,
      ownerName: organisations.name,
      actorName: ecosystemActors.name,
    })
    .from(needConfirmations)
    .leftJoin(organisations, eq(organisations.id, needConfirmations.organisationId))
    .leftJoin(ecosystemActors, eq(ecosystemActors.id, needConfirmations.actorId))
    .orderBy(asc(needConfirmations.createdAt));
}

export async function findNeed(db: Db, id: string) {
  const [row] = await db.select().from(needs).where(eq(needs.id, id));
  return row;
}

export async function insertNeed(db: Db, values: typeof needs.$inferInsert) {
  const [row] = await db.insert(needs).values(values).returning({ id: needs.id });
  return row!.id;
}

/** Inserts a confirmation unless the owner already confirmed this need; returns false then. */
export async function insertConfirmation(db: Db, values: typeof needConfirmations.$inferInsert) {
  const rows = await db.insert(needConfirmations).values(values).onConflictDoNothing().returning({ id: needConfirmations.id });
  return rows.length > 0;
}

/** Marks `id` as a duplicate of `rootId` and moves the needs grouped under `id` to `rootId` (one level only). */
export async function groupNeed(db: Db, opts: { id: string; rootId: string; at: Date }) {
  await db
    .update(needs)
    .set({ duplicateOfId: opts.rootId, updatedAt: opts.at })
    .where(or(eq(needs.id, opts.id), eq(needs.duplicateOfId, opts.id)));
}

export async function setNeedStatus(db: Db, opts: { id: string; status: 'open' | 'being_lifted' | 'lifted'; at: Date }) {
  await db.update(needs).set({ status: opts.status, updatedAt: opts.at }).where(eq(needs.id, opts.id));
}

export async function insertNeedHistory(db: Db, values: typeof needHistory.$inferInsert) {
  await db.insert(needHistory).values(values);
}

export async function listNeedHistory(db: Db, needId: string) {
  return db.select().from(needHistory).where(eq(needHistory.needId, needId)).orderBy(desc(needHistory.createdAt));
}

/** The building blocks that lift any of the given needs. */
export async function blocksForNeeds(db: Db, needIds: string[]) {
  if (needIds.length === 0) return [];
  return db
    .selectDistinct({ slug: buildingBlocks.slug, name: buildingBlocks.name })
    .from(buildingBlockNeeds)
    .innerJoin(buildingBlocks, eq(buildingBlocks.id, buildingBlockNeeds.blockId))
    .where(and(inArray(buildingBlockNeeds.needId, needIds)))
    .orderBy(asc(buildingBlocks.name));
}

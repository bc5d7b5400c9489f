import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import {
  buildingBlocks,
  ecosystemActors,
  needs,
  roadmapItemBlocks,
  roadmapItemHistory,
  roadmapItemNeeds,
  roadmapItems,
} from '../../core/db/schema.ts';
import type { RoadmapStatus } from './roadmap.schema.ts';

/** All SQL of the roadmap of simplifications (plain statements for PostgreSQL 15 and PGlite). */

export type RoadmapItemRow = typeof roadmapItems.$inferSelect;

export async function listItemRows(db: Db, filter: { phase?: number; gain?: string; ownerActorId?: string; status?: RoadmapStatus }) {
  const where: SQL[] = [];
  // jsonb containment: the item's phases/gains include the one asked for.
  if (filter.phase) where.push(sql`${roadmapItems.phases} @> ${JSON.stringify([filter.phase])}::jsonb`);
  if (filter.gain) where.push(sql`${roadmapItems.gains} @> ${JSON.stringify([filter.gain])}::jsonb`);
  if (filter.ownerActorId) where.push(eq(roadmapItems.ownerActorId, filter.ownerActorId));
  if (filter.status) where.push(eq(roadmapItems.status, filter.status));
  return db
    .select({ item: roadmapItems, ownerName: ecosystemActors.name })
    .from(roadmapItems)
    .leftJoin(ecosystemActors, eq(ecosystemActors.id, roadmapItems.ownerActorId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(roadmapItems.title));
}

export async function findItemRow(db: Db, id: string) {
  const [row] = await db
    .select({ item: roadmapItems, ownerName: ecosystemActors.name })
    .from(roadmapItems)
    .leftJoin(ecosystemActors, eq(ecosystemActors.id, roadmapItems.ownerActorId))
    .where(eq(roadmapItems.id, id));
  return row ?? null;
}

/** The needs and building blocks linked to the given items. */
export async function linksOf(db: Db, itemIds: string[]) {
  if (itemIds.length === 0) return { needs: [], blocks: [] };
  const needRows = await db
    .select({ itemId: roadmapItemNeeds.itemId, id: needs.id, title: needs.title })
    .from(roadmapItemNeeds)
    .innerJoin(needs, eq(needs.id, roadmapItemNeeds.needId))
    .where(inArray(roadmapItemNeeds.itemId, itemIds))
    .orderBy(asc(needs.title));
  const blockRows = await db
    .select({ itemId: roadmapItemBlocks.itemId, id: buildingBlocks.id, slug: buildingBlocks.slug, name: buildingBlocks.name })
    .from(roadmapItemBlocks)
    .innerJoin(buildingBlocks, eq(buildingBlocks.id, roadmapItemBlocks.blockId))
    .where(inArray(roadmapItemBlocks.itemId, itemIds))
    .orderBy(asc(buildingBlocks.name));
  return { needs: needRows, blocks: blockRows };
}

export async function actorChoices(db: Db) {
  return db.select({ id: ecosystemActors.id, name: ecosystemActors.name }).from(ecosystemActors).orderBy(asc(ecosystemActors.name));
}

/** Needs that can be linked: those not grouped under another need (the group's root stands for it). */
export async function needChoices(db: Db) {
  return db.select({ id: needs.id, title: needs.title }).from(needs).where(isNull(needs.duplicateOfId)).orderBy(asc(needs.title));
}

export async function blockChoices(db: Db) {
  return db
    .select({ id: buildingBlocks.id, slug: buildingBlocks.slug, name: buildingBlocks.name })
    .from(buildingBlocks)
    .orderBy(asc(buildingBlocks.name));
}

export async function namesOf(db: Db, opts: { actorId: string; needIds: string[]; blockIds: string[] }) {
  const [actor] = await db.select({ name: ecosystemActors.name }).from(ecosystemActors).where(eq(ecosystemActors.id, opts.actorId));
  const needRows = opts.needIds.length
    ? await db.select({ id: needs.id, title: needs.title }).from(needs).where(inArray(needs.id, opts.needIds))
    : [];
  const blockRows = opts.blockIds.length
    ? await db
        .select({ id: buildingBlocks.id, name: buildingBlocks.name })
        .from(buildingBlocks)
        .where(inArray(buildingBlocks.id, opts.blockIds))
    : [];
  return { actorName: actor?.name ?? null, needs: needRows, blocks: blockRows };
}

export async function insertItem(db: Db, values: typeof roadmapItems.$inferInsert): Promise<string> {
  const [row] = await db.insert(roadmapItems).values(values).returning({ id: roadmapItems.id });
  return row!.id;
}

/** Updates the item only if it is still at `version` (optimistic concurrency); false when someone saved first. */
export async function updateItemAtVersion(
  db: Db,
  opts: { id: string; version: number; values: Partial<typeof roadmapItems.$inferInsert> },
): Promise<boolean> {
  const rows = await db
    .update(roadmapItems)
    .set({ ...opts.values, version: sql`${roadmapItems.version} + 1` })
    .where(and(eq(roadmapItems.id, opts.id), eq(roadmapItems.version, opts.version)))
    .returning({ id: roadmapItems.id });
  return rows.length > 0;
}

export async function replaceLinks(db: Db, itemId: string, opts: { needIds: string[]; blockIds: string[] }) {
  await db.delete(roadmapItemNeeds).where(eq(roadmapItemNeeds.itemId, itemId));
  await db.delete(roadmapItemBlocks).where(eq(roadmapItemBlocks.itemId, itemId));
  if (opts.needIds.length) await db.insert(roadmapItemNeeds).values(opts.needIds.map((needId) => ({ itemId, needId })));
  if (opts.blockIds.length) await db.insert(roadmapItemBlocks).values(opts.blockIds.map((blockId) => ({ itemId, blockId })));
}

export async function insertItemHistory(db: Db, values: typeof roadmapItemHistory.$inferInsert) {
  await db.insert(roadmapItemHistory).values(values);
}

export async function listItemHistory(db: Db, itemId: string) {
  return db
    .select()
    .from(roadmapItemHistory)
    .where(eq(roadmapItemHistory.itemId, itemId))
    .orderBy(desc(roadmapItemHistory.createdAt), desc(roadmapItemHistory.id));
}

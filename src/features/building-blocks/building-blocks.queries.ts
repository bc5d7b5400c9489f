import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import { buildingBlockNeeds, buildingBlocks, ecosystemActors } from '../../core/db/schema.ts';

/** All SQL of the building blocks catalogue. */

export async function listBlockRows(db: Db) {
  return db
    .select({ block: buildingBlocks, ownerName: ecosystemActors.name })
    .from(buildingBlocks)
    .leftJoin(ecosystemActors, eq(ecosystemActors.id, buildingBlocks.ownerActorId))
    .orderBy(asc(buildingBlocks.name));
}

export async function listBlockNeedLinks(db: Db) {
  return db.select().from(buildingBlockNeeds);
}

export async function findBlockBySlug(db: Db, slug: string) {
  const [row] = await db.select().from(buildingBlocks).where(eq(buildingBlocks.slug, slug));
  return row;
}

export async function listActorChoices(db: Db) {
  return db.select({ id: ecosystemActors.id, name: ecosystemActors.name }).from(ecosystemActors).orderBy(asc(ecosystemActors.name));
}

export async function insertBlock(db: Db, values: typeof buildingBlocks.$inferInsert) {
  const [row] = await db.insert(buildingBlocks).values(values).returning({ id: buildingBlocks.id });
  return row!.id;
}

export async function updateBlock(db: Db, id: string, values: Partial<typeof buildingBlocks.$inferInsert>) {
  await db.update(buildingBlocks).set(values).where(eq(buildingBlocks.id, id));
}

export async function replaceBlockNeeds(db: Db, blockId: string, needIds: string[]) {
  await db.delete(buildingBlockNeeds).where(eq(buildingBlockNeeds.blockId, blockId));
  if (needIds.length > 0) await db.insert(buildingBlockNeeds).values(needIds.map((needId) => ({ blockId, needId })));
}

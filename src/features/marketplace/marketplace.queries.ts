import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import {
  buildingBlocks,
  ecosystemActors,
  marketplaceChallenges,
  marketplaceHistory,
  marketplaceOfferingStats,
  marketplaceOfferings,
  marketplaceProposals,
  marketplaceSuggestionsSeen,
  needs,
} from '../../core/db/schema.ts';

/** All SQL of the marketplace (offerings, statistics, challenges, proposals, history). */

export type OfferingRow = typeof marketplaceOfferings.$inferSelect & { supplierName: string; supplierSector: string | null };
export type HistoryEntity = (typeof marketplaceHistory.$inferSelect)['entity'];

const offeringWithSupplier = {
  offering: marketplaceOfferings,
  supplierName: ecosystemActors.name,
  supplierSector: ecosystemActors.supplierSector,
};

const flatten = (r: { offering: typeof marketplaceOfferings.$inferSelect; supplierName: string; supplierSector: string | null }) => ({
  ...r.offering,
  supplierName: r.supplierName,
  supplierSector: r.supplierSector,
});

/** Offerings with their supplier; by status, or by supplier (the marketplace is small: hundreds of rows). */
export async function listOfferings(db: Db, where: { status?: 'pending' | 'approved'; supplierIds?: string[] }): Promise<OfferingRow[]> {
  if (where.supplierIds && where.supplierIds.length === 0) return [];
  const rows = await db
    .select(offeringWithSupplier)
    .from(marketplaceOfferings)
    .innerJoin(ecosystemActors, eq(ecosystemActors.id, marketplaceOfferings.supplierActorId))
    .where(
      and(
        where.status ? eq(marketplaceOfferings.status, where.status) : undefined,
        where.supplierIds ? inArray(marketplaceOfferings.supplierActorId, where.supplierIds) : undefined,
      ),
    )
    .orderBy(asc(marketplaceOfferings.title));
  return rows.map(flatten);
}

export async function findOffering(db: Db, id: string): Promise<OfferingRow | undefined> {
  const [row] = await db
    .select(offeringWithSupplier)
    .from(marketplaceOfferings)
    .innerJoin(ecosystemActors, eq(ecosystemActors.id, marketplaceOfferings.supplierActorId))
    .where(eq(marketplaceOfferings.id, id));
  return row ? flatten(row) : undefined;
}

export async function insertOffering(db: Db, values: typeof marketplaceOfferings.$inferInsert) {
  const [row] = await db.insert(marketplaceOfferings).values(values).returning({ id: marketplaceOfferings.id });
  return row!.id;
}

export async function updateOffering(db: Db, id: string, values: Partial<typeof marketplaceOfferings.$inferInsert>) {
  await db.update(marketplaceOfferings).set(values).where(eq(marketplaceOfferings.id, id));
}

export async function findActor(db: Db, id: string) {
  const [row] = await db.select().from(ecosystemActors).where(eq(ecosystemActors.id, id));
  return row;
}

/** Needs that are not grouped under another (the register's own list), for choices and names. */
export async function listNeedChoices(db: Db) {
  return db
    .select({ id: needs.id, title: needs.title, phase: needs.phase })
    .from(needs)
    .where(isNull(needs.duplicateOfId))
    .orderBy(asc(needs.phase), asc(needs.title));
}

export async function listBlockChoices(db: Db) {
  return db
    .select({ id: buildingBlocks.id, slug: buildingBlocks.slug, name: buildingBlocks.name })
    .from(buildingBlocks)
    .orderBy(asc(buildingBlocks.name));
}

// ---------- interest statistics: counts per offering and day, never who ----------

type Counter = 'views' | 'clicks' | 'suggestions';

export async function countEvent(db: Db, opts: { offeringId: string; day: string; counter: Counter; by?: number }) {
  const by = opts.by ?? 1;
  const column = marketplaceOfferingStats[opts.counter];
  await db
    .insert(marketplaceOfferingStats)
    .values({ offeringId: opts.offeringId, day: opts.day, [opts.counter]: by })
    .onConflictDoUpdate({
      target: [marketplaceOfferingStats.offeringId, marketplaceOfferingStats.day],
      set: { [opts.counter]: sql`${column} + ${by}` },
    });
}

/** Records that the offerings were suggested to the organisation; returns those suggested to it for the first time. */
export async function markSuggested(db: Db, opts: { offeringIds: string[]; organisationId: string; at: Date }) {
  if (opts.offeringIds.length === 0) return [];
  const rows = await db
    .insert(marketplaceSuggestionsSeen)
    .values(opts.offeringIds.map((offeringId) => ({ offeringId, organisationId: opts.organisationId, firstAt: opts.at })))
    .onConflictDoNothing()
    .returning({ offeringId: marketplaceSuggestionsSeen.offeringId });
  return rows.map((r) => r.offeringId);
}

/** Views, clicks and new suggestions per month (YYYY-MM), newest first. */
export async function statsByMonth(db: Db, offeringId: string) {
  const month = sql<string>`to_char(${marketplaceOfferingStats.day}, 'YYYY-MM')`;
  return db
    .select({
      month,
      views: sql<number>`sum(${marketplaceOfferingStats.views})::int`,
      clicks: sql<number>`sum(${marketplaceOfferingStats.clicks})::int`,
      suggestions: sql<number>`sum(${marketplaceOfferingStats.suggestions})::int`,
    })
    .from(marketplaceOfferingStats)
    .where(eq(marketplaceOfferingStats.offeringId, offeringId))
    .groupBy(month)
    .orderBy(desc(month));
}

export async function countSuggestedOrganisations(db: Db, offeringId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(marketplaceSuggestionsSeen)
    .where(eq(marketplaceSuggestionsSeen.offeringId, offeringId));
  return row?.n ?? 0;
}

// ---------- challenges and proposals ----------

export async function listChallenges(db: Db) {
  return db.select().from(marketplaceChallenges).orderBy(asc(marketplaceChallenges.status), asc(marketplaceChallenges.deadline));
}

export async function findChallenge(db: Db, id: string) {
  const [row] = await db.select().from(marketplaceChallenges).where(eq(marketplaceChallenges.id, id));
  return row;
}

export async function insertChallenge(db: Db, values: typeof marketplaceChallenges.$inferInsert) {
  const [row] = await db.insert(marketplaceChallenges).values(values).returning({ id: marketplaceChallenges.id });
  return row!.id;
}

export async function updateChallenge(db: Db, id: string, values: Partial<typeof marketplaceChallenges.$inferInsert>) {
  await db.update(marketplaceChallenges).set(values).where(eq(marketplaceChallenges.id, id));
}

const proposalWithActor = { proposal: marketplaceProposals, actorName: ecosystemActors.name };
export type ProposalRow = typeof marketplaceProposals.$inferSelect & { actorName: string };

export async function listProposals(db: Db, challengeId: string): Promise<ProposalRow[]> {
  const rows = await db
    .select(proposalWithActor)
    .from(marketplaceProposals)
    .innerJoin(ecosystemActors, eq(ecosystemActors.id, marketplaceProposals.actorId))
    .where(eq(marketplaceProposals.challengeId, challengeId))
    .orderBy(asc(marketplaceProposals.createdAt));
  return rows.map((r) => ({ ...r.proposal, actorName: r.actorName }));
}

export async function findProposal(db: Db, id: string): Promise<ProposalRow | undefined> {
  const [row] = await db
    .select(proposalWithActor)
    .from(marketplaceProposals)
    .innerJoin(ecosystemActors, eq(ecosystemActors.id, marketplaceProposals.actorId))
    .where(eq(marketplaceProposals.id, id));
  return row ? { ...row.proposal, actorName: row.actorName } : undefined;
}

export async function insertProposal(db: Db, values: typeof marketplaceProposals.$inferInsert) {
  const [row] = await db.insert(marketplaceProposals).values(values).returning({ id: marketplaceProposals.id });
  return row!.id;
}

export async function updateProposal(db: Db, id: string, values: Partial<typeof marketplaceProposals.$inferInsert>) {
  await db.update(marketplaceProposals).set(values).where(eq(marketplaceProposals.id, id));
}

// ---------- history ----------

export async function insertHistory(db: Db, values: typeof marketplaceHistory.$inferInsert) {
  await db.insert(marketplaceHistory).values(values);
}

export async function listHistory(db: Db, entity: HistoryEntity, entityId: string) {
  return db
    .select()
    .from(marketplaceHistory)
    .where(and(eq(marketplaceHistory.entity, entity), eq(marketplaceHistory.entityId, entityId)))
    .orderBy(desc(marketplaceHistory.createdAt));
}

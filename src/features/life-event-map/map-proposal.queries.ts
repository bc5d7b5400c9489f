import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import { lifeEventMapProposalHistory, lifeEventMapProposals } from '../../core/db/schema.ts';

/** All SQL of life-event map change proposals (plain statements for PostgreSQL 15 and PGlite). */

export type ProposalRow = typeof lifeEventMapProposals.$inferSelect;

export async function listProposalRows(db: Db): Promise<ProposalRow[]> {
  // Open proposals first (the orchestrator's queue), then the decided ones, newest first within each.
  return db
    .select()
    .from(lifeEventMapProposals)
    .orderBy(sql`case ${lifeEventMapProposals.status} when 'open' then 0 else 1 end`, desc(lifeEventMapProposals.number));
}

export async function countOpenProposals(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(lifeEventMapProposals)
    .where(eq(lifeEventMapProposals.status, 'open'));
  return Number(row?.n ?? 0);
}

export async function findProposalByNumber(db: Db, number: number): Promise<ProposalRow | null> {
  const [row] = await db.select().from(lifeEventMapProposals).where(eq(lifeEventMapProposals.number, number));
  return row ?? null;
}

export async function insertProposal(db: Db, values: typeof lifeEventMapProposals.$inferInsert) {
  const [row] = await db
    .insert(lifeEventMapProposals)
    .values(values)
    .returning({ id: lifeEventMapProposals.id, number: lifeEventMapProposals.number });
  return row!;
}

/** Decides an open proposal; false when it was no longer open (someone decided it first). */
export async function decideProposal(
  db: Db,
  opts: {
    id: string;
    status: 'accepted' | 'rejected';
    reason: string;
    decidedByName: string;
    revisionNumber: number | null;
    at: Date;
  },
): Promise<boolean> {
  const rows = await db
    .update(lifeEventMapProposals)
    .set({
      status: opts.status,
      decisionReason: opts.reason,
      decidedByName: opts.decidedByName,
      decidedAt: opts.at,
      revisionNumber: opts.revisionNumber,
      updatedAt: opts.at,
    })
    .where(and(eq(lifeEventMapProposals.id, opts.id), eq(lifeEventMapProposals.status, 'open')))
    .returning({ id: lifeEventMapProposals.id });
  return rows.length > 0;
}

export async function insertProposalHistory(db: Db, values: typeof lifeEventMapProposalHistory.$inferInsert) {
  await db.insert(lifeEventMapProposalHistory).values(values);
}

export async function listProposalHistory(db: Db, proposalId: string) {
  return db
    .select()
    .from(lifeEventMapProposalHistory)
    .where(eq(lifeEventMapProposalHistory.proposalId, proposalId))
    .orderBy(asc(lifeEventMapProposalHistory.createdAt));
}

import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import { lifeEventMapRevisions } from '../../core/db/schema.ts';

/** All SQL of the life-event map (revisions). Plain statements that run on PostgreSQL 15 and PGlite. */

export interface RevisionRow {
  id: string;
  number: number;
  baseNumber: number;
  content: unknown;
  changeNote: string;
  authorUserId: string | null;
  authorName: string;
  origin: 'edit' | 'proposal';
  proposalRef: string | null;
  createdAt: Date;
}

export type RevisionSummary = Omit<RevisionRow, 'content'>;

const summaryColumns = {
  id: lifeEventMapRevisions.id,
  number: lifeEventMapRevisions.number,
  baseNumber: lifeEventMapRevisions.baseNumber,
  changeNote: lifeEventMapRevisions.changeNote,
  authorUserId: lifeEventMapRevisions.authorUserId,
  authorName: lifeEventMapRevisions.authorName,
  origin: lifeEventMapRevisions.origin,
  proposalRef: lifeEventMapRevisions.proposalRef,
  createdAt: lifeEventMapRevisions.createdAt,
};

export async function latestRevision(db: Db): Promise<RevisionRow | null> {
  const [row] = await db.select().from(lifeEventMapRevisions).orderBy(desc(lifeEventMapRevisions.number)).limit(1);
  return row ?? null;
}

export async function latestRevisionNumber(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`coalesce(max(${lifeEventMapRevisions.number}), 0)::int` }).from(lifeEventMapRevisions);
  return Number(row?.n ?? 0);
}

export async function revisionsByNumber(db: Db, numbers: number[]): Promise<RevisionRow[]> {
  if (numbers.length === 0) return [];
  return db.select().from(lifeEventMapRevisions).where(inArray(lifeEventMapRevisions.number, numbers));
}

export async function revisionByNumber(db: Db, number: number): Promise<RevisionRow | null> {
  const [row] = await db.select().from(lifeEventMapRevisions).where(eq(lifeEventMapRevisions.number, number));
  return row ?? null;
}

/** Newest first. The history is small (one row per edit), so it is listed whole, up to a sane bound. */
export async function listRevisions(db: Db, limit = 500): Promise<RevisionSummary[]> {
  return db.select(summaryColumns).from(lifeEventMapRevisions).orderBy(desc(lifeEventMapRevisions.number)).limit(limit);
}

/**
 * Appends revision `number`. Two editors saving at once both compute the same number; the unique index
 * lets only one in, and the caller turns the other's unique violation into a conflict.
 */
export async function insertRevision(db: Db, row: Omit<RevisionRow, 'id' | 'createdAt'> & { createdAt: Date }): Promise<RevisionSummary> {
  const [inserted] = await db.insert(lifeEventMapRevisions).values(row).returning(summaryColumns);
  return inserted!;
}

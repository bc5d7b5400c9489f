import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import {
  organisationFacts,
  organisations,
  planTaskStatuses,
  politiattestChecks,
  registerEnheter,
  registerFrivillige,
} from '../../core/db/schema.ts';

/** All SQL of the plan feature (facts, politiattest log, hand-set task statuses). */

export type DeclaredFactsRow = typeof organisationFacts.$inferSelect;
export type DeclaredFactsValues = Omit<typeof organisationFacts.$inferInsert, 'organisationId' | 'updatedAt' | 'updatedBy'>;
export type ManualTaskStatus = (typeof planTaskStatuses.$inferSelect)['status'];

export async function findOrganisationRow(db: Db, organisationId: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  return row ?? null;
}

export async function findDeclaredFacts(db: Db, organisationId: string): Promise<DeclaredFactsRow | null> {
  const [row] = await db.select().from(organisationFacts).where(eq(organisationFacts.organisationId, organisationId));
  return row ?? null;
}

/** Locks the facts row (if any) so two board members saving at once cannot lose each other's audit trail. */
export async function lockDeclaredFacts(db: Db, organisationId: string): Promise<DeclaredFactsRow | null> {
  const [row] = await db.select().from(organisationFacts).where(eq(organisationFacts.organisationId, organisationId)).for('update');
  return row ?? null;
}

export async function upsertDeclaredFacts(
  db: Db,
  organisationId: string,
  values: DeclaredFactsValues,
  meta: { userId: string; at: Date },
): Promise<void> {
  const row = { ...values, updatedBy: meta.userId, updatedAt: meta.at };
  await db
    .insert(organisationFacts)
    .values({ organisationId, ...row })
    .onConflictDoUpdate({ target: organisationFacts.organisationId, set: row });
}

export async function findRegisterUnit(db: Db, orgnr: string) {
  const [row] = await db.select().from(registerEnheter).where(eq(registerEnheter.orgnr, orgnr));
  return row ?? null;
}

export async function findRegisterFrivillig(db: Db, orgnr: string) {
  const [row] = await db.select().from(registerFrivillige).where(eq(registerFrivillige.orgnr, orgnr));
  return row ?? null;
}

export async function listPolitiattestChecks(db: Db, organisationId: string) {
  return db
    .select({
      id: politiattestChecks.id,
      person: politiattestChecks.person,
      role: politiattestChecks.role,
      shownOn: politiattestChecks.shownOn,
    })
    .from(politiattestChecks)
    .where(eq(politiattestChecks.organisationId, organisationId))
    .orderBy(asc(politiattestChecks.shownOn), asc(politiattestChecks.person));
}

export async function insertPolitiattestCheck(
  db: Db,
  v: { organisationId: string; person: string; role: string; shownOn: string; createdBy: string; at: Date },
) {
  const [row] = await db
    .insert(politiattestChecks)
    .values({
      organisationId: v.organisationId,
      person: v.person,
      role: v.role,
      shownOn: v.shownOn,
      createdBy: v.createdBy,
      createdAt: v.at,
    })
    .returning({ id: politiattestChecks.id });
  return row!;
}

/** Deletes only within the organisation, so an id from another organisation deletes nothing. */
export async function deletePolitiattestCheck(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .delete(politiattestChecks)
    .where(and(eq(politiattestChecks.organisationId, organisationId), eq(politiattestChecks.id, id)))
    .returning({ person: politiattestChecks.person, role: politiattestChecks.role, shownOn: politiattestChecks.shownOn });
  return row ?? null;
}

export async function listManualTaskStatuses(db: Db, organisationId: string): Promise<Map<string, ManualTaskStatus>> {
  const rows = await db
    .select({ taskId: planTaskStatuses.taskId, status: planTaskStatuses.status })
    .from(planTaskStatuses)
    .where(eq(planTaskStatuses.organisationId, organisationId));
  return new Map(rows.map((r) => [r.taskId, r.status]));
}

export async function findManualTaskStatus(db: Db, organisationId: string, taskId: string): Promise<ManualTaskStatus | null> {
  const [row] = await db
    .select({ status: planTaskStatuses.status })
    .from(planTaskStatuses)
    .where(and(eq(planTaskStatuses.organisationId, organisationId), eq(planTaskStatuses.taskId, taskId)))
    .for('update');
  return row?.status ?? null;
}

export async function upsertManualTaskStatus(
  db: Db,
  v: { organisationId: string; taskId: string; status: ManualTaskStatus; userId: string; at: Date },
): Promise<void> {
  await db
    .insert(planTaskStatuses)
    .values({ organisationId: v.organisationId, taskId: v.taskId, status: v.status, updatedBy: v.userId, updatedAt: v.at })
    .onConflictDoUpdate({
      target: [planTaskStatuses.organisationId, planTaskStatuses.taskId],
      set: { status: v.status, updatedBy: v.userId, updatedAt: v.at },
    });
}

import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import {
  demonstratorExperiments,
  demonstratorHistory,
  demonstratorParticipants,
  demonstratorSurveyResponses,
  demonstratorSurveys,
  memberships,
  organisations,
  portfolioInitiatives,
} from '../../core/db/schema.ts';

/** All SQL of the demonstrators. */

export type ExperimentRow = typeof demonstratorExperiments.$inferSelect;

export async function listExperimentRows(db: Db) {
  return db
    .select({
      experiment: demonstratorExperiments,
      initiativeTitle: portfolioInitiatives.title,
      initiativeStage: portfolioInitiatives.stage,
    })
    .from(demonstratorExperiments)
    .innerJoin(portfolioInitiatives, eq(portfolioInitiatives.id, demonstratorExperiments.initiativeId))
    .orderBy(desc(demonstratorExperiments.startDate), asc(portfolioInitiatives.title));
}

export async function listExperimentsOfInitiative(db: Db, initiativeId: string) {
  return db
    .select({ id: demonstratorExperiments.id, hypothesis: demonstratorExperiments.hypothesis, decision: demonstratorExperiments.decision })
    .from(demonstratorExperiments)
    .where(eq(demonstratorExperiments.initiativeId, initiativeId))
    .orderBy(desc(demonstratorExperiments.startDate));
}

export async function findExperiment(db: Db, id: string, forUpdate = false) {
  const q = db.select().from(demonstratorExperiments).where(eq(demonstratorExperiments.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function findOpenExperimentOf(db: Db, initiativeId: string) {
  const [row] = await db
    .select({ id: demonstratorExperiments.id })
    .from(demonstratorExperiments)
    .where(and(eq(demonstratorExperiments.initiativeId, initiativeId), isNull(demonstratorExperiments.decision)));
  return row;
}

export async function insertExperiment(db: Db, values: typeof demonstratorExperiments.$inferInsert) {
  const [row] = await db.insert(demonstratorExperiments).values(values).returning({ id: demonstratorExperiments.id });
  return row!.id;
}

export async function updateExperiment(db: Db, id: string, values: Partial<typeof demonstratorExperiments.$inferInsert>) {
  await db.update(demonstratorExperiments).set(values).where(eq(demonstratorExperiments.id, id));
}

export async function listParticipants(db: Db) {
  return db
    .select({
      experimentId: demonstratorParticipants.experimentId,
      organisationId: demonstratorParticipants.organisationId,
      name: organisations.name,
    })
    .from(demonstratorParticipants)
    .innerJoin(organisations, eq(organisations.id, demonstratorParticipants.organisationId))
    .orderBy(asc(organisations.name));
}

export async function insertParticipant(db: Db, values: typeof demonstratorParticipants.$inferInsert) {
  const rows = await db
    .insert(demonstratorParticipants)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: demonstratorParticipants.organisationId });
  return rows.length > 0;
}

export async function deleteParticipant(db: Db, experimentId: string, organisationId: string) {
  const rows = await db
    .delete(demonstratorParticipants)
    .where(and(eq(demonstratorParticipants.experimentId, experimentId), eq(demonstratorParticipants.organisationId, organisationId)))
    .returning({ id: demonstratorParticipants.organisationId });
  return rows.length > 0;
}

export async function isParticipant(db: Db, experimentId: string, organisationId: string) {
  const rows = await db
    .select({ id: demonstratorParticipants.organisationId })
    .from(demonstratorParticipants)
    .where(and(eq(demonstratorParticipants.experimentId, experimentId), eq(demonstratorParticipants.organisationId, organisationId)));
  return rows.length > 0;
}

export async function organisationName(db: Db, id: string) {
  const [row] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id));
  return row?.name;
}

/** The workspaces the user is a member of (any role), for answering surveys. */
export async function membershipsOf(db: Db, userId: string) {
  return db
    .select({ organisationId: memberships.organisationId, role: memberships.role, name: organisations.name })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organisations.name));
}

export async function insertSurvey(db: Db, values: typeof demonstratorSurveys.$inferInsert) {
  const [row] = await db.insert(demonstratorSurveys).values(values).returning({ id: demonstratorSurveys.id });
  return row!.id;
}

export async function findSurvey(db: Db, id: string) {
  const [row] = await db.select().from(demonstratorSurveys).where(eq(demonstratorSurveys.id, id));
  return row;
}

export async function listSurveys(db: Db, experimentId: string) {
  return db
    .select()
    .from(demonstratorSurveys)
    .where(eq(demonstratorSurveys.experimentId, experimentId))
    .orderBy(asc(demonstratorSurveys.createdAt));
}

export async function listResponses(db: Db, surveyIds: string[]) {
  if (surveyIds.length === 0) return [];
  return db
    .select()
    .from(demonstratorSurveyResponses)
    .where(inArray(demonstratorSurveyResponses.surveyId, surveyIds))
    .orderBy(asc(demonstratorSurveyResponses.createdAt));
}

/** Inserts a person's response unless they already answered this survey; returns false then. */
export async function insertResponse(db: Db, values: typeof demonstratorSurveyResponses.$inferInsert) {
  const rows = await db
    .insert(demonstratorSurveyResponses)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: demonstratorSurveyResponses.id });
  return rows.length > 0;
}

export async function insertExperimentHistory(db: Db, values: typeof demonstratorHistory.$inferInsert) {
  await db.insert(demonstratorHistory).values(values);
}

export async function listExperimentHistory(db: Db, experimentId: string) {
  return db
    .select()
    .from(demonstratorHistory)
    .where(eq(demonstratorHistory.experimentId, experimentId))
    .orderBy(desc(demonstratorHistory.createdAt), desc(demonstratorHistory.id));
}

import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import {
  ecosystemActorPeople,
  ecosystemActors,
  ecosystemDecisions,
  ecosystemHistory,
  ecosystemMeetings,
  users,
} from '../../core/db/schema.ts';

/** All SQL of the ecosystem feature (DEVELOPERS.md: `<feature>.queries.ts`). */

export type ActorRow = typeof ecosystemActors.$inferSelect;
export type MeetingRow = typeof ecosystemMeetings.$inferSelect;
export type DecisionRow = typeof ecosystemDecisions.$inferSelect;

export async function listActors(db: Db, filter: { kind?: string; role?: string }): Promise<ActorRow[]> {
  const where: SQL[] = [];
  if (filter.kind) where.push(eq(ecosystemActors.kind, filter.kind as ActorRow['kind']));
  if (filter.role) where.push(eq(ecosystemActors.ecosystemRole, filter.role as ActorRow['ecosystemRole']));
  return db
    .select()
    .from(ecosystemActors)
    .where(where.length ? and(...where) : undefined)
    .orderBy(
      sql`case ${ecosystemActors.ecosystemRole} when 'orchestrator' then 0 when 'core_group' then 1 when 'participant' then 2 else 3 end`,
      asc(ecosystemActors.name),
    );
}

export async function findActor(db: Db, id: string): Promise<ActorRow | null> {
  const [row] = await db.select().from(ecosystemActors).where(eq(ecosystemActors.id, id));
  return row ?? null;
}

export async function actorNameTaken(db: Db, name: string, exceptId?: string): Promise<boolean> {
  const rows = await db
    .select({ id: ecosystemActors.id })
    .from(ecosystemActors)
    .where(sql`lower(${ecosystemActors.name}) = lower(${name})`);
  return rows.some((r) => r.id !== exceptId);
}

export async function listActorPeople(db: Db, actorId: string) {
  return db
    .select({ userId: users.id, name: users.name, title: ecosystemActorPeople.title })
    .from(ecosystemActorPeople)
    .innerJoin(users, eq(users.id, ecosystemActorPeople.userId))
    .where(eq(ecosystemActorPeople.actorId, actorId))
    .orderBy(asc(users.name));
}

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db.select({ id: users.id, name: users.name }).from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return row ?? null;
}

export async function listCoreGroupActors(db: Db) {
  return db
    .select({ id: ecosystemActors.id, name: ecosystemActors.name, ecosystemRole: ecosystemActors.ecosystemRole })
    .from(ecosystemActors)
    .where(inArray(ecosystemActors.ecosystemRole, ['orchestrator', 'core_group']))
    .orderBy(asc(ecosystemActors.ecosystemRole), asc(ecosystemActors.name));
}

export async function listMeetings(db: Db): Promise<MeetingRow[]> {
  return db.select().from(ecosystemMeetings).orderBy(desc(ecosystemMeetings.meetingDate), desc(ecosystemMeetings.createdAt));
}

export async function listDecisions(db: Db) {
  return db
    .select({ decision: ecosystemDecisions, meetingTitle: ecosystemMeetings.title, meetingDate: ecosystemMeetings.meetingDate })
    .from(ecosystemDecisions)
    .leftJoin(ecosystemMeetings, eq(ecosystemMeetings.id, ecosystemDecisions.meetingId))
    .orderBy(desc(ecosystemDecisions.decidedOn), desc(ecosystemDecisions.createdAt));
}

export async function meetingExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: ecosystemMeetings.id }).from(ecosystemMeetings).where(eq(ecosystemMeetings.id, id));
  return !!row;
}

export async function listHistory(db: Db, entities: ('actor' | 'actor_person' | 'meeting' | 'decision')[], limit: number) {
  return db
    .select()
    .from(ecosystemHistory)
    .where(inArray(ecosystemHistory.entity, entities))
    .orderBy(desc(ecosystemHistory.createdAt))
    .limit(limit);
}

export async function insertHistory(
  db: Db,
  row: {
    entity: 'actor' | 'actor_person' | 'meeting' | 'decision';
    entityId: string;
    action: 'created' | 'updated' | 'deleted';
    changes: Record<string, unknown>;
    actorUserId: string;
    actorName: string;
    at: Date;
  },
) {
  await db.insert(ecosystemHistory).values({ ...row, createdAt: row.at });
}

export async function findMeeting(db: Db, id: string): Promise<MeetingRow | null> {
  const [row] = await db.select().from(ecosystemMeetings).where(eq(ecosystemMeetings.id, id));
  return row ?? null;
}

export async function findDecision(db: Db, id: string): Promise<DecisionRow | null> {
  const [row] = await db.select().from(ecosystemDecisions).where(eq(ecosystemDecisions.id, id));
  return row ?? null;
}

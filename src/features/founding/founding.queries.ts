import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import { foundingMeetings, memberships, organisations, users } from '../../core/db/schema.ts';
import { type FoundingData, type FoundingMeeting, foundingDataSchema, type ProtocolLanguage, toFoundingMeeting } from './founding.data.ts';

/** All SQL of the founding meeting. No access checks here: the domain functions check roles first. */

export interface MeetingRow {
  id: string;
  organisationId: string;
  version: number;
  status: 'draft' | 'finalised';
  language: ProtocolLanguage;
  data: FoundingData;
  answeredPages: string[];
  revision: number;
  organisationName: string | null;
  statutesVersion: number | null;
  updatedAt: Date;
  finalisedAt: Date | null;
  finalisedByName: string | null;
}

function toRow(row: typeof foundingMeetings.$inferSelect): MeetingRow {
  return {
    id: row.id,
    organisationId: row.organisationId,
    version: row.version,
    status: row.status,
    language: row.language === 'nn' ? 'nn' : 'nb',
    // Written only through the page schemas; parsing again keeps the type honest if the shape ever grows.
    data: foundingDataSchema.parse(row.data),
    answeredPages: row.answeredPages,
    revision: row.revision,
    organisationName: row.organisationName,
    statutesVersion: row.statutesVersion,
    updatedAt: row.updatedAt,
    finalisedAt: row.finalisedAt,
    finalisedByName: row.finalisedByName,
  };
}

/**
 * The organisation's founding meeting for other features (plan, årshjul, registration package) — the
 * contract in /tmp/issue4-contract.md: the newest finalised protocol, which stays the valid one while a
 * reopened draft is being edited; otherwise the draft (finalisedAt null, missing answers as '' and []);
 * null when the meeting has not been started. Callers have checked the role.
 */
export async function readFoundingMeeting(db: Db, organisationId: string): Promise<FoundingMeeting | null> {
  const row = (await findLatestFinalised(db, organisationId)) ?? (await findDraft(db, organisationId));
  return row ? toFoundingMeeting(row) : null;
}

export async function findDraft(db: Db, organisationId: string): Promise<MeetingRow | null> {
  const [row] = await db
    .select()
    .from(foundingMeetings)
    .where(and(eq(foundingMeetings.organisationId, organisationId), eq(foundingMeetings.status, 'draft')));
  return row ? toRow(row) : null;
}

export async function findLatestFinalised(db: Db, organisationId: string): Promise<MeetingRow | null> {
  const [row] = await db
    .select()
    .from(foundingMeetings)
    .where(and(eq(foundingMeetings.organisationId, organisationId), eq(foundingMeetings.status, 'finalised')))
    .orderBy(desc(foundingMeetings.version))
    .limit(1);
  return row ? toRow(row) : null;
}

export async function findFinalisedVersion(db: Db, organisationId: string, version: number): Promise<MeetingRow | null> {
  const [row] = await db
    .select()
    .from(foundingMeetings)
    .where(
      and(
        eq(foundingMeetings.organisationId, organisationId),
        eq(foundingMeetings.status, 'finalised'),
        eq(foundingMeetings.version, version),
      ),
    );
  return row ? toRow(row) : null;
}

export async function listFinalised(db: Db, organisationId: string) {
  return db
    .select({
      version: foundingMeetings.version,
      finalisedAt: foundingMeetings.finalisedAt,
      finalisedByName: foundingMeetings.finalisedByName,
      language: foundingMeetings.language,
    })
    .from(foundingMeetings)
    .where(and(eq(foundingMeetings.organisationId, organisationId), eq(foundingMeetings.status, 'finalised')))
    .orderBy(desc(foundingMeetings.version));
}

/** Serialises saves of one organisation's meeting (two board members saving at once). */
export async function lockOrganisationRow(db: Db, organisationId: string) {
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId)).for('update');
  return row ?? null;
}

export async function nextVersion(db: Db, organisationId: string): Promise<number> {
  const [row] = await db
    .select({ max: sql<number | null>`max(${foundingMeetings.version})` })
    .from(foundingMeetings)
    .where(eq(foundingMeetings.organisationId, organisationId));
  return Number(row?.max ?? 0) + 1;
}

export async function insertDraft(
  db: Db,
  v: {
    organisationId: string;
    version: number;
    language: ProtocolLanguage;
    data: FoundingData;
    answeredPages: string[];
    userId: string;
    now: Date;
  },
): Promise<MeetingRow> {
  const [row] = await db
    .insert(foundingMeetings)
    .values({
      organisationId: v.organisationId,
      version: v.version,
      status: 'draft',
      language: v.language,
      data: v.data,
      answeredPages: v.answeredPages,
      updatedBy: v.userId,
      createdAt: v.now,
      updatedAt: v.now,
    })
    .returning();
  return toRow(row!);
}

export async function updateDraft(
  db: Db,
  v: { id: string; language: ProtocolLanguage; data: FoundingData; answeredPages: string[]; userId: string; now: Date },
): Promise<MeetingRow | null> {
  const [row] = await db
    .update(foundingMeetings)
    .set({
      language: v.language,
      data: v.data,
      answeredPages: v.answeredPages,
      revision: sql`${foundingMeetings.revision} + 1`,
      updatedBy: v.userId,
      updatedAt: v.now,
    })
    .where(and(eq(foundingMeetings.id, v.id), eq(foundingMeetings.status, 'draft')))
    .returning();
  return row ? toRow(row) : null;
}

/** Finalises the draft only if it is still the revision that was checked; null otherwise. */
export async function finaliseDraft(
  db: Db,
  v: {
    id: string;
    revision: number;
    organisationName: string;
    statutesVersion: number | null;
    userId: string;
    userName: string;
    now: Date;
  },
): Promise<MeetingRow | null> {
  const [row] = await db
    .update(foundingMeetings)
    .set({
      status: 'finalised',
      organisationName: v.organisationName,
      statutesVersion: v.statutesVersion,
      finalisedAt: v.now,
      finalisedBy: v.userId,
      finalisedByName: v.userName,
      updatedBy: v.userId,
      updatedAt: v.now,
    })
    .where(and(eq(foundingMeetings.id, v.id), eq(foundingMeetings.status, 'draft'), eq(foundingMeetings.revision, v.revision)))
    .returning();
  return row ? toRow(row) : null;
}

export async function findOrganisation(db: Db, organisationId: string): Promise<{ name: string; purpose: string | null } | null> {
  const [row] = await db
    .select({ name: organisations.name, purpose: organisations.purpose })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row ?? null;
}

/** Workspace members with what prefills the attendees and board pages: name, role, stated birth date. */
export async function listWorkspaceMembers(db: Db, organisationId: string) {
  return db
    .select({ userId: users.id, name: users.name, role: memberships.role, birthDate: users.birthDate })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(memberships.createdAt), asc(users.name));
}

import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import { organisations, registerFrivillige, statutesDrafts, statutesVersions, users } from '../../core/db/schema.ts';
import { type StatutesAnswers, statutesAnswersSchema } from './statutes.answers.ts';
import type { DraftAnswers } from './statutes.schema.ts';
import type { StatutesLanguage } from './statutes.template.ts';

/** All SQL of the statutes builder. No access checks here: the domain functions check roles first. */

export interface StatutesVersionRow {
  version: number;
  language: StatutesLanguage;
  answers: StatutesAnswers;
  text: string;
  adoptedAt: Date;
  adoptedByName: string;
  createdAt: Date;
}

export interface StoredDraft {
  answers: DraftAnswers;
  answeredPages: string[];
  prefill: Record<string, { value: string | null; source: string }>;
  language: StatutesLanguage;
  basedOnVersion: number | null;
  revision: number;
  updatedAt: Date;
  updatedByName: string | null;
}

const asLanguage = (value: string): StatutesLanguage => (value === 'nn' ? 'nn' : 'nb');

function toVersion(row: typeof statutesVersions.$inferSelect): StatutesVersionRow {
  return {
    version: row.version,
    language: asLanguage(row.language),
    // Validated when adopted; parsing again keeps the type honest if the contract ever grows.
    answers: statutesAnswersSchema.parse(row.answers),
    text: row.text,
    adoptedAt: row.adoptedAt,
    adoptedByName: row.adoptedByName,
    createdAt: row.createdAt,
  };
}

/**
 * The organisation's current (newest adopted) statutes, for other features (årshjul, plan, registration
 * package, founding meeting) — the contract in /tmp/issue4-contract.md. Callers have checked the role.
 */
export async function readCurrentStatutes(
  db: Db,
  organisationId: string,
): Promise<{ version: number; answers: StatutesAnswers; text: string; adoptedAt: Date | null; createdAt: Date } | null> {
  const row = await findCurrentVersion(db, organisationId);
  if (!row) return null;
  return { version: row.version, answers: row.answers, text: row.text, adoptedAt: row.adoptedAt, createdAt: row.createdAt };
}

export async function findCurrentVersion(db: Db, organisationId: string): Promise<StatutesVersionRow | null> {
  const [row] = await db
    .select()
    .from(statutesVersions)
    .where(eq(statutesVersions.organisationId, organisationId))
    .orderBy(desc(statutesVersions.version))
    .limit(1);
  return row ? toVersion(row) : null;
}

export async function findVersion(db: Db, organisationId: string, version: number): Promise<StatutesVersionRow | null> {
  const [row] = await db
    .select()
    .from(statutesVersions)
    .where(and(eq(statutesVersions.organisationId, organisationId), eq(statutesVersions.version, version)));
  return row ? toVersion(row) : null;
}

export async function listVersions(db: Db, organisationId: string) {
  return db
    .select({
      version: statutesVersions.version,
      language: statutesVersions.language,
      adoptedAt: statutesVersions.adoptedAt,
      adoptedByName: statutesVersions.adoptedByName,
    })
    .from(statutesVersions)
    .where(eq(statutesVersions.organisationId, organisationId))
    .orderBy(desc(statutesVersions.version));
}

export async function insertVersion(
  db: Db,
  v: {
    organisationId: string;
    version: number;
    language: StatutesLanguage;
    answers: StatutesAnswers;
    text: string;
    adoptedBy: string;
    adoptedByName: string;
    adoptedAt: Date;
  },
) {
  await db.insert(statutesVersions).values({ ...v, createdAt: v.adoptedAt });
}

function toDraft(row: typeof statutesDrafts.$inferSelect, updatedByName: string | null): StoredDraft {
  return {
    answers: row.answers as DraftAnswers,
    answeredPages: row.answeredPages,
    prefill: row.prefill,
    language: asLanguage(row.language),
    basedOnVersion: row.basedOnVersion,
    revision: row.revision,
    updatedAt: row.updatedAt,
    updatedByName,
  };
}

export async function findDraft(db: Db, organisationId: string): Promise<StoredDraft | null> {
  const [row] = await db
    .select({ draft: statutesDrafts, updatedByName: users.name })
    .from(statutesDrafts)
    .leftJoin(users, eq(users.id, statutesDrafts.updatedBy))
    .where(eq(statutesDrafts.organisationId, organisationId));
  return row ? toDraft(row.draft, row.updatedByName) : null;
}

/** The draft row under a row lock, inside the caller's transaction (saves and adoption serialise on it). */
export async function lockDraft(db: Db, organisationId: string): Promise<StoredDraft | null> {
  const [row] = await db.select().from(statutesDrafts).where(eq(statutesDrafts.organisationId, organisationId)).for('update');
  return row ? toDraft(row, null) : null;
}

/** Creates the draft if there is none (a concurrent first save then finds it and merges into it). */
export async function insertDraftIfMissing(
  db: Db,
  d: {
    organisationId: string;
    answers: DraftAnswers;
    answeredPages: string[];
    prefill: StoredDraft['prefill'];
    language: StatutesLanguage;
    basedOnVersion: number | null;
    userId: string;
    at: Date;
  },
) {
  await db
    .insert(statutesDrafts)
    .values({
      organisationId: d.organisationId,
      answers: d.answers as Record<string, unknown>,
      answeredPages: d.answeredPages,
      prefill: d.prefill,
      language: d.language,
      basedOnVersion: d.basedOnVersion,
      revision: 0,
      updatedBy: d.userId,
      createdAt: d.at,
      updatedAt: d.at,
    })
    .onConflictDoNothing({ target: statutesDrafts.organisationId });
}

export async function updateDraft(
  db: Db,
  organisationId: string,
  d: { answers: DraftAnswers; answeredPages: string[]; language: StatutesLanguage; userId: string; at: Date },
) {
  await db
    .update(statutesDrafts)
    .set({
      answers: d.answers as Record<string, unknown>,
      answeredPages: d.answeredPages,
      language: d.language,
      revision: sql`${statutesDrafts.revision} + 1`,
      updatedBy: d.userId,
      updatedAt: d.at,
    })
    .where(eq(statutesDrafts.organisationId, organisationId));
}

export async function deleteDraft(db: Db, organisationId: string) {
  await db.delete(statutesDrafts).where(eq(statutesDrafts.organisationId, organisationId));
}

export async function nextVersionNumber(db: Db, organisationId: string): Promise<number> {
  const [row] = await db
    .select({ max: sql<number | null>`max(${statutesVersions.version})` })
    .from(statutesVersions)
    .where(eq(statutesVersions.organisationId, organisationId));
  return Number(row?.max ?? 0) + 1;
}

/** What the workspace already knows, for prefilling a first draft. */
export async function findOrganisationBasics(db: Db, organisationId: string) {
  const [row] = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      orgnr: organisations.orgnr,
      kommunenummer: organisations.kommunenummer,
      purpose: organisations.purpose,
    })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row ?? null;
}

/** Whether the organisation is in Frivillighetsregisteret (our mirror; a deleted entry does not count). */
export async function isInFrivillighetsregisteret(db: Db, orgnr: string | null): Promise<boolean> {
  if (!orgnr) return false;
  const [row] = await db
    .select({ orgnr: registerFrivillige.orgnr })
    .from(registerFrivillige)
    .where(and(eq(registerFrivillige.orgnr, orgnr), isNull(registerFrivillige.slettetDato)));
  return Boolean(row);
}

export async function findUserName(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return row?.name ?? null;
}

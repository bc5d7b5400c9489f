import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import {
  invitations,
  memberships,
  organisations,
  registrationConfirmations,
  registrationPackages,
  registrationPersons,
  users,
} from '../../core/db/schema.ts';
import type { BoardRole, PackageData } from './registration.schema.ts';

/** All SQL of the registration package. No access checks here: the domain functions check roles first. */

export type PackageStatus = (typeof registrationPackages.$inferSelect)['status'];
export type PackageRow = typeof registrationPackages.$inferSelect;

/** A package that is still being prepared or is on its way: at most one per organisation (partial unique index). */
export const OPEN_STATUSES = ['draft', 'awaiting-confirmation', 'confirmed', 'submitted'] as const satisfies readonly PackageStatus[];

export interface PersonRow {
  id: string;
  kind: 'board' | 'contact';
  boardRole: BoardRole | null;
  position: number;
  name: string;
  birthDate: string | null;
  /** The workspace member: set directly, or the person who accepted the invitation sent to this person. */
  userId: string | null;
  userName: string | null;
  email: string | null;
  invitationId: string | null;
  invitationState: 'pending' | 'accepted' | 'expired' | 'revoked' | null;
  fnrCiphertext: string | null;
}

// ---------- packages ----------

/**
 * The package the workspace shows: the open one if there is one (at most one, by the partial unique index), else
 * the newest that was not discarded; null when there is none. Not by time alone: two packages can share a
 * timestamp (a test clock, or one transaction), and the open one is what people work on.
 */
export async function findCurrentPackage(db: Db, organisationId: string): Promise<PackageRow | null> {
  const [row] = await db
    .select()
    .from(registrationPackages)
    .where(and(eq(registrationPackages.organisationId, organisationId), ne(registrationPackages.status, 'discarded')))
    .orderBy(
      desc(sql`${registrationPackages.status} in ('draft', 'awaiting-confirmation', 'confirmed', 'submitted')`),
      desc(registrationPackages.createdAt),
      desc(registrationPackages.id),
    )
    .limit(1);
  return row ?? null;
}

/** Locks the organisation's open package for a change, so two editors' saves and a send cannot interleave. */
export async function lockOpenPackage(db: Db, organisationId: string): Promise<PackageRow | null> {
  const [row] = await db
    .select()
    .from(registrationPackages)
    .where(and(eq(registrationPackages.organisationId, organisationId), inArray(registrationPackages.status, OPEN_STATUSES)))
    .for('update');
  return row ?? null;
}

export async function lockPackage(db: Db, packageId: string): Promise<PackageRow | null> {
  const [row] = await db.select().from(registrationPackages).where(eq(registrationPackages.id, packageId)).for('update');
  return row ?? null;
}

/** Another package of the organisation that Brønnøysundregistrene received and has not answered yet (brief §4.2). */
export async function findPendingAtRegister(db: Db, organisationId: string, exceptPackageId: string) {
  const [row] = await db
    .select({ id: registrationPackages.id, receivedAt: registrationPackages.receivedAt, mottakId: registrationPackages.mottakId })
    .from(registrationPackages)
    .where(
      and(
        eq(registrationPackages.organisationId, organisationId),
        ne(registrationPackages.id, exceptPackageId),
        eq(registrationPackages.status, 'received'),
        isNull(registrationPackages.replyAt),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function insertPackage(db: Db, v: { organisationId: string; data: PackageData; createdBy: string; at: Date }) {
  const [row] = await db
    .insert(registrationPackages)
    .values({
      organisationId: v.organisationId,
      data: v.data as Record<string, unknown>,
      createdBy: v.createdBy,
      createdAt: v.at,
      updatedAt: v.at,
    })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

/**
 * Saves changed content: a new version, back to draft (confirmations are asked for again) and a new Melding id
 * the next time it is sent, because it is a different message.
 */
export async function updatePackageContent(db: Db, packageId: string, v: { data?: PackageData; at: Date }) {
  await db
    .update(registrationPackages)
    .set({
      ...(v.data ? { data: v.data as Record<string, unknown> } : {}),
      version: sql`${registrationPackages.version} + 1`,
      status: 'draft',
      meldingId: null,
      lastErrorCode: null,
      lastErrorId: null,
      lastErrorAt: null,
      updatedAt: v.at,
    })
    .where(eq(registrationPackages.id, packageId));
}

/** Writes data that is not content (no new version): the prefill record made when the package starts. */
export async function setPackageData(db: Db, packageId: string, data: PackageData) {
  await db
    .update(registrationPackages)
    .set({ data: data as Record<string, unknown> })
    .where(eq(registrationPackages.id, packageId));
}

export async function setPackageStatus(db: Db, packageId: string, status: PackageStatus, at: Date) {
  await db.update(registrationPackages).set({ status, updatedAt: at }).where(eq(registrationPackages.id, packageId));
}

/**
 * Claims the package for one send: confirmed → submitted (or a send that started long ago and never finished).
 * Returns null when another request got there first.
 */
export async function claimSend(db: Db, packageId: string, v: { at: Date; staleBefore: Date; meldingId: string; userId: string }) {
  const [row] = await db
    .update(registrationPackages)
    .set({
      status: 'submitted',
      sendStartedAt: v.at,
      sendAttempts: sql`${registrationPackages.sendAttempts} + 1`,
      meldingId: sql`coalesce(${registrationPackages.meldingId}, ${v.meldingId}::uuid)`,
      submittedBy: v.userId,
      updatedAt: v.at,
    })
    .where(
      and(
        eq(registrationPackages.id, packageId),
        or(
          eq(registrationPackages.status, 'confirmed'),
          and(eq(registrationPackages.status, 'submitted'), lt(registrationPackages.sendStartedAt, v.staleBefore)),
        ),
      ),
    )
    .returning();
  return row ?? null;
}

export async function recordReceipt(
  db: Db,
  packageId: string,
  v: { mottakId: string; mottattTidspunkt: string; receivedAt: Date; antallVedlegg: number; at: Date },
) {
  await db
    .update(registrationPackages)
    .set({
      status: 'received',
      mottakId: v.mottakId,
      mottattTidspunkt: v.mottattTidspunkt,
      receivedAt: v.receivedAt,
      antallVedlegg: v.antallVedlegg,
      lastErrorCode: null,
      lastErrorId: null,
      lastErrorAt: null,
      fnrErasedAt: v.at,
      updatedAt: v.at,
    })
    .where(eq(registrationPackages.id, packageId));
}

export async function recordSendFailure(db: Db, packageId: string, v: { code: string; errorId: string | null; at: Date }) {
  await db
    .update(registrationPackages)
    .set({ status: 'confirmed', lastErrorCode: v.code, lastErrorId: v.errorId, lastErrorAt: v.at, updatedAt: v.at })
    .where(eq(registrationPackages.id, packageId));
}

export async function markDiscarded(db: Db, packageId: string, at: Date) {
  await db
    .update(registrationPackages)
    .set({ status: 'discarded', fnrErasedAt: at, updatedAt: at })
    .where(eq(registrationPackages.id, packageId));
}

/** Packages the register has received and not answered, for the reply poller. */
export async function listAwaitingReply(db: Db) {
  return db
    .select({ id: registrationPackages.id, organisationId: registrationPackages.organisationId, meldingId: registrationPackages.meldingId })
    .from(registrationPackages)
    .where(
      and(eq(registrationPackages.status, 'received'), isNull(registrationPackages.replyAt), isNotNull(registrationPackages.meldingId)),
    );
}

export async function recordReply(
  db: Db,
  packageId: string,
  v: { replyMottakId: string; handling: string; text: string; rejected: boolean; at: Date },
) {
  await db
    .update(registrationPackages)
    .set({
      replyMottakId: v.replyMottakId,
      replyAt: v.at,
      replyHandling: v.handling,
      replyText: v.text,
      ...(v.rejected ? { status: 'rejected' as const } : {}),
      updatedAt: v.at,
    })
    .where(eq(registrationPackages.id, packageId));
}

export async function findPackageByReplyMottakId(db: Db, replyMottakId: string) {
  const [row] = await db
    .select({ id: registrationPackages.id })
    .from(registrationPackages)
    .where(eq(registrationPackages.replyMottakId, replyMottakId));
  return row ?? null;
}

// ---------- persons ----------

export async function listPersons(db: Db, packageId: string, now: Date): Promise<PersonRow[]> {
  const accepted = users;
  const rows = await db
    .select({
      id: registrationPersons.id,
      kind: registrationPersons.kind,
      boardRole: registrationPersons.boardRole,
      position: registrationPersons.position,
      name: registrationPersons.name,
      birthDate: registrationPersons.birthDate,
      directUserId: registrationPersons.userId,
      email: registrationPersons.email,
      invitationId: registrationPersons.invitationId,
      acceptedBy: invitations.acceptedBy,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      expiresAt: invitations.expiresAt,
      fnrCiphertext: registrationPersons.fnrCiphertext,
    })
    .from(registrationPersons)
    .leftJoin(invitations, eq(invitations.id, registrationPersons.invitationId))
    .where(eq(registrationPersons.packageId, packageId))
    .orderBy(asc(registrationPersons.kind), asc(registrationPersons.position), asc(registrationPersons.createdAt));
  const userIds = [...new Set(rows.map((r) => r.directUserId ?? r.acceptedBy).filter((id): id is string => Boolean(id)))];
  const names = userIds.length
    ? new Map(
        (await db.select({ id: accepted.id, name: accepted.name }).from(accepted).where(inArray(accepted.id, userIds))).map((u) => [
          u.id,
          u.name,
        ]),
      )
    : new Map<string, string>();
  return rows.map((r) => {
    const userId = r.directUserId ?? r.acceptedBy ?? null;
    let invitationState: PersonRow['invitationState'] = null;
    if (r.invitationId) {
      invitationState = r.acceptedAt ? 'accepted' : r.revokedAt ? 'revoked' : r.expiresAt && r.expiresAt <= now ? 'expired' : 'pending';
    }
    return {
      id: r.id,
      kind: r.kind,
      boardRole: r.boardRole,
      position: r.position,
      name: r.name,
      birthDate: r.birthDate,
      userId,
      userName: userId ? (names.get(userId) ?? null) : null,
      email: r.email,
      invitationId: r.invitationId,
      invitationState,
      fnrCiphertext: r.fnrCiphertext,
    };
  });
}

export async function insertPerson(
  db: Db,
  v: {
    packageId: string;
    kind: 'board' | 'contact';
    boardRole: BoardRole | null;
    position: number;
    name: string;
    birthDate: string | null;
    userId: string | null;
    email: string | null;
    fnrCiphertext: string | null;
    at: Date;
  },
) {
  const [row] = await db
    .insert(registrationPersons)
    .values({ ...v, createdAt: v.at, updatedAt: v.at })
    .returning({ id: registrationPersons.id });
  return row!.id;
}

export async function updatePerson(
  db: Db,
  personId: string,
  v: Partial<{
    boardRole: BoardRole | null;
    name: string;
    birthDate: string | null;
    userId: string | null;
    email: string | null;
    invitationId: string | null;
    fnrCiphertext: string | null;
    position: number;
  }> & { at: Date },
) {
  const { at, ...values } = v;
  await db
    .update(registrationPersons)
    .set({ ...values, updatedAt: at })
    .where(eq(registrationPersons.id, personId));
}

export async function deletePerson(db: Db, personId: string) {
  await db.delete(registrationPersons).where(eq(registrationPersons.id, personId));
}

/** Erasure: every fødselsnummer of the package is gone from the database (the receipt is in, or the package was discarded). */
export async function eraseFnr(db: Db, packageId: string, at: Date) {
  await db
    .update(registrationPersons)
    .set({ fnrCiphertext: null, updatedAt: at })
    .where(and(eq(registrationPersons.packageId, packageId), isNotNull(registrationPersons.fnrCiphertext)));
}

export async function maxBoardPosition(db: Db, packageId: string): Promise<number> {
  const [row] = await db
    .select({ max: sql<number | null>`max(${registrationPersons.position})` })
    .from(registrationPersons)
    .where(and(eq(registrationPersons.packageId, packageId), eq(registrationPersons.kind, 'board')));
  return Number(row?.max ?? 0);
}

// ---------- confirmations ----------

export async function insertConfirmation(
  db: Db,
  v: { packageId: string; personId: string; userId: string; packageVersion: number; contentHash: string; at: Date },
) {
  await db.insert(registrationConfirmations).values({
    packageId: v.packageId,
    personId: v.personId,
    userId: v.userId,
    packageVersion: v.packageVersion,
    contentHash: v.contentHash,
    confirmedAt: v.at,
  });
}

export async function listConfirmations(db: Db, packageId: string) {
  return db
    .select({
      id: registrationConfirmations.id,
      personId: registrationConfirmations.personId,
      userId: registrationConfirmations.userId,
      userName: users.name,
      packageVersion: registrationConfirmations.packageVersion,
      contentHash: registrationConfirmations.contentHash,
      confirmedAt: registrationConfirmations.confirmedAt,
      invalidatedAt: registrationConfirmations.invalidatedAt,
      invalidatedReason: registrationConfirmations.invalidatedReason,
    })
    .from(registrationConfirmations)
    .leftJoin(users, eq(users.id, registrationConfirmations.userId))
    .where(eq(registrationConfirmations.packageId, packageId))
    .orderBy(desc(registrationConfirmations.confirmedAt));
}

/** Returns how many confirmations stopped counting. */
export async function invalidateConfirmations(db: Db, packageId: string, v: { at: Date; reason: 'changed' | 'discarded' }) {
  const rows = await db
    .update(registrationConfirmations)
    .set({ invalidatedAt: v.at, invalidatedReason: v.reason })
    .where(and(eq(registrationConfirmations.packageId, packageId), isNull(registrationConfirmations.invalidatedAt)))
    .returning({ id: registrationConfirmations.id });
  return rows.length;
}

// ---------- the workspace ----------

export async function findOrganisationForPackage(db: Db, organisationId: string) {
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

export async function listWorkspaceMembers(db: Db, organisationId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, birthDate: users.birthDate })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.name));
}

export async function findUserContact(db: Db, userId: string) {
  const [row] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId));
  return row ?? null;
}

// ---------- the contract for other features ----------

export type RegistrationStatus = 'draft' | 'awaiting-confirmation' | 'confirmed' | 'submitted' | 'received' | 'rejected';

/**
 * The workspace's registration status (contract in /tmp/issue4-contract.md; the plan and the calendar read it):
 * the newest package that was not discarded. `received` means Brønnøysundregistrene's intake gave a receipt
 * (mottakId, receivedAt); `rejected` that their reply turned it down. No access check: callers have checked the role.
 */
export async function readRegistrationStatus(
  db: Db,
  organisationId: string,
): Promise<{ status: RegistrationStatus; mottakId?: string; receivedAt?: Date } | null> {
  const row = await findCurrentPackage(db, organisationId);
  if (!row || row.status === 'discarded') return null;
  return {
    status: row.status,
    ...(row.mottakId ? { mottakId: row.mottakId } : {}),
    ...(row.receivedAt ? { receivedAt: row.receivedAt } : {}),
  };
}

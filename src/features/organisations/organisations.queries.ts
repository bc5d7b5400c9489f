import { and, asc, count, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import { auditEvents, invitations, memberships, organisations, users } from '../../core/db/schema.ts';
import type { OrgRole } from './organisations.schema.ts';

export async function findMembership(db: Db, organisationId: string, userId: string) {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
  return row ?? null;
}

export async function findOrganisation(db: Db, organisationId: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  return row ?? null;
}

/** Locks the organisation row so leader-count checks and role changes cannot interleave. */
export async function lockOrganisation(db: Db, organisationId: string) {
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId)).for('update');
  return row ?? null;
}

export async function listOrganisationsForUser(db: Db, userId: string) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      orgnr: organisations.orgnr,
      phase: organisations.phase,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organisations.name));
}

export async function insertOrganisation(db: Db, v: { name: string; orgnr: string | null; phase: number }) {
  const [row] = await db.insert(organisations).values(v).onConflictDoNothing().returning({ id: organisations.id });
  return row ?? null;
}

export async function insertMembership(db: Db, v: { organisationId: string; userId: string; role: OrgRole }) {
  await db.insert(memberships).values(v).onConflictDoNothing();
}

export async function listMembers(db: Db, organisationId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.name));
}

export async function countLeaders(db: Db, organisationId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'leader')));
  return Number(row?.n ?? 0);
}

export async function updateMembershipRole(db: Db, organisationId: string, userId: string, role: OrgRole) {
  await db
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
}

export async function deleteMembership(db: Db, organisationId: string, userId: string) {
  await db.delete(memberships).where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
}

export async function findUserName(db: Db, userId: string) {
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return row?.name ?? null;
}

export async function insertInvitation(
  db: Db,
  v: { organisationId: string; email: string; role: OrgRole; tokenHash: string; invitedBy: string; expiresAt: Date },
) {
  const [row] = await db.insert(invitations).values(v).returning({ id: invitations.id });
  return row!;
}

export async function listPendingInvitations(db: Db, organisationId: string, now: Date) {
  return db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(
      and(
        eq(invitations.organisationId, organisationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .orderBy(asc(invitations.createdAt));
}

export async function findInvitationByTokenHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      id: invitations.id,
      organisationId: invitations.organisationId,
      organisationName: organisations.name,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(eq(invitations.tokenHash, tokenHash));
  return row ?? null;
}

/** Marks the invitation used only if it still is usable: the single-use guarantee is this one statement. */
export async function claimInvitation(db: Db, invitationId: string, userId: string, now: Date) {
  const [row] = await db
    .update(invitations)
    .set({ acceptedAt: now, acceptedBy: userId })
    .where(
      and(eq(invitations.id, invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)),
    )
    .returning({ id: invitations.id });
  return row ?? null;
}

export async function revokeInvitationRow(db: Db, organisationId: string, invitationId: string, now: Date) {
  const [row] = await db
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(invitations.id, invitationId),
        eq(invitations.organisationId, organisationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ email: invitations.email });
  return row ?? null;
}

export async function listAuditEvents(db: Db, organisationId: string, limit = 200) {
  return db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      details: auditEvents.details,
      createdAt: auditEvents.createdAt,
      actorName: users.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(eq(auditEvents.organisationId, organisationId))
    .orderBy(desc(auditEvents.createdAt))
    .limit(limit);
}

import { and, asc, desc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import type { PlatformRole } from '../../core/auth/current-user.ts';
import type { Db } from '../../core/db/client.ts';
import { auditEvents, userPlatformRoles, users } from '../../core/db/schema.ts';

export async function searchUsersWithRoles(db: Db, query: string, limit = 100) {
  const pattern = `%${query.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      roles: sql<
        PlatformRole[]
      >`coalesce(array_agg(${userPlatformRoles.role}::text) filter (where ${userPlatformRoles.role} is not null), '{}')`,
    })
    .from(users)
    .leftJoin(userPlatformRoles, eq(userPlatformRoles.userId, users.id))
    .where(query ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined)
    .groupBy(users.id)
    .orderBy(asc(users.name))
    .limit(limit);
  return rows;
}

export async function findUser(db: Db, userId: string) {
  const [row] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, userId));
  return row ?? null;
}

export async function rolesOf(db: Db, userId: string): Promise<PlatformRole[]> {
  const rows = await db.select({ role: userPlatformRoles.role }).from(userPlatformRoles).where(eq(userPlatformRoles.userId, userId));
  return rows.map((r) => r.role);
}

/** Locks every administrator row so the last-administrator check cannot race. */
export async function countAdministratorsForUpdate(db: Db): Promise<number> {
  const rows = await db
    .select({ userId: userPlatformRoles.userId })
    .from(userPlatformRoles)
    .where(eq(userPlatformRoles.role, 'administrator'))
    .for('update');
  return rows.length;
}

export async function replaceRoles(db: Db, userId: string, roles: PlatformRole[]) {
  await db.delete(userPlatformRoles).where(eq(userPlatformRoles.userId, userId));
  if (roles.length > 0) await db.insert(userPlatformRoles).values(roles.map((role) => ({ userId, role })));
}

export async function listPlatformAuditEvents(db: Db, limit = 200) {
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
    .where(and(isNull(auditEvents.organisationId), sql`${auditEvents.action} like 'platform.%'`))
    .orderBy(desc(auditEvents.createdAt))
    .limit(limit);
}

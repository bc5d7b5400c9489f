import { and, eq, lt, or } from 'drizzle-orm';
import { randomToken, sha256 } from '../crypto.ts';
import { sessions, userPlatformRoles, users } from '../db/schema.ts';
import type { Deps } from '../http/context.ts';
import type { CurrentUser, PlatformRole } from './current-user.ts';

/**
 * Sessions live in the database so any app instance can serve any request, and signing out or expiring
 * a session takes effect everywhere at once. The cookie holds a random id; the table holds its hash.
 */
export const SESSION_COOKIE = 'frivillig_session';

/** Touch last_seen_at at most this often, so browsing does not write on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export async function createSession(
  deps: Deps,
  opts: { userId: string; idToken?: string | null },
): Promise<{ cookieValue: string; expiresAt: Date }> {
  const cookieValue = randomToken();
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + deps.config.SESSION_ABSOLUTE_HOURS * 3_600_000);
  await deps.database.db.insert(sessions).values({
    idHash: sha256(cookieValue),
    userId: opts.userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    idToken: opts.idToken ?? null,
  });
  return { cookieValue, expiresAt };
}

/** Returns the signed-in user, or null when the cookie is unknown, idle too long or past absolute expiry. */
export async function loadSessionUser(deps: Deps, cookieValue: string): Promise<CurrentUser | null> {
  const idHash = sha256(cookieValue);
  const { db } = deps.database;
  const [row] = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.idHash, idHash));
  if (!row) return null;
  const now = deps.now();
  const idleLimit = deps.config.SESSION_IDLE_MINUTES * 60_000;
  if (row.expiresAt <= now || now.getTime() - row.lastSeenAt.getTime() > idleLimit) {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  }
  const roles = await db.select({ role: userPlatformRoles.role }).from(userPlatformRoles).where(eq(userPlatformRoles.userId, row.userId));
  return {
    id: row.userId,
    name: row.name,
    email: row.email,
    platformRoles: roles.map((r) => r.role as PlatformRole),
    sessionIdHash: idHash,
  };
}

export async function destroySession(deps: Deps, idHash: string): Promise<string | null> {
  const [row] = await deps.database.db.delete(sessions).where(eq(sessions.idHash, idHash)).returning({ idToken: sessions.idToken });
  return row?.idToken ?? null;
}

/** Housekeeping: removes expired sessions (called at start-up and by the periodic cleanup). */
export async function purgeExpiredSessions(deps: Deps): Promise<void> {
  const now = deps.now();
  const idleCutoff = new Date(now.getTime() - deps.config.SESSION_IDLE_MINUTES * 60_000);
  await deps.database.db.delete(sessions).where(or(lt(sessions.expiresAt, now), and(lt(sessions.lastSeenAt, idleCutoff))));
}

import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import { signInAttempts, users } from '../../core/db/schema.ts';

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return row ?? null;
}

export async function insertLocalUser(db: Db, v: { name: string; email: string; passwordHash: string }) {
  const [row] = await db.insert(users).values(v).onConflictDoNothing().returning({ id: users.id });
  return row ?? null;
}

export async function countRecentFailures(db: Db, key: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.key, key), eq(signInAttempts.succeeded, false), gt(signInAttempts.createdAt, since)));
  return Number(row?.n ?? 0);
}

export async function recordAttempts(db: Db, keys: string[], succeeded: boolean, at: Date) {
  await db.insert(signInAttempts).values(keys.map((key) => ({ key, succeeded, createdAt: at })));
}

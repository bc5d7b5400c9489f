/**
 * Child process run before a Frivillig server starts (PGlite allows one process per data directory, so this
 * must finish before the server opens it): applies migrations, seeds the demo data, signs the demo leader in
 * by creating a session, and writes { orgId, cookieValue, serverVersion } as JSON to the file named in argv[2].
 * Configuration comes from the same environment variables as the server (DATA_DIR or DATABASE_URL, ...).
 *
 *   node --import tsx bench/setup.ts <out.json>
 */
import { writeFileSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { createSession } from '../src/core/auth/sessions.ts';
import { loadConfig } from '../src/core/config.ts';
import { memberships, organisations, users } from '../src/core/db/schema.ts';
import { createDeps } from '../src/core/deps.ts';
import { DEMO_PEOPLE, seedDemoData } from '../src/features/seed/seed.ts';

const LEADER_KEY = 'kari';
const ORGANISATION_NAME = 'Tromsø Sjakklubb';

const out = process.argv[2];
if (!out) throw new Error('usage: node --import tsx bench/setup.ts <out.json>');

const leader = DEMO_PEOPLE.find((p) => p.key === LEADER_KEY);
if (!leader) throw new Error(`demo person "${LEADER_KEY}" is not in DEMO_PEOPLE any more`);

const deps = await createDeps(loadConfig());
try {
  await deps.database.migrate();
  await seedDemoData(deps);
  const { db } = deps.database;
  const [row] = await db
    .select({ userId: users.id, orgId: organisations.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(sql`lower(${users.email})`, leader.email), eq(organisations.name, ORGANISATION_NAME), eq(memberships.role, 'leader')));
  if (!row) throw new Error(`${leader.email} does not lead "${ORGANISATION_NAME}" in the demo data`);
  const { cookieValue } = await createSession(deps, { userId: row.userId });
  const version = (await db.execute(sql`select current_setting('server_version') as v`)) as unknown as { rows: { v: string }[] };
  const result = {
    engine: deps.database.engine,
    serverVersion: version.rows[0]?.v ?? 'unknown',
    leaderEmail: leader.email,
    organisationName: ORGANISATION_NAME,
    orgId: row.orgId,
    cookieValue,
  };
  writeFileSync(out, JSON.stringify(result));
} finally {
  await deps.database.close();
}

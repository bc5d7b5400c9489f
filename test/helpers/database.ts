import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../../src/core/db/client.ts';

/**
 * A fresh, migrated database for one test file. With TEST_DATABASE_URL set (the PostgreSQL run of the
 * suite) each call creates its own database on that server and drops it on close; otherwise it is an
 * in-memory PGlite. The same tests therefore run on both engines.
 */
export async function createTestDatabase(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const db = await openPglite();
    await db.migrate();
    return db;
  }
  const name = `frivillig_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString());
  await db.migrate();
  return {
    ...db,
    close: async () => {
      await db.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export const engineUnderTest = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

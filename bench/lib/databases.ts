import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

/**
 * Fresh, empty databases for the register benchmark: a new DATA_DIR for PGlite, a new database in the
 * benchmark's private PostgreSQL cluster. Each import size gets its own, so every import starts empty.
 */

export type EngineName = 'pglite' | 'postgres';

export interface BenchDatabase {
  /** The app's settings that point at it (DATA_DIR or DATABASE_URL). */
  settings: Record<string, string>;
  drop(): Promise<void>;
}

function databaseUrl(clusterUrl: string, name: string): string {
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(clusterUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function freshDatabase(engine: EngineName, opts: { work: string; name: string; clusterUrl?: string }): Promise<BenchDatabase> {
  if (!/^[a-z0-9_]+$/.test(opts.name)) throw new Error(`database name "${opts.name}" must be lower-case letters, digits and _`);
  if (engine === 'pglite') {
    const dir = join(opts.work, `pglite-${opts.name}`);
    rmSync(dir, { recursive: true, force: true });
    return { settings: { DATA_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const clusterUrl = opts.clusterUrl;
  if (!clusterUrl) throw new Error('a PostgreSQL database needs the cluster URL');
  await admin(clusterUrl, async (c) => {
    await c.query(`drop database if exists ${opts.name}`);
    await c.query(`create database ${opts.name}`);
  });
  return {
    settings: { DATABASE_URL: databaseUrl(clusterUrl, opts.name) },
    drop: () => admin(clusterUrl, async (c) => void (await c.query(`drop database if exists ${opts.name} with (force)`))),
  };
}

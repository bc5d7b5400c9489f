/**
 * Writes `{ engine, serverVersion }` of the database the environment points at (DATA_DIR or DATABASE_URL) as
 * JSON to the file named in argv[2]; the benchmark's README names the versions it measured.
 *
 *   node --import tsx bench/db-version.ts <out.json>
 */
import { writeFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/core/config.ts';
import { openDatabase, rowsOf } from '../src/core/db/client.ts';

const out = process.argv[2];
if (!out) throw new Error('usage: node --import tsx bench/db-version.ts <out.json>');
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  const [row] = rowsOf<{ v: string }>(await database.db.execute(sql`select current_setting('server_version') as v`));
  writeFileSync(out, JSON.stringify({ engine: database.engine, serverVersion: row?.v ?? 'unknown' }));
} finally {
  await database.close();
}

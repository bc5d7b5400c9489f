import { loadConfig } from '../core/config.ts';
import { openDatabase } from '../core/db/client.ts';

export async function runMigrate(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    const before = await database.pendingMigrations();
    await database.migrate();
    console.log(before === 0 ? 'The database is up to date.' : `Applied ${before} migration(s).`);
    return 0;
  } finally {
    await database.close();
  }
}

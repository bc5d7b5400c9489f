import type { Config } from './config.ts';
import { type Database, openDatabase } from './db/client.ts';
import type { Deps } from './http/context.ts';
import { createLogger, type Logger } from './logger.ts';
import { createMailer } from './mail/mailer.ts';

/** Opens the configured database and builds the dependencies every command and the server share. */
export async function createDeps(config: Config, opts: { logger?: Logger; database?: Database } = {}): Promise<Deps> {
  const logger = opts.logger ?? createLogger(config.LOG_LEVEL);
  const database = opts.database ?? (await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }));
  return { config, database, logger, mailer: createMailer({ config, database, logger }), now: () => new Date() };
}

import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { createApp } from '../app.ts';
import { purgeExpiredSessions } from '../core/auth/sessions.ts';
import { loadConfig } from '../core/config.ts';
import { createDeps } from '../core/deps.ts';
import { createCalendarWorker } from '../features/calendar/calendar-jobs.ts';
import { createGainsWorker } from '../features/gains/snapshot-gains.ts';
import { createRegisterSyncWorker } from '../features/register-sync/sync-jobs.ts';
import { createRegistrationWorker } from '../features/registration/poll-replies.ts';
import { isDatabaseEmpty, seedDemoData } from '../features/seed/seed.ts';
import { demoSignInText } from './seed.ts';

export async function runServe(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { 'no-seed': { type: 'boolean', default: false } } });
  const config = loadConfig();
  const deps = await createDeps(config);
  const { logger } = deps;
  await deps.database.migrate();
  // The embedded default is for trying Frivillig out: an empty one gets demo data so there is something to see.
  if (!config.DATABASE_URL && !values['no-seed'] && (await isDatabaseEmpty(deps))) {
    await seedDemoData(deps);
    logger.info('seeded demo data into the empty embedded database');
  }
  await purgeExpiredSessions(deps);
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  logger.info('listening', { url: config.publicUrl, engine: deps.database.engine });
  console.error(
    `\nFrivillig is running at ${config.publicUrl} (${deps.database.engine === 'pglite' ? `embedded database in ${config.DATA_DIR}` : 'PostgreSQL'})`,
  );
  if (config.localSignInEnabled && !config.DATABASE_URL) console.error(`${demoSignInText(config.publicUrl)}\n`);
  // Background jobs (register sync); safe with several instances: jobs are claimed with SKIP LOCKED and leases.
  const worker = createRegisterSyncWorker(deps);
  await worker.start();
  // Årshjul reminder e-mails (hourly; each reminder claimed once under a unique index, so any number of instances).
  const calendarWorker = createCalendarWorker(deps);
  await calendarWorker.start();
  // Replies from Brønnøysundregistrene's intake to registration packages (only with Maskinporten configured).
  const registrationWorker = createRegistrationWorker(deps);
  await registrationWorker.start();
  // The gains dashboard's monthly snapshots (every six hours; an upsert per month and indicator, so any number of instances).
  const gainsWorker = createGainsWorker(deps);
  await gainsWorker.start();
  if (config.fnrKeyIsDevelopmentDefault && config.DATABASE_URL) {
    logger.warn('FNR_ENCRYPTION_KEY is not set: fødselsnummer are encrypted with the development key, which is only for the embedded demo');
  }
  const sweep = setInterval(() => purgeExpiredSessions(deps).catch((error) => logger.warn('session purge failed', { error })), 15 * 60_000);
  sweep.unref();

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      logger.info('shutting down', { signal });
      clearInterval(sweep);
      server.close(() => resolve());
      // Keep-alive connections would hold close() open; give in-flight requests a moment, then go.
      setTimeout(() => resolve(), 5000).unref();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  // A job still running after the grace period goes back to the queue for the next start or another instance.
  await Promise.all([
    worker.stop({ graceMs: 10_000 }),
    calendarWorker.stop({ graceMs: 10_000 }),
    registrationWorker.stop({ graceMs: 10_000 }),
    gainsWorker.stop({ graceMs: 10_000 }),
  ]);
  await deps.database.close();
  return 0;
}

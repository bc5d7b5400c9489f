import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database.ts';
import { loadConfig } from '../../core/config.ts';
import type { Database } from '../../core/db/client.ts';
import { jobs, registerChanges, registerEnheter, registerFrivillige, registerRoller, registerSyncState } from '../../core/db/schema.ts';
import { activeJobsBySingletonKey } from '../../core/jobs/jobs.queries.ts';
import { createLogger } from '../../core/logger.ts';
import { createBrregClient } from '../register/brreg-client.ts';
import { enhet, frivillig, roller, testOrgnr } from '../register/import-fixtures.ts';
import { getSyncState } from '../register/register.queries.ts';
import { type FeedDouble, startFeedDouble } from './feed-double.ts';
import { createRegisterSyncWorker, FOLLOWERS, jobNameOf, singletonKeyOf } from './sync-jobs.ts';

let database: Database;
let double: FeedDouble;
let now: Date;
const logger = createLogger('silent');
const deps = (env: Record<string, string> = {}) => ({
  config: loadConfig({
    NODE_ENV: 'test',
    BRREG_ENHETSREGISTERET_URL: double.baseUrl,
    BRREG_FRIVILLIGHETSREGISTERET_URL: double.frivilligeBaseUrl,
    REGISTER_SYNC_INTERVAL_MINUTES: '5',
    ...env,
  }),
  database,
  logger,
  now: () => now,
});
const client = () => createBrregClient({ logger, timeoutMs: 300, retries: 1, sleep: async () => {} });
const later = (ms: number) => new Date(now.getTime() + ms);

beforeAll(async () => {
  database = await createTestDatabase();
  double = await startFeedDouble();
});
afterAll(async () => {
  await double.close();
  await database.close();
});
beforeEach(async () => {
  for (const t of [jobs, registerChanges, registerSyncState, registerFrivillige, registerEnheter]) await database.db.delete(t);
  double.units.clear();
  double.changes.length = 0;
  double.roleEvents.length = 0;
  double.frivillige.length = 0;
  double.fault = null;
  now = new Date('2026-03-02T12:00:00Z');
});

describe('register sync jobs', () => {
  it('with sync on, schedules each follower once, however many instances start', async () => {
    const a = createRegisterSyncWorker(deps({ REGISTER_SYNC_ENABLED: 'true' }), { client: client() });
    const b = createRegisterSyncWorker(deps({ REGISTER_SYNC_ENABLED: 'true' }), { client: client() });
    await a.scheduleRecurring();
    await b.scheduleRecurring();
    const queued = await activeJobsBySingletonKey(database.db, FOLLOWERS.map(singletonKeyOf));
    expect(queued.map((j) => j.name).sort()).toEqual(FOLLOWERS.map(jobNameOf).sort());
    expect(await database.db.select().from(jobs)).toHaveLength(3);
  });

  it('with sync off (the embedded default), removes scheduled runs at start and schedules none', async () => {
    expect(deps().config.registerSyncEnabled).toBe(false);
    expect(deps({ DATABASE_URL: 'postgres://x@localhost/y' }).config.registerSyncEnabled).toBe(true);
    await createRegisterSyncWorker(deps({ REGISTER_SYNC_ENABLED: 'true' }), { client: client() }).scheduleRecurring();
    const worker = createRegisterSyncWorker(deps(), { client: client(), pollMs: 5 });
    await worker.start();
    await worker.stop();
    expect(await database.db.select().from(jobs)).toHaveLength(0);
  });

  it('runs the units feed as a job: a failed run is retried with backoff, then the next run is scheduled', async () => {
    const orgnr = testOrgnr(60);
    double.units.set(orgnr, enhet(60));
    double.changes.push({ oppdateringsid: 1, dato: '2026-03-02T11:00:00.000Z', organisasjonsnummer: orgnr, endringstype: 'Ny' });
    double.fault = ({ path }) => (path.endsWith(`/enheter/${orgnr}`) ? new Response('down', { status: 500 }) : undefined);
    const worker = createRegisterSyncWorker(deps({ REGISTER_SYNC_ENABLED: 'true' }), { client: client() });
    await worker.scheduleRecurring();
    // Only the units feed is due in this test.
    await database.db
      .update(jobs)
      .set({ runAt: later(3_600_000) })
      .where(eq(jobs.name, jobNameOf('roller-feed')));
    await database.db
      .update(jobs)
      .set({ runAt: later(3_600_000) })
      .where(eq(jobs.name, jobNameOf('frivillige-walk')));

    expect(await worker.runOnce()).toMatchObject({ ran: true, name: jobNameOf('enheter-feed'), outcome: 'retry' });
    const [retry] = await activeJobsBySingletonKey(database.db, [singletonKeyOf('enheter-feed')]);
    expect(retry).toMatchObject({ status: 'queued', attempts: 1, runAt: later(30_000), lastError: expect.stringContaining('500') });
    expect(await getSyncState(database.db, 'enheter-feed')).toMatchObject({ consecutiveFailures: 1, cursor: null });
    expect(await database.db.select().from(registerEnheter)).toHaveLength(0);

    double.fault = null;
    expect(await worker.runOnce()).toEqual({ ran: false });
    now = later(30_000);
    expect(await worker.runOnce()).toMatchObject({ ran: true, outcome: 'done' });
    expect(await database.db.select().from(registerEnheter)).toHaveLength(1);
    expect(await getSyncState(database.db, 'enheter-feed')).toMatchObject({ consecutiveFailures: 0, cursor: '1', lastSuccessAt: now });
    const [next] = await activeJobsBySingletonKey(database.db, [singletonKeyOf('enheter-feed')]);
    expect(next).toMatchObject({ status: 'queued', attempts: 0, runAt: later(5 * 60_000) });
  });

  it('runs the roles feed and the Frivillighetsregisteret walk as jobs', async () => {
    const orgnr = testOrgnr(61);
    double.units.set(orgnr, enhet(61));
    double.changes.push({ oppdateringsid: 1, dato: '2026-03-02T11:00:00.000Z', organisasjonsnummer: orgnr, endringstype: 'Ny' });
    double.roles.set(orgnr, roller(61));
    double.roleEvents.push({
      specversion: '1.0',
      id: '9',
      time: '2026-03-02T11:30:00.000Z',
      type: 'x',
      data: { organisasjonsnummer: orgnr },
    });
    double.frivillige.push(frivillig(61), frivillig(62));
    const worker = createRegisterSyncWorker(deps({ REGISTER_SYNC_ENABLED: 'true' }), { client: client() });
    await worker.scheduleRecurring();
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push(await worker.runOnce());
    expect(outcomes.map((o) => (o.ran ? [o.name, o.outcome] : null)).sort()).toEqual(FOLLOWERS.map((f) => [jobNameOf(f), 'done']).sort());
    expect(await database.db.select().from(registerFrivillige)).toHaveLength(2);
    expect(await getSyncState(database.db, 'frivillige-walk')).toMatchObject({ lastSuccessAt: now, consecutiveFailures: 0 });
    // The roles feed ran before or after the units feed; run it once more so the unit (FLI) is in scope.
    await database.db
      .update(jobs)
      .set({ runAt: now })
      .where(eq(jobs.name, jobNameOf('roller-feed')));
    await database.db.delete(registerSyncState).where(eq(registerSyncState.name, 'roller-feed'));
    expect(await worker.runOnce()).toMatchObject({ name: jobNameOf('roller-feed'), outcome: 'done' });
    expect(await database.db.select().from(registerRoller).where(eq(registerRoller.orgnr, orgnr))).toHaveLength(3);
  });
});

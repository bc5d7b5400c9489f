import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import { auditEvents, jobs, registerImportRuns, registerQuarantine, registerSyncState } from '../../core/db/schema.ts';
import { claimJob } from '../../core/jobs/jobs.queries.ts';
import { jobNameOf, singletonKeyOf } from './sync-jobs.ts';

describe(`register sync status page (${engineUnderTest})`, () => {
  let ctx: TestContext;
  let adminId: string;
  const now = new Date('2026-03-02T12:00:00Z');

  beforeAll(async () => {
    ctx = await createTestContext();
    ctx.setNow(now);
    adminId = (await ctx.createUser({ name: 'Ada Admin', platformRoles: ['administrator'] })).id;
  });
  afterAll(() => ctx.close());
  beforeEach(async () => {
    for (const t of [jobs, registerSyncState, registerQuarantine, registerImportRuns]) await ctx.database.db.delete(t);
  });

  const admin = async () => {
    const c = ctx.client();
    await c.signInAs(adminId);
    return c;
  };

  it('is for administrators only', async () => {
    const official = await ctx.createUser({ platformRoles: ['public_official', 'orchestrator'] });
    const c = ctx.client();
    await c.signInAs(official.id);
    expect((await c.get('/admin/registersynk')).status).toBe(403);
    expect((await c.post('/admin/registersynk/kjor', { follower: 'enheter-feed' })).status).toBe(403);
    expect((await c.post('/admin/registersynk/kjor', { follower: 'nonsense' })).status).toBe(403);
    expect(await ctx.database.db.select().from(jobs)).toHaveLength(0);
    const anonymous = ctx.client();
    const res = await anonymous.get('/admin/registersynk');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('/logg-inn');
  });

  it('shows each follower, recent import runs and quarantine counts', async () => {
    await ctx.database.db.insert(registerSyncState).values([
      {
        name: 'enheter-feed',
        cursor: '25255241',
        lastRunAt: new Date('2026-03-02T11:50:00Z'),
        lastSuccessAt: new Date('2026-03-02T11:40:00Z'),
        lastError: 'GET https://data.brreg.no/enhetsregisteret/api/oppdateringer/enheter failed after 4 attempt(s): HTTP 503',
        consecutiveFailures: 2,
        details: { lastEntryAt: '2026-03-02T09:55:00.000Z', caughtUp: false, blocked: { id: '25255242', reason: 'x', failures: 2 } },
      },
      { name: 'frivillige-walk', lastRunAt: new Date('2026-03-01T03:00:00Z'), lastSuccessAt: new Date('2026-03-01T03:20:00Z') },
    ]);
    const [run] = await ctx.database.db
      .insert(registerImportRuns)
      .values({
        kind: 'enheter',
        source: 'https://data.brreg.no/enhetsregisteret/api/enheter/lastned',
        status: 'completed',
        recordsRead: 1200,
        recordsInserted: 1190,
        recordsQuarantined: 10,
        startedAt: new Date('2026-03-01T05:00:00Z'),
        finishedAt: new Date('2026-03-01T05:10:00Z'),
      })
      .returning();
    await ctx.database.db.insert(registerQuarantine).values([
      { runId: run!.id, source: 'enheter', position: '3', reason: 'navn: must not be empty', raw: '{}' },
      { runId: null, source: 'enheter-feed', position: '77', reason: 'bad', raw: '{}' },
      { runId: null, source: 'enheter-feed', position: '78', reason: 'bad', raw: '{}' },
    ]);
    await ctx.database.db.insert(jobs).values({
      name: jobNameOf('enheter-feed'),
      singletonKey: singletonKeyOf('enheter-feed'),
      runAt: new Date('2026-03-02T12:01:00Z'),
      attempts: 2,
      maxAttempts: 3,
    });

    const c = await admin();
    const res = await c.get('/admin/registersynk');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1 class="ds-heading" data-size="lg">Registersynkronisering</h1>');
    // Off by default on the embedded database: said in text, not only by colour.
    expect(html).toContain('Automatisk synkronisering er slått av');
    expect(html).toMatch(/<caption class="ds-sr-only" id="sync-followers-caption">Synkroniseringer<\/caption>/);
    expect(html).toContain('Enhetsregisteret: endringer');
    expect(html).toContain('Enhetsregisteret: roller');
    expect(html).toContain('Frivillighetsregisteret: full gjennomgang');
    expect(html).toContain('25255241');
    expect(html).toContain('HTTP 503');
    // Lag: now − the last entry's date (12:00 − 09:55).
    expect(html).toContain('2 t 5 min');
    expect(html).toContain('<td>2</td>');
    expect(html).toContain('Post 25255242 har feilet 2 kjøring(er) på rad');
    expect(html).toContain('Nytt forsøk');
    // The walk's lag is the time since its last complete walk.
    expect(html).toContain('1 d 8 t');
    expect(html).toContain('Siste importkjøringer');
    expect(html).toContain('<td>1190</td>');
    expect(html).toMatch(/<th scope="row">enheter-feed<\/th><td>2<\/td>/);
    expect(html).toMatch(/<th scope="row">enheter<\/th><td>1<\/td>/);
    // One "run now" button per follower, each with its own accessible name.
    expect(html.match(/name="follower" value="/g)).toHaveLength(3);
    expect(html).toContain('<span class="ds-sr-only">: Enhetsregisteret: roller</span>');

    const nn = await c.get('/admin/registersynk', { 'accept-language': 'nn' });
    const nnHtml = await nn.text();
    expect(nnHtml).toContain('Einingsregisteret: endringar');
    expect(nnHtml).toContain('Køyr no');
    expect(nnHtml).toContain('Siste importkøyringar');
  });

  it('says when nothing has run yet', async () => {
    const html = await (await (await admin()).get('/admin/registersynk')).text();
    expect(html).toContain('Aldri');
    expect(html).toContain('Ikke planlagt');
    expect(html).toContain('Ingen importer er kjørt ennå.');
    expect(html).toContain('Ingen poster i karantene.');
  });

  it('"run now" queues one run (moving a scheduled one forward), audited, and says so', async () => {
    await ctx.database.db.insert(jobs).values({
      name: jobNameOf('roller-feed'),
      singletonKey: singletonKeyOf('roller-feed'),
      runAt: new Date('2026-03-02T12:10:00Z'),
    });
    const c = await admin();
    const res = await c.post('/admin/registersynk/kjor', { follower: 'roller-feed' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/registersynk');
    const queued = await ctx.database.db
      .select()
      .from(jobs)
      .where(eq(jobs.singletonKey, singletonKeyOf('roller-feed')));
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ status: 'queued', runAt: now });
    expect(await (await c.get('/admin/registersynk')).text()).toContain('Kjøringen er lagt i køen og starter straks.');
    const [event] = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'register_sync.run_requested'));
    expect(event).toMatchObject({ actorUserId: adminId, details: expect.objectContaining({ follower: 'roller-feed' }) });

    // While it runs, another press queues nothing.
    await claimJob(ctx.database.db, { names: [jobNameOf('roller-feed')], workerId: 'w', now, leaseMs: 60_000 });
    await c.post('/admin/registersynk/kjor', { follower: 'roller-feed' });
    expect(await ctx.database.db.select().from(jobs)).toHaveLength(1);
    const html = await (await c.get('/admin/registersynk')).text();
    expect(html).toContain('Denne synkroniseringen kjører allerede.');
    expect(html).toContain('Kjører nå (forsøk 1 av 5)');
  });

  it('refuses an unknown follower', async () => {
    const c = await admin();
    expect((await c.post('/admin/registersynk/kjor', { follower: 'everything' })).status).toBe(422);
    expect((await c.post('/admin/registersynk/kjor', {})).status).toBe(422);
    expect(await ctx.database.db.select().from(jobs)).toHaveLength(0);
  });

  it('is linked from the administration page', async () => {
    const html = await (await (await admin()).get('/admin/brukere')).text();
    expect(html).toContain('href="/admin/registersynk"');
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { jobs, registerImportRuns, registerQuarantine, registerSyncState, userPlatformRoles, users } from '../../src/core/db/schema.ts';
import { type BrowserHarness, registerLocal, startBrowserHarness } from './helpers.ts';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
});
afterEach(() => h.assertEveryPageChecked());
afterAll(async () => {
  await h?.close();
});

describe('journey: register sync status', () => {
  it('an administrator reads the sync status and asks for a run, without JavaScript, 320 px wide', async () => {
    const db = h.database.db;
    await db.insert(registerSyncState).values({
      name: 'enheter-feed',
      cursor: '25255241',
      lastRunAt: new Date(Date.now() - 60_000),
      lastSuccessAt: new Date(Date.now() - 11 * 60_000),
      lastError:
        'GET https://data.brreg.no/enhetsregisteret/api/oppdateringer/enheter?size=500&sort=id%2CASC&includeChanges=true&oppdateringsid=25255242 failed after 4 attempt(s): HTTP 503',
      consecutiveFailures: 1,
      details: { lastEntryAt: new Date(Date.now() - 15 * 60_000).toISOString(), caughtUp: false },
    });
    const [run] = await db
      .insert(registerImportRuns)
      .values({
        kind: 'enheter',
        source: 'https://data.brreg.no/enhetsregisteret/api/enheter/lastned',
        status: 'completed',
        recordsRead: 10,
      })
      .returning();
    await db
      .insert(registerQuarantine)
      .values({ runId: run!.id, source: 'enheter', position: '4', reason: 'navn: must not be empty', raw: '{}' });

    const page = await h.newPage({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    await registerLocal(h, page, { name: 'Sigrid Synk', email: 'sigrid.synk@example.no' });
    const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'sigrid.synk@example.no'));
    await db.insert(userPlatformRoles).values({ userId: admin!.id, role: 'administrator' });

    await h.visit(page, '/admin/brukere');
    await h.navigate(page, () => page.getByRole('link', { name: 'Registersynkronisering' }).click());
    expect(new URL(page.url()).pathname).toBe('/admin/registersynk');
    const width = async () => (await page.evaluate('document.documentElement.scrollWidth')) as number;
    expect(await width()).toBeLessThanOrEqual(320);
    await expect(page.getByRole('table', { name: 'Synkroniseringer' }).textContent()).resolves.toContain('25255241');
    await expect(page.getByRole('table', { name: 'Siste importkjøringer' }).count()).resolves.toBe(1);
    await expect(page.getByRole('table', { name: 'Karantene' }).count()).resolves.toBe(1);

    await h.navigate(page, () => page.getByRole('button', { name: /^Kjør nå\s*: Enhetsregisteret: roller$/ }).click());
    expect(new URL(page.url()).pathname).toBe('/admin/registersynk');
    await expect(page.getByRole('status').textContent()).resolves.toContain('Kjøringen er lagt i køen');
    const queued = await db.select().from(jobs).where(eq(jobs.name, 'register-sync.roller-feed'));
    expect(queued).toHaveLength(1);
    expect(await width()).toBeLessThanOrEqual(320);
  });
});

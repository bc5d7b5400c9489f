import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { userPlatformRoles, users } from '../../src/core/db/schema.ts';
import { type BrowserHarness, registerLocal, startBrowserHarness } from './helpers.ts';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
});
afterEach(() => h.assertEveryPageChecked());
afterAll(async () => {
  await h?.close();
});

describe('journey: platform administration', () => {
  it('an administrator searches for a user, grants a role and sees it in the platform log (320 px wide)', async () => {
    const page = await h.newPage({ viewport: { width: 320, height: 640 } });
    await registerLocal(h, page, { name: 'Anne Admin', email: 'anne.admin@example.no' });
    const other = await h.newPage();
    await registerLocal(h, other, { name: 'Olav Offentlig', email: 'olav@example.no' });
    const [admin] = await h.database.db.select({ id: users.id }).from(users).where(eq(users.email, 'anne.admin@example.no'));
    await h.database.db.insert(userPlatformRoles).values({ userId: admin!.id, role: 'administrator' });

    // Roles are read per request: the header now offers administration.
    await h.visit(page, '/arbeidsrom');
    await h.navigate(page, () => page.getByRole('link', { name: 'Administrasjon' }).click());
    expect(new URL(page.url()).pathname).toBe('/admin/brukere');
    const width = async () => (await page.evaluate('document.documentElement.scrollWidth')) as number;
    expect(await width()).toBeLessThanOrEqual(320);

    await page.getByLabel('Søk etter navn eller e-post').fill('olav');
    await h.navigate(page, () => page.getByRole('button', { name: 'Søk', exact: true }).click());
    const card = page.getByRole('main').getByRole('listitem').filter({ hasText: 'Olav Offentlig' });
    await expect(card.count()).resolves.toBe(1);
    await card.getByRole('group', { name: 'Plattformroller for Olav Offentlig' }).getByRole('checkbox').first().check();
    await h.navigate(page, () => card.getByRole('button', { name: 'Lagre roller for Olav Offentlig' }).click());
    expect(await width()).toBeLessThanOrEqual(320);

    await h.navigate(page, () => page.getByRole('link', { name: 'Plattformlogg' }).click());
    expect(new URL(page.url()).pathname).toBe('/admin/logg');
    await expect(page.getByRole('table').textContent()).resolves.toContain('Olav Offentlig');
    expect(await width()).toBeLessThanOrEqual(320);
  });
});

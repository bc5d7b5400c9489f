import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { calendarReminderSubscriptions, memberships, organisations, registerFrivillige, users } from '../../src/core/db/schema.ts';
import { unsubscribeUrl } from '../../src/features/calendar/reminder-subscriptions.ts';
import { testOrgnr } from '../../src/features/register/import-fixtures.ts';
import { type BrowserHarness, registerLocal, startBrowserHarness } from './helpers.ts';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
});
afterEach(() => h.assertEveryPageChecked());
afterAll(async () => {
  await h?.close();
});

const ORGNR = testOrgnr(501);

describe('journey: årshjul', () => {
  it('a leader reads the årshjul, makes and rotates the calendar address and asks for reminders — without JavaScript, 320 px wide', async () => {
    const page = await h.newPage({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    const width = async () => (await page.evaluate('document.documentElement.scrollWidth')) as number;
    await registerLocal(h, page, { name: 'Kari Kalender', email: 'kari.kalender@example.no' });

    await h.visit(page, '/arbeidsrom/ny');
    await page.getByLabel('Navnet på organisasjonen').fill('Sjakklubben Løperen');
    await page.getByLabel('Ja, den har organisasjonsnummer').check();
    await page.getByLabel('Organisasjonsnummer', { exact: true }).fill(ORGNR);
    await h.navigate(page, () => page.getByRole('button', { name: 'Opprett arbeidsrom' }).click());
    // The register says it is in Frivillighetsregisteret with grasrotandel.
    await h.database.db.insert(registerFrivillige).values({ orgnr: ORGNR, grasrotandel: true, data: {}, dataHash: 'browser' });

    await h.navigate(page, () => page.getByRole('link', { name: 'Årshjul: frister og påminnelser' }).click());
    expect(new URL(page.url()).pathname).toMatch(/^\/arbeidsrom\/[0-9a-f-]{36}\/arshjul$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Årshjul');
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { name: 'Søknadsfrist for momskompensasjon' }).count()).resolves.toBeGreaterThanOrEqual(1);
    await expect(main.getByRole('heading', { name: 'Siste frist for årsmøtet' }).count()).resolves.toBe(1);
    await expect(main.getByRole('heading', { name: 'Utbetaling av grasrotandel' }).count()).resolves.toBeGreaterThanOrEqual(2);
    await expect(main.getByRole('img', { name: 'Året som et hjul' }).count()).resolves.toBe(1);
    expect(await width()).toBeLessThanOrEqual(320);

    await h.navigate(page, () => page.getByRole('button', { name: 'Lag abonnementsadresse' }).click());
    await expect(page.getByRole('status').textContent()).resolves.toContain('Abonnementsadressen er laget.');
    const first = await page.getByLabel('Abonnementsadressen').inputValue();
    expect(first).toMatch(/\/kalender\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await page.request.get(first);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    expect(await feed.text()).toContain('SUMMARY:Søknadsfrist for momskompensasjon');
    expect(await width()).toBeLessThanOrEqual(320);

    await h.navigate(page, () => page.getByRole('button', { name: 'Lag ny adresse og slå av den gamle' }).click());
    await expect(page.getByRole('status').textContent()).resolves.toContain('Den gamle virker ikke lenger.');
    const second = await page.getByLabel('Abonnementsadressen').inputValue();
    expect(second).not.toBe(first);
    expect((await page.request.get(first)).status()).toBe(404);
    expect((await page.request.get(second)).status()).toBe(200);

    await h.navigate(page, () => page.getByRole('button', { name: 'Send meg påminnelser' }).click());
    await expect(page.getByRole('status').textContent()).resolves.toContain('Du får nå påminnelser om fristene til Sjakklubben Løperen.');
    await expect(main.textContent()).resolves.toContain('Du får påminnelser på e-post til kari.kalender@example.no.');
    // The address is shown once: after the reminder change it is gone from the page.
    await expect(page.getByLabel('Abonnementsadressen').count()).resolves.toBe(0);
    expect(await width()).toBeLessThanOrEqual(320);
  });

  it('a member reads it in nynorsk, turns reminders on, and stops them from the e-mail’s link', async () => {
    const db = h.database.db;
    const [org] = await db.select().from(organisations).where(eq(organisations.orgnr, ORGNR));
    const page = await h.newPage();
    await registerLocal(h, page, { name: 'Nils Nynorsk', email: 'nils.nynorsk@example.no' });
    const [nils] = await db.select().from(users).where(eq(users.email, 'nils.nynorsk@example.no'));
    await db.insert(memberships).values({ organisationId: org!.id, userId: nils!.id, role: 'member' });

    await h.visit(page, `/arbeidsrom/${org!.id}/arshjul`);
    await h.navigate(page, () => page.getByRole('link', { name: 'Nynorsk' }).click());
    expect(new URL(page.url()).pathname).toBe(`/arbeidsrom/${org!.id}/arshjul`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nn');
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { name: 'Dei neste tolv månadene' }).count()).resolves.toBe(1);
    await expect(main.textContent()).resolves.toContain('Be ein leiar i organisasjonen om abonnementsadressa.');
    await expect(main.getByRole('button', { name: 'Lag abonnementsadresse' }).count()).resolves.toBe(0);

    await h.navigate(page, () => page.getByRole('button', { name: 'Send meg påminningar' }).click());
    await expect(page.getByRole('status').textContent()).resolves.toContain('Du får no påminningar om fristane til Sjakklubben Løperen.');

    // The link every reminder e-mail carries (the reminder job's e-mails are tested over SMTP in send-reminders.test.ts).
    const [subscription] = await db.select().from(calendarReminderSubscriptions).where(eq(calendarReminderSubscriptions.userId, nils!.id));
    const link = unsubscribeUrl(h.deps, subscription!.id, org!.id);
    await h.visit(page, new URL(link).pathname);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Slutt å få påminningar');
    await h.navigate(page, () => page.getByRole('button', { name: 'Ja, slutt å sende meg påminningar' }).click());
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Du får ikkje fleire påminningar');
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'Du får ikkje lenger påminningar om fristane til Sjakklubben Løperen.',
    );
    expect(await db.select().from(calendarReminderSubscriptions).where(eq(calendarReminderSubscriptions.userId, nils!.id))).toHaveLength(0);
  });
});

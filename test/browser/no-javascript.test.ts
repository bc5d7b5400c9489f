import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, registerLocal, startBrowserHarness } from './helpers.ts';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
});
afterEach(() => h.assertEveryPageChecked());
afterAll(async () => {
  await h?.close();
});

describe('journey: without JavaScript', () => {
  it('registers, creates an organisation (error summary included), switches language and signs out', async () => {
    const page = await h.newPage({ javaScriptEnabled: false });
    await registerLocal(h, page, { name: 'Uten Skript', email: 'uten.skript@example.no' });
    expect(new URL(page.url()).pathname).toBe('/arbeidsrom');
    // app.js never ran.
    await expect(page.locator('html').getAttribute('class')).resolves.toBeNull();

    await h.navigate(page, () => page.getByRole('link', { name: 'Opprett et arbeidsrom for en organisasjon' }).click());
    // Without the progressive enhancement the orgnr field is simply always there.
    const orgnr = page.getByLabel('Organisasjonsnummer', { exact: true });
    await expect(orgnr.isVisible()).resolves.toBe(true);

    // Submitting empty gives a server-rendered error summary linking to the fields.
    await h.navigate(page, () => page.getByRole('button', { name: 'Opprett arbeidsrom' }).click());
    const summary = page.locator('[data-error-summary]');
    await expect(summary.isVisible()).resolves.toBe(true);
    const links = await summary.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(expect.arrayContaining(['#name', '#registered']));
    await expect(page.getByLabel('Navnet på organisasjonen').getAttribute('aria-invalid')).resolves.toBe('true');

    await page.getByLabel('Navnet på organisasjonen').fill('Skriptfrie venner');
    await page.getByLabel('Ja, den har organisasjonsnummer').check();
    await orgnr.fill('910000013');
    await h.navigate(page, () => page.getByRole('button', { name: 'Opprett arbeidsrom' }).click());
    await expect(summary.textContent()).resolves.toContain('Organisasjonsnummeret er ikke gyldig');
    await orgnr.fill('910000012');
    await h.navigate(page, () => page.getByRole('button', { name: 'Opprett arbeidsrom' }).click());
    expect(new URL(page.url()).pathname).toMatch(/^\/arbeidsrom\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Skriptfrie venner');

    // Invite someone, also a plain form.
    await h.navigate(page, () => page.getByRole('link', { name: 'Inviter noen' }).click());
    await page.getByLabel('E-postadressen til den du vil invitere').fill('venn@example.no');
    await h.navigate(page, () => page.getByRole('button', { name: 'Send invitasjon' }).click());
    await expect(page.getByRole('status').textContent()).resolves.toContain('Invitasjonen er sendt til venn@example.no');

    // Language switch is a link, sign-out a form: both work without scripts.
    await h.navigate(page, () => page.getByRole('link', { name: 'Nynorsk' }).click());
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nn');
    await h.navigate(page, () => page.getByRole('button', { name: 'Logg ut' }).click());
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.getByRole('button', { name: 'Logg ut' }).count()).resolves.toBe(0);
  });
});

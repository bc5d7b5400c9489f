import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, registerLocal, signInLocal, startBrowserHarness } from './helpers.ts';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
});
afterEach(() => h.assertEveryPageChecked());
afterAll(async () => {
  await h?.close();
});

describe('journey: account and organisation', () => {
  it('registers, signs out and in again, and creates an organisation after correcting an invalid orgnr', async () => {
    const page = await h.newPage();
    const email = 'ola.nordmann@example.no';

    await h.visit(page, '/');
    await registerLocal(h, page, { name: 'Ola Nordmann', email });
    expect(new URL(page.url()).pathname).toBe('/arbeidsrom');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Mine organisasjoner');
    await expect(page.getByText('Logget inn som Ola Nordmann').count()).resolves.toBe(1);

    // Sign out (a form in the header) and back in through the sign-in form.
    await h.navigate(page, () => page.getByRole('button', { name: 'Logg ut' }).click());
    expect(new URL(page.url()).pathname).toBe('/');
    await signInLocal(h, page, email);
    expect(new URL(page.url()).pathname).toBe('/arbeidsrom');

    // Create an organisation: first with an invalid organisation number.
    await h.navigate(page, () => page.getByRole('link', { name: 'Opprett et arbeidsrom for en organisasjon' }).click());
    expect(new URL(page.url()).pathname).toBe('/arbeidsrom/ny');
    await page.getByLabel('Navnet på organisasjonen').fill('Løvstakken sjakklubb');
    await page.getByLabel('Ja, den har organisasjonsnummer').check();
    // With JavaScript the orgnr field is revealed only after "yes" is chosen.
    await page.getByLabel('Organisasjonsnummer', { exact: true }).fill('123456789');
    await h.navigate(page, () => page.getByRole('button', { name: 'Opprett arbeidsrom' }).click());

    const summary = page.locator('[data-error-summary]');
    await expect(summary.isVisible()).resolves.toBe(true);
    await expect(summary.getByRole('heading').textContent()).resolves.toBe('Rett opp dette for å gå videre');
    await expect(summary.getByRole('link').textContent()).resolves.toContain('Organisasjonsnummeret er ikke gyldig');
    // app.js moves focus to the summary so it is announced.
    await expect(summary.evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(true);
    const orgnr = page.getByLabel('Organisasjonsnummer', { exact: true });
    await expect(orgnr.getAttribute('aria-invalid')).resolves.toBe('true');
    // The summary link takes you to the field.
    await summary.getByRole('link').click();
    await expect(orgnr.evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(true);
    // What was typed is kept.
    await expect(page.getByLabel('Navnet på organisasjonen').inputValue()).resolves.toBe('Løvstakken sjakklubb');

    await orgnr.fill('910 000 012');
    await h.navigate(page, () => page.getByRole('button', { name: 'Opprett arbeidsrom' }).click());
    expect(new URL(page.url()).pathname).toMatch(/^\/arbeidsrom\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Løvstakken sjakklubb');
    await expect(page.getByRole('main').textContent()).resolves.toContain('910 000 012');

    // A second organisation without an organisation number.
    await h.visit(page, '/arbeidsrom/ny');
    await page.getByLabel('Navnet på organisasjonen').fill('Idégruppa for turstier');
    await page.getByLabel('Nei, vi er en gruppe med en idé eller har ikke registrert oss ennå').check();
    await expect(page.getByLabel('Organisasjonsnummer', { exact: true }).isVisible()).resolves.toBe(false);
    await h.navigate(page, () => page.getByRole('button', { name: 'Opprett arbeidsrom' }).click());
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Idégruppa for turstier');

    await h.visit(page, '/arbeidsrom');
    const cards = page.getByRole('main').getByRole('listitem');
    await expect(cards.count()).resolves.toBe(2);
    await expect(page.getByRole('main').textContent()).resolves.toContain('Ikke registrert ennå');
  });

  it('shows the content pages without errors', async () => {
    const page = await h.newPage();
    for (const path of ['/', '/om', '/personvern', '/tilgjengelighet', '/logg-inn', '/registrer']) await h.visit(page, path);
    await h.visit(page, '/finnes-ikke', { status: 404 });
  });
});

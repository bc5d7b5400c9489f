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

const htmlLang = (page: import('playwright-core').Page) => page.locator('html').getAttribute('lang');

describe('journey: choosing nynorsk', () => {
  it('switches language from the header link, stays on the same page and remembers the choice', async () => {
    const page = await h.newPage();
    await h.visit(page, '/om');
    await expect(htmlLang(page)).resolves.toBe('nb');

    const languages = page.getByRole('navigation', { name: 'Velg språk' });
    await expect(languages.locator('[aria-current="true"]').textContent()).resolves.toBe('Bokmål');
    await h.navigate(page, () => languages.getByRole('link', { name: 'Nynorsk' }).click());

    expect(new URL(page.url()).pathname).toBe('/om');
    await expect(htmlLang(page)).resolves.toBe('nn');
    const nynorsk = page.getByRole('navigation', { name: 'Vel språk' });
    await expect(nynorsk.locator('[aria-current="true"]').textContent()).resolves.toBe('Nynorsk');
    await expect(page.getByRole('link', { name: 'Hopp til hovudinnhald' }).count()).resolves.toBe(1);
    await expect(page.getByRole('contentinfo').textContent()).resolves.toContain('Frivillig er open kjeldekode.');

    // The choice sticks on other pages, also for forms and signed-in pages.
    await h.visit(page, '/');
    await expect(htmlLang(page)).resolves.toBe('nn');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Starte og drive ein frivillig organisasjon');
    await h.visit(page, '/registrer');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Opprett lokal brukar');
    await page.getByLabel('Fullt namn', { exact: true }).fill('Nils Nynorsk');
    await page.getByLabel('E-postadresse', { exact: true }).fill('nils@example.no');
    await page.getByLabel('Passord', { exact: true }).fill('kort');
    await h.navigate(page, () => page.getByRole('button', { name: 'Opprett brukar' }).click());
    await expect(page.locator('[data-error-summary] h2').textContent()).resolves.toBe('Rett opp dette for å gå vidare');
    await expect(htmlLang(page)).resolves.toBe('nn');

    // And back to bokmål, then English.
    await h.navigate(page, () => page.getByRole('navigation', { name: 'Vel språk' }).getByRole('link', { name: 'English' }).click());
    await expect(htmlLang(page)).resolves.toBe('en');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Create a local account');
    await h.navigate(page, () => page.getByRole('navigation', { name: 'Choose language' }).getByRole('link', { name: 'Bokmål' }).click());
    await expect(htmlLang(page)).resolves.toBe('nb');
  });

  it('shows signed-in pages in nynorsk', async () => {
    const page = await h.newPage();
    await registerLocal(h, page, { name: 'Nora Nynorsk', email: 'nora@example.no' });
    await h.navigate(page, () => page.getByRole('link', { name: 'Nynorsk' }).click());
    expect(new URL(page.url()).pathname).toBe('/arbeidsrom');
    await expect(htmlLang(page)).resolves.toBe('nn');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Mine organisasjonar');
    await expect(page.getByRole('main').textContent()).resolves.toContain('Du er ikkje med i nokon organisasjon i Frivillig enno.');
    await h.navigate(page, () => page.getByRole('link', { name: 'Opprett eit arbeidsrom for ein organisasjon' }).click());
    await expect(page.getByRole('group', { name: 'Er organisasjonen registrert i Einingsregisteret?' }).count()).resolves.toBe(1);
  });
});

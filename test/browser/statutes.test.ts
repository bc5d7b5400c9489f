import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_SLUGS, type PageSlug } from '../../src/features/statutes/statutes.schema.ts';
import { SAMPLE_FORMS } from '../helpers/statutes-fixtures.ts';
import { type BrowserHarness, registerLocal, startBrowserHarness } from './helpers.ts';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
});
afterEach(() => h.assertEveryPageChecked());
afterAll(async () => {
  await h?.close();
});

async function expectNoHorizontalScroll(page: Page) {
  const width = page.viewportSize()?.width ?? 0;
  // tsconfig has no DOM lib, so page-side code is passed as a string.
  const scrollWidth = (await page.evaluate('document.documentElement.scrollWidth')) as number;
  expect(scrollWidth, `${page.url()} is ${scrollWidth}px wide in a ${width}px viewport`).toBeLessThanOrEqual(width);
}

/** Fills one question page from a form (field name → value) the way a person would: type, choose, pick. */
async function fillPage(page: Page, form: Record<string, string>) {
  for (const [name, value] of Object.entries(form)) {
    const field = page.locator(`[name="${name}"]`);
    const kind = await field.first().evaluate((el) => `${el.tagName}:${el.getAttribute('type') ?? ''}`);
    if (kind === 'INPUT:radio') await page.locator(`input[name="${name}"][value="${value}"]`).check();
    else if (kind.startsWith('SELECT')) await field.selectOption(value);
    else await field.fill(value);
  }
}

async function createWorkspace(page: Page, name: string, button: string, label: string, notYet: string) {
  await h.visit(page, '/arbeidsrom/ny');
  await page.getByLabel(label).fill(name);
  await page.getByLabel(notYet).check();
  await h.navigate(page, () => page.getByRole('button', { name: button }).click());
  return new URL(page.url()).pathname;
}

describe('journey: statutes builder (vedtekter)', () => {
  it('walks the question pages at 320 px, corrects an error, adopts, changes the board and reads the diff', async () => {
    const page = await h.newPage({ viewport: { width: 320, height: 640 } });
    await registerLocal(h, page, { name: 'Kari Vedtekt', email: 'kari.vedtekt@example.no' });
    const workspace = await createWorkspace(
      page,
      'Løvstakken sjakklubb',
      'Opprett arbeidsrom',
      'Navnet på organisasjonen',
      'Nei, vi er en gruppe med en idé eller har ikke registrert oss ennå',
    );

    await h.navigate(page, () => page.getByRole('main').getByRole('link', { name: 'Vedtekter' }).click());
    expect(new URL(page.url()).pathname).toBe(`${workspace}/vedtekter`);
    await expectNoHorizontalScroll(page);
    await h.navigate(page, () => page.getByRole('link', { name: 'Lag vedtekter' }).click());

    for (const slug of PAGE_SLUGS) {
      expect(new URL(page.url()).pathname).toBe(`${workspace}/vedtekter/${slug}`);
      await expect(page.getByRole('link', { name: 'Tilbake' }).count()).resolves.toBe(1);
      await expectNoHorizontalScroll(page);
      if (slug === 'navn') {
        // The name was prefilled from the workspace; empty it to see the error, then answer.
        const name = page.getByLabel('Hva heter foreningen?');
        await expect(name.inputValue()).resolves.toBe('Løvstakken sjakklubb');
        await name.fill('');
        await h.navigate(page, () => page.getByRole('button', { name: 'Lagre og fortsett' }).click());
        const summary = page.locator('[data-error-summary]');
        await expect(summary.getByRole('link').textContent()).resolves.toBe('Skriv inn navnet på foreningen');
        await expect(summary.evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(true);
        await expect(name.getAttribute('aria-invalid')).resolves.toBe('true');
        await expectNoHorizontalScroll(page);
      }
      if (slug === 'kommune') await page.getByLabel('Hvilken kommune holder foreningen til i?').selectOption({ label: 'Bergen' });
      else await fillPage(page, SAMPLE_FORMS[slug as PageSlug]);
      await h.navigate(page, () => page.getByRole('button', { name: 'Lagre og fortsett' }).click());
    }

    // Check answers: every answer, the checks by category, the text; then adopt.
    expect(new URL(page.url()).pathname).toBe(`${workspace}/vedtekter/sjekk`);
    await expectNoHorizontalScroll(page);
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 3, name: 'Nødvendig for momskompensasjon' }).count()).resolves.toBe(1);
    await expect(main.textContent()).resolves.toContain('Bergen (4601)');
    await h.navigate(page, () => page.getByRole('button', { name: 'Vedta vedtektene' }).click());
    expect(new URL(page.url()).search).toBe('?nr=1');
    await expect(page.getByRole('status').textContent()).resolves.toContain('Vedtektene er vedtatt og lagret som versjon 1.');
    await expect(page.getByRole('heading', { level: 2, name: '§ 1 Navn' }).count()).resolves.toBe(1);
    await expectNoHorizontalScroll(page);

    // The statutes as a standalone HTML document.
    await h.navigate(page, () => page.getByRole('link', { name: 'Åpne vedtektene som HTML-side' }).click());
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Vedtekter for Løvstakken sjakklubb');
    await expectNoHorizontalScroll(page);
    await h.visit(page, `${workspace}/vedtekter`);

    // Change the board size from the summary: the question page returns there.
    await h.navigate(page, () => page.getByRole('link', { name: 'Endre vedtektene' }).click());
    await h.navigate(page, () => page.getByRole('link', { name: 'Endre styret' }).click());
    await expect(page.getByText('Fylt ut fra vedtektene som gjelder nå (versjon 1).').count()).resolves.toBe(1);
    await page.getByLabel('Minste antall styremedlemmer, medregnet leder').fill('5');
    await h.navigate(page, () => page.getByRole('button', { name: 'Lagre og gå tilbake til oppsummeringen' }).click());
    expect(new URL(page.url()).pathname).toBe(`${workspace}/vedtekter/sjekk`);
    await h.navigate(page, () => page.getByRole('button', { name: 'Vedta vedtektene' }).click());
    expect(new URL(page.url()).search).toBe('?nr=2');

    await h.navigate(page, () => page.getByRole('link', { name: 'Endringer fra versjon 1 til 2' }).click());
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Endringer fra versjon 1 til versjon 2');
    await expect(page.locator('del.diff-del').first().textContent()).resolves.toBe('[fjernet: 3]');
    await expect(page.locator('ins.diff-ins').first().textContent()).resolves.toBe('[lagt til: 5]');
    await expectNoHorizontalScroll(page);
    await h.navigate(page, () => page.getByRole('link', { name: 'Alle versjoner og endringer mellom dem' }).click());
    await expect(page.getByRole('table').getByRole('row').count()).resolves.toBe(3);
    await expectNoHorizontalScroll(page);
  }, 600_000);

  it('works without JavaScript, in nynorsk, with nynorsk statutes', async () => {
    const page = await h.newPage({ javaScriptEnabled: false });
    await registerLocal(h, page, { name: 'Nils Utan Skript', email: 'nils.utan@example.no' });
    // The language switch is a plain link: it works without scripts and is remembered.
    await h.navigate(page, () => page.getByRole('navigation', { name: 'Velg språk' }).getByRole('link', { name: 'Nynorsk' }).click());
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nn');
    const workspace = await createWorkspace(
      page,
      'Vossalaget',
      'Opprett arbeidsrom',
      'Namnet på organisasjonen',
      'Nei, vi er ei gruppe med ein idé eller har ikkje registrert oss enno',
    );
    await h.navigate(page, () => page.getByRole('main').getByRole('link', { name: 'Vedtekter' }).click());
    await h.navigate(page, () => page.getByRole('link', { name: 'Lag vedtekter' }).click());

    for (const slug of PAGE_SLUGS) {
      if (slug === 'malform') {
        // A nynorsk user gets nynorsk statutes unless they choose otherwise.
        await expect(page.getByLabel('Nynorsk', { exact: true }).isChecked()).resolves.toBe(true);
      } else if (slug === 'navn') {
        await page.getByLabel('Kva heiter foreininga?').fill('Vossalaget');
      } else if (slug === 'formal') {
        // Too short first: the server-rendered error summary, in nynorsk.
        await page.getByLabel('Kva er føremålet til foreininga?').fill('Tur');
        await h.navigate(page, () => page.getByRole('button', { name: 'Lagre og hald fram' }).click());
        await expect(page.locator('[data-error-summary]').textContent()).resolves.toContain('Føremålet er for kort');
        await page.getByLabel('Kva er føremålet til foreininga?').fill('Foreininga skal merke og halde ved like turstiar på Voss.');
      } else if (slug === 'kommune') {
        await page.getByLabel('Kva kommune held foreininga til i?').selectOption({ label: 'Voss' });
      } else {
        await fillPage(page, SAMPLE_FORMS[slug]);
      }
      await h.navigate(page, () => page.getByRole('button', { name: 'Lagre og hald fram' }).click());
    }

    expect(new URL(page.url()).pathname).toBe(`${workspace}/vedtekter/sjekk`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Sjekk svara før de vedtek vedtektene');
    await h.navigate(page, () => page.getByRole('button', { name: 'Vedta vedtektene' }).click());
    await expect(page.getByRole('status').textContent()).resolves.toContain('Vedtektene er vedtekne og lagra som versjon 1.');
    const text = page.locator('.statutes-text');
    await expect(text.getAttribute('lang')).resolves.toBe('nn');
    await expect(text.textContent()).resolves.toContain('Namnet til foreininga er Vossalaget.');
    await expect(page.getByRole('heading', { level: 2, name: '§ 14 Oppløysing' }).count()).resolves.toBe(1);
  }, 600_000);
});

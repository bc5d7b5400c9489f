import { readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { userPlatformRoles, users } from '../../src/core/db/schema.ts';
import { insertEnhet, insertFrivillig } from '../../src/features/register-search/test-fixtures.ts';
import { type BrowserHarness, registerLocal, startBrowserHarness } from './helpers.ts';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
  // A small register copy: Vestland 3 (2 in FRR, 1 in Grasrotandelen), Oslo 1, Troms 1 with a long category name.
  const db = h.database.db;
  const thisYear = new Date().getUTCFullYear();
  const a = await insertEnhet(db, {
    navn: 'BYGDA IDRETTSLAG',
    kommunenummer: '4601',
    stiftelsesdato: `${thisYear - 2}-03-01`,
    frivillighetsregisteret: true,
  });
  await insertFrivillig(db, { orgnr: a, icnpo: ['1200'], grasrotandel: true });
  const b = await insertEnhet(db, {
    navn: 'BYGDA KOR',
    kommunenummer: '4601',
    stiftelsesdato: `${thisYear - 2}-09-01`,
    frivillighetsregisteret: true,
  });
  await insertFrivillig(db, { orgnr: b, icnpo: ['1100'] });
  await insertEnhet(db, { navn: 'KINN VELFORENING', kommunenummer: '4602', stiftelsesdato: `${thisYear - 5}-01-01` });
  await insertEnhet(db, { navn: 'OSLO VENNELAG', kommunenummer: '0301', stiftelsesdato: '1990-01-01' });
  const c = await insertEnhet(db, { navn: 'TROMSØ BRANSJELAG', kommunenummer: '5501', frivillighetsregisteret: true });
  await insertFrivillig(db, { orgnr: c, icnpo: ['11100'], grasrotandel: true });
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

describe('journey: sector insight', () => {
  it('a public official follows the header link, narrows to a fylke, reads chart and table, and downloads the CSV', async () => {
    const page = await h.newPage({ viewport: { width: 1280, height: 900 } });
    await registerLocal(h, page, { name: 'Oda Offentlig', email: 'oda.offentlig@kommune.example.no' });
    const [official] = await h.database.db.select({ id: users.id }).from(users).where(eq(users.email, 'oda.offentlig@kommune.example.no'));
    await h.database.db.insert(userPlatformRoles).values({ userId: official!.id, role: 'public_official' });

    await h.visit(page, '/');
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    await h.navigate(page, () => nav.getByRole('link', { name: 'Innsikt i frivillig sektor' }).click());
    expect(new URL(page.url()).pathname).toBe('/innsikt');
    await expect(page.getByText('Utvalget har 5 organisasjoner.').count()).resolves.toBe(1);

    // Each chart is an image with a name and a description; the table beside it has the numbers.
    const chart = page.getByRole('img', { name: 'Organisasjoner per fylke' });
    await expect(chart.count()).resolves.toBe(1);
    await expect(chart.getAttribute('aria-describedby')).resolves.toBe('insight-fylker-chart-desc');
    const fylker = page.getByRole('table', { name: 'Organisasjoner per fylke' });
    await expect(fylker.getByRole('row', { name: /Vestland/ }).textContent()).resolves.toMatch(/Vestland\s*46\s*3\s*2\s*1/);
    await expect(
      page
        .getByRole('table', { name: /Organisasjoner per hovedkategori/ })
        .getByRole('row', { name: /Kultur/ })
        .textContent(),
    ).resolves.toMatch(/Kultur- og rekreasjon\s*1\s*2\s*1\s*50,0\s%/);

    await page.getByLabel('Fylke', { exact: true }).selectOption('46');
    await page.getByLabel('Med i Grasrotandelen', { exact: true }).selectOption('ja');
    await h.navigate(page, () => page.getByRole('button', { name: 'Vis tall' }).click());
    const url = new URL(page.url());
    expect(url.searchParams.get('fylke')).toBe('46');
    expect(url.searchParams.get('grasrotandel')).toBe('ja');
    await expect(page.getByText('Utvalget har 1 organisasjon.').count()).resolves.toBe(1);

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /^Last ned som CSV\s*: Organisasjoner per kommune, flest først$/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('innsikt-kommuner.csv');
    const csv = await readFile((await file.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n').slice(0, 2)).toEqual([
      '\ufeffKommune;Kommunenummer;Fylke;Organisasjoner;I Frivillighetsregisteret;Med i Grasrotandelen',
      'Bergen;4601;Vestland;1;1;1',
    ]);
  });

  it('works without JavaScript on a 320 px screen, in nynorsk, and explains a bad year', async () => {
    const page = await h.newPage({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false, locale: 'nn-NO' });
    await h.visit(page, '/');
    await h.navigate(page, () => page.getByRole('main').getByRole('link', { name: 'Innsikt i frivillig sektor' }).click());
    expect(new URL(page.url()).pathname).toBe('/innsikt');
    await expectNoHorizontalScroll(page);
    await expect(page.getByText('Utvalet har 5 organisasjonar.').count()).resolves.toBe(1);
    await expect(page.getByRole('img', { name: 'Organisasjonar per hovudkategori' }).count()).resolves.toBe(1);
    // The SVG scales to the column: it is no wider than the screen.
    const box = await page.getByRole('img', { name: 'Organisasjonar per fylke' }).boundingBox();
    expect(box!.width).toBeLessThanOrEqual(320);

    await page.getByLabel('Skipingsår frå og med').fill('2020');
    await page.getByLabel('Skipingsår til og med').fill('2010');
    await h.navigate(page, () => page.getByRole('button', { name: 'Vis tal' }).click());
    await expectNoHorizontalScroll(page);
    const summary = page.locator('.ds-error-summary');
    await expect(summary.textContent()).resolves.toContain('«Skipingsår til og med» kan ikkje vere før «Skipingsår frå og med».');
    await expect(page.getByLabel('Skipingsår til og med').inputValue()).resolves.toBe('2010');

    await page.getByLabel('Skipingsår frå og med').fill('2000');
    await h.navigate(page, () => page.getByRole('button', { name: 'Vis tal' }).click());
    await expect(page.getByRole('table', { name: /per år 2000–2010/ }).count()).resolves.toBe(1);
    await expectNoHorizontalScroll(page);
  });
});

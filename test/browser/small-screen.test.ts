import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
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

/** Where screenshots go when SCREENSHOTS=1 (for a human look at the Brønnøysund theme). */
const SCREENSHOT_DIR = 'tmp/screenshots';

async function expectNoHorizontalScroll(page: Page, name: string) {
  const width = page.viewportSize()?.width ?? 0;
  // tsconfig has no DOM lib, so page-side code is passed as a string.
  const scrollWidth = (await page.evaluate('document.documentElement.scrollWidth')) as number;
  if (process.env.SCREENSHOTS) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/${width}-${name}.png`, fullPage: true });
  }
  expect(scrollWidth, `${page.url()} is ${scrollWidth}px wide in a ${width}px viewport`).toBeLessThanOrEqual(width);
}

describe('journey: a 320 px wide screen', () => {
  it('never scrolls sideways, signed out or in, with long nynorsk words and error messages', async () => {
    const page = await h.newPage({ viewport: { width: 320, height: 640 } });
    for (const path of ['/', '/om', '/personvern', '/tilgjengelighet', '/logg-inn', '/registrer']) {
      await h.visit(page, path);
      await expectNoHorizontalScroll(page, path === '/' ? 'home' : path.slice(1));
    }

    await registerLocal(h, page, { name: 'Smal Skjerm Hansen', email: 'smal.skjerm.med.lang.adresse@eksempel.example.no' });
    await expectNoHorizontalScroll(page, 'arbeidsrom-empty');
    await h.visit(page, '/arbeidsrom/ny');
    await expectNoHorizontalScroll(page, 'arbeidsrom-ny');
    await page.getByLabel('Ja, den har organisasjonsnummer').check();
    await page.getByLabel('Organisasjonsnummer', { exact: true }).fill('12');
    await h.navigate(page, () => page.getByRole('button', { name: 'Opprett arbeidsrom' }).click());
    await expectNoHorizontalScroll(page, 'arbeidsrom-ny-errors');

    await page.getByLabel('Navnet på organisasjonen').fill('Foreningen for bevaring av kystkulturminner i Nordre Follo');
    await page.getByLabel('Organisasjonsnummer', { exact: true }).fill('910000012');
    await h.navigate(page, () => page.getByRole('button', { name: 'Opprett arbeidsrom' }).click());
    const workspace = new URL(page.url()).pathname;
    await expectNoHorizontalScroll(page, 'workspace');

    await h.visit(page, `${workspace}/invitasjoner/ny`);
    await page
      .getByLabel('E-postadressen til den du vil invitere')
      .fill('en.veldig.lang.epostadresse.til.et.nytt.medlem@eksempel.example.no');
    await h.navigate(page, () => page.getByRole('button', { name: 'Send invitasjon' }).click());
    await expectNoHorizontalScroll(page, 'members');
    await h.visit(page, `${workspace}/logg`);
    await expectNoHorizontalScroll(page, 'audit-log');
    await h.visit(page, '/arbeidsrom');
    await expectNoHorizontalScroll(page, 'arbeidsrom');

    // Nynorsk has some of the longest words.
    await h.visit(page, `/sprak?lang=nn&tilbake=${encodeURIComponent(workspace)}`);
    await expectNoHorizontalScroll(page, 'workspace-nn');
    await h.visit(page, `${workspace}/medlemmer`);
    await expectNoHorizontalScroll(page, 'members-nn');
  });

  it('looks right on a desktop screen too', async () => {
    const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
    await h.visit(page, '/');
    await expectNoHorizontalScroll(page, 'home');
    await h.visit(page, '/logg-inn');
    await expectNoHorizontalScroll(page, 'logg-inn');
  });
});

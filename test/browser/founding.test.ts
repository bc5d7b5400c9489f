import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../helpers/pdf.ts';
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

/** A meeting held three days ago, as people type dates here (the app runs on the real clock). */
function meetingDate(): string {
  const d = new Date(Date.now() - 3 * 86_400_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getDate())}.${two(d.getMonth() + 1)}.${d.getFullYear()}`;
}

async function createWorkspace(page: Page, name: string): Promise<string> {
  await h.visit(page, '/arbeidsrom/ny');
  await page.getByLabel('Navnet på organisasjonen').fill(name);
  await page.getByLabel('Nei, vi er en gruppe med en idé eller har ikke registrert oss ennå').check();
  await h.navigate(page, () => page.getByRole('button', { name: 'Opprett arbeidsrom' }).click());
  return new URL(page.url()).pathname;
}

/** The labels the journey uses, in the language it runs in. */
interface Words {
  workspaceLink: string;
  start: string;
  save: string;
  date: string;
  place: string;
  purpose: string;
  others: string;
  chair: string;
  minuteTaker: string;
  signer1: string;
  signer2: string;
  finalise: string;
  done: string;
  readHtml: string;
  downloadPdf: string;
  protocolTitle: (name: string) => string;
  errorDate: string;
}

const NB: Words = {
  workspaceLink: 'Stiftelsesmøte og stiftelsesprotokoll',
  start: 'Start',
  save: 'Lagre og fortsett',
  date: 'Dato for møtet',
  place: 'Sted',
  purpose: 'Foreningens formål',
  others: 'Andre som var til stede',
  chair: 'Møteleder',
  minuteTaker: 'Referent',
  signer1: 'Første underskriver',
  signer2: 'Andre underskriver',
  finalise: 'Fullfør protokollen',
  done: 'Protokollen er fullført',
  readHtml: 'Les protokollen (HTML)',
  downloadPdf: 'Last ned protokollen som PDF',
  protocolTitle: (name) => `Protokoll fra stiftelsesmøte i ${name}`,
  errorDate: 'Skriv datoen som dag, måned og år, for eksempel 12.03.2026',
};

const NN: Words = {
  workspaceLink: 'Stiftingsmøte og stiftingsprotokoll',
  start: 'Start',
  save: 'Lagre og hald fram',
  date: 'Dato for møtet',
  place: 'Stad',
  purpose: 'Føremålet til foreininga',
  others: 'Andre som var til stades',
  chair: 'Møteleiar',
  minuteTaker: 'Referent',
  signer1: 'Første underskrivar',
  signer2: 'Andre underskrivar',
  finalise: 'Fullfør protokollen',
  done: 'Protokollen er fullført',
  readHtml: 'Les protokollen (HTML)',
  downloadPdf: 'Last ned protokollen som PDF',
  protocolTitle: (name) => `Protokoll frå stiftingsmøte i ${name}`,
  errorDate: 'Skriv datoen som dag, månad og år, til dømes 12.03.2026',
};

/**
 * Walks every question page from the workspace to the finalised protocol: a wrong date first (the error
 * summary links to the field and what was typed stays), then the answers a small group would give.
 */
async function walkMeeting(page: Page, workspace: string, words: Words, leaderName: string, opts: { javaScript: boolean }) {
  const save = () => h.navigate(page, () => page.getByRole('button', { name: words.save }).click());
  await h.visit(page, workspace);
  await h.navigate(page, () => page.getByRole('link', { name: words.workspaceLink }).click());
  expect(new URL(page.url()).pathname).toBe(`${workspace}/stiftelsesmote`);
  await expectNoHorizontalScroll(page);
  await h.navigate(page, () => page.getByRole('link', { name: words.start, exact: true }).click());

  // Date and place, with a date that does not exist first.
  expect(new URL(page.url()).pathname).toBe(`${workspace}/stiftelsesmote/mote`);
  await page.getByLabel(words.date, { exact: true }).fill('31.02.2026');
  await page.getByLabel(words.place, { exact: true }).fill('Biblioteket');
  await page.getByLabel(words.purpose).fill('Foreningen skal arrangere turer i nærmiljøet for alle som vil være med.');
  await save();
  const summary = page.locator('[data-error-summary]');
  await expect(summary.getByRole('link').textContent()).resolves.toBe(words.errorDate);
  await expect(summary.getByRole('link').getAttribute('href')).resolves.toBe('#heldOn');
  if (opts.javaScript) await expect(summary.evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(true);
  await expect(page.getByLabel(words.place, { exact: true }).inputValue()).resolves.toBe('Biblioteket');
  await expect(page.getByLabel(words.date, { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
  await expectNoHorizontalScroll(page);
  await page.getByLabel(words.date, { exact: true }).fill(meetingDate());
  await save();

  // The standard agenda as offered.
  expect(new URL(page.url()).pathname).toBe(`${workspace}/stiftelsesmote/sakliste`);
  await expectNoHorizontalScroll(page);
  await save();

  // Attendees: the workspace member is ticked already; three more by name.
  expect(new URL(page.url()).pathname).toBe(`${workspace}/stiftelsesmote/deltakere`);
  await expect(page.getByLabel(leaderName).isChecked()).resolves.toBe(true);
  await page.getByLabel(words.others).fill('Ola Ås\nEva Li\nPer Berg');
  await save();

  await page.getByLabel(words.chair, { exact: true }).selectOption(leaderName);
  await page.getByLabel(words.minuteTaker, { exact: true }).selectOption('Per Berg');
  await save();

  // The board: the workspace's leader is filled in; two more are elected.
  expect(new URL(page.url()).pathname).toBe(`${workspace}/stiftelsesmote/styre`);
  await expect(page.locator('#name-0').inputValue()).resolves.toBe(leaderName);
  await page.locator('#name-1').fill('Ola Ås');
  await page.locator('#role-1').selectOption('board_member');
  await page.locator('#name-2').fill('Eva Li');
  await page.locator('#role-2').selectOption('treasurer');
  await page.locator('#birthDate-2').fill('31.01.1990');
  await expectNoHorizontalScroll(page);
  await save();

  await page.getByLabel(words.signer1).selectOption('Ola Ås');
  await page.getByLabel(words.signer2).selectOption('Eva Li');
  await save();

  // Decisions are suggested; the membership fee is the meeting's own.
  expect(new URL(page.url()).pathname).toBe(`${workspace}/stiftelsesmote/vedtak`);
  await expect(page.locator('#decision-5').inputValue()).resolves.toContain('Ola Ås');
  await page.locator('#decision-3').fill('100 kroner per år.');
  await expectNoHorizontalScroll(page);
  await save();

  expect(new URL(page.url()).pathname).toBe(`${workspace}/stiftelsesmote/oppsummering`);
  await expect(page.getByRole('main').textContent()).resolves.toContain('Eva Li');
  await expectNoHorizontalScroll(page);
  await h.navigate(page, () => page.getByRole('button', { name: words.finalise }).click());
  expect(new URL(page.url()).pathname).toBe(`${workspace}/stiftelsesmote/ferdig`);
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(words.done);
  await expectNoHorizontalScroll(page);
}

// Each journey walks about fifteen pages with axe on every one (twice as costly without JavaScript, where
// axe runs on a scripted copy): more than the suite's default two minutes on a busy two-core machine.
const JOURNEY_TIMEOUT = 360_000;

describe('journey: founding meeting (stiftelsesmøte)', () => {
  it(
    'completes the meeting at 320 px, reads the protocol as HTML and downloads the tagged PDF',
    async () => {
      const page = await h.newPage({ viewport: { width: 320, height: 640 } });
      await registerLocal(h, page, { name: 'Kari Stifter', email: 'kari.stifter@example.no' });
      const workspace = await createWorkspace(page, 'Turlaget Blåbær');
      await walkMeeting(page, workspace, NB, 'Kari Stifter', { javaScript: true });

      // The protocol as a standalone HTML page (axe checks it too).
      await h.navigate(page, () => page.getByRole('link', { name: NB.readHtml }).click());
      await expect(page.title()).resolves.toBe(NB.protocolTitle('Turlaget Blåbær'));
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nb');
      await expect(page.getByRole('table', { name: 'Styret i Turlaget Blåbær' }).count()).resolves.toBe(1);
      await expectNoHorizontalScroll(page);
      await page.goBack();
      await h.checkA11y(page);

      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: NB.downloadPdf }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('stiftelsesprotokoll-turlaget-blabaer-v1.pdf');
      const pdf = await readPdf(new Uint8Array(await readFile((await file.path())!)));
      expect(pdf.markInfo?.Marked).toBe(true);
      expect(pdf.lang).toBe('nb');
      expect(pdf.title).toBe(NB.protocolTitle('Turlaget Blåbær'));
      expect(pdf.text).toContain('Ola Ås');
      expect(pdf.text).toContain('100 kroner per år.');
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'works without JavaScript, in nynorsk, and the protocol is written in nynorsk',
    async () => {
      const page = await h.newPage({ javaScriptEnabled: false });
      await registerLocal(h, page, { name: 'Nils Nynorsk', email: 'nils.nynorsk@example.no' });
      const workspace = await createWorkspace(page, 'Fjellgruppa');
      await h.navigate(page, () => page.getByRole('link', { name: 'Nynorsk' }).click());
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nn');
      await walkMeeting(page, workspace, NN, 'Nils Nynorsk', { javaScript: false });

      await h.navigate(page, () => page.getByRole('link', { name: NN.readHtml }).click());
      await expect(page.title()).resolves.toBe(NN.protocolTitle('Fjellgruppa'));
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nn');
      await expect(page.getByRole('main').textContent()).resolves.toContain('Møteleiar: Nils Nynorsk');
    },
    JOURNEY_TIMEOUT,
  );
});

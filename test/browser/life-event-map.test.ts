import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lifeEventMapRevisions, userPlatformRoles, users } from '../../src/core/db/schema.ts';
import { insertEnhet, insertFrivillig } from '../../src/features/register-search/test-fixtures.ts';
import { type BrowserHarness, registerLocal, signInLocal, startBrowserHarness } from './helpers.ts';

/**
 * Journeys through the life-event map (/livshendelse), phase 1 "idea" (/ide: similar organisations and the
 * registration guide) and the orchestrators' editor with its history. axe runs on every page; one run is
 * 320 px wide without JavaScript, one is in nynorsk.
 */
let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
  const db = h.database.db;
  for (const [navn, icnpo] of [
    ['FJELLSIDEN IDRETTSLAG', '1200'],
    ['BRYGGEN BALLKLUBB', '1200'],
    ['BERGEN BYKOR', '1100'],
  ] as const) {
    const orgnr = await insertEnhet(db, { navn, kommunenummer: '4601', frivillighetsregisteret: true });
    await insertFrivillig(db, { orgnr, icnpo: [icnpo] });
  }
});
afterEach(() => h.assertEveryPageChecked());
afterAll(async () => {
  await h?.close();
});

const width = (page: Page) => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;
const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

describe('journey: the life-event map and the idea phase', () => {
  it('from the front page to a phase, its steps opened and all shown, and back to phase 1', async () => {
    const page = await h.newPage();
    await h.visit(page, '/');
    await h.navigate(page, () => page.getByRole('link', { name: 'Se hele livshendelsen steg for steg' }).click());
    expect(new URL(page.url()).pathname).toBe('/livshendelse');
    await expect(h1(page)).resolves.toBe('Starte og drive en frivillig organisasjon');

    await h.navigate(page, () => page.getByRole('link', { name: 'Fase 2: Starte' }).click());
    expect(new URL(page.url()).pathname).toBe('/livshendelse/starte');
    const steps = page.getByRole('list', { name: 'Stegene i fasen Starte' });
    await expect(steps.getByRole('heading', { level: 2 }).count()).resolves.toBe(8);
    // A step's details open in place (native <details>), and axe still passes with it open.
    await page.getByText('Hvem, regler, kostnad og tid: Registrer organisasjonen i Enhetsregisteret').click();
    // Chromium updates the accessibility tree a moment after <details> opens: wait for the link (fails if it never shows).
    await page.getByRole('link', { name: 'Samordnet registermelding i Altinn' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await h.checkA11y(page);
    await h.navigate(page, () => page.getByRole('link', { name: 'Vis alle detaljer' }).click());
    expect(new URL(page.url()).search).toBe('?vis=alle');
    await expect(page.getByText('Forskrift 5.12.2022 nr. 2124 om grasrotandel').isVisible()).resolves.toBe(true);

    await h.navigate(page, () => page.getByRole('link', { name: /^Forrige: Fase 1/ }).click());
    expect(new URL(page.url()).pathname).toBe('/livshendelse/ide');
  });

  it('the idea phase: similar organisations nearby, then the guide with one answer changed', async () => {
    const page = await h.newPage();
    await h.visit(page, '/livshendelse/ide');
    await h.navigate(page, () => page.getByRole('link', { name: 'Finn lignende organisasjoner i nærheten' }).click());
    expect(new URL(page.url()).pathname).toBe('/ide/lignende');
    await page.getByLabel('Hva vil dere drive med?').selectOption('1200');
    await page.getByLabel('Kommune').selectOption('4601');
    await h.navigate(page, () => page.getByRole('button', { name: 'Finn organisasjoner' }).click());
    const results = page.getByRole('region', { name: 'Idrett i Bergen' });
    await expect(results.getByRole('link', { name: 'FJELLSIDEN IDRETTSLAG' }).count()).resolves.toBe(1);
    await expect(results.getByRole('link', { name: 'BERGEN BYKOR' }).count()).resolves.toBe(0);

    await h.visit(page, '/ide');
    await h.navigate(page, () => page.getByRole('link', { name: 'Finn ut om dere må registrere dere' }).click());
    await h.navigate(page, () => page.getByRole('link', { name: 'Start nå' }).click());
    for (const answer of ['Ja', 'Nei', 'Nei', 'Nei']) {
      await page.getByLabel(answer, { exact: true }).check();
      await h.navigate(page, () => page.getByRole('button', { name: 'Fortsett' }).click());
    }
    expect(new URL(page.url()).pathname).toBe('/ide/registrering/svar');
    await expect(h1(page)).resolves.toBe('Dere bør registrere dere i Enhetsregisteret');
    await h.navigate(page, () => page.getByRole('link', { name: 'Endre svaret om tilskudd og grasrotandel' }).click());
    await page.getByLabel('Ja', { exact: true }).check();
    await h.navigate(page, () => page.getByRole('button', { name: 'Fortsett' }).click());
    await expect(h1(page)).resolves.toBe('Dere bør registrere dere i Enhetsregisteret og Frivillighetsregisteret');
  });

  it('works without JavaScript at 320 px: the overview and a phase with every step open', async () => {
    const page = await h.newPage({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    await h.visit(page, '/livshendelse');
    expect(await width(page)).toBeLessThanOrEqual(320);
    await h.visit(page, '/livshendelse/drive?vis=alle');
    expect(await width(page)).toBeLessThanOrEqual(320);
    await expect(
      page.getByText('Forskrift 23.10.2018 nr. 1600 om kompensasjon for merverdiavgift for frivillige organisasjoner').isVisible(),
    ).resolves.toBe(true);
  });

  it('works without JavaScript at 320 px: the search and the guide, each with an error first', async () => {
    const page = await h.newPage({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    await h.visit(page, '/ide');
    expect(await width(page)).toBeLessThanOrEqual(320);
    await h.navigate(page, () => page.getByRole('button', { name: 'Finn organisasjoner' }).click());
    await expect(page.locator('[data-error-summary]').textContent()).resolves.toContain('Velg en kommune');
    await page.getByLabel('Hva vil dere drive med?').selectOption('1');
    await page.getByLabel('Kommune').selectOption('4601');
    await h.navigate(page, () => page.getByRole('button', { name: 'Finn organisasjoner' }).click());
    await expect(page.getByRole('link', { name: 'BERGEN BYKOR' }).count()).resolves.toBe(1);
    expect(await width(page)).toBeLessThanOrEqual(320);

    await h.visit(page, '/ide/registrering/bankkonto');
    await h.navigate(page, () => page.getByRole('button', { name: 'Fortsett' }).click());
    await expect(page.locator('[data-error-summary]').textContent()).resolves.toContain('Velg ett av svarene');
    for (const answer of ['Nei', 'Nei', 'Nei', 'Vet ikke ennå']) {
      await page.getByLabel(answer, { exact: true }).check();
      await h.navigate(page, () => page.getByRole('button', { name: 'Fortsett' }).click());
    }
    await expect(h1(page)).resolves.toBe('Det kommer an på det dere ikke vet ennå');
    expect(await width(page)).toBeLessThanOrEqual(320);
  });

  it('in nynorsk: the public pages, with the way into the editor for an orchestrator', async () => {
    const page = await h.newPage();
    await registerLocal(h, page, { name: 'Oda Orkestrator', email: 'oda.orkestrator@example.no' });
    const db = h.database.db;
    const [oda] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'oda.orkestrator@example.no'));
    await db.insert(userPlatformRoles).values({ userId: oda!.id, role: 'orchestrator' });
    await h.visit(page, '/sprak?lang=nn&tilbake=%2Flivshendelse');
    await expect(h1(page)).resolves.toBe('Starte og drive ein frivillig organisasjon');
    await h.visit(page, '/livshendelse/avvikle');
    await expect(page.getByRole('heading', { name: 'Vedta oppløysing på årsmøtet' }).count()).resolves.toBe(1);
    await h.visit(page, '/ide');
    await expect(page.getByRole('heading', { name: 'Opprett eit arbeidsrom før de registrerer dykk' }).count()).resolves.toBe(1);
    await h.visit(page, '/livshendelse/utvikle');
    await expect(page.getByRole('link', { name: 'Rediger innhaldet' }).count()).resolves.toBe(1);
  });

  it('in nynorsk: an orchestrator edits a task (an error first), reorders a phase and reads the history with the difference', async () => {
    const page = await h.newPage();
    await signInLocal(h, page, 'oda.orkestrator@example.no', '/livshendelse');
    await h.visit(page, '/sprak?lang=nn&tilbake=%2Flivshendelse');
    const db = h.database.db;
    await h.navigate(page, () => page.getByRole('link', { name: 'Rediger innhaldet' }).click());
    await expect(h1(page)).resolves.toBe('Rediger livshendinga');
    await h.navigate(page, () => page.getByRole('link', { name: /^Endre\s*: Vurder forsikring$/ }).click());
    await page.getByLabel('Tittel (nynorsk)', { exact: true }).fill('Teikn forsikring');
    await h.navigate(page, () => page.getByRole('button', { name: 'Lagre ny versjon' }).click());
    const summary = page.locator('[data-error-summary]');
    await expect(summary.textContent()).resolves.toContain('Skriv eit endringsnotat');
    await expect(page.getByLabel('Tittel (nynorsk)', { exact: true }).inputValue()).resolves.toBe('Teikn forsikring');
    await page.getByLabel('Endringsnotat').fill('Tydelegare tittel');
    await h.navigate(page, () => page.getByRole('button', { name: 'Lagre ny versjon' }).click());
    await expect(page.getByRole('status').textContent()).resolves.toContain('Endringa er lagra som versjon 1.');

    await h.navigate(page, () =>
      page.getByRole('link', { name: 'Endre tekst, rekkjefølgje og «utanfor» for fasen Utvikle og slå saman' }).click(),
    );
    await page.getByLabel('Slå dykk saman med ein annan organisasjon').fill('1');
    await page.getByLabel('Endringsnotat').fill('Samanslåing først');
    await h.navigate(page, () => page.getByRole('button', { name: 'Lagre ny versjon' }).click());
    await expect(page.getByRole('status').textContent()).resolves.toContain('versjon 2');

    await h.visit(page, '/livshendelse/rediger/fase/drive/ny-oppgave');
    await h.visit(page, '/livshendelse/rediger/aktorer');
    await h.visit(page, '/livshendelse/historikk');
    await expect(page.getByRole('table', { name: 'Versjonar' }).textContent()).resolves.toContain('Tydelegare tittel');
    await h.navigate(page, () => page.getByRole('button', { name: 'Samanlikn' }).click());
    expect(new URL(page.url()).search).toBe('?fra=1&til=2');
    await h.visit(page, '/livshendelse/historikk/sammenlign?fra=0&til=2');
    await expect(page.getByRole('main').textContent()).resolves.toContain('Oppgåve: Teikn forsikring');
    await expect(page.locator('ins').first().textContent()).resolves.toContain('Teikn');

    const stored = await db.select().from(lifeEventMapRevisions);
    expect(stored.map((r) => r.changeNote).sort()).toEqual(['Samanslåing først', 'Tydelegare tittel']);
    await h.visit(page, '/livshendelse/utvikle');
    const headings = await page
      .getByRole('list', { name: 'Stega i fasen Utvikle og slå saman' })
      .getByRole('heading', { level: 2 })
      .allTextContents();
    expect(headings[0]).toBe('Slå dykk saman med ein annan organisasjon');
  });
});

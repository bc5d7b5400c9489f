import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ecosystemActorPeople, ecosystemActors, userPlatformRoles, users } from '../../src/core/db/schema.ts';
import { seedDemoEcosystem } from '../../src/features/seed/seed-ecosystem.ts';
import { type BrowserHarness, registerLocal, startBrowserHarness } from './helpers.ts';

/**
 * Journeys through the ecosystem (/okosystem): overview → actors → an actor → the core group's decisions;
 * an orchestrator adds an actor (an error first) at 320 px without JavaScript; the public pages in nynorsk.
 * axe runs on every page.
 */
let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
  await seedDemoEcosystem(h.database.db, { people: new Map(), names: new Map(), at: new Date('2026-03-12T10:00:00Z') });
});
afterEach(() => h.assertEveryPageChecked());
afterAll(async () => {
  await h?.close();
});

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const width = (page: Page) => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;

describe('journey: the ecosystem', () => {
  it('from the header to the overview, the actors (filtered), one actor and the decisions log', async () => {
    const page = await h.newPage();
    await h.visit(page, '/');
    await h.navigate(page, () => page.getByRole('navigation', { name: /./ }).getByRole('link', { name: 'Økosystemet' }).first().click());
    expect(new URL(page.url()).pathname).toBe('/okosystem');
    await expect(h1(page)).resolves.toBe('Økosystemet for frivillig sektor');
    await expect(page.getByText('For å teste og skalere nye ideer.').count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Markedsplass', exact: true }).getAttribute('href')).resolves.toBe(
      '/okosystem/markedsplass',
    );

    await h.navigate(page, () => page.getByRole('link', { name: 'Ny samarbeidsform' }).click());
    expect(new URL(page.url()).pathname).toBe('/okosystem/aktorer');
    await page.getByLabel('Type aktør').selectOption('state_agency');
    await h.navigate(page, () => page.getByRole('button', { name: 'Vis' }).click());
    const table = page.getByRole('table', { name: /Aktører/ });
    await expect(table.getByRole('link', { name: 'Kulturdepartementet' }).count()).resolves.toBe(1);
    await expect(table.getByRole('link', { name: 'Halogen' }).count()).resolves.toBe(0);

    await h.navigate(page, () => table.getByRole('link', { name: 'Brønnøysundregistrene' }).click());
    await expect(h1(page)).resolves.toBe('Brønnøysundregistrene');
    await expect(page.getByText('Orkestrator', { exact: true }).count()).resolves.toBe(1);

    await h.visit(page, '/okosystem');
    await h.navigate(page, () => page.getByRole('link', { name: 'Kjernegruppe med orkestrator' }).click());
    expect(new URL(page.url()).pathname).toBe('/okosystem/kjernegruppe');
    const decisions = page.getByRole('table', { name: 'Beslutninger, nyeste først' });
    await expect(decisions.getByText('Brønnøysundregistrene er orkestrator for økosystemet.').count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Før en beslutning' }).count()).resolves.toBe(0);
  });

  it('an orchestrator adds an actor at 320 px without JavaScript, correcting an error first', async () => {
    const page = await h.newPage({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    await registerLocal(h, page, { name: 'Oda Orkestrator', email: 'oda.eco@example.no' });
    const db = h.database.db;
    const [oda] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'oda.eco@example.no'));
    await db.insert(userPlatformRoles).values({ userId: oda!.id, role: 'orchestrator' });

    await h.visit(page, '/okosystem/aktorer');
    await h.navigate(page, () => page.getByRole('link', { name: 'Legg til aktør' }).click());
    await page.getByLabel('Navn', { exact: true }).fill('Trondheim kommune');
    await page.getByLabel('Type', { exact: true }).selectOption('municipality');
    await page.getByLabel('Organisasjonsnummer').fill('123');
    await h.navigate(page, () => page.getByRole('button', { name: 'Lagre' }).click());
    await expect(page.getByRole('link', { name: 'Velg aktørens rolle i økosystemet.' }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Organisasjonsnummeret må være ni siffer.' }).count()).resolves.toBe(1);
    expect(await width(page)).toBeLessThanOrEqual(320);

    await page.getByLabel('Rolle', { exact: true }).selectOption('participant');
    await page.getByLabel('Organisasjonsnummer').fill('942110464');
    await page.getByLabel('Mandat').fill('Deltar med erfaring fra frivilligsentralene.');
    await h.navigate(page, () => page.getByRole('button', { name: 'Lagre' }).click());
    await expect(h1(page)).resolves.toBe('Trondheim kommune');
    await expect(page.getByText('Aktøren er lagt til.').count()).resolves.toBe(1);
    expect(await width(page)).toBeLessThanOrEqual(320);
  });

  it('in nynorsk: the overview and the core group', async () => {
    const page = await h.newPage();
    await h.visit(page, '/sprak?lang=nn&tilbake=%2Fokosystem');
    await expect(page.getByRole('heading', { name: 'Dei åtte elementa' }).count()).resolves.toBe(1);
    await expect(page.getByText('Meir målretta tilskot og verkemiddel').count()).resolves.toBe(1);
    await h.navigate(page, () => page.getByRole('link', { name: 'Kjernegruppe med orkestrator' }).click());
    await expect(h1(page)).resolves.toBe('Kjernegruppa: møte og avgjerder');
    await expect(page.getByRole('table', { name: 'Avgjerder, nyaste først' }).count()).resolves.toBe(1);
  });
  it('a core-group person adds a decision (an error first), edits it, and signs the mission on for the actor', async () => {
    const page = await h.newPage();
    await registerLocal(h, page, { name: 'Frida Frivillig', email: 'frida.eco@example.no' });
    const db = h.database.db;
    const [frida] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'frida.eco@example.no'));
    const [fn] = await db.select({ id: ecosystemActors.id }).from(ecosystemActors).where(eq(ecosystemActors.name, 'Frivillighet Norge'));
    await db.insert(ecosystemActorPeople).values({ actorId: fn!.id, userId: frida!.id, title: 'Fagrådgiver' });

    await h.visit(page, '/okosystem/kjernegruppe');
    await page.getByLabel('Hva ble besluttet').fill('Samle behov fra paraplyene før sommeren');
    await h.navigate(page, () => page.getByRole('button', { name: 'Før en beslutning' }).click());
    await expect(page.getByRole('link', { name: 'Skriv hvorfor det ble besluttet.' }).count()).resolves.toBe(1);
    await page.getByLabel('Når').fill('2026-04-02');
    await page.getByLabel('Hvorfor').fill('Behovsregisteret trenger flere stemmer.');
    await page.getByLabel('Hvem besluttet').fill('Kjernegruppen');
    await h.navigate(page, () => page.getByRole('button', { name: 'Før en beslutning' }).click());
    await expect(page.getByText('Beslutningen er ført.').count()).resolves.toBe(1);
    await h.navigate(page, () => page.getByRole('link', { name: 'Endre beslutningen fra 2026-04-02' }).click());
    await page.getByLabel('Hvem besluttet').fill('Kjernegruppen og KS');
    await h.navigate(page, () => page.getByRole('button', { name: 'Lagre' }).click());
    await expect(page.getByRole('cell', { name: 'Kjernegruppen og KS' }).count()).resolves.toBe(1);

    await h.visit(page, '/okosystem/oppdrag');
    await expect(page.getByRole('listitem').filter({ hasText: 'Se opp og fram' }).count()).resolves.toBe(1);
    await h.navigate(page, () => page.getByRole('button', { name: 'Slutt Frivillighet Norge til oppdraget' }).click());
    await expect(page.getByText('Aktøren har sluttet seg til oppdraget.').count()).resolves.toBe(1);
    await expect(page.getByText('signert av Frida Frivillig, versjon 0').count()).resolves.toBe(1);
  });
});

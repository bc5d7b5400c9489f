import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ecosystemActorPeople, ecosystemActors, memberships, organisations, users } from '../../src/core/db/schema.ts';
import { seedDemoEcosystem } from '../../src/features/seed/seed-ecosystem.ts';
import { seedDemoNeeds } from '../../src/features/seed/seed-needs.ts';
import { type BrowserHarness, registerLocal, startBrowserHarness } from './helpers.ts';

/**
 * Journeys through the needs register (/okosystem/behov) and the building blocks (/okosystem/byggeklosser,
 * /okosystem/api): the public list, filters and a need's page; an organisation leader records a need at
 * 320 px without JavaScript, correcting an error first; another organisation says "we have this too" with
 * evidence; a core-group person groups the new need as a duplicate; the catalogue, a block and the API
 * reference; the same pages in nynorsk. axe runs on every page.
 */
let h: BrowserHarness;
const DEMO_ORGS = [
  { name: 'Tromsø Sjakklubb', orgnr: '910000012' },
  { name: 'Fjellstien Turlag', orgnr: '910000020' },
  { name: 'Gamle Stavanger Historielag', orgnr: '910000039' },
];
const orgIds = new Map<string, { id: string }>();

beforeAll(async () => {
  h = await startBrowserHarness();
  const db = h.database.db;
  for (const o of DEMO_ORGS) {
    const [row] = await db.insert(organisations).values({ name: o.name, orgnr: o.orgnr, phase: 3 }).returning({ id: organisations.id });
    orgIds.set(o.name, { id: row!.id });
  }
  const at = new Date('2026-03-12T10:00:00Z');
  await seedDemoEcosystem(db, { people: new Map(), names: new Map(), at });
  await seedDemoNeeds(db, { organisations: orgIds, people: new Map(), names: new Map(), at });
});
afterEach(() => h.assertEveryPageChecked());
afterAll(async () => {
  await h?.close();
});

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const width = (page: Page) => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;
const NEW_NEED = 'Nytt styre må meldes til banken i tillegg til Brønnøysund';

async function userId(email: string): Promise<string> {
  const [u] = await h.database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return u!.id;
}

describe('journey: needs and building blocks', () => {
  it('the public register: the list filtered by phase, a need with its confirmations and the blocks that lift it', async () => {
    const page = await h.newPage();
    await h.visit(page, '/okosystem');
    await h.navigate(page, () => page.getByRole('link', { name: 'Byggeklosser' }).first().click());
    await h.visit(page, '/okosystem/behov');
    await expect(h1(page)).resolves.toBe('Behov og smertepunkter');
    await page.getByLabel('Fase', { exact: true }).selectOption('3');
    await h.navigate(page, () => page.getByRole('button', { name: 'Vis behov' }).click());
    expect(new URL(page.url()).searchParams.get('fase')).toBe('3');
    const table = page.getByRole('table', { name: /Behov \(\d+\)/ });
    await expect(table.getByRole('link', { name: 'Vanskelig å finne frivillige til styreverv' }).count()).resolves.toBe(0);
    // The grouped duplicate rolls up into its need and is not listed by itself.
    await expect(table.getByRole('link', { name: 'Når er søknadsfristen for kompensasjon for merverdiavgift?' }).count()).resolves.toBe(0);

    await h.navigate(page, () => table.getByRole('link', { name: 'Vanskelig å vite fristen for momskompensasjon' }).click());
    await expect(h1(page)).resolves.toBe('Vanskelig å vite fristen for momskompensasjon');
    await expect(page.getByText('Vi har satt fristen i kalenderen selv, men den flyttet seg.', { exact: false }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Når er søknadsfristen for kompensasjon for merverdiavgift?' }).count()).resolves.toBe(1);

    await h.navigate(page, () => page.getByRole('link', { name: 'Kalenderstrøm (årshjul)' }).click());
    await expect(h1(page)).resolves.toBe('Kalenderstrøm (årshjul)');
    await expect(page.getByRole('heading', { name: 'Behov byggeklossen løfter' }).count()).resolves.toBe(1);
  });

  it('the catalogue, the Frivillig API block and the API reference', async () => {
    const page = await h.newPage();
    await h.visit(page, '/okosystem/byggeklosser');
    await expect(h1(page)).resolves.toBe('Byggeklosser');
    await h.navigate(page, () => page.getByRole('table').getByRole('link', { name: 'Frivillig API' }).click());
    await expect(h1(page)).resolves.toBe('Frivillig API');
    await expect(page.getByRole('heading', { name: 'Endepunkter i Frivillig API' }).count()).resolves.toBe(1);
    // Endpoints come from the OpenAPI document itself: the gains dashboard's API is among them.
    await expect(page.getByText('/api/v1/gevinster', { exact: false }).count()).resolves.toBeGreaterThan(0);
    await h.navigate(page, () => page.getByRole('link', { name: 'Se hele API-referansen' }).click());
    await expect(h1(page)).resolves.toBe('API-referanse for Frivillig');
    await expect(page.getByRole('link', { name: 'OpenAPI-dokumentet (JSON)' }).count()).resolves.toBe(1);
  });

  it('a leader records a need at 320 px without JavaScript (an error first), another says "we have this too", the core group groups it', async () => {
    const db = h.database.db;
    // Lise leads a new organisation; she records the need without JavaScript on a small screen.
    const lise = await h.newPage({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    await registerLocal(h, lise, { name: 'Lise Leder', email: 'lise.needs@example.no' });
    const [org] = await db.insert(organisations).values({ name: 'Åsen Bygdekvinnelag', phase: 3 }).returning({ id: organisations.id });
    await db.insert(memberships).values({ organisationId: org!.id, userId: await userId('lise.needs@example.no'), role: 'leader' });

    await h.visit(lise, '/okosystem/behov');
    await h.navigate(lise, () => lise.getByRole('link', { name: 'Registrer et behov' }).click());
    await lise.getByLabel('Hva er behovet? (kort)').fill('Ny');
    await h.navigate(lise, () => lise.getByRole('button', { name: 'Registrer behovet' }).click());
    await expect(lise.getByRole('link', { name: 'Skriv kort hva behovet er (3–200 tegn).' }).count()).resolves.toBe(1);
    await expect(lise.getByRole('link', { name: 'Velg en fase.' }).count()).resolves.toBe(1);
    expect(await width(lise)).toBeLessThanOrEqual(320);

    await lise.getByLabel('Hva er behovet? (kort)').fill(NEW_NEED);
    await lise.getByLabel('Hva er vanskelig eller tungvint?').fill('Banken godtar ikke endringen før de får protokollen på papir.');
    await lise.getByLabel('I hvilken fase av livshendelsen?').selectOption('3');
    await lise.getByLabel('Hvert år').check();
    await lise.getByLabel('Dokumentasjon (eksempler, tall, lenker)').fill('Tre besøk i banken etter årsmøtet i 2025.');
    await h.navigate(lise, () => lise.getByRole('button', { name: 'Registrer behovet' }).click());
    await expect(h1(lise)).resolves.toBe(NEW_NEED);
    await expect(lise.getByText('Behovet er registrert.').count()).resolves.toBe(1);
    expect(await width(lise)).toBeLessThanOrEqual(320);
    const needPath = new URL(lise.url()).pathname;

    // Ivar leads Fjellstien Turlag: "we have this too", with evidence.
    const ivar = await h.newPage();
    await registerLocal(h, ivar, { name: 'Ivar Turlag', email: 'ivar.needs@example.no' });
    await db.insert(memberships).values({
      organisationId: orgIds.get('Fjellstien Turlag')!.id,
      userId: await userId('ivar.needs@example.no'),
      role: 'leader',
    });
    await h.visit(ivar, needPath);
    await ivar.getByLabel('Dokumentasjon (eksempler, tall, lenker)').fill('Samme hos oss: banken ville ha signert protokoll.');
    await h.navigate(ivar, () => ivar.getByRole('button', { name: 'Vi har dette også' }).click());
    await expect(ivar.getByText('Takk! Dere er talt med.').count()).resolves.toBe(1);
    await expect(ivar.getByRole('listitem').filter({ hasText: 'Samme hos oss: banken ville ha signert protokoll.' }).count()).resolves.toBe(
      1,
    );

    // Frida belongs to Frivillighet Norge (core group): the new need is the same as an existing one.
    const frida = await h.newPage();
    await registerLocal(h, frida, { name: 'Frida Kjernegruppe', email: 'frida.needs@example.no' });
    const [fn] = await db.select({ id: ecosystemActors.id }).from(ecosystemActors).where(eq(ecosystemActors.name, 'Frivillighet Norge'));
    await db.insert(ecosystemActorPeople).values({ actorId: fn!.id, userId: await userId('frida.needs@example.no'), title: 'Rådgiver' });
    await h.visit(frida, needPath);
    await frida.getByLabel('Dette behovet er det samme som').selectOption({ label: 'Styreendringer må meldes flere steder' });
    await h.navigate(frida, () => frida.getByRole('button', { name: 'Slå sammen' }).click());
    await expect(h1(frida)).resolves.toBe('Styreendringer må meldes flere steder');
    await expect(frida.getByText('Behovet er slått sammen med et annet.').count()).resolves.toBe(1);
    await expect(frida.getByRole('link', { name: NEW_NEED }).count()).resolves.toBe(1);
  });

  it('in nynorsk: the register, the catalogue and a block', async () => {
    const page = await h.newPage();
    await h.visit(page, '/sprak?lang=nn&tilbake=%2Fokosystem%2Fbehov');
    await expect(h1(page)).resolves.toBe('Behov og smertepunkt');
    await h.visit(page, '/okosystem/byggeklosser');
    await expect(h1(page)).resolves.toBe('Byggjeklossar');
    await h.navigate(page, () => page.getByRole('table').getByRole('link', { name: 'Vedtektsbygger' }).click());
    await expect(page.getByRole('heading', { name: 'Behov byggjeklossen lyftar' }).count()).resolves.toBe(1);
    await h.visit(page, '/okosystem/api');
    await expect(h1(page)).resolves.toBe('API-referanse for Frivillig');
  });
});

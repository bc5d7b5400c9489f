import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ecosystemActorPeople, ecosystemActors, userPlatformRoles, users } from '../../src/core/db/schema.ts';
import { seedDemoEcosystem } from '../../src/features/seed/seed-ecosystem.ts';
import { seedDemoRoadmap } from '../../src/features/seed/seed-roadmap.ts';
import { type BrowserHarness, registerLocal, startBrowserHarness } from './helpers.ts';

/**
 * Journeys through the roadmap of simplifications (/okosystem/veikart) and change proposals to the life-event
 * map (/livshendelse/forslag): a reader filters the roadmap and opens an item with its history; a person of
 * an actor proposes a change at 320 px without JavaScript (an error first); the orchestrator accepts it and the
 * map shows the new text; the roadmap in nynorsk. axe runs on every page.
 */
let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
  const at = new Date('2026-03-12T10:00:00Z');
  await seedDemoEcosystem(h.database.db, { people: new Map(), names: new Map(), at });
  await seedDemoRoadmap(h.database.db, { people: new Map(), names: new Map(), at });
});
afterEach(() => h.assertEveryPageChecked());
afterAll(async () => {
  await h?.close();
});

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const width = (page: Page) => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;

describe('journey: the roadmap and proposals to the life-event map', () => {
  it('from the ecosystem overview to the roadmap, filtered by gain, and one item with its history', async () => {
    const page = await h.newPage();
    await h.visit(page, '/okosystem');
    await h.navigate(page, () => page.getByRole('link', { name: 'Veikart for forenklinger' }).click());
    expect(new URL(page.url()).pathname).toBe('/okosystem/veikart');
    await expect(page.getByRole('table', { name: 'Utsatt (1)' }).count()).resolves.toBe(1);
    await page.getByLabel('Gevinst').selectOption('register-data-reuse');
    await h.navigate(page, () => page.getByRole('button', { name: 'Vis punkter' }).click());
    expect(new URL(page.url()).searchParams.get('gevinst')).toBe('register-data-reuse');
    await expect(page.getByRole('link', { name: 'Digital signering av stiftelsesdokument' }).count()).resolves.toBe(0);
    await h.navigate(page, () => page.getByRole('link', { name: 'Momskompensasjon forhåndsutfylt fra registrene' }).click());
    await expect(h1(page)).resolves.toBe('Momskompensasjon forhåndsutfylt fra registrene');
    await expect(page.getByRole('table', { name: 'Endringer i punktet, nyeste først' }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Lotteri- og stiftelsestilsynet' }).count()).resolves.toBe(1);
  });

  it('a person of an actor proposes a change at 320 px without JavaScript; the orchestrator accepts it', async () => {
    const page = await h.newPage({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    await registerLocal(h, page, { name: 'Frida Frivillig', email: 'frida.lem@example.no' });
    const db = h.database.db;
    const [frida] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'frida.lem@example.no'));
    const [fn] = await db.select({ id: ecosystemActors.id }).from(ecosystemActors).where(eq(ecosystemActors.name, 'Frivillighet Norge'));
    await db.insert(ecosystemActorPeople).values({ actorId: fn!.id, userId: frida!.id, title: 'Fagrådgiver' });

    await h.visit(page, '/livshendelse');
    await expect(page.getByRole('link', { name: 'Forslag til endringer: 1 til vurdering' }).count()).resolves.toBe(1);
    await h.navigate(page, () => page.getByRole('link', { name: 'Foreslå endring' }).click());
    await page.getByLabel('Oppgave eller fase').selectOption('oppgave:lag-vedtekter');
    await h.navigate(page, () => page.getByRole('button', { name: 'Velg' }).click());
    await expect(page.getByRole('heading', { name: 'Forslag til endring av «Lag vedtekter»' }).count()).resolves.toBe(1);
    await page.getByLabel('Hva bør endres', { exact: true }).fill('Tydeligere tittel');
    await page.getByLabel('Tittel (bokmål)').fill('Lag vedtekter for organisasjonen');
    await h.navigate(page, () => page.getByRole('button', { name: 'Send forslaget' }).click());
    await expect(page.getByRole('link', { name: 'Skriv hvorfor endringen bør gjøres (høyst 4000 tegn).' }).count()).resolves.toBe(1);
    expect(await width(page)).toBeLessThanOrEqual(320);
    await page.getByLabel('Hvorfor', { exact: true }).fill('Nye lag forstår ikke at vedtektene gjelder hele organisasjonen.');
    await h.navigate(page, () => page.getByRole('button', { name: 'Send forslaget' }).click());
    await expect(page.getByText('Forslaget er sendt. Orkestratoren vurderer det.').count()).resolves.toBe(1);
    await expect(page.getByText('Til vurdering', { exact: true }).count()).resolves.toBe(1);
    const proposalPath = new URL(page.url()).pathname;
    expect(await width(page)).toBeLessThanOrEqual(320);

    const orchestrator = await h.newPage();
    await registerLocal(h, orchestrator, { name: 'Oda Orkestrator', email: 'oda.lem@example.no' });
    const [oda] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'oda.lem@example.no'));
    await db.insert(userPlatformRoles).values({ userId: oda!.id, role: 'orchestrator' });
    await h.visit(orchestrator, '/livshendelse/forslag');
    await h.navigate(orchestrator, () => orchestrator.getByRole('link', { name: 'Tydeligere tittel' }).click());
    expect(new URL(orchestrator.url()).pathname).toBe(proposalPath);
    await h.navigate(orchestrator, () => orchestrator.getByRole('button', { name: 'Godta og lagre som ny versjon av kartet' }).click());
    await expect(orchestrator.getByText('Forslaget er godtatt og lagret som versjon 1 av livshendelsen.').count()).resolves.toBe(1);
    await h.visit(orchestrator, '/livshendelse/starte');
    await expect(orchestrator.getByText('Lag vedtekter for organisasjonen').count()).resolves.toBeGreaterThan(0);

    await h.visit(page, proposalPath);
    await expect(page.getByText('er tatt inn i livshendelsen som versjon 1').count()).resolves.toBe(1);
  });

  it('a core-group person stops a roadmap item (an error first) and the history shows the change', async () => {
    const page = await h.newPage();
    await registerLocal(h, page, { name: 'Lise Lotteri', email: 'lise.roadmap@example.no' });
    const db = h.database.db;
    const [lise] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'lise.roadmap@example.no'));
    const [ls] = await db
      .select({ id: ecosystemActors.id })
      .from(ecosystemActors)
      .where(eq(ecosystemActors.name, 'Lotteri- og stiftelsestilsynet'));
    await db.insert(ecosystemActorPeople).values({ actorId: ls!.id, userId: lise!.id, title: 'Seniorrådgiver' });

    await h.visit(page, '/okosystem/veikart');
    await h.navigate(page, () => page.getByRole('link', { name: 'Momskompensasjon forhåndsutfylt fra registrene' }).click());
    await h.navigate(page, () => page.getByRole('link', { name: 'Endre punktet' }).click());
    await page.getByLabel('Stoppet', { exact: true }).check();
    await h.navigate(page, () => page.getByRole('button', { name: 'Lagre' }).click());
    await expect(page.getByRole('link', { name: 'Skriv hvorfor punktet er utsatt eller stoppet.' }).count()).resolves.toBe(1);
    await page.getByLabel('Begrunnelse', { exact: true }).fill('Løses i stedet gjennom én gang-profilen.');
    await h.navigate(page, () => page.getByRole('button', { name: 'Lagre' }).click());
    await expect(page.getByText('Endringene er lagret.').count()).resolves.toBe(1);
    const history = page.getByRole('table', { name: 'Endringer i punktet, nyeste først' });
    await expect(history.getByText('Lise Lotteri').count()).resolves.toBe(1);
    await expect(history.locator('ins').filter({ hasText: 'Stoppet' }).count()).resolves.toBe(1);
  });

  it('in nynorsk: the roadmap', async () => {
    const page = await h.newPage();
    await h.visit(page, '/sprak?lang=nn&tilbake=%2Fokosystem%2Fveikart');
    await expect(h1(page)).resolves.toBe('Vegkart for forenklingar');
    await expect(page.getByRole('table', { name: 'Utsett (1)' }).count()).resolves.toBe(1);
  });
});

import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ecosystemActorPeople, ecosystemActors, marketplaceOfferings, users } from '../../src/core/db/schema.ts';
import { seedDemoEcosystem } from '../../src/features/seed/seed-ecosystem.ts';
import { seedDemoMarketplace } from '../../src/features/seed/seed-marketplace.ts';
import { type BrowserHarness, registerLocal, startBrowserHarness } from './helpers.ts';

/**
 * Journeys through the marketplace (/okosystem/markedsplass, /okosystem/utfordringer): overview → marketplace
 * → filter by category → an offering → the challenges and a proposal; a supplier's person writes an offering
 * at 320 px without JavaScript (an http address refused first) and sends it for approval; the public pages in
 * nynorsk. axe runs on every page.
 */
let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
  const at = new Date('2026-03-12T10:00:00Z');
  await seedDemoEcosystem(h.database.db, { people: new Map(), names: new Map(), at });
  // Today, so the demo challenge's deadline (60 days on) is still ahead.
  await seedDemoMarketplace(h.database.db, { people: new Map(), names: new Map(), at: new Date() });
});
afterEach(() => h.assertEveryPageChecked());
afterAll(async () => {
  await h?.close();
});

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const width = (page: Page) => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;

describe('journey: the marketplace', () => {
  it('from the overview to the marketplace, filtered by category, one offering, then the challenges and a proposal', async () => {
    const page = await h.newPage();
    await h.visit(page, '/okosystem');
    await h.navigate(page, () => page.getByRole('link', { name: 'Markedsplass', exact: true }).click());
    await expect(h1(page)).resolves.toBe('Markedsplassen');
    await expect(page.getByRole('link', { name: 'Lagshjelpen Medlem' }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Lagshjelpen Dugnad' }).count()).resolves.toBe(0);

    await page.getByLabel('Kategori').selectOption('meetings');
    await h.navigate(page, () => page.getByRole('button', { name: 'Vis tilbud' }).click());
    expect(new URL(page.url()).search).toContain('kategori=meetings');
    await expect(page.getByRole('link', { name: 'Digitalt årsmøte' }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Lagshjelpen Medlem' }).count()).resolves.toBe(0);

    await h.navigate(page, () => page.getByRole('link', { name: 'Digitalt årsmøte' }).click());
    await expect(h1(page)).resolves.toBe('Digitalt årsmøte');
    await expect(page.getByRole('heading', { name: 'Slik behandles data' }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Gå til Dugnadsverket SA' }).getAttribute('href')).resolves.toMatch(/\/ga-til$/);

    await h.navigate(page, () => page.getByRole('link', { name: 'Markedsplassen' }).click());
    await h.navigate(page, () => page.getByRole('link', { name: /Åpne utfordringer/ }).click());
    await expect(h1(page)).resolves.toBe('Åpne utfordringer');
    await h.navigate(page, () => page.getByRole('link', { name: 'Tilskuddsrapport som hentes, ikke skrives' }).click());
    await expect(page.getByText('Logg inn for å sende inn et forslag.').count()).resolves.toBe(1);
    await h.navigate(page, () => page.getByRole('link', { name: 'Lagshjelpen AS' }).click());
    await expect(h1(page)).resolves.toBe('Forslag fra Lagshjelpen AS');
  });

  it('a supplier’s person writes an offering at 320 px without JavaScript (an http address refused first) and sends it for approval', async () => {
    const page = await h.newPage({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    await registerLocal(h, page, { name: 'Lars Lagshjelp', email: 'lars.mkt@example.no' });
    const db = h.database.db;
    const [lars] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'lars.mkt@example.no'));
    const [actor] = await db.select({ id: ecosystemActors.id }).from(ecosystemActors).where(eq(ecosystemActors.name, 'Lagshjelpen AS'));
    await db.insert(ecosystemActorPeople).values({ actorId: actor!.id, userId: lars!.id, title: 'Produktleder' });

    await h.visit(page, '/okosystem/markedsplass');
    await h.navigate(page, () => page.getByRole('link', { name: 'Legg inn et tilbud' }).click());
    await expect(h1(page)).resolves.toBe('Legg inn et tilbud');
    await page.getByLabel('Navn', { exact: true }).fill('Lagshjelpen Innsamling');
    await page.getByLabel('Beskrivelse').fill('Innsamlingsaksjoner med Vipps og rapport til Innsamlingskontrollen.');
    await page.getByLabel('Innsamling', { exact: true }).check();
    await page.getByLabel('Fase 3: Drive').check();
    await page.getByLabel('Abonnement').check();
    await page.getByLabel('Hvor data lagres').fill('I Norge, hos en driftsleverandør.');
    await page.getByRole('group', { name: 'Tilbyr dere databehandleravtale?' }).getByLabel('Ja').check();
    await page.getByRole('group', { name: 'Kan laget eksportere dataene sine?' }).getByLabel('Ja').check();
    await page.getByLabel('Nettadresse').fill('http://lagshjelpen.example/innsamling');
    await h.navigate(page, () => page.getByRole('button', { name: 'Lagre utkast' }).click());
    await expect(page.getByRole('link', { name: /Skriv en nettadresse som begynner med https/ }).count()).resolves.toBe(1);
    expect(await width(page)).toBeLessThanOrEqual(320);

    await page.getByLabel('Nettadresse').fill('https://lagshjelpen.example/innsamling');
    await h.navigate(page, () => page.getByRole('button', { name: 'Lagre utkast' }).click());
    await expect(h1(page)).resolves.toBe('Lagshjelpen Innsamling');
    await expect(page.getByText('Tilbudet er lagret som utkast.').count()).resolves.toBe(1);
    await h.navigate(page, () => page.getByRole('button', { name: 'Send til godkjenning' }).click());
    await expect(page.getByText('Tilbudet er sendt til godkjenning.').count()).resolves.toBe(1);
    expect(await width(page)).toBeLessThanOrEqual(320);
    const [saved] = await db.select().from(marketplaceOfferings).where(eq(marketplaceOfferings.title, 'Lagshjelpen Innsamling'));
    expect(saved).toMatchObject({ status: 'pending', category: 'fundraising', url: 'https://lagshjelpen.example/innsamling', phases: [3] });

    await h.navigate(page, () => page.getByRole('link', { name: 'Se interessen for tilbudet' }).click());
    await expect(page.getByText('Ingen interesse registrert ennå.').count()).resolves.toBe(1);
  });

  it('in nynorsk: the marketplace and the challenges', async () => {
    const page = await h.newPage();
    await h.visit(page, '/sprak?lang=nn&tilbake=%2Fokosystem%2Fmarkedsplass');
    await expect(h1(page)).resolves.toBe('Marknadsplassen');
    await expect(page.getByRole('button', { name: 'Vis tilbod' }).count()).resolves.toBe(1);
    await h.navigate(page, () => page.getByRole('link', { name: /Opne utfordringar/ }).click());
    await expect(h1(page)).resolves.toBe('Opne utfordringar');
    await expect(page.getByRole('table', { name: 'Utfordringar (1)' }).count()).resolves.toBe(1);
  });
});

import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ecosystemActorPeople, ecosystemActors, memberships, organisations, users } from '../../src/core/db/schema.ts';
import { seedDemoData } from '../../src/features/seed/seed.ts';
import { type BrowserHarness, registerLocal, startBrowserHarness } from './helpers.ts';

/**
 * Journeys through the innovation portfolio and the demonstrators: overview → portfolio matrix → filtered list
 * → an initiative → its experiment; an organisation leader proposes an initiative (an error first), opts the
 * organisation in from the workspace and answers the survey at 320 px without JavaScript; a core-group person
 * decides an experiment, which moves the initiative; the pages in nynorsk. axe runs on every page.
 */
let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
  await seedDemoData(h.deps);
});
afterEach(() => h.assertEveryPageChecked());
afterAll(async () => {
  await h?.close();
});

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const width = (page: Page) => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;

async function userId(email: string) {
  const [row] = await h.database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row!.id;
}

describe('journey: the innovation portfolio and the demonstrators', () => {
  it('from the overview to the matrix, the filtered list, an initiative and its experiment', async () => {
    const page = await h.newPage();
    await h.visit(page, '/okosystem');
    await h.navigate(page, () => page.getByRole('link', { name: 'Innovasjonsportefølje', exact: true }).click());
    await expect(h1(page)).resolves.toBe('Innovasjonsporteføljen');
    const matrix = page.getByRole('table', { name: /Initiativ etter fase og steg/ });
    await expect(page.getByText(/Prioritet = 3 ×/).count()).resolves.toBe(1);
    await h.navigate(page, () => matrix.getByRole('link', { name: '1 initiativ i Fase 3: Drive, steg Demonstrator' }).click());
    const list = page.getByRole('table', { name: /Initiativ \(1\)/ });
    await h.navigate(page, () => list.getByRole('link', { name: 'Varsel om fristen for momskompensasjon i årshjulet' }).click());
    await expect(h1(page)).resolves.toBe('Varsel om fristen for momskompensasjon i årshjulet');
    await expect(page.getByText('Foreslått av Ingrid Berg', { exact: false }).count()).resolves.toBe(1);
    await h.navigate(page, () => page.getByRole('link', { name: /Hvis kasserer og leder får påminnelse/ }).click());
    await expect(h1(page)).resolves.toBe('Eksperiment: Varsel om fristen for momskompensasjon i årshjulet');
    await expect(page.getByRole('table', { name: 'Suksesskriterier' }).count()).resolves.toBe(1);
  });

  it('an organisation leader proposes, opts in from the workspace and answers the survey, at 320 px without JavaScript', async () => {
    const page = await h.newPage({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    await registerLocal(h, page, { name: 'Nora Nabo', email: 'nora.portfolio@example.no' });
    const db = h.database.db;
    const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, 'Nabolagshagen Grünerløkka'));
    await db
      .insert(memberships)
      .values({ organisationId: org!.id, userId: await userId('nora.portfolio@example.no'), role: 'board_member' });

    await h.visit(page, '/okosystem/portefolje');
    await h.navigate(page, () => page.getByRole('link', { name: 'Foreslå et initiativ' }).click());
    await page.getByLabel('Tittel', { exact: true }).fill('Felles utlånsordning for hageredskap');
    await h.navigate(page, () => page.getByRole('button', { name: 'Send forslaget' }).click());
    await expect(page.getByRole('link', { name: 'Velg minst én fase.' }).count()).resolves.toBe(1);
    expect(await width(page)).toBeLessThanOrEqual(320);
    await page.getByLabel('Idé', { exact: true }).check();
    await page.getByLabel('Beskrivelse').fill('Lag i samme bydel låner redskap av hverandre gjennom en felles liste.');
    await page.getByLabel('Fase 2: Starte').check();
    await page.getByLabel('Mindre administrasjon for organisasjonene').check();
    await h.navigate(page, () => page.getByRole('button', { name: 'Send forslaget' }).click());
    await expect(h1(page)).resolves.toBe('Felles utlånsordning for hageredskap');
    await expect(page.getByText('Initiativet er lagt inn i porteføljen.').count()).resolves.toBe(1);
    await h.navigate(page, () => page.getByRole('button', { name: 'Støtt initiativet' }).click());
    await expect(page.getByRole('button', { name: 'Trekk støtten' }).count()).resolves.toBe(1);
    expect(await width(page)).toBeLessThanOrEqual(320);

    await h.visit(page, `/arbeidsrom/${org!.id}`);
    await h.navigate(page, () => page.getByRole('link', { name: 'Demonstratorer: delta i utprøvinger' }).click());
    await h.navigate(page, () => page.getByRole('button', { name: /Meld organisasjonen på/ }).click());
    await expect(page.getByText('Organisasjonen er meldt på.').count()).resolves.toBe(1);
    await h.navigate(page, () => page.getByRole('link', { name: 'Varsel om fristen for momskompensasjon i årshjulet' }).click());
    // Listed among the participants (and, in the history, as opted in).
    await expect(page.getByRole('listitem').getByText('Nabolagshagen Grünerløkka', { exact: true }).count()).resolves.toBe(1);
    await h.navigate(page, () => page.getByRole('link', { name: 'Svar på «Etter første påminnelse»' }).click());
    await page.getByRole('group', { name: 'Hvor nyttig var påminnelsen om fristen?' }).getByLabel('4').check();
    await h.navigate(page, () => page.getByRole('button', { name: 'Send svarene' }).click());
    await expect(page.getByRole('link', { name: 'Velg et tall fra 1 til 5.' }).count()).resolves.toBe(1);
    await page.getByRole('group', { name: 'Hvor lett var det å finne søknaden fra påminnelsen?' }).getByLabel('5').check();
    await page.getByLabel('Hva kan gjøres bedre?').fill('Send den også til nestleder.');
    await h.navigate(page, () => page.getByRole('button', { name: 'Send svarene' }).click());
    await expect(page.getByText('Takk for svarene!').count()).resolves.toBe(1);
    await expect(page.getByText('Svarene fra Nabolagshagen Grünerløkka (1)', { exact: false }).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText('Lenken gikk til forsiden', { exact: false }).count()).resolves.toBe(0);
    expect(await width(page)).toBeLessThanOrEqual(320);
  });

  it('a core-group person decides the experiment, and the initiative moves to scaling', async () => {
    const page = await h.newPage();
    await registerLocal(h, page, { name: 'Kåre Kjerne', email: 'kare.portfolio@example.no' });
    const db = h.database.db;
    const [fn] = await db.select({ id: ecosystemActors.id }).from(ecosystemActors).where(eq(ecosystemActors.name, 'Frivillighet Norge'));
    await db.insert(ecosystemActorPeople).values({ actorId: fn!.id, userId: await userId('kare.portfolio@example.no'), title: 'Rådgiver' });

    await h.visit(page, '/okosystem/demonstratorer');
    await h.navigate(page, () => page.getByRole('link', { name: /Hvis kasserer og leder får påminnelse/ }).click());
    await expect(page.getByRole('table', { name: 'Alle svar: Hvor nyttig var påminnelsen om fristen?' }).count()).resolves.toBe(1);
    await page.getByLabel('Skalere', { exact: true }).check();
    await page.getByLabel('Begrunnelse', { exact: true }).fill('Alle deltakende lag søkte i tide; påminnelsen tas i bruk for alle.');
    await h.navigate(page, () => page.getByRole('button', { name: 'Lagre beslutningen' }).click());
    await expect(page.getByText('Beslutningen er lagret, og initiativet er flyttet i porteføljen.').count()).resolves.toBe(1);
    await h.navigate(page, () => page.getByRole('link', { name: 'Varsel om fristen for momskompensasjon i årshjulet' }).first().click());
    await expect(page.getByText('Steg: Demonstrator → Skalering').count()).resolves.toBe(1);
  });

  it('in nynorsk: the portfolio and the demonstrators', async () => {
    const page = await h.newPage();
    await h.visit(page, '/sprak?lang=nn&tilbake=%2Fokosystem%2Fportefolje');
    await expect(h1(page)).resolves.toBe('Innovasjonsporteføljen');
    await expect(page.getByRole('heading', { name: 'Slik blir prioriteten rekna' }).count()).resolves.toBe(1);
    await h.navigate(page, () => page.getByRole('link', { name: 'Sjå demonstratorane.' }).click());
    await expect(h1(page)).resolves.toBe('Demonstratorar');
  });
});

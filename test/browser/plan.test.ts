import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { memberships, organisations, registerEnheter, registerFrivillige, users } from '../../src/core/db/schema.ts';
import { testOrgnr } from '../../src/features/register/import-fixtures.ts';
import { type BrowserHarness, registerLocal, startBrowserHarness } from './helpers.ts';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
});
afterEach(() => h.assertEveryPageChecked());
afterAll(async () => {
  await h?.close();
});

const ORGNR = testOrgnr(601);
const OTHER_ORGNR = testOrgnr(602);

/** The status tag of one task on the plan page. */
const statusOf = (page: Page, taskId: string) => page.locator(`#status-${taskId}`).textContent();

/** A yes/no/don't-know question on the facts page, by its legend. */
const answer = (page: Page, question: string, choice: 'Ja' | 'Nei' | 'Vet ikke') =>
  page.getByRole('group', { name: question }).getByLabel(choice, { exact: true }).check();

async function createRegisteredWorkspace(page: Page, name: string, orgnr: string) {
  await h.visit(page, '/arbeidsrom/ny');
  await page.getByLabel('Navnet på organisasjonen').fill(name);
  await page.getByLabel('Ja, den har organisasjonsnummer').check();
  await page.getByLabel('Organisasjonsnummer', { exact: true }).fill(orgnr);
  await h.navigate(page, () => page.getByRole('button', { name: 'Opprett arbeidsrom' }).click());
}

describe('journey: facts and the personal plan', () => {
  it('a leader answers the facts (prefilled from the register), the plan changes, and changes again when FRR has the organisation', async () => {
    const page = await h.newPage();
    await registerLocal(h, page, { name: 'Kari Plan', email: 'kari.plan@example.no' });
    await h.database.db.insert(registerEnheter).values({
      orgnr: ORGNR,
      navn: 'SKOLEKORPSET SOLSIKKEN',
      organisasjonsform: 'FLI',
      antallAnsatte: 1,
      data: { organisasjonsnummer: ORGNR },
      dataHash: 'browser-plan',
    });
    await createRegisteredWorkspace(page, 'Skolekorpset Solsikken', ORGNR);

    await h.navigate(page, () => page.getByRole('link', { name: 'Planen deres: hva dere må gjøre, og hvorfor' }).click());
    expect(new URL(page.url()).pathname).toMatch(/^\/arbeidsrom\/[0-9a-f-]{36}\/plan$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Plan for organisasjonen');
    await expect(page.getByRole('heading', { level: 2, name: 'Fase 2: Starte' }).count()).resolves.toBe(1);
    await expect(statusOf(page, 'registrer-enhetsregisteret')).resolves.toBe('Ferdig');
    await expect(statusOf(page, 'sok-momskompensasjon')).resolves.toBe('Kan ikke starte ennå');
    await expect(statusOf(page, 'innsamlingskontrollen')).resolves.toBe('Ikke aktuelt');

    await h.navigate(page, () => page.getByRole('link', { name: 'Se og endre fakta om organisasjonen' }).click());
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Fakta om organisasjonen');
    // Enhetsregisteret's number of employees is already filled in, and the page says where it came from.
    await expect(page.getByLabel('Hvor mange ansatte har organisasjonen?').inputValue()).resolves.toBe('1');
    await expect(page.getByRole('main').textContent()).resolves.toContain('Fylt ut fra Enhetsregisteret.');
    await page.getByLabel('Hvor mange medlemmer har organisasjonen?').fill('45');
    await answer(page, 'Samler organisasjonen inn penger fra publikum?', 'Ja');
    await answer(page, 'Vil organisasjonen stå i Frivillighetsregisteret?', 'Ja');
    await answer(page, 'Arbeider organisasjonen med barn eller personer med utviklingshemning?', 'Ja');
    await h.navigate(page, () => page.getByRole('button', { name: 'Lagre fakta' }).click());

    expect(new URL(page.url()).pathname).toMatch(/\/plan$/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('Fakta om organisasjonen er lagret. Planen er oppdatert.');
    await expect(statusOf(page, 'innsamlingskontrollen')).resolves.toBe('Ikke startet');
    await expect(page.locator('#oppgave-politiattest').textContent()).resolves.toContain(
      'Dere arbeider med barn eller personer med utviklingshemning.',
    );
    await expect(page.locator('#oppgave-a-melding').textContent()).resolves.toContain('Organisasjonen har 1 ansatte');

    // A status set by hand.
    const insurance = page.locator('#oppgave-forsikring');
    await insurance.getByLabel('Endre status for «Vurder forsikring»').selectOption('in-progress');
    await h.navigate(page, () => insurance.getByRole('button', { name: 'Lagre status' }).click());
    await expect(page.getByRole('status').textContent()).resolves.toContain('Statusen for «Vurder forsikring» er lagret.');
    await expect(statusOf(page, 'forsikring')).resolves.toBe('Pågår');

    // The register feed now shows the organisation in Frivillighetsregisteret.
    await h.database.db
      .insert(registerFrivillige)
      .values({ orgnr: ORGNR, icnpo1: '1100', data: { organisasjonsnummer: ORGNR }, dataHash: 'b' });
    await h.navigate(page, () => page.reload());
    await expect(statusOf(page, 'registrer-frivillighetsregisteret')).resolves.toBe('Ferdig');
    await expect(page.locator('#oppgave-registrer-frivillighetsregisteret').textContent()).resolves.toContain(
      'Status fra Frivillighetsregisteret: organisasjonen står i Frivillighetsregisteret.',
    );
    await expect(statusOf(page, 'sok-momskompensasjon')).resolves.toBe('Ikke startet');

    // The workspace shows what the organisation did not have to give again.
    await h.navigate(page, () =>
      page.getByRole('navigation', { name: 'Brødsmulesti' }).getByRole('link', { name: 'Skolekorpset Solsikken' }).click(),
    );
    await expect(page.getByRole('heading', { name: 'Opplysninger du slapp å gi på nytt' }).count()).resolves.toBe(1);
    await expect(page.getByTestId('prefill-totals').textContent()).resolves.toMatch(
      /^\d+ opplysninger var fylt ut på forhånd og ble beholdt/,
    );
  });

  it('the facts form without JavaScript at 320 px: an error keeps the answers, then the plan changes', async () => {
    const page = await h.newPage({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    const width = async () => (await page.evaluate('document.documentElement.scrollWidth')) as number;
    await registerLocal(h, page, { name: 'Per Smal', email: 'per.smal@example.no' });
    await createRegisteredWorkspace(page, 'Turlaget Smalsti', OTHER_ORGNR);
    const orgPath = new URL(page.url()).pathname;

    await h.visit(page, `${orgPath}/plan`);
    expect(await width()).toBeLessThanOrEqual(320);
    await expect(statusOf(page, 'registrer-mva')).resolves.toBe('Ikke aktuelt');

    await h.visit(page, `${orgPath}/fakta`);
    expect(await width()).toBeLessThanOrEqual(320);
    await page.getByLabel('Hvor mange medlemmer har organisasjonen?').fill('mange');
    await answer(page, 'Selger organisasjonen varer eller tjenester?', 'Ja');
    await h.navigate(page, () => page.getByRole('button', { name: 'Lagre fakta' }).click());
    await expect(page.getByRole('heading', { name: 'Rett opp dette for å gå videre' }).count()).resolves.toBe(1);
    await expect(page.getByRole('main').textContent()).resolves.toContain('Skriv et helt tall som 0 eller større');
    await expect(
      page.getByRole('group', { name: 'Selger organisasjonen varer eller tjenester?' }).getByLabel('Ja', { exact: true }).isChecked(),
    ).resolves.toBe(true);
    expect(await width()).toBeLessThanOrEqual(320);

    await page.getByLabel('Hvor mange medlemmer har organisasjonen?').fill('12');
    await h.navigate(page, () => page.getByRole('button', { name: 'Lagre fakta' }).click());
    expect(new URL(page.url()).pathname).toBe(`${orgPath}/plan`);
    await expect(statusOf(page, 'registrer-mva')).resolves.toBe('Ikke startet');
    await expect(page.locator('#oppgave-rekrutter-medlemmer').textContent()).resolves.toContain('Dere har 12 medlemmer.');
    expect(await width()).toBeLessThanOrEqual(320);

    // The politiattest log works without JavaScript too.
    await h.visit(page, `${orgPath}/fakta`);
    await page.getByLabel('Navn', { exact: true }).fill('Lise Leder');
    await page.getByLabel('Rolle eller oppgave').fill('Turleder for barn');
    await page.getByLabel('Vist fram', { exact: true }).fill('02.01.2025');
    await h.navigate(page, () => page.getByRole('button', { name: 'Registrer', exact: true }).click());
    await expect(page.getByRole('status').textContent()).resolves.toContain('Politiattesten er registrert.');
    await expect(page.getByRole('table', { name: 'Politiattester som er vist fram' }).textContent()).resolves.toContain('Lise Leder');
    expect(await width()).toBeLessThanOrEqual(320);
  });

  it('a member reads the plan and the facts in nynorsk', async () => {
    const db = h.database.db;
    const [org] = await db.select().from(organisations).where(eq(organisations.orgnr, ORGNR));
    const page = await h.newPage();
    await registerLocal(h, page, { name: 'Nora Nynorsk', email: 'nora.nynorsk@example.no' });
    const [nora] = await db.select().from(users).where(eq(users.email, 'nora.nynorsk@example.no'));
    await db.insert(memberships).values({ organisationId: org!.id, userId: nora!.id, role: 'member' });

    await h.visit(page, `/arbeidsrom/${org!.id}/plan`);
    await h.navigate(page, () => page.getByRole('link', { name: 'Nynorsk' }).click());
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nn');
    await expect(statusOf(page, 'registrer-frivillighetsregisteret')).resolves.toBe('Ferdig');
    await expect(statusOf(page, 'hold-arsmote')).resolves.toBe('Ikkje starta');
    await expect(page.getByRole('main').textContent()).resolves.toContain(
      'Status frå Frivilligregisteret: organisasjonen står i Frivilligregisteret.',
    );
    // A member reads, but cannot set statuses.
    await expect(page.getByRole('button', { name: 'Lagre status' }).count()).resolves.toBe(0);

    await h.navigate(page, () => page.getByRole('link', { name: 'Sjå og endre fakta om organisasjonen' }).click());
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Fakta om organisasjonen');
    await expect(page.getByRole('main').textContent()).resolves.toContain(
      'Berre leiaren, kassereren og styremedlemmer kan endre desse opplysningane.',
    );
    await expect(page.getByRole('button', { name: 'Lagre fakta' }).count()).resolves.toBe(0);
  });
});

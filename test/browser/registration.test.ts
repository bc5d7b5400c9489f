import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { foundingMeetings, memberships, registrationPersons, statutesVersions } from '../../src/core/db/schema.ts';
import { type IntakeDouble, startIntakeDouble } from '../../src/features/registration/intake-double.ts';
import { type MaskinportenDouble, startMaskinportenDouble } from '../../src/features/registration/maskinporten-double.ts';
import { makeFnr, testRsaKeys } from '../../src/features/registration/test-fixtures.ts';
import { statutesText } from '../../src/features/statutes/statutes.template.ts';
import { userByEmail } from '../helpers/app.ts';
import { SAMPLE_ANSWERS } from '../helpers/statutes-fixtures.ts';
import { type BrowserHarness, registerLocal, startBrowserHarness } from './helpers.ts';

/**
 * Journey: the registration package from start to receipt — every question page, the board's fødselsnummer, check
 * answers, each board member confirming in their own browser, sending to the local intake server (standing in for
 * Brønnøysundregistrene's electronic intake, with a local Maskinporten token endpoint), and the receipt. Once in
 * bokmål without JavaScript at 320 px, once in nynorsk with JavaScript. Axe checks every page.
 */

let h: BrowserHarness;
let mp: MaskinportenDouble;
let intake: IntakeDouble;
const keys = testRsaKeys();

beforeAll(async () => {
  mp = await startMaskinportenDouble({ clientId: 'frivillig', kid: 'k1', publicKeyPem: keys.publicKeyPem });
  intake = await startIntakeDouble({ acceptToken: (t) => mp.isValidToken(t, 'brreg:mottak') });
  h = await startBrowserHarness({
    env: {
      BRREG_MOTTAK_URL: intake.baseUrl,
      BRREG_MOTTAK_AVSENDER_ORGNR: '910000012',
      MASKINPORTEN_ISSUER: mp.issuer,
      MASKINPORTEN_TOKEN_URL: mp.tokenUrl,
      MASKINPORTEN_CLIENT_ID: 'frivillig',
      MASKINPORTEN_KID: 'k1',
      MASKINPORTEN_PRIVATE_KEY: keys.privateKeyPem,
    },
  });
});
afterEach(() => h.assertEveryPageChecked());
afterAll(async () => {
  await h?.close();
  await intake?.close();
  await mp?.close();
});

async function expectNoHorizontalScroll(page: Page) {
  const width = page.viewportSize()?.width ?? 0;
  const scrollWidth = (await page.evaluate('document.documentElement.scrollWidth')) as number;
  expect(scrollWidth, `${page.url()} is ${scrollWidth}px wide in a ${width}px viewport`).toBeLessThanOrEqual(width);
}

/** Answers a question page by field name (the same in both languages), then submits it. */
async function answer(page: Page, form: Record<string, string>) {
  for (const [name, value] of Object.entries(form)) {
    const field = page.locator(`[name="${name}"]`);
    const kind = await field.first().evaluate((el) => `${el.tagName}:${el.getAttribute('type') ?? ''}`);
    if (kind === 'INPUT:radio') await page.locator(`input[name="${name}"][value="${value}"]`).check();
    else if (kind.startsWith('SELECT')) await field.selectOption(value);
    else await field.fill(value);
  }
  await h.navigate(page, () => page.locator('main form[method="post"] button[type="submit"]').last().click());
}

interface Person {
  name: string;
  email: string;
  page: Page;
}

/** People sign up through the ordinary sign-up form; the statutes and founding meeting are there already. */
async function setUp(lang: 'nb' | 'nn', tag: string, opts: { width?: number; javaScript: boolean }) {
  const context = { viewport: { width: opts.width ?? 1024, height: 800 }, javaScriptEnabled: opts.javaScript, locale: 'nb-NO' };
  const people: Person[] = [];
  for (const name of ['Kari', 'Ola', 'Per']) {
    const email = `${name.toLowerCase()}.${tag}@example.no`;
    const page = await h.newPage(context);
    await registerLocal(h, page, { name: `${name} ${tag}`, email });
    if (lang === 'nn') await h.navigate(page, () => page.getByRole('link', { name: 'Nynorsk' }).click());
    people.push({ name: `${name} ${tag}`, email, page });
  }
  const leader = people[0]!.page;
  await h.visit(leader, '/arbeidsrom/ny');
  await leader.locator('[name="name"]').fill(SAMPLE_ANSWERS.name);
  await leader.locator('input[name="registered"][value="no"]').check();
  await h.navigate(leader, () => leader.locator('main form button[type="submit"]').click());
  const orgId = new URL(leader.url()).pathname.split('/').pop()!;
  const ids = await Promise.all(people.map(async (p) => (await userByEmail(h.database, p.email))!.id));
  const db = h.database.db;
  await db.insert(memberships).values([
    { organisationId: orgId, userId: ids[1]!, role: 'board_member' },
    { organisationId: orgId, userId: ids[2]!, role: 'treasurer' },
  ]);
  await db.insert(statutesVersions).values({
    organisationId: orgId,
    version: 1,
    language: lang,
    answers: SAMPLE_ANSWERS,
    text: statutesText(SAMPLE_ANSWERS, lang),
    adoptedByName: people[0]!.name,
    adoptedAt: new Date('2026-03-12T19:00:00Z'),
  });
  await db.insert(foundingMeetings).values({
    organisationId: orgId,
    version: 1,
    status: 'finalised',
    language: lang,
    data: {
      heldOn: '2026-03-12',
      place: 'Løvstakken skole',
      purpose: SAMPLE_ANSWERS.purpose,
      agenda: [{ title: 'Valg av styre', decision: 'Styret ble valgt.' }],
      attendees: people.map((p, i) => ({ name: p.name, userId: ids[i] })),
      chair: people[0]!.name,
      minuteTaker: people[1]!.name,
      board: [
        { name: people[0]!.name, role: 'leader', userId: ids[0] },
        { name: people[1]!.name, role: 'board_member', userId: ids[1] },
        { name: people[2]!.name, role: 'treasurer', userId: ids[2] },
      ],
      signers: [people[1]!.name, people[2]!.name],
    },
    answeredPages: [],
    organisationName: SAMPLE_ANSWERS.name,
    statutesVersion: 1,
    finalisedAt: new Date('2026-03-13T10:00:00Z'),
    finalisedByName: people[0]!.name,
  });
  return { orgId, people };
}

const TEXT = {
  nb: {
    title: 'Registrering i Brønnøysundregistrene',
    summary: 'Se over opplysningene',
    confirm: 'Bekreft registreringen',
    receipt: 'Kvittering fra Brønnøysundregistrene',
  },
  nn: {
    title: 'Registrering i Brønnøysundregistra',
    summary: 'Sjå over opplysningane',
    confirm: 'Stadfest registreringa',
    receipt: 'Kvittering frå Brønnøysundregistra',
  },
};

async function runJourney(lang: 'nb' | 'nn', tag: string, opts: { width?: number; javaScript: boolean }) {
  const { orgId, people } = await setUp(lang, tag, opts);
  const [kari, ola, per] = people as [Person, Person, Person];
  const page = kari.page;
  const base = `/arbeidsrom/${orgId}/registrering`;
  const t = TEXT[lang];
  const check = async () => {
    if (opts.width) await expectNoHorizontalScroll(page);
  };

  // From the workspace to the package.
  await h.visit(page, `/arbeidsrom/${orgId}`);
  await h.navigate(page, () => page.locator(`main a[href="${base}"]`).first().click());
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t.title);
  await check();
  await h.navigate(page, () => page.locator(`form[action="${base}/start"] button`).click());
  expect(new URL(page.url()).pathname).toBe(`${base}/organisasjon`);

  // Prefilled from the statutes and the founding meeting; an empty activity is refused and the rest kept.
  await expect(page.locator('[name="name"]').inputValue()).resolves.toBe(SAMPLE_ANSWERS.name);
  await expect(page.locator('[name="foundedOn"]').inputValue()).resolves.toBe('2026-03-12');
  await answer(page, {});
  const summary = page.locator('[data-error-summary]');
  await expect(summary.isVisible()).resolves.toBe(true);
  await expect(page.locator('[name="activity"]').getAttribute('aria-invalid')).resolves.toBe('true');
  await check();
  await answer(page, { activity: 'Sjakktrening for barn og unge hver tirsdag.' });

  expect(new URL(page.url()).pathname).toBe(`${base}/adresse`);
  // Without JavaScript the postal address fields are simply shown; with it they appear when asked for.
  await answer(page, { businessAddress: 'Løvstakkveien 3', businessPostnummer: '5053', businessPoststed: 'Bergen', postalSame: 'yes' });

  // The board from the founding meeting: add each person's fødselsnummer.
  expect(new URL(page.url()).pathname).toBe(`${base}/styre`);
  await check();
  for (const [i, p] of people.entries()) {
    await h.navigate(page, () => page.locator(`main a[href*="/styre/person?person="]`).nth(i).click());
    await expect(page.locator('[name="name"]').inputValue()).resolves.toBe(p.name);
    await check();
    await answer(page, { fnr: makeFnr(['150765', '020388', '311299'][i]!, 100 + i * 100) });
  }
  await expect(page.getByRole('main').textContent()).resolves.toContain('150765 *****');
  await h.navigate(page, () => page.locator(`main a[href="${base}/kontaktperson"]`).click());
  await answer(page, { contactKind: 'kontaktperson' });
  await answer(page, { phone: '91234567', maalform: lang === 'nn' ? 'nno' : 'nob' });
  await answer(page, { revisor: 'no', regnskapsforer: 'no', prokura: 'no' });
  await answer(page, { mva: 'no', employees: 'no', foretaksregisteret: 'no' });
  await check();
  await answer(page, {
    frr: 'yes',
    icnpo1: '1300',
    icnpo2: '13100',
    vedtekter: 'yes',
    rapporteringsplikt: 'no',
    offentligFlertall: 'no',
    utdelingFysiskePersoner: 'no',
  });
  await answer(page, {
    deltarI: 'yes',
    kontonummer: '8601.11.17947',
    drivesAllAktivitetLokaltEllerRegionalt: 'yes',
    frivilligArbeidsinnsats: 'yes',
    utfoererOppgaverForDetOffentlige: 'no',
    utfoererSykehuslignendeTjenester: 'no',
    erUngdomsorganisasjon: 'no',
    erElevEllerStudentorganisasjon: 'no',
  });

  // Check answers, then to the board.
  expect(new URL(page.url()).pathname).toBe(`${base}/oppsummering`);
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t.summary);
  await check();
  await h.navigate(page, () => page.locator(`form[action="${base}/til-bekreftelse"] button`).click());

  // Each board member confirms in their own browser.
  for (const p of [kari, ola, per]) {
    await h.visit(p.page, `${base}/bekreft`);
    await expect(p.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t.confirm);
    if (opts.width) await expectNoHorizontalScroll(p.page);
    await h.navigate(p.page, () => p.page.locator(`form[action="${base}/bekreft"] button`).click());
  }

  // Send to the intake; the receipt is shown and the numbers are gone.
  await h.visit(page, base);
  await h.navigate(page, () => page.locator(`form[action="${base}/send"] button`).click());
  const received = intake.received.at(-1)!;
  const main = (await page.getByRole('main').textContent()) ?? '';
  expect(main).toContain(t.receipt);
  expect(main).toContain(received.mottakId);
  await check();
  const stored = await h.database.db.select().from(registrationPersons);
  expect(stored.every((p) => p.fnrCiphertext === null)).toBe(true);
}

// Two whole journeys with three people each and axe on every page: minutes on a busy 2-core machine.
describe('journey: registration package (Samordnet registermelding)', () => {
  it('in bokmål without JavaScript at 320 px: fill, check, confirm, send, receipt', async () => {
    await runJourney('nb', 'nojs', { width: 320, javaScript: false });
    expect(intake.received).toHaveLength(1);
  }, 600_000);

  it('in nynorsk with JavaScript', async () => {
    await runJourney('nn', 'nn', { javaScript: true });
    expect(intake.received).toHaveLength(2);
  }, 600_000);
});

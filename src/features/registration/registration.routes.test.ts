import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import { SAMPLE_ANSWERS } from '../../../test/helpers/statutes-fixtures.ts';
import { rowsOf } from '../../core/db/client.ts';
import {
  auditEvents,
  formFieldProvenance,
  foundingMeetings,
  invitations,
  memberships,
  outboundEmails,
  registrationConfirmations,
  registrationPackages,
  registrationPersons,
  statutesVersions,
} from '../../core/db/schema.ts';
import { statutesText } from '../statutes/statutes.template.ts';
import { type IntakeDouble, startIntakeDouble } from './intake-double.ts';
import { type MaskinportenDouble, startMaskinportenDouble } from './maskinporten-double.ts';
import { pollReplies } from './poll-replies.ts';
import { readRegistrationStatus } from './registration.queries.ts';
import { intakeClientFor } from './submission.ts';
import { makeDnr, makeFnr, testRsaKeys } from './test-fixtures.ts';
import { child, parseXml } from './xml.ts';
import { readZip } from './zip.ts';

/**
 * The registration package end to end through its routes, on the engine under test: prefill from the statutes and
 * the founding meeting, every question page with validation, the board with encrypted fødselsnummer, check answers,
 * confirmation by each board member (and invalidation by a change), the submission document, sending to a local
 * intake server (failures keep the package; the receipt erases the numbers), replies, and a scan proving the
 * database holds no fødselsnummer in clear.
 */

const NOW = new Date('2026-05-04T10:00:00Z');
const keys = testRsaKeys();
const AVSENDER = '910000012';

const FNR = {
  kari: makeFnr('150765'),
  ola: makeFnr('020388', 200),
  per: makeFnr('311299', 300),
  siri: makeDnr('050176'),
  kontakt: makeFnr('010190', 400),
};

let mp: MaskinportenDouble;
let intake: IntakeDouble;
let ctx: TestContext;
let orgId: string;
const users: Record<'kari' | 'ola' | 'per' | 'mona' | 'siri' | 'stranger', { id: string; name: string; email: string }> = {} as never;
const clients: Record<string, TestClient> = {};

const page = (path = '') => `/arbeidsrom/${orgId}/registrering${path}`;

const html = async (res: Response) => {
  const text = await res.text();
  return text.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
};

async function expectRedirect(res: Response, to?: string | RegExp) {
  if (res.status !== 303) throw new Error(`expected 303, got ${res.status}: ${(await res.text()).slice(0, 2000)}`);
  if (to) expect(res.headers.get('location')).toMatch(to);
}

async function packageRow() {
  const [row] = await ctx.database.db.select().from(registrationPackages).where(eq(registrationPackages.organisationId, orgId));
  return row!;
}

async function persons() {
  return ctx.database.db.select().from(registrationPersons).orderBy(registrationPersons.position);
}

/** Every row of every table as JSON text: where a fødselsnummer could hide. */
async function wholeDatabaseAsText(): Promise<string[]> {
  const tables = rowsOf<{ table_name: string }>(
    await ctx.database.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    ),
  ).map((r) => r.table_name);
  const out: string[] = [];
  for (const table of tables) {
    const rows = rowsOf<{ j: string }>(await ctx.database.db.execute(sql.raw(`select row_to_json(t)::text as j from "${table}" t`)));
    for (const r of rows) out.push(`${table}: ${r.j}`);
  }
  return out;
}

function expectNoPlaintextFnr(dump: string[]) {
  for (const fnr of Object.values(FNR)) {
    // The 11 digits, and the birth date and personnummer apart ("150765 00565", "150765-00565").
    const pattern = new RegExp(`${fnr.slice(0, 6)}\\D{0,3}${fnr.slice(6)}`);
    const hits = dump.filter((line) => line.includes(fnr) || pattern.test(line));
    expect(hits, `fødselsnummer ${fnr.slice(0, 6)}***** found in the database`).toEqual([]);
  }
}

const SECTIONS = {
  organisasjon: {
    name: SAMPLE_ANSWERS.name,
    foundedOn: '2026-03-12',
    purpose: SAMPLE_ANSWERS.purpose,
    activity: 'Sjakktrening for barn og unge hver tirsdag, og turneringer.',
  },
  adresse: {
    businessAddress: 'Løvstakkveien 3',
    businessPostnummer: '5053',
    businessPoststed: 'Bergen',
    kommunenummer: '4601',
    postalSame: 'yes',
  },
  kontaktopplysninger: { email: 'post@lovstakken-sjakk.no', phone: '912 34 567', maalform: 'nob' },
  roller: { revisor: 'no', regnskapsforer: 'no', signature: 'leader-and-one-board-member', prokura: 'no' },
  sporsmal: { mva: 'no', employees: 'no', foretaksregisteret: 'no' },
  frivillighetsregisteret: {
    frr: 'yes',
    icnpo1: '1300',
    icnpo2: '13100',
    vedtekter: 'yes',
    rapporteringsplikt: 'no',
    offentligFlertall: 'no',
    utdelingFysiskePersoner: 'no',
  },
  grasrotandel: {
    deltarI: 'yes',
    kontonummer: '8601.11.17947',
    drivesAllAktivitetLokaltEllerRegionalt: 'yes',
    frivilligArbeidsinnsats: 'yes',
    utfoererOppgaverForDetOffentlige: 'no',
    utfoererSykehuslignendeTjenester: 'no',
    erUngdomsorganisasjon: 'no',
    erElevEllerStudentorganisasjon: 'no',
  },
} as const;

beforeAll(async () => {
  mp = await startMaskinportenDouble({ clientId: 'frivillig', kid: 'k1', publicKeyPem: keys.publicKeyPem });
  intake = await startIntakeDouble({ acceptToken: (t) => mp.isValidToken(t, 'brreg:mottak') });
  ctx = await createTestContext({
    BRREG_MOTTAK_URL: intake.baseUrl,
    BRREG_MOTTAK_AVSENDER_ORGNR: AVSENDER,
    MASKINPORTEN_ISSUER: mp.issuer,
    MASKINPORTEN_TOKEN_URL: mp.tokenUrl,
    MASKINPORTEN_CLIENT_ID: 'frivillig',
    MASKINPORTEN_KID: 'k1',
    MASKINPORTEN_PRIVATE_KEY: keys.privateKeyPem,
  });
  ctx.setNow(NOW);
  users.kari = await ctx.createUser({ name: 'Kari Nordmann', email: 'kari@example.no' });
  users.ola = await ctx.createUser({ name: 'Ola Hansen', email: 'ola@example.no' });
  users.per = await ctx.createUser({ name: 'Per Berg', email: 'per@example.no' });
  users.mona = await ctx.createUser({ name: 'Mona Medlem', email: 'mona@example.no' });
  users.siri = await ctx.createUser({ name: 'Siri Vara', email: 'siri@example.no' });
  users.stranger = await ctx.createUser({ name: 'Fremmed', email: 'fremmed@example.no' });
  for (const [k, u] of Object.entries(users)) {
    clients[k] = ctx.client();
    await clients[k]!.signInAs(u.id);
  }
  const res = await clients.kari!.post('/arbeidsrom/ny', { name: 'Løvstakken sjakklubb', registered: 'no' });
  orgId = res.headers.get('location')!.split('/').pop()!;
  await ctx.database.db.insert(memberships).values([
    { organisationId: orgId, userId: users.ola.id, role: 'board_member' },
    { organisationId: orgId, userId: users.per.id, role: 'treasurer' },
    { organisationId: orgId, userId: users.mona.id, role: 'member' },
  ]);
  await ctx.database.db.insert(statutesVersions).values({
    organisationId: orgId,
    version: 1,
    language: 'nb',
    answers: SAMPLE_ANSWERS,
    text: statutesText(SAMPLE_ANSWERS, 'nb'),
    adoptedByName: 'Kari Nordmann',
    adoptedAt: new Date('2026-03-12T19:00:00Z'),
  });
  await ctx.database.db.insert(foundingMeetings).values({
    organisationId: orgId,
    version: 1,
    status: 'finalised',
    language: 'nb',
    data: {
      heldOn: '2026-03-12',
      place: 'Løvstakken skole',
      purpose: SAMPLE_ANSWERS.purpose,
      agenda: [{ title: 'Valg av styre', decision: 'Styret ble valgt.' }],
      attendees: [
        { name: 'Kari Nordmann', userId: users.kari.id },
        { name: 'Ola Hansen', userId: users.ola.id },
        { name: 'Per Berg', userId: users.per.id },
        { name: 'Siri Vara' },
      ],
      chair: 'Kari Nordmann',
      minuteTaker: 'Ola Hansen',
      board: [
        { name: 'Kari Nordmann', role: 'leader', userId: users.kari.id },
        { name: 'Ola Hansen', role: 'board_member', userId: users.ola.id },
        { name: 'Per Berg', role: 'treasurer', userId: users.per.id },
        { name: 'Siri Vara', role: 'deputy' },
      ],
      signers: ['Ola Hansen', 'Per Berg'],
    },
    answeredPages: [],
    organisationName: 'Løvstakken sjakklubb',
    statutesVersion: 1,
    finalisedAt: new Date('2026-03-13T10:00:00Z'),
    finalisedByName: 'Kari Nordmann',
  });
});

afterAll(async () => {
  await ctx?.close();
  await intake?.close();
  await mp?.close();
});

describe(`registration package (${engineUnderTest})`, () => {
  it('strangers are refused on every page, members read but do not edit', async () => {
    expect((await clients.stranger!.get(page())).status).toBe(403);
    expect((await clients.stranger!.post(page('/start'))).status).toBe(403);
    const asMember = await clients.mona!.get(page());
    expect(asMember.status).toBe(200);
    expect(await html(asMember)).not.toContain(`action="${page('/start')}"`);
    expect((await clients.mona!.post(page('/start'))).status).toBe(403);
    expect(await ctx.database.db.select().from(registrationPackages)).toEqual([]);
  });

  it('starts with the board elected at the founding meeting, and shows what the platform knows', async () => {
    await expectRedirect(await clients.kari!.post(page('/start')), page('/organisasjon'));
    const board = await persons();
    expect(board.map((p) => [p.name, p.boardRole, p.userId, p.fnrCiphertext])).toEqual([
      ['Kari Nordmann', 'leader', users.kari.id, null],
      ['Ola Hansen', 'board_member', users.ola.id, null],
      ['Per Berg', 'treasurer', users.per.id, null],
      ['Siri Vara', 'deputy', null, null],
    ]);
    // Starting again returns the same package.
    await expectRedirect(await clients.ola!.post(page('/start')));
    expect(await ctx.database.db.select().from(registrationPackages)).toHaveLength(1);
    const body = await html(await clients.kari!.get(page('/organisasjon')));
    expect(body).toContain(`value="${SAMPLE_ANSWERS.name}"`);
    expect(body).toContain('value="2026-03-12"');
    expect(body).toContain(`action="${page('/organisasjon')}"`);
    expect(body).toContain(SAMPLE_ANSWERS.purpose);
    const address = await html(await clients.kari!.get(page('/adresse')));
    expect(address).toContain('value="4601"');
    const contact = await html(await clients.kari!.get(page('/kontaktopplysninger')));
    expect(contact).toContain('value="kari@example.no"');
  });

  it('a question page refuses bad input with field errors and keeps what was typed', async () => {
    const res = await clients.kari!.post(page('/organisasjon'), { ...SECTIONS.organisasjon, foundedOn: '2026-02-30', activity: '' });
    expect(res.status).toBe(422);
    const body = await html(res);
    expect(body).toContain('href="#foundedOn"');
    expect(body).toContain('href="#activity"');
    expect(body).toContain(`value="${SAMPLE_ANSWERS.name}"`);
    expect((await packageRow()).data).toEqual({ boardPrefill: expect.any(Object) });
    // A member cannot even get to the form.
    expect((await clients.mona!.post(page('/organisasjon'), SECTIONS.organisasjon)).status).toBe(403);
  });

  it('saves every question page and records which answers were prefilled, corrected or typed', async () => {
    const order = Object.entries(SECTIONS);
    for (const [i, [slug, form]] of order.entries()) {
      const res = await clients.kari!.post(page(`/${slug}`), form as Record<string, string>);
      await expectRedirect(res);
      if (slug === 'organisasjon') expect(res.headers.get('location')).toBe(page('/adresse'));
      if (i === order.length - 1) expect(res.headers.get('location')).toBe(page('/oppsummering'));
    }
    const data = (await packageRow()).data as Record<string, unknown>;
    expect(data.address).toMatchObject({ business: { kommunenummer: '4601' }, postal: null });
    expect(data.contactDetails).toEqual({ email: 'post@lovstakken-sjakk.no', phone: '91234567', maalform: 'nob' });
    expect(data.frr).toMatchObject({ register: true, icnpo: ['1300', '13100'] });
    expect(data.grasrot).toMatchObject({ deltarI: true, kontonummer: '86011117947' });
    const provenance = await ctx.database.db.select().from(formFieldProvenance).where(eq(formFieldProvenance.organisationId, orgId));
    const of = (form: string, field: string) => provenance.find((p) => p.form === form && p.field === field);
    expect(of('registration.organisation', 'name')).toMatchObject({ outcome: 'prefilled', source: 'statutes' });
    expect(of('registration.organisation', 'foundedOn')).toMatchObject({ outcome: 'prefilled', source: 'founding-meeting' });
    expect(of('registration.organisation', 'activity')).toMatchObject({ outcome: 'typed', source: null });
    expect(of('registration.contactDetails', 'email')).toMatchObject({ outcome: 'corrected', source: 'profile' });
    expect(of('registration.roles', 'signature')).toMatchObject({ outcome: 'prefilled', source: 'statutes' });
    // Every submit counts (core/prefill): a second save of the page is a second submission, the name still kept.
    await expectRedirect(await clients.kari!.post(page('/organisasjon'), SECTIONS.organisasjon));
    const again = await ctx.database.db.select().from(formFieldProvenance).where(eq(formFieldProvenance.form, 'registration.organisation'));
    expect(again.filter((p) => p.field === 'name').map((p) => p.outcome)).toEqual(['prefilled', 'prefilled']);
  });

  it('board members: the number is validated, encrypted, shown masked, and never twice', async () => {
    const board = await persons();
    const id = (name: string) => board.find((p) => p.name === name)!.id;
    const save = (form: Record<string, string>) => clients.kari!.post(page('/styre/person'), form);
    const invalid = await save({
      personId: id('Kari Nordmann'),
      name: 'Kari Nordmann',
      boardRole: 'leader',
      fnr: `${FNR.kari.slice(0, 10)}${(Number(FNR.kari[10]) + 1) % 10}`,
      userId: users.kari.id,
    });
    expect(invalid.status).toBe(422);
    const invalidBody = await html(invalid);
    expect(invalidBody).toContain('href="#fnr"');
    // The number is never sent back to the browser, not even after an error.
    expect(invalidBody).not.toContain(FNR.kari.slice(0, 10));
    for (const [name, role, fnr, userId] of [
      ['Kari Nordmann', 'leader', FNR.kari, users.kari.id],
      ['Ola Hansen', 'board_member', FNR.ola, users.ola.id],
      ['Per Berg', 'treasurer', FNR.per, users.per.id],
    ] as const) {
      await expectRedirect(await save({ personId: id(name), name, boardRole: role, fnr, userId }), page('/styre'));
    }
    const twice = await save({ personId: id('Siri Vara'), name: 'Siri Vara', boardRole: 'deputy', fnr: '', userId: users.ola.id });
    expect(twice.status).toBe(422);
    expect(await html(twice)).toContain('href="#userId"');
    const duplicate = await save({ personId: id('Siri Vara'), name: 'Siri Vara', boardRole: 'deputy', fnr: FNR.ola, userId: 'none' });
    expect(duplicate.status).toBe(422);
    expect(await html(duplicate)).toContain('href="#fnr"');
    await expectRedirect(
      await save({
        personId: id('Siri Vara'),
        name: 'Siri Vara',
        boardRole: 'deputy',
        fnr: FNR.siri,
        userId: 'none',
        email: 'siri@example.no',
      }),
    );
    const stored = await persons();
    for (const p of stored) {
      expect(p.fnrCiphertext).toMatch(/^v1\./);
      expect(p.fnrCiphertext).not.toContain(FNR.kari);
    }
    expect(stored.find((p) => p.name === 'Siri Vara')!.birthDate).toBe('1976-01-05');
    const list = await html(await clients.kari!.get(page('/styre')));
    expect(list).toContain(`${FNR.kari.slice(0, 6)} *****`);
    expect(list).not.toContain(FNR.kari);
    // Editing without typing the number keeps it.
    await expectRedirect(await save({ personId: id('Per Berg'), name: 'Per Berg', boardRole: 'treasurer', fnr: '', userId: users.per.id }));
    expect((await persons()).find((p) => p.name === 'Per Berg')!.fnrCiphertext).toBe(
      stored.find((p) => p.name === 'Per Berg')!.fnrCiphertext,
    );
  });

  it('the contact person: one of the board, or another person with their own number', async () => {
    const other = await clients.kari!.post(page('/kontaktperson'), {
      contactKind: 'daglig-leder',
      contactPerson: 'other',
      otherName: 'Lise Leder',
    });
    expect(other.status).toBe(422);
    expect(await html(other)).toContain('href="#otherFnr"');
    await expectRedirect(
      await clients.kari!.post(page('/kontaktperson'), {
        contactKind: 'daglig-leder',
        contactPerson: 'other',
        otherName: 'Lise Leder',
        otherFnr: FNR.kontakt,
      }),
      page('/kontaktopplysninger'),
    );
    expect((await persons()).filter((p) => p.kind === 'contact').map((p) => p.name)).toEqual(['Lise Leder']);
    const kari = (await persons()).find((p) => p.name === 'Kari Nordmann')!;
    await expectRedirect(await clients.kari!.post(page('/kontaktperson'), { contactKind: 'kontaktperson', contactPerson: kari.id }));
    // The separate contact person (and her number) is gone once nobody needs her.
    expect((await persons()).filter((p) => p.kind === 'contact')).toEqual([]);
    expect((await packageRow()).data).toMatchObject({ contact: { kind: 'kontaktperson', personId: kari.id } });
  });

  it('check answers: the board must satisfy the statutes', async () => {
    const ola = (await persons()).find((p) => p.name === 'Ola Hansen')!;
    await expectRedirect(await clients.kari!.post(page('/styre/fjern'), { personId: ola.id }));
    const summary = await html(await clients.kari!.get(page('/oppsummering')));
    expect(summary).toContain('Vedtektene krever minst 3 styremedlemmer, men bare 2 er lagt inn');
    expect(summary).not.toContain(`action="${page('/til-bekreftelse')}"`);
    expect((await clients.kari!.post(page('/til-bekreftelse'))).status).toBe(422);
    await expectRedirect(
      await clients.kari!.post(page('/styre/person'), {
        name: 'Ola Hansen',
        boardRole: 'board_member',
        fnr: FNR.ola,
        userId: users.ola.id,
      }),
    );
    const ready = await html(await clients.kari!.get(page('/oppsummering')));
    expect(ready).toContain(`action="${page('/til-bekreftelse')}"`);
    // Members may read the summary, with every number hidden.
    const asMember = await html(await clients.mona!.get(page('/oppsummering')));
    expect(asMember).not.toContain(`${FNR.kari.slice(0, 6)} *****`);
    expect(asMember).not.toContain(`action="${page('/til-bekreftelse')}"`);
  });

  it('sends to the board; each listed member confirms; a change makes confirmations stop counting', async () => {
    await expectRedirect(await clients.kari!.post(page('/til-bekreftelse')), page(''));
    expect((await packageRow()).status).toBe('awaiting-confirmation');
    const mails = await ctx.database.db.select().from(outboundEmails);
    expect(mails.map((m) => m.toAddress).sort()).toEqual(['ola@example.no', 'per@example.no']);
    expect(mails[0]!.textBody).toContain(`/arbeidsrom/${orgId}/registrering/bekreft`);
    // Each person page recorded its measured gain: names and roles from the founding meeting kept, numbers typed.
    const board = await provenanceOf('registration.boardMember');
    expect(board.filter((p) => p.field === 'name' && p.outcome === 'prefilled').length).toBeGreaterThanOrEqual(3);
    expect(board.filter((p) => p.field === 'fnr').every((p) => p.outcome === 'typed')).toBe(true);
    // The contact page: first another person (the leader offered was corrected), then the leader (kept).
    const contact = (await provenanceOf('registration.contact')).filter((p) => p.field === 'contactPerson').map((p) => p.outcome);
    expect(contact.sort()).toEqual(['corrected', 'prefilled']);

    // Only the listed board member confirms, for themselves.
    expect((await clients.mona!.post(page('/bekreft'), { version: String((await packageRow()).version) })).status).toBe(403);
    expect((await clients.stranger!.post(page('/bekreft'), { version: '1' })).status).toBe(403);
    const version = String((await packageRow()).version);
    for (const who of ['kari', 'ola', 'per'] as const) await expectRedirect(await clients[who]!.post(page('/bekreft'), { version }));
    // Confirming an older version than the one shown is refused.
    expect((await clients.kari!.post(page('/bekreft'), { version: '1' })).status).toBe(409);
    const confirmations = await ctx.database.db.select().from(registrationConfirmations);
    expect(confirmations).toHaveLength(3);
    expect(confirmations[0]!.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(confirmations.map((c) => c.contentHash)).size).toBe(1);
    expect((await packageRow()).status).toBe('awaiting-confirmation');

    // A change afterwards: the confirmations stop counting, and the page says so.
    const changed = await clients.ola!.post(page('/sporsmal'), {
      mva: 'no',
      employees: 'yes',
      employeeCount: '1',
      foretaksregisteret: 'no',
    });
    await expectRedirect(changed);
    const row = await packageRow();
    expect(row.status).toBe('draft');
    expect(
      (await ctx.database.db.select().from(registrationConfirmations)).every(
        (c) => c.invalidatedAt !== null && c.invalidatedReason === 'changed',
      ),
    ).toBe(true);
    const overview = await html(await clients.kari!.get(page()));
    const banner = overview.match(/Pakken er endret etter at ([^<]*) bekreftet/)?.[1] ?? '';
    expect(banner.split(', ').sort()).toEqual(['Kari Nordmann', 'Ola Hansen', 'Per Berg']);
    expect(overview).toContain('Bekreftelsene gjelder ikke lenger');
    const audit = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'registration.section_saved'));
    expect(audit.at(-1)!.details).toMatchObject({ section: 'questions', confirmationsInvalidated: 3 });
  });

  it('a board member without an account is invited with the workspace invitation and confirms after joining', async () => {
    await expectRedirect(await clients.kari!.post(page('/til-bekreftelse')));
    const version = String((await packageRow()).version);
    for (const who of ['kari', 'ola', 'per'] as const) await expectRedirect(await clients[who]!.post(page('/bekreft'), { version }));
    expect((await packageRow()).status).toBe('awaiting-confirmation');
    const siri = (await persons()).find((p) => p.name === 'Siri Vara')!;
    // Only a leader invites (inviteMember checks it).
    expect((await clients.ola!.post(page('/inviter'), { personId: siri.id })).status).toBe(403);
    await expectRedirect(await clients.kari!.post(page('/inviter'), { personId: siri.id }));
    const [invitation] = await ctx.database.db.select().from(invitations).where(eq(invitations.email, 'siri@example.no'));
    expect(invitation!.role).toBe('member');
    const mail = (await ctx.database.db.select().from(outboundEmails)).find((m) => m.toAddress === 'siri@example.no')!;
    const token = mail.textBody.match(/\/invitasjon\/([\w-]+)/)![1]!;
    // Before joining she cannot confirm.
    expect((await clients.siri!.post(page('/bekreft'), { version })).status).toBe(403);
    await expectRedirect(await clients.siri!.post(`/invitasjon/${token}`));
    // Accepting an invitation is not a change to the content: earlier confirmations still count.
    await expectRedirect(await clients.siri!.post(page('/bekreft'), { version }));
    expect((await packageRow()).status).toBe('confirmed');
    const audit = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'registration.confirmed'));
    expect(audit.at(-1)!.details).toMatchObject({ version: Number(version), contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('the submission document: a Melding with the registration content and both PDFs, for editors only', async () => {
    expect((await clients.mona!.get(page('/pakke.zip'))).status).toBe(403);
    const res = await clients.kari!.get(page('/pakke.zip'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const entries = readZip(new Uint8Array(await res.arrayBuffer()));
    expect(entries.map((e) => e.name)).toEqual(['melding.xml', 'vedtekter.pdf', 'stiftelsesprotokoll.pdf']);
    for (const pdf of entries.slice(1)) expect(Buffer.from(pdf.data.subarray(0, 5)).toString()).toBe('%PDF-');
    const melding = parseXml(new TextDecoder().decode(entries[0]!.data));
    expect(melding).toMatchObject({ name: 'Melding', ns: 'http://schema.brreg.no/postmottak/henvendelse' });
    expect(melding.attributes).toMatchObject({ tjeneste: 'samordnetregistermelding', tjenestehandling: 'nyregistrering', versjon: '4.0' });
    expect(melding.attributes.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(child(melding, 'Mottaker')!.attributes).toEqual({ id: '974760673', idType: 'Organisasjonsnummer' });
    expect(child(melding, 'Avsender')!.attributes).toEqual({ id: AVSENDER, idType: 'Organisasjonsnummer' });
    const vedlegg = melding.children.filter((c) => c.name === 'Vedlegg');
    expect(vedlegg.map((v) => v.attributes.type)).toEqual(['vedtekter', 'stiftelsesdokument']);
    const content = parseXml(child(child(melding, 'Innhold')!, 'Data')!.text);
    expect(content.name).toBe('Registermelding');
    const text = child(child(melding, 'Innhold')!, 'Data')!.text;
    for (const fnr of [FNR.kari, FNR.ola, FNR.per]) expect(text).toContain(`<foedselsnummer>${fnr}</foedselsnummer>`);
    expect(text).toContain(`<dNummer>${FNR.siri}</dNummer>`);
    expect(text).toContain('<kategori1>1300</kategori1>');
    expect(text).toContain('<kategori2>13100</kategori2>');
    expect(text).toContain('<kontonummer>86011117947</kontonummer>');
    expect(text).toContain('<harPaatattSegRapporteringsplikt>false</harPaatattSegRapporteringsplikt>');
    expect(text).toContain('<frivilligRegistrerteVedtekter>true</frivilligRegistrerteVedtekter>');
    expect(text).toContain('<maalformForTilbakemelding>nob</maalformForTilbakemelding>');
    // The document is never stored: no table holds the numbers.
    expectNoPlaintextFnr(await wholeDatabaseAsText());
  });

  it('a failed send keeps the package intact, says why, and can be sent again with the same reference', async () => {
    intake.faults.push('ERROR-00000');
    await expectRedirect(await clients.kari!.post(page('/send')), page(''));
    const failed = await packageRow();
    expect(failed).toMatchObject({ status: 'confirmed', lastErrorCode: 'server-error:ERROR-00000', mottakId: null, fnrErasedAt: null });
    expect(failed.lastErrorId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await persons()).every((p) => p.fnrCiphertext)).toBe(true);
    const overview = await html(await clients.kari!.get(page()));
    expect(overview).toContain('ERROR-00000');
    expect(overview).toContain(failed.lastErrorId!);

    intake.faults.push('CLIENTERROR-10001');
    await expectRedirect(await clients.kari!.post(page('/send')));
    expect((await packageRow()).lastErrorCode).toBe('xml-invalid:CLIENTERROR-10001');
    expect(intake.received).toHaveLength(0);
    // A send needs a confirmed package: a member cannot send.
    expect((await clients.mona!.post(page('/send'))).status).toBe(403);

    // A send that is running cannot be started twice; one interrupted long ago (the process stopped) can.
    const id = (await packageRow()).id;
    await ctx.database.db
      .update(registrationPackages)
      .set({ status: 'submitted', sendStartedAt: NOW })
      .where(eq(registrationPackages.id, id));
    expect((await clients.kari!.post(page('/send'))).status).toBe(409);
    expect(await html(await clients.kari!.get(page()))).not.toContain(`action="${page('/send')}"`);
    await ctx.database.db
      .update(registrationPackages)
      .set({ sendStartedAt: new Date(NOW.getTime() - 11 * 60_000) })
      .where(eq(registrationPackages.id, id));
    expect(await html(await clients.kari!.get(page()))).toContain(`action="${page('/send')}"`);
  });

  it('sends to the intake: receipt kept and shown, numbers erased at once, and the database holds none of them', async () => {
    await expectRedirect(await clients.ola!.post(page('/send')), page(''));
    const row = await packageRow();
    expect(intake.received).toHaveLength(1);
    const got = intake.received[0]!;
    expect(row).toMatchObject({ status: 'received', mottakId: got.mottakId, mottattTidspunkt: got.mottattTidspunkt, antallVedlegg: 2 });
    expect(got.melding.attributes.id).toBe(row.meldingId);
    // The same reference as the failed attempts.
    const started = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'registration.send_started'));
    expect(new Set(started.map((a) => (a.details as { meldingId: string }).meldingId))).toEqual(new Set([row.meldingId]));
    expect(got.attachments.map((a) => a.filename)).toEqual(['vedtekter.pdf', 'stiftelsesprotokoll.pdf']);
    const refs = got.melding.children
      .filter((c) => c.name === 'Vedlegg')
      .map((v) => child(child(v, 'Vedleggsdel')!, 'DataRef')!.attributes.sjekksum);
    expect(refs).toEqual(got.attachments.map((a) => a.sha256));
    expect(row.fnrErasedAt).not.toBeNull();
    expect((await persons()).every((p) => p.fnrCiphertext === null)).toBe(true);
    const overview = await html(await clients.kari!.get(page()));
    expect(overview).toContain(got.mottakId);
    expect((await clients.kari!.get(page('/pakke.zip'))).status).toBe(410);
    expect((await clients.kari!.post(page('/organisasjon'), SECTIONS.organisasjon)).status).toBe(404);
    expect(await readRegistrationStatus(ctx.database.db, orgId)).toEqual({
      status: 'received',
      mottakId: got.mottakId,
      receivedAt: row.receivedAt,
    });
    expectNoPlaintextFnr(await wholeDatabaseAsText());
  });

  it('conflicting notices: a new package cannot be sent while the first awaits its answer', async () => {
    await expectRedirect(await clients.kari!.post(page('/start')));
    const packages = await ctx.database.db.select().from(registrationPackages).where(eq(registrationPackages.organisationId, orgId));
    expect(packages.map((p) => p.status).sort()).toEqual(['draft', 'received']);
    const draft = packages.find((p) => p.status === 'draft')!;
    // Pretend it was completed and confirmed: the send is refused before anything leaves.
    await ctx.database.db.update(registrationPackages).set({ status: 'confirmed' }).where(eq(registrationPackages.id, draft.id));
    const before = intake.requests.length;
    const res = await clients.kari!.post(page('/send'));
    expect([409]).toContain(res.status);
    expect(intake.requests.length).toBe(before);
    // Discarding erases its numbers too.
    await ctx.database.db.update(registrationPackages).set({ status: 'draft' }).where(eq(registrationPackages.id, draft.id));
    await expectRedirect(await clients.kari!.post(page('/forkast')));
    const [discarded] = await ctx.database.db.select().from(registrationPackages).where(eq(registrationPackages.id, draft.id));
    expect(discarded).toMatchObject({ status: 'discarded' });
    expect(discarded!.fnrErasedAt).not.toBeNull();
    expect(
      await ctx.database.db
        .select()
        .from(registrationPersons)
        .where(and(eq(registrationPersons.packageId, draft.id), sql`fnr_ciphertext is not null`)),
    ).toEqual([]);
    expect((await readRegistrationStatus(ctx.database.db, orgId))?.status).toBe('received');
  });

  it("Brønnøysundregistrene's reply is fetched, kept on the package, and confirmed at the intake", async () => {
    const row = await packageRow().then(
      async () => (await ctx.database.db.select().from(registrationPackages).where(eq(registrationPackages.status, 'received')))[0]!,
    );
    intake.queueReply({ meldingId: '00000000-0000-4000-8000-000000000000', tjenestehandling: 'vedtak', data: '<x/>' });
    const ours = intake.queueReply({
      meldingId: row.meldingId!,
      tjenestehandling: 'vedtak',
      data: `<vedtak>Registrert. Kontaktperson ${FNR.kari}.</vedtak>`,
    });
    const result = await pollReplies(ctx.deps, { intake: intakeClientFor(ctx.deps.config)! });
    expect(result).toMatchObject({ available: 2, matched: 1, confirmed: 1 });
    expect(intake.pendingReplies()).not.toContain(ours);
    const [after] = await ctx.database.db.select().from(registrationPackages).where(eq(registrationPackages.id, row.id));
    expect(after).toMatchObject({ status: 'received', replyMottakId: ours, replyHandling: 'vedtak' });
    // A number in the reply is masked before it is stored.
    expect(after!.replyText).toContain('***********');
    expectNoPlaintextFnr(await wholeDatabaseAsText());
    // Running again does nothing new.
    expect((await pollReplies(ctx.deps, { intake: intakeClientFor(ctx.deps.config)! })).matched).toBe(0);
  });
});

async function provenanceOf(form: string) {
  return ctx.database.db
    .select()
    .from(formFieldProvenance)
    .where(and(eq(formFieldProvenance.organisationId, orgId), eq(formFieldProvenance.form, form)));
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engineUnderTest } from '../../../test/helpers/database.ts';
import type { Database, Db } from '../../core/db/client.ts';
import {
  foundingMeetings,
  organisationFacts,
  organisations,
  politiattestChecks,
  registerEnheter,
  registerFrivillige,
  registrationPackages,
  statutesVersions,
} from '../../core/db/schema.ts';
import { statutesAnswers } from './facts.fixtures.ts';
import { readOrganisationFacts } from './facts.ts';
import { evaluatePlan } from './plan.rules.ts';

const enhet = (orgnr: string, over: Partial<typeof registerEnheter.$inferInsert> = {}) => ({
  orgnr,
  navn: 'KORPSET',
  organisasjonsform: 'FLI',
  kommunenummer: '3403',
  stiftelsesdato: '2001-04-01',
  data: { organisasjonsnummer: orgnr },
  dataHash: `h-${orgnr}`,
  ...over,
});

describe(`readOrganisationFacts (${engineUnderTest})`, () => {
  let database: Database;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  afterAll(() => database.close());

  async function org(orgnr: string | null) {
    const [row] = await db
      .insert(organisations)
      .values({ name: 'Korpset', orgnr, phase: orgnr ? 3 : 1 })
      .returning();
    return row!.id;
  }

  it('an idea group: workspace facts, nothing else known', async () => {
    const id = await org(null);
    const facts = await readOrganisationFacts(db, id);
    expect(facts).toMatchObject({
      name: { value: 'Korpset', source: 'workspace' },
      orgnr: { value: null, source: 'workspace' },
      registered: { value: false, source: 'workspace' },
      inRegisterMirror: false,
      employees: { value: null, source: 'default' },
      inFrivillighetsregisteret: { value: false, source: 'default' },
      statutes: { value: null, source: 'default' },
      declaredAt: null,
    });
  });

  it('the register wins where it knows; declared answers fill the rest; FRR data read from the record', async () => {
    const id = await org('910000004');
    await db.insert(registerEnheter).values(enhet('910000004', { antallAnsatte: 3, registrertIMvaregisteret: false }));
    await db.insert(registerFrivillige).values({
      orgnr: '910000004',
      icnpo1: '1100',
      icnpo2: '1200',
      grasrotandel: true,
      data: {
        organisasjonsnummer: '910000004',
        kontonummer: '12345678903',
        regnskapsrapportering: { harPaatattSegRapporteringsplikt: true },
      },
      dataHash: 'f1',
    });
    await db.insert(organisationFacts).values({
      organisationId: id,
      employees: 0,
      memberCount: 55,
      vatRegistered: true,
      accountsReportingTakenOn: false,
      umbrellaMember: true,
      umbrellaName: 'Norges Musikkorps Forbund',
      umbrellaMomsDeadlineMonth: 6,
      umbrellaMomsDeadlineDay: 15,
      politiattestLastChecked: '2024-01-10',
    });
    await db.insert(politiattestChecks).values([
      { organisationId: id, person: 'Ola', role: 'Dirigent', shownOn: '2025-08-20' },
      { organisationId: id, person: 'Kari', role: 'Instruktør', shownOn: '2023-02-01' },
    ]);
    const facts = await readOrganisationFacts(db, id);
    expect(facts.employees).toEqual({ value: 3, source: 'enhetsregisteret' });
    expect(facts.memberCount).toEqual({ value: 55, source: 'declared' });
    // The register's "no" gives way to a board that says it has just registered for VAT.
    expect(facts.vatRegistered).toEqual({ value: true, source: 'declared' });
    expect(facts.inFrivillighetsregisteret).toEqual({ value: true, source: 'frivillighetsregisteret' });
    expect(facts.grasrotandel).toEqual({ value: true, source: 'frivillighetsregisteret' });
    expect(facts.bankAccountInFrr).toEqual({ value: true, source: 'frivillighetsregisteret' });
    expect(facts.icnpo).toEqual({ value: ['1100', '1200'], source: 'frivillighetsregisteret' });
    expect(facts.accountsReportingTakenOn).toEqual({ value: true, source: 'frivillighetsregisteret' });
    expect(facts.umbrellaMomsDeadline).toEqual({ value: { month: 6, day: 15 }, source: 'declared' });
    expect(facts.foundedOn).toEqual({ value: '2001-04-01', source: 'enhetsregisteret' });
    expect(facts.politiattester.value.map((c) => c.person)).toEqual(['Kari', 'Ola']);
    expect(facts.politiattestLastChecked).toEqual({ value: '2025-08-20', source: 'declared' });
    expect(facts.declaredAt).toBeInstanceOf(Date);
  });

  it('an FRR row marked deleted is not membership; Enhetsregisteret flags deletion and winding down', async () => {
    const id = await org('910000012');
    await db
      .insert(registerEnheter)
      .values(enhet('910000012', { underAvvikling: true, slettedato: '2026-01-05', registrertIMvaregisteret: true }));
    await db.insert(registerFrivillige).values({ orgnr: '910000012', slettetDato: '2026-01-05', data: {}, dataHash: 'f2' });
    const facts = await readOrganisationFacts(db, id);
    expect(facts.inFrivillighetsregisteret).toEqual({ value: false, source: 'frivillighetsregisteret' });
    expect(facts.deleted).toEqual({ value: true, source: 'enhetsregisteret' });
    expect(facts.underAvvikling).toEqual({ value: true, source: 'enhetsregisteret' });
    expect(facts.vatRegistered).toEqual({ value: true, source: 'enhetsregisteret' });
  });

  it('reads the adopted statutes through the statutes contract', async () => {
    const id = await org(null);
    await db.insert(statutesVersions).values({
      organisationId: id,
      version: 1,
      language: 'nb',
      answers: statutesAnswers({ amendmentMajority: 'three-quarters' }),
      text: 'Vedtekter',
      adoptedByName: 'Kari',
      adoptedAt: new Date('2026-02-01T12:00:00Z'),
    });
    const facts = await readOrganisationFacts(db, id);
    expect(facts.statutes.source).toBe('statutes');
    expect(facts.statutes.value).toMatchObject({ version: 1, answers: { amendmentMajority: 'three-quarters' } });
  });

  it('reads the founding meeting and the registration package through their contracts, and the plan follows', async () => {
    const id = await org(null);
    await db.insert(statutesVersions).values({
      organisationId: id,
      version: 1,
      language: 'nb',
      answers: statutesAnswers(),
      text: 'Vedtekter',
      adoptedByName: 'Kari',
      adoptedAt: new Date('2026-02-01T12:00:00Z'),
    });
    await db.insert(foundingMeetings).values({ organisationId: id, version: 1, status: 'draft', language: 'nb', data: {} });
    let facts = await readOrganisationFacts(db, id);
    expect(facts.foundingMeeting).toEqual({ value: { heldOn: null, finalisedAt: null }, source: 'founding-meeting' });
    expect(evaluatePlan(facts).find((t) => t.id === 'hold-stiftelsesmote')?.status).toBe('in-progress');

    await db.insert(foundingMeetings).values({
      organisationId: id,
      version: 2,
      status: 'finalised',
      language: 'nb',
      data: { heldOn: '2026-02-10' },
      finalisedAt: new Date('2026-02-10T20:00:00Z'),
      finalisedByName: 'Kari',
      organisationName: 'Korpset',
    });
    await db.insert(registrationPackages).values({ organisationId: id, status: 'submitted' });
    facts = await readOrganisationFacts(db, id);
    expect(facts.foundingMeeting.value).toEqual({ heldOn: '2026-02-10', finalisedAt: new Date('2026-02-10T20:00:00Z') });
    expect(facts.foundedOn).toEqual({ value: '2026-02-10', source: 'founding-meeting' });
    expect(facts.registration).toEqual({ value: { status: 'submitted' }, source: 'registration' });
    const plan = Object.fromEntries(evaluatePlan(facts).map((t) => [t.id, t.status]));
    expect(plan).toMatchObject({ 'lag-vedtekter': 'done', 'hold-stiftelsesmote': 'done', 'registrer-enhetsregisteret': 'in-progress' });
  });

  it('an unknown organisation is not found', async () => {
    await expect(readOrganisationFacts(db, '00000000-0000-4000-8000-00000000abcd')).rejects.toMatchObject({ code: 'not_found' });
  });
});

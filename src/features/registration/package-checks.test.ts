import { describe, expect, it } from 'vitest';
import { LOVNORM_DEFAULTS, type StatutesAnswers } from '../statutes/statutes.answers.ts';
import { type CheckInput, checkPackage, type IssueKey } from './package-checks.ts';
import type { PersonRow } from './registration.queries.ts';
import type { PackageData } from './registration.schema.ts';

/** One row per rule: a complete package with one thing changed, and the issue it must raise (or none). */

const statutes: StatutesAnswers = {
  ...structuredClone(LOVNORM_DEFAULTS),
  name: 'Løvstakken sjakklubb',
  kommunenummer: '4601',
  purpose: 'Klubben skal fremme sjakk for alle i bydelen.',
  membership: { openTo: 'Alle', votingMinimumAge: 15, votingMinimumMonths: 1, feeRequiredToVote: true },
  dissolution: { majority: 'two-thirds', requiresSecondMeeting: true, assetsTo: 'Norges Sjakkforbund' },
} as StatutesAnswers;

const person = (id: string, boardRole: PersonRow['boardRole'], fnr = true, kind: PersonRow['kind'] = 'board'): PersonRow => ({
  id,
  kind,
  boardRole,
  position: 0,
  name: `Person ${id}`,
  birthDate: null,
  userId: null,
  userName: null,
  email: null,
  invitationId: null,
  invitationState: null,
  fnrCiphertext: fnr ? 'v1.x' : null,
});

const complete = (): CheckInput => ({
  data: {
    organisation: { name: 'Løvstakken sjakklubb', foundedOn: '2026-03-01', purpose: statutes.purpose, activity: 'Sjakk' },
    address: { business: { address: 'Gata 1', postnummer: '5000', poststed: 'Bergen', kommunenummer: '4601' }, postal: null },
    contact: { kind: 'kontaktperson', personId: 'a' },
    contactDetails: { email: 'a@b.no', phone: '91234567', maalform: 'nob' },
    roles: { revisor: null, regnskapsforer: null, signature: 'leader-and-one-board-member', prokura: null },
    questions: { mva: false, employees: 0, foretaksregisteret: false },
    frr: {
      register: true,
      icnpo: ['1300'],
      vedtekter: true,
      rapporteringsplikt: false,
      regnskapsperiodeSlutt: null,
      offentligFlertall: false,
      utdelingFysiskePersoner: false,
    },
    grasrot: {
      deltarI: true,
      kontonummer: '86011117947',
      declarations: {
        drivesAllAktivitetLokaltEllerRegionalt: true,
        frivilligArbeidsinnsats: true,
        utfoererOppgaverForDetOffentlige: false,
        utfoererSykehuslignendeTjenester: false,
        erUngdomsorganisasjon: false,
        erElevEllerStudentorganisasjon: false,
      },
    },
  },
  persons: [person('a', 'leader'), person('b', 'board_member'), person('c', 'treasurer'), person('d', 'deputy')],
  statutes: { answers: statutes, version: 1 },
  founding: { heldOn: '2026-03-01', finalised: true },
  icnpoGroups: new Map([
    ['1300', '1'],
    ['2100', '2'],
    ['2300', '2'],
    ['3100', '3'],
    ['6100', '6'],
    ['7100', '7'],
  ]),
  today: '2026-05-01',
});

type Change = (i: CheckInput) => void;
const grasrot = (i: CheckInput) => i.data.grasrot!.declarations!;
const frr = (i: CheckInput) => i.data.frr as Extract<PackageData['frr'], { register: true }>;

describe('checkPackage', () => {
  it('a complete package is ready', () => {
    const r = checkPackage(complete());
    expect(r.issues).toEqual([]);
    expect(r.ready).toBe(true);
    expect(Object.values(r.sections).every((s) => s === 'complete')).toBe(true);
  });

  it.each<[string, Change, IssueKey, 'error' | 'warning']>([
    ['no statutes', (i) => (i.statutes = null), 'reg.check.statutesMissing', 'error'],
    [
      'statutes not selveiende',
      (i) => (i.statutes = { answers: { ...statutes, selveiende: false }, version: 2 }),
      'reg.check.selveiende',
      'error',
    ],
    ['no founding meeting', (i) => (i.founding = null), 'reg.check.foundingMissing', 'error'],
    ['protocol not finalised', (i) => (i.founding = { heldOn: '2026-03-01', finalised: false }), 'reg.check.foundingNotFinal', 'error'],
    ['name differs from the statutes', (i) => (i.data.organisation!.name = 'Annet navn'), 'reg.check.nameDiffersFromStatutes', 'error'],
    [
      'kommune differs from the statutes',
      (i) => (i.data.address!.business.kommunenummer = '0301'),
      'reg.check.kommuneDiffersFromStatutes',
      'error',
    ],
    ['purpose reworded', (i) => (i.data.organisation!.purpose = 'Noe annet'), 'reg.check.purposeDiffersFromStatutes', 'warning'],
    [
      'founding date not the meeting date',
      (i) => (i.data.organisation!.foundedOn = '2026-02-28'),
      'reg.check.foundedOnDiffersFromMeeting',
      'error',
    ],
    [
      'founding date in the future',
      (i) => {
        i.data.organisation!.foundedOn = '2026-06-01';
        i.founding = { heldOn: '2026-06-01', finalised: true };
      },
      'reg.check.foundedInFuture',
      'error',
    ],
    [
      'board smaller than the statutes allow (deputies do not count)',
      (i) => (i.persons = [person('a', 'leader'), person('b', 'board_member'), person('d', 'deputy')]),
      'reg.check.boardTooSmall',
      'error',
    ],
    [
      'board larger than the statutes allow',
      (i) => (i.persons = [person('a', 'leader'), ...'bcdefgh'.split('').map((x) => person(x, 'board_member'))]),
      'reg.check.boardTooLarge',
      'error',
    ],
    ['no leader', (i) => (i.persons[0]!.boardRole = 'board_member'), 'reg.check.leaderMissing', 'error'],
    ['two leaders', (i) => (i.persons[1]!.boardRole = 'leader'), 'reg.check.leaderTwice', 'error'],
    ['a board member without fødselsnummer', (i) => (i.persons[2]!.fnrCiphertext = null), 'reg.check.fnrMissing', 'error'],
    ['contact person gone', (i) => (i.data.contact = { kind: 'kontaktperson', personId: 'zzz' }), 'reg.check.contactMissing', 'error'],
    [
      'separate contact person without number',
      (i) => {
        i.persons.push(person('k', null, false, 'contact'));
        i.data.contact = { kind: 'daglig-leder', personId: 'k' };
      },
      'reg.check.contactFnrMissing',
      'error',
    ],
    ['unknown ICNPO code', (i) => (frr(i).icnpo = ['9999']), 'reg.check.icnpoUnknown', 'error'],
    ['public majority on the board', (i) => (frr(i).offentligFlertall = true), 'reg.check.frrPublicMajority', 'error'],
    ['distributes to persons', (i) => (frr(i).utdelingFysiskePersoner = true), 'reg.check.frrDistributesToPersons', 'error'],
    ['grasrot without FRR', (i) => (i.data.frr = { register: false }), 'reg.check.grasrotWithoutFrr', 'error'],
    [
      'grasrot: not local or regional',
      (i) => (grasrot(i).drivesAllAktivitetLokaltEllerRegionalt = false),
      'reg.check.grasrotNotLocal',
      'error',
    ],
    ['grasrot: no voluntary effort', (i) => (grasrot(i).frivilligArbeidsinnsats = false), 'reg.check.grasrotNoVoluntaryEffort', 'error'],
    ['grasrot: public-sector tasks', (i) => (grasrot(i).utfoererOppgaverForDetOffentlige = true), 'reg.check.grasrotPublicTasks', 'error'],
    ['grasrot: hospital-like services', (i) => (grasrot(i).utfoererSykehuslignendeTjenester = true), 'reg.check.grasrotHospital', 'error'],
    ['grasrot: only education (group 2)', (i) => (frr(i).icnpo = ['2100', '2300']), 'reg.check.grasrotOnlyEducation', 'error'],
    [
      'grasrot: only uncertain groups (6, 7, hospitals)',
      (i) => (frr(i).icnpo = ['6100', '7100', '3100']),
      'reg.check.grasrotCategoryUncertain',
      'warning',
    ],
    ['Foretaksregisteret has a fee', (i) => (i.data.questions!.foretaksregisteret = true), 'reg.check.foretaksregisteretFee', 'warning'],
  ])('%s', (_name, change, key, severity) => {
    const input = complete();
    change(input);
    const r = checkPackage(input);
    expect(r.issues.map((i) => [i.key, i.severity])).toContainEqual([key, severity]);
    expect(r.ready).toBe(severity === 'warning');
  });

  it('a missing section is not started, and blocks', () => {
    const input = complete();
    delete input.data.roles;
    input.persons = [];
    const r = checkPackage(input);
    expect(r.sections.roles).toBe('not-started');
    expect(r.sections.board).toBe('not-started');
    expect(r.sections.organisation).toBe('complete');
    expect(r.ready).toBe(false);
  });

  it('grasrot is not asked without FRR', () => {
    const input = complete();
    input.data.frr = { register: false };
    delete input.data.grasrot;
    const r = checkPackage(input);
    expect(r.sections.grasrot).toBe('complete');
    expect(r.ready).toBe(true);
  });
});

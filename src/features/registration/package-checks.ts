import type { StatutesAnswers } from '../statutes/statutes.answers.ts';
import type { PersonRow } from './registration.queries.ts';
import type { PackageData, Section } from './registration.schema.ts';

/**
 * What makes a package ready to confirm and send, as explicit rules with a message key each. Errors block;
 * warnings are shown on the check-answers page and do not block. Sources: brief §2.1 (who may register in FRR),
 * §2.4 and §5.2 (grasrot eligibility), §4.1 (what the notice needs: the whole board with fødselsnummer, a contact
 * person, statutes stating name, municipality and purpose, the founding protocol), §4.2 (conflicting notices).
 */

export type IssueKey =
  | 'reg.check.sectionMissing'
  | 'reg.check.statutesMissing'
  | 'reg.check.foundingMissing'
  | 'reg.check.foundingNotFinal'
  | 'reg.check.nameDiffersFromStatutes'
  | 'reg.check.kommuneDiffersFromStatutes'
  | 'reg.check.purposeDiffersFromStatutes'
  | 'reg.check.foundedOnDiffersFromMeeting'
  | 'reg.check.foundedInFuture'
  | 'reg.check.boardTooSmall'
  | 'reg.check.boardTooLarge'
  | 'reg.check.leaderMissing'
  | 'reg.check.leaderTwice'
  | 'reg.check.fnrMissing'
  | 'reg.check.contactMissing'
  | 'reg.check.contactFnrMissing'
  | 'reg.check.icnpoUnknown'
  | 'reg.check.frrPublicMajority'
  | 'reg.check.frrDistributesToPersons'
  | 'reg.check.grasrotWithoutFrr'
  | 'reg.check.grasrotNotLocal'
  | 'reg.check.grasrotNoVoluntaryEffort'
  | 'reg.check.grasrotPublicTasks'
  | 'reg.check.grasrotHospital'
  | 'reg.check.grasrotOnlyEducation'
  | 'reg.check.grasrotCategoryUncertain'
  | 'reg.check.foretaksregisteretFee'
  | 'reg.check.selveiende';

export interface Issue {
  section: Section | 'attachments';
  severity: 'error' | 'warning';
  key: IssueKey;
  params?: Record<string, string | number>;
}

export interface CheckInput {
  data: PackageData;
  persons: PersonRow[];
  statutes: { answers: StatutesAnswers; version: number } | null;
  founding: { heldOn: string; finalised: boolean } | null;
  /** ICNPO sub-category code → main group ("1100" → "1"), from the icnpo_kategorier table. */
  icnpoGroups: Map<string, string>;
  today: string;
}

export type SectionState = 'not-started' | 'complete' | 'has-errors';

export interface CheckResult {
  issues: Issue[];
  sections: Record<Section, SectionState>;
  ready: boolean;
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nb');

/** Grasrot eligibility by ICNPO main group (brief §2.4, from Brønnøysund's 2017 page; flagged there as to re-check). */
const GRASROT_ELIGIBLE_GROUPS = new Set(['1', '4', '5', '8', '9', '10', '12', '13', '14']);
/** Group 3 is eligible except hospitals, nursing homes and psychiatric institutions (3100, 3200, 3300). */
const GRASROT_EXCLUDED_CODES = new Set(['3100', '3200', '3300']);

export function checkPackage(input: CheckInput): CheckResult {
  const { data, statutes, founding } = input;
  const issues: Issue[] = [];
  const add = (section: Issue['section'], key: IssueKey, severity: Issue['severity'] = 'error', params?: Issue['params']) =>
    issues.push({ section, key, severity, ...(params ? { params } : {}) });
  const board = input.persons.filter((p) => p.kind === 'board');

  const answered: Record<Section, boolean> = {
    organisation: Boolean(data.organisation),
    address: Boolean(data.address),
    board: board.length > 0,
    contact: Boolean(data.contact),
    contactDetails: Boolean(data.contactDetails),
    roles: Boolean(data.roles),
    questions: Boolean(data.questions),
    frr: Boolean(data.frr),
    // Grasrotandelen is part of the FRR registration; without FRR there is nothing to answer.
    grasrot: Boolean(data.grasrot) || data.frr?.register === false,
  };
  for (const [section, done] of Object.entries(answered) as [Section, boolean][]) {
    if (!done) add(section, 'reg.check.sectionMissing');
  }

  // Attachments: the statutes and the founding protocol go with the notice (brief §4.1).
  if (!statutes) add('attachments', 'reg.check.statutesMissing');
  else if (!statutes.answers.selveiende) add('attachments', 'reg.check.selveiende');
  if (!founding) add('attachments', 'reg.check.foundingMissing');
  else if (!founding.finalised) add('attachments', 'reg.check.foundingNotFinal');

  if (data.organisation) {
    const o = data.organisation;
    if (statutes && norm(o.name) !== norm(statutes.answers.name)) {
      add('organisation', 'reg.check.nameDiffersFromStatutes', 'error', { statutes: statutes.answers.name });
    }
    if (statutes && norm(o.purpose) !== norm(statutes.answers.purpose))
      add('organisation', 'reg.check.purposeDiffersFromStatutes', 'warning');
    if (founding && o.foundedOn !== founding.heldOn)
      add('organisation', 'reg.check.foundedOnDiffersFromMeeting', 'error', { date: founding.heldOn });
    if (o.foundedOn > input.today) add('organisation', 'reg.check.foundedInFuture');
  }
  if (data.address && statutes && data.address.business.kommunenummer !== statutes.answers.kommunenummer) {
    add('address', 'reg.check.kommuneDiffersFromStatutes', 'error', { statutes: statutes.answers.kommunenummer });
  }

  // The board must satisfy the statutes (size counts the ordinary members and the leader, not deputies) and
  // be complete: every person with a role is identified by fødselsnummer or D-nummer (brief §4.1).
  if (board.length > 0) {
    const voting = board.filter((p) => p.boardRole !== 'deputy');
    const leaders = board.filter((p) => p.boardRole === 'leader');
    const min = statutes?.answers.board.minMembers;
    const max = statutes?.answers.board.maxMembers;
    if (min !== undefined && voting.length < min) add('board', 'reg.check.boardTooSmall', 'error', { min, count: voting.length });
    if (max !== undefined && voting.length > max) add('board', 'reg.check.boardTooLarge', 'error', { max, count: voting.length });
    if (leaders.length === 0) add('board', 'reg.check.leaderMissing');
    if (leaders.length > 1) add('board', 'reg.check.leaderTwice');
    for (const p of board) if (!p.fnrCiphertext) add('board', 'reg.check.fnrMissing', 'error', { name: p.name });
  }

  if (data.contact) {
    const contact = input.persons.find((p) => p.id === data.contact!.personId);
    if (!contact) add('contact', 'reg.check.contactMissing');
    else if (!contact.fnrCiphertext && contact.kind === 'contact')
      add('contact', 'reg.check.contactFnrMissing', 'error', { name: contact.name });
  }

  if (data.frr?.register) {
    for (const code of data.frr.icnpo) if (!input.icnpoGroups.has(code)) add('frr', 'reg.check.icnpoUnknown', 'error', { code });
    // Who may register (brief §2.1): not organised by the public sector, no distribution to natural persons.
    if (data.frr.offentligFlertall) add('frr', 'reg.check.frrPublicMajority');
    if (data.frr.utdelingFysiskePersoner) add('frr', 'reg.check.frrDistributesToPersons');
  }

  if (data.grasrot?.deltarI) {
    if (!data.frr?.register) add('grasrot', 'reg.check.grasrotWithoutFrr');
    const d = data.grasrot.declarations;
    if (d) {
      // Brief §5.2: local or regional activity, voluntary effort, no public-sector tasks or hospital-like services.
      if (!d.drivesAllAktivitetLokaltEllerRegionalt) add('grasrot', 'reg.check.grasrotNotLocal');
      if (!d.frivilligArbeidsinnsats) add('grasrot', 'reg.check.grasrotNoVoluntaryEffort');
      if (d.utfoererOppgaverForDetOffentlige) add('grasrot', 'reg.check.grasrotPublicTasks');
      if (d.utfoererSykehuslignendeTjenester) add('grasrot', 'reg.check.grasrotHospital');
    }
    if (data.frr?.register && data.frr.icnpo.length > 0) {
      const groups = data.frr.icnpo.map((c) => input.icnpoGroups.get(c)).filter((g): g is string => Boolean(g));
      const eligible = data.frr.icnpo.some((c) => {
        const g = input.icnpoGroups.get(c);
        return g !== undefined && (GRASROT_ELIGIBLE_GROUPS.has(g) || (g === '3' && !GRASROT_EXCLUDED_CODES.has(c)));
      });
      if (groups.length > 0 && groups.every((g) => g === '2')) add('grasrot', 'reg.check.grasrotOnlyEducation');
      else if (!eligible) add('grasrot', 'reg.check.grasrotCategoryUncertain', 'warning');
    }
  }

  if (data.questions?.foretaksregisteret) add('questions', 'reg.check.foretaksregisteretFee', 'warning');

  const sections = Object.fromEntries(
    (Object.keys(answered) as Section[]).map((s) => {
      const errors = issues.some((i) => i.section === s && i.severity === 'error' && i.key !== 'reg.check.sectionMissing');
      return [s, !answered[s] ? 'not-started' : errors ? 'has-errors' : 'complete'];
    }),
  ) as Record<Section, SectionState>;
  return { issues, sections, ready: !issues.some((i) => i.severity === 'error') };
}

import { LOVNORM_DEFAULTS, type StatutesAnswers } from '../statutes/statutes.answers.ts';
import { type Attendee, type BoardEntry, type FoundingData, PAGES, type PageSlug, sameName } from './founding.data.ts';

/**
 * The rules a founding meeting must satisfy before its protocol can be finalised. Pure functions: the
 * question pages use them to validate one page, the check-answers page and `finaliseFoundingMeeting` use
 * `validateMeeting` for the whole meeting (the statutes or the attendees may have changed since a page
 * was saved).
 */

/** A problem found, with the question page and field to fix it on and a founding.messages.ts key. */
export type Problem = { page: PageSlug; field: string; key: ProblemKey; params?: Record<string, string | number> };

export type ProblemKey =
  | 'founding.problem.pageMissing'
  | 'founding.problem.boardTooSmall'
  | 'founding.problem.boardTooLarge'
  | 'founding.problem.noLeader'
  | 'founding.problem.twoLeaders'
  | 'founding.problem.boardDuplicate'
  | 'founding.problem.chairNotAttendee'
  | 'founding.problem.minuteTakerNotAttendee'
  | 'founding.problem.signerNotAttendee'
  | 'founding.problem.signersSame'
  | 'founding.problem.tooFewAttendees'
  | 'founding.problem.decisionMissing'
  | 'founding.problem.meetingInFuture';

/** Board size limits: the organisation's adopted statutes, else the lovnorm default (brief §5.4: at least 3). */
export type BoardRules = { minMembers: number; maxMembers: number; statutesVersion: number | null };

export function boardRulesFrom(statutes: { version: number; answers: StatutesAnswers } | null): BoardRules {
  if (!statutes)
    return { minMembers: LOVNORM_DEFAULTS.board.minMembers, maxMembers: LOVNORM_DEFAULTS.board.maxMembers, statutesVersion: null };
  return {
    minMembers: statutes.answers.board.minMembers,
    maxMembers: statutes.answers.board.maxMembers,
    statutesVersion: statutes.version,
  };
}

/**
 * The board as elected: between the statutes' minimum and maximum members (deputies — varamedlemmer — are
 * not board members and do not count), exactly one leader, and nobody listed twice.
 */
export function checkBoard(board: BoardEntry[], rules: BoardRules): Problem[] {
  const problems: Problem[] = [];
  const members = board.filter((entry) => entry.role !== 'deputy');
  if (members.length < rules.minMembers) {
    problems.push({
      page: 'styre',
      field: 'name-0',
      key: 'founding.problem.boardTooSmall',
      params: { min: rules.minMembers, count: members.length },
    });
  }
  if (members.length > rules.maxMembers) {
    problems.push({
      page: 'styre',
      field: 'name-0',
      key: 'founding.problem.boardTooLarge',
      params: { max: rules.maxMembers, count: members.length },
    });
  }
  const leaders = board.filter((entry) => entry.role === 'leader').length;
  if (leaders === 0) problems.push({ page: 'styre', field: 'role-0', key: 'founding.problem.noLeader' });
  if (leaders > 1) problems.push({ page: 'styre', field: 'role-0', key: 'founding.problem.twoLeaders' });
  board.forEach((entry, index) => {
    if (board.findIndex((other) => sameName(other.name, entry.name)) !== index) {
      problems.push({ page: 'styre', field: `name-${index}`, key: 'founding.problem.boardDuplicate', params: { name: entry.name } });
    }
  });
  return problems;
}

const isAttendee = (attendees: Attendee[], name: string | undefined) => !!name && attendees.some((a) => sameName(a.name, name));

/** The chair and the minute-taker are chosen among those present. */
export function checkLeadership(data: Pick<FoundingData, 'chair' | 'minuteTaker'>, attendees: Attendee[]): Problem[] {
  const problems: Problem[] = [];
  if (!isAttendee(attendees, data.chair)) {
    problems.push({ page: 'moteleder', field: 'chair', key: 'founding.problem.chairNotAttendee', params: { name: data.chair ?? '' } });
  }
  if (!isAttendee(attendees, data.minuteTaker)) {
    problems.push({
      page: 'moteleder',
      field: 'minuteTaker',
      key: 'founding.problem.minuteTakerNotAttendee',
      params: { name: data.minuteTaker ?? '' },
    });
  }
  return problems;
}

/** The protocol is signed by two people the meeting chooses among those present (brief §5.4 "Protocol"). */
export function checkSigners(signers: readonly [string, string] | undefined, attendees: Attendee[]): Problem[] {
  const problems: Problem[] = [];
  const [first = '', second = ''] = signers ?? [];
  if (!isAttendee(attendees, first)) {
    problems.push({ page: 'underskrivere', field: 'signer1', key: 'founding.problem.signerNotAttendee', params: { name: first } });
  }
  if (!isAttendee(attendees, second)) {
    problems.push({ page: 'underskrivere', field: 'signer2', key: 'founding.problem.signerNotAttendee', params: { name: second } });
  }
  if (first && second && sameName(first, second)) {
    problems.push({ page: 'underskrivere', field: 'signer2', key: 'founding.problem.signersSame' });
  }
  return problems;
}

/** Two different people sign, so a founding meeting has at least two attendees. */
export const MIN_ATTENDEES = 2;

/**
 * Everything a meeting needs before it can be finalised: every page answered, the people in their roles
 * present, the board within the statutes, a decision on every agenda item, and the meeting held (not in
 * the future: a protocol records what happened). `today` is the date in Norway (YYYY-MM-DD).
 */
export function validateMeeting(opts: {
  data: FoundingData;
  answeredPages: readonly string[];
  rules: BoardRules;
  today: string;
}): Problem[] {
  const { data } = opts;
  const missing = PAGES.filter((page) => !opts.answeredPages.includes(page));
  if (missing.length > 0) {
    return missing.map((page) => ({ page, field: FIRST_FIELD[page], key: 'founding.problem.pageMissing' }));
  }
  const attendees = data.attendees ?? [];
  const problems: Problem[] = [];
  if (data.heldOn && data.heldOn > opts.today) {
    problems.push({ page: 'mote', field: 'heldOn', key: 'founding.problem.meetingInFuture' });
  }
  if (attendees.length < MIN_ATTENDEES) {
    problems.push({ page: 'deltakere', field: 'others', key: 'founding.problem.tooFewAttendees', params: { min: MIN_ATTENDEES } });
  }
  problems.push(...checkLeadership(data, attendees));
  problems.push(...checkBoard(data.board ?? [], opts.rules));
  problems.push(...checkSigners(data.signers, attendees));
  (data.agenda ?? []).forEach((item, index) => {
    if (item.decision.trim() === '') {
      problems.push({ page: 'vedtak', field: `decision-${index}`, key: 'founding.problem.decisionMissing', params: { title: item.title } });
    }
  });
  return problems;
}

/** The field an error summary links to when a whole page is missing. */
export const FIRST_FIELD: Record<PageSlug, string> = {
  mote: 'heldOn',
  sakliste: 'item-0',
  deltakere: 'others',
  moteleder: 'chair',
  styre: 'name-0',
  underskrivere: 'signer1',
  vedtak: 'decision-0',
};

/**
 * Parses a date typed as dd.mm.åååå (also d.m.åååå, dd/mm/åååå, dd-mm-åååå) or åååå-mm-dd into an ISO
 * date; null when it is not a real calendar date.
 */
export function parseDateInput(text: string): string | null {
  const value = text.trim();
  let year: number;
  let month: number;
  let day: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const norwegian = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(value);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (norwegian) [day, month, year] = [Number(norwegian[1]), Number(norwegian[2]), Number(norwegian[3])];
  else return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** An ISO date as people write it here: 12.03.2026. */
export function formatDateInput(iso: string | undefined): string {
  if (!iso) return '';
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}

/** Today's date in Norway, for "not in the future" (the server clock may run in UTC). */
export function osloToday(now: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The date plus a number of days, as an ISO date. */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

import type { StatutesAnswers } from '../statutes/statutes.answers.ts';
import { addDays, addMonths, addYears, type IsoDate, isoDate, monthDay, nextWorkingDay, yearOf } from './calendar.dates.ts';
import type { CalendarKey } from './calendar.messages.ts';

/**
 * The årshjul's deadline rules, in one place. Every rule is a pure function of the organisation's facts, its
 * statutes (or the lovnorm defaults), the year and today's date, and returns the deadlines it produces with the
 * reason, the rule behind it, the life-event task it belongs to, and where each input came from. Nothing here
 * reads the database or the clock: calendar.inputs.ts gathers the inputs, the page, the .ics feed and the
 * reminder job present the output. Each rule has table-driven tests in calendar.rules.test.ts.
 *
 * Sources: domain brief §4.2 (register update), §4.3/§5.7 (dissolution), §5.1 (momskompensasjon),
 * §5.2 (grasrotandelen), §5.4 (årsmøte), §5.5 (accounts), §5.6 (politiattest), §7 (deadlines to derive).
 */

/** Where a fact came from (the plan's facts contract, src/features/plan/facts.ts). */
export type FactSource =
  | 'enhetsregisteret'
  | 'frivillighetsregisteret'
  | 'workspace'
  | 'statutes'
  | 'founding-meeting'
  | 'registration'
  | 'declared'
  | 'default';

export interface Sourced<T> {
  value: T;
  source: FactSource;
}

/** An umbrella body's internal momskompensasjon deadline: the same day every year, or one given date. */
export type UmbrellaDeadline = { month: number; day: number } | { date: IsoDate };

/** The facts the rules read (mapped from the plan's OrganisationFacts by calendar.inputs.ts). */
export interface CalendarFacts {
  /** Life-event phase 1 idea … 6 wind down. */
  phase: Sourced<number>;
  /** Registered in Enhetsregisteret (has an organisasjonsnummer). */
  registered: Sourced<boolean>;
  /** Founding date (stiftelsesdato, or the founding meeting), when known. */
  foundedOn: Sourced<IsoDate | null>;
  /** Deleted from Enhetsregisteret: no deadlines any more. */
  deleted: Sourced<boolean>;
  inFrivillighetsregisteret: Sourced<boolean>;
  /** The organisation has said it wants to be in Frivillighetsregisteret (and so to apply for momskompensasjon). */
  wantsFrivillighetsregisteret: Sourced<boolean>;
  /** Approved grasrot receiver in Frivillighetsregisteret. */
  grasrotandel: Sourced<boolean>;
  umbrellaMomsDeadline: Sourced<UmbrellaDeadline | null>;
  /** Has taken on reporting annual accounts to Regnskapsregisteret (FRR `harPaatattSegRapporteringsplikt`). */
  accountsReportingTakenOn: Sourced<boolean>;
  /** Politiattester shown to the organisation: a stable key, the role (never a name) and the date it was shown. */
  politiattester: Sourced<{ key: string; label: string; shownOn: IsoDate }[]>;
  /** Date the årsmøte decided to dissolve the organisation (phase 6), when known. */
  dissolutionDecidedOn: Sourced<IsoDate | null>;
}

/** The statute choices the rules read; `source` says whether they are the organisation's own or the lovnorm. */
export interface CalendarStatutes {
  source: 'statutes' | 'default';
  version: number | null;
  annualMeeting: StatutesAnswers['annualMeeting'];
  audit: StatutesAnswers['audit'];
  dissolutionRequiresSecondMeeting: boolean;
}

export interface RuleInput {
  facts: CalendarFacts;
  statutes: CalendarStatutes;
  /** Today in Norway; only estimates for what has not happened yet depend on it. */
  today: IsoDate;
}

/** Canonical life-event task ids (issue 4 contract) the deadlines link to. */
export type CalendarTaskId =
  | 'hold-arsmote'
  | 'oppdater-register-etter-arsmote'
  | 'sok-momskompensasjon'
  | 'registrer-frivillighetsregisteret'
  | 'bokforing-og-regnskap'
  | 'send-arsregnskap-regnskapsregisteret'
  | 'politiattest'
  | 'meld-grasrotandel'
  | 'vedta-opplosning'
  | 'ekstraordinaert-arsmote-sletting'
  | 'meld-sletting';

export type RuleId =
  | 'arsmote'
  | 'arsmote-innkalling'
  | 'arsmote-forslag'
  | 'arsmote-sakspapirer'
  | 'arsregnskap'
  | 'registeroppdatering'
  | 'regnskapsregisteret'
  | 'momskompensasjon'
  | 'momskompensasjon-frr'
  | 'momskompensasjon-paraply'
  | 'grasrot-utbetaling'
  | 'politiattest'
  | 'opplosning-vedtak'
  | 'opplosning-ekstraordinaert'
  | 'opplosning-sletting';

/** The inputs a deadline can rest on; each is shown with its source. */
export type InputName =
  | 'annualMeeting'
  | 'phase'
  | 'foundedOn'
  | 'registered'
  | 'audit'
  | 'inFrivillighetsregisteret'
  | 'wantsFrivillighetsregisteret'
  | 'umbrellaMomsDeadline'
  | 'grasrotandel'
  | 'accountsReportingTakenOn'
  | 'politiattester'
  | 'dissolutionDecidedOn'
  | 'dissolutionSecondMeeting';

export interface Deadline {
  /** Stable across recomputations (the .ics UID and the reminder log use it): rule plus year or occurrence. */
  id: string;
  rule: RuleId;
  date: IsoDate;
  /** deadline: set by a rule; recommendation: our advice where no fixed date exists; payout: money arrives; estimate: depends on a date not known yet. */
  kind: 'deadline' | 'recommendation' | 'payout' | 'estimate';
  titleKey: CalendarKey;
  whyKey: CalendarKey;
  /** Message parameters; names ending in "Date" hold ISO dates that the presentation formats per language. */
  params: Record<string, string | number>;
  citation: { key: CalendarKey; url?: string };
  taskId: CalendarTaskId;
  inputs: { name: InputName; source: FactSource }[];
  /** For the årsmøte: the period it may be held in. */
  window?: { from: IsoDate; to: IsoDate };
}

const URL_MOMS_FORSKRIFT = 'https://lovdata.no/dokument/SF/forskrift/2018-10-23-1600';
const URL_GRASROT = 'https://www.norsk-tipping.no/grasrotandelen/for-lag-og-foreninger';
const URL_REGISTER_CHANGE =
  'https://www.brreg.no/produkter-og-tjenester/vare-skjema/samordnet-registermelding-del-1-hovedskjema/vedleggsveileder-for-nyregistrering-og-endring/';
const URL_POLITIATTEST = 'https://www.frivillighetnorge.no/verktoy/ha-det-formelle-i-orden/politiattester';
const URL_DISSOLUTION =
  'https://info.altinn.no/starte-og-drive/avvikling-sletting-og-konkurs/avvikling-og-sletting/sletting-av-en-forening/';

/** The register update after the årsmøte has no fixed deadline; we suggest four weeks (brief §4.2). */
export const REGISTER_UPDATE_RECOMMENDED_DAYS = 28;
/** Some federations renew politiattester every three years; the law sets no interval (brief §5.6). */
export const POLITIATTEST_RENEWAL_YEARS = 3;
/** Dissolution: the second (extraordinary) årsmøte about three months after the first (brief §4.3). */
export const DISSOLUTION_PERIOD_MONTHS = 3;
/** Norsk Tipping pays grasrotandelen out on these days (brief §5.2). */
export const GRASROT_PAYOUT_DAYS: readonly [number, number][] = [
  [1, 1],
  [5, 1],
  [9, 1],
];

// ---------- applicability ----------

/** Founded (so it holds årsmøter): a founding date is known, it is registered, or it runs (phase 3+). */
function isFounded(facts: CalendarFacts): boolean {
  return facts.foundedOn.value !== null || facts.registered.value || facts.phase.value >= 3;
}

function isActive(facts: CalendarFacts): boolean {
  return !facts.deleted.value && isFounded(facts);
}

/**
 * The ordinary årsmøte of `year` is due when the organisation existed before that year began: one founded during
 * the year has just held its founding meeting, and its first ordinary årsmøte comes the year after.
 */
export function holdsAnnualMeeting(input: RuleInput, year: number): boolean {
  const { facts } = input;
  if (!isActive(facts)) return false;
  const founded = facts.foundedOn.value;
  return founded === null || yearOf(founded) < year;
}

/** The last day the årsmøte may be held in `year` (statutes' month/day, the month's last day when shorter). */
export function annualMeetingDeadline(statutes: CalendarStatutes, year: number): IsoDate {
  return monthDay(year, statutes.annualMeeting.deadlineMonth, statutes.annualMeeting.deadlineDay);
}

const meetingInputs = (input: RuleInput): Deadline['inputs'] => [
  { name: 'annualMeeting', source: input.statutes.source },
  { name: 'phase', source: input.facts.phase.source },
  { name: 'foundedOn', source: input.facts.foundedOn.source },
];

const statutesCitation = (statutes: CalendarStatutes): Deadline['citation'] =>
  statutes.source === 'statutes' ? { key: 'calendar.cite.statutes' } : { key: 'calendar.cite.lovnorm' };

// ---------- årsmøte (brief §5.4) ----------

/**
 * The årsmøte window (1 January, when last year's accounts can be closed, to the statutes' deadline) and the
 * latest dates for notice, members' proposals and papers if the meeting is held on the last permitted day.
 */
export function annualMeetingRule(input: RuleInput, year: number): Deadline[] {
  if (!holdsAnnualMeeting(input, year)) return [];
  const { statutes } = input;
  const meeting = annualMeetingDeadline(statutes, year);
  const am = statutes.annualMeeting;
  const inputs = meetingInputs(input);
  const citation = statutesCitation(statutes);
  const out: Deadline[] = [
    {
      id: `arsmote:${year}`,
      rule: 'arsmote',
      date: meeting,
      kind: 'deadline',
      titleKey: 'calendar.rule.arsmote.title',
      whyKey: 'calendar.rule.arsmote.why',
      params: { year, fromDate: isoDate(year, 1, 1), meetingDate: meeting },
      citation,
      taskId: 'hold-arsmote',
      inputs,
      window: { from: isoDate(year, 1, 1), to: meeting },
    },
    {
      id: `arsmote-innkalling:${year}`,
      rule: 'arsmote-innkalling',
      date: addDays(meeting, -am.noticeDays),
      kind: 'deadline',
      titleKey: 'calendar.rule.innkalling.title',
      whyKey: 'calendar.rule.innkalling.why',
      params: { days: am.noticeDays, meetingDate: meeting },
      citation,
      taskId: 'hold-arsmote',
      inputs,
    },
  ];
  if (am.proposalsDays > 0) {
    out.push({
      id: `arsmote-forslag:${year}`,
      rule: 'arsmote-forslag',
      date: addDays(meeting, -am.proposalsDays),
      kind: 'deadline',
      titleKey: 'calendar.rule.forslag.title',
      whyKey: 'calendar.rule.forslag.why',
      params: { days: am.proposalsDays, meetingDate: meeting },
      citation,
      taskId: 'hold-arsmote',
      inputs,
    });
  }
  out.push({
    id: `arsmote-sakspapirer:${year}`,
    rule: 'arsmote-sakspapirer',
    date: addDays(meeting, -am.papersDays),
    kind: 'deadline',
    titleKey: 'calendar.rule.sakspapirer.title',
    whyKey: 'calendar.rule.sakspapirer.why',
    params: { days: am.papersDays, meetingDate: meeting },
    citation,
    taskId: 'hold-arsmote',
    inputs,
  });
  return out;
}

// ---------- accounts (brief §5.4 agenda, §5.5) ----------

/**
 * Last year's accounts go to the årsmøte with the papers, audited when the statutes choose an auditor. When the
 * organisation has taken on reporting to Regnskapsregisteret (RR-0009 "Friv"), the accounts are sent there after
 * the årsmøte: the brief gives no date for that, so we recommend a month after the meeting and say so.
 */
export function accountsRule(input: RuleInput, year: number): Deadline[] {
  if (!holdsAnnualMeeting(input, year)) return [];
  const { statutes, facts } = input;
  const meeting = annualMeetingDeadline(statutes, year);
  const audited = statutes.audit !== 'none';
  const out: Deadline[] = [
    {
      id: `arsregnskap:${year}`,
      rule: 'arsregnskap',
      date: addDays(meeting, -statutes.annualMeeting.papersDays),
      kind: 'deadline',
      titleKey: audited ? 'calendar.rule.arsregnskap.titleAudited' : 'calendar.rule.arsregnskap.title',
      whyKey: audited ? 'calendar.rule.arsregnskap.whyAudited' : 'calendar.rule.arsregnskap.why',
      params: { accountsYear: year - 1, meetingDate: meeting },
      citation: statutesCitation(statutes),
      taskId: 'bokforing-og-regnskap',
      inputs: [...meetingInputs(input), { name: 'audit', source: statutes.source }],
    },
  ];
  if (facts.accountsReportingTakenOn.value) {
    out.push({
      id: `regnskapsregisteret:${year}`,
      rule: 'regnskapsregisteret',
      date: addMonths(meeting, 1),
      kind: 'recommendation',
      titleKey: 'calendar.rule.regnskapsregisteret.title',
      whyKey: 'calendar.rule.regnskapsregisteret.why',
      params: { accountsYear: year - 1, meetingDate: meeting },
      citation: { key: 'calendar.cite.rr0009' },
      taskId: 'send-arsregnskap-regnskapsregisteret',
      inputs: [...meetingInputs(input), { name: 'accountsReportingTakenOn', source: facts.accountsReportingTakenOn.source }],
    });
  }
  return out;
}

// ---------- register update after the årsmøte (brief §4.2) ----------

/** A new board goes to the registers by Samordnet registermelding with the protocol; four weeks is our advice. */
export function registerUpdateRule(input: RuleInput, year: number): Deadline[] {
  if (!holdsAnnualMeeting(input, year) || !input.facts.registered.value) return [];
  const meeting = annualMeetingDeadline(input.statutes, year);
  return [
    {
      id: `registeroppdatering:${year}`,
      rule: 'registeroppdatering',
      date: addDays(meeting, REGISTER_UPDATE_RECOMMENDED_DAYS),
      kind: 'recommendation',
      titleKey: 'calendar.rule.registeroppdatering.title',
      whyKey: 'calendar.rule.registeroppdatering.why',
      params: { days: REGISTER_UPDATE_RECOMMENDED_DAYS, meetingDate: meeting },
      citation: { key: 'calendar.cite.registermelding', url: URL_REGISTER_CHANGE },
      taskId: 'oppdater-register-etter-arsmote',
      inputs: [...meetingInputs(input), { name: 'registered', source: input.facts.registered.source }],
    },
  ];
}

// ---------- momskompensasjon (brief §5.1, forskrift 23.10.2018 nr. 1600) ----------

/** 1 September, moved to the next working day when it falls on a weekend or a public holiday (2 Sep 2024). */
export function momskompensasjonDeadline(year: number): IsoDate {
  return nextWorkingDay(isoDate(year, 9, 1));
}

function umbrellaDeadlineIn(deadline: UmbrellaDeadline, year: number): IsoDate | null {
  if ('date' in deadline) return yearOf(deadline.date) === year ? deadline.date : null;
  return monthDay(year, deadline.month, deadline.day);
}

/**
 * Organisations in Frivillighetsregisteret (or on their way there) may apply each year. They must be registered
 * in FRR by the deadline, so until they are that is a deadline of its own. Members of an umbrella body apply
 * through it, by its earlier internal deadline, when they have told us one.
 */
export function momskompensasjonRule(input: RuleInput, year: number): Deadline[] {
  const { facts } = input;
  if (!isActive(facts) || facts.phase.value < 2) return [];
  if (!facts.inFrivillighetsregisteret.value && !facts.wantsFrivillighetsregisteret.value) return [];
  const date = momskompensasjonDeadline(year);
  const moved = date !== isoDate(year, 9, 1);
  const frrInput = { name: 'inFrivillighetsregisteret' as const, source: facts.inFrivillighetsregisteret.source };
  const eligibility: Deadline['inputs'] = facts.inFrivillighetsregisteret.value
    ? [frrInput]
    : [frrInput, { name: 'wantsFrivillighetsregisteret', source: facts.wantsFrivillighetsregisteret.source }];
  const citation = { key: 'calendar.cite.momsForskrift' as const, url: URL_MOMS_FORSKRIFT };
  const out: Deadline[] = [
    {
      id: `momskompensasjon:${year}`,
      rule: 'momskompensasjon',
      date,
      kind: 'deadline',
      titleKey: 'calendar.rule.momskompensasjon.title',
      whyKey: moved ? 'calendar.rule.momskompensasjon.whyMoved' : 'calendar.rule.momskompensasjon.why',
      params: { year, firstSeptemberDate: isoDate(year, 9, 1) },
      citation,
      taskId: 'sok-momskompensasjon',
      inputs: eligibility,
    },
  ];
  if (!facts.inFrivillighetsregisteret.value) {
    out.push({
      id: `momskompensasjon-frr:${year}`,
      rule: 'momskompensasjon-frr',
      date,
      kind: 'deadline',
      titleKey: 'calendar.rule.momskompensasjonFrr.title',
      whyKey: 'calendar.rule.momskompensasjonFrr.why',
      params: { year },
      citation,
      taskId: 'registrer-frivillighetsregisteret',
      inputs: eligibility,
    });
  }
  const umbrella = facts.umbrellaMomsDeadline.value;
  const internal = umbrella ? umbrellaDeadlineIn(umbrella, year) : null;
  if (internal) {
    out.push({
      id: `momskompensasjon-paraply:${year}`,
      rule: 'momskompensasjon-paraply',
      date: internal,
      kind: 'deadline',
      titleKey: 'calendar.rule.momskompensasjonParaply.title',
      whyKey: 'calendar.rule.momskompensasjonParaply.why',
      params: { year, deadlineDate: date },
      citation: { key: 'calendar.cite.umbrella' },
      taskId: 'sok-momskompensasjon',
      inputs: [...eligibility, { name: 'umbrellaMomsDeadline', source: facts.umbrellaMomsDeadline.source }],
    });
  }
  return out;
}

// ---------- grasrotandelen (brief §5.2) ----------

/** Norsk Tipping pays out on 1 January, 1 May and 1 September, to approved receivers only. */
export function grasrotRule(input: RuleInput, year: number): Deadline[] {
  const { facts } = input;
  if (facts.deleted.value || !facts.grasrotandel.value) return [];
  return GRASROT_PAYOUT_DAYS.map(([month, day]) => ({
    id: `grasrot-utbetaling:${isoDate(year, month, day)}`,
    rule: 'grasrot-utbetaling' as const,
    date: isoDate(year, month, day),
    kind: 'payout' as const,
    titleKey: 'calendar.rule.grasrot.title' as const,
    whyKey: 'calendar.rule.grasrot.why' as const,
    params: {},
    citation: { key: 'calendar.cite.grasrot' as const, url: URL_GRASROT },
    taskId: 'meld-grasrotandel' as const,
    inputs: [{ name: 'grasrotandel' as const, source: facts.grasrotandel.source }],
  }));
}

// ---------- politiattest (brief §5.6) ----------

/** A recommended renewal three years after each attest was shown; the law sets no interval, federations may. */
export function politiattestRule(input: RuleInput, year: number): Deadline[] {
  const { facts } = input;
  if (facts.deleted.value) return [];
  return facts.politiattester.value.flatMap((attest) => {
    const renewal = addYears(attest.shownOn, POLITIATTEST_RENEWAL_YEARS);
    if (yearOf(renewal) !== year) return [];
    return [
      {
        id: `politiattest:${attest.key}:${renewal}`,
        rule: 'politiattest' as const,
        date: renewal,
        kind: 'recommendation' as const,
        titleKey: 'calendar.rule.politiattest.title' as const,
        whyKey: 'calendar.rule.politiattest.why' as const,
        params: { label: attest.label, shownOnDate: attest.shownOn, years: POLITIATTEST_RENEWAL_YEARS },
        citation: { key: 'calendar.cite.politiattest' as const, url: URL_POLITIATTEST },
        taskId: 'politiattest' as const,
        inputs: [{ name: 'politiattester' as const, source: facts.politiattester.source }],
      },
    ];
  });
}

// ---------- dissolution (brief §4.3, §5.7) ----------

/** The first day on or after `today` by which an ordinary årsmøte can decide (the next årsmøte deadline). */
function nextAnnualMeetingDeadline(statutes: CalendarStatutes, today: IsoDate): IsoDate {
  const thisYear = annualMeetingDeadline(statutes, yearOf(today));
  return thisYear >= today ? thisYear : annualMeetingDeadline(statutes, yearOf(today) + 1);
}

/**
 * Phase 6: the årsmøte decides to dissolve; about three months later an extraordinary årsmøte decides on deletion
 * (unless the statutes need only one meeting); then the deletion is reported to the registers with the protocol.
 * Without a decision date the whole timeline is an estimate counted from the next ordinary årsmøte.
 */
export function dissolutionTimeline(input: RuleInput): Deadline[] {
  const { facts, statutes, today } = input;
  if (facts.phase.value !== 6 || facts.deleted.value) return [];
  const decided = facts.dissolutionDecidedOn.value;
  const kind = decided ? ('recommendation' as const) : ('estimate' as const);
  const decision = decided ?? nextAnnualMeetingDeadline(statutes, today);
  const citation = { key: 'calendar.cite.dissolution' as const, url: URL_DISSOLUTION };
  const base: Deadline['inputs'] = [
    { name: 'phase', source: facts.phase.source },
    { name: 'dissolutionDecidedOn', source: facts.dissolutionDecidedOn.source },
  ];
  const withMeeting: Deadline['inputs'] = [...base, { name: 'dissolutionSecondMeeting', source: statutes.source }];
  const out: Deadline[] = [];
  if (!decided) {
    out.push({
      id: 'opplosning-vedtak',
      rule: 'opplosning-vedtak',
      date: decision,
      kind: 'estimate',
      titleKey: 'calendar.rule.opplosningVedtak.title',
      whyKey: 'calendar.rule.opplosningVedtak.why',
      params: {},
      citation,
      taskId: 'vedta-opplosning',
      inputs: [...base, { name: 'annualMeeting', source: statutes.source }],
    });
  }
  let deletionMeeting = decision;
  if (statutes.dissolutionRequiresSecondMeeting) {
    deletionMeeting = addMonths(decision, DISSOLUTION_PERIOD_MONTHS);
    out.push({
      id: 'opplosning-ekstraordinaert',
      rule: 'opplosning-ekstraordinaert',
      date: deletionMeeting,
      kind,
      titleKey: 'calendar.rule.opplosningEkstraordinaert.title',
      whyKey: 'calendar.rule.opplosningEkstraordinaert.why',
      params: { months: DISSOLUTION_PERIOD_MONTHS, decisionDate: decision },
      citation,
      taskId: 'ekstraordinaert-arsmote-sletting',
      inputs: withMeeting,
    });
  }
  out.push({
    id: 'opplosning-sletting',
    rule: 'opplosning-sletting',
    date: addDays(deletionMeeting, REGISTER_UPDATE_RECOMMENDED_DAYS),
    kind,
    titleKey: 'calendar.rule.opplosningSletting.title',
    whyKey: 'calendar.rule.opplosningSletting.why',
    params: { days: REGISTER_UPDATE_RECOMMENDED_DAYS, meetingDate: deletionMeeting },
    citation,
    taskId: 'meld-sletting',
    inputs: withMeeting,
  });
  return out;
}

// ---------- all rules ----------

/** The yearly rules, in the order their deadlines are listed when they fall on the same day. */
export const YEARLY_RULES = [
  annualMeetingRule,
  accountsRule,
  registerUpdateRule,
  momskompensasjonRule,
  grasrotRule,
  politiattestRule,
] as const;

export function deadlinesForYear(input: RuleInput, year: number): Deadline[] {
  return YEARLY_RULES.flatMap((rule) => rule(input, year));
}

/**
 * Every deadline from `from` up to, not including, `to`, sorted by date. One-off timelines (dissolution) are
 * included where they fall in the range.
 */
export function deadlinesBetween(input: RuleInput, range: { from: IsoDate; to: IsoDate }): Deadline[] {
  const years: number[] = [];
  for (let y = yearOf(range.from); y <= yearOf(range.to); y += 1) years.push(y);
  const all = [...years.flatMap((y) => deadlinesForYear(input, y)), ...dissolutionTimeline(input)];
  const seen = new Set<string>();
  const order = new Map(all.map((d, i) => [d, i]));
  return all
    .filter((d) => d.date >= range.from && d.date < range.to)
    .filter((d) => {
      if (seen.has(d.id)) return false;
      seen.add(d.id);
      return true;
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : order.get(a)! - order.get(b)!));
}

/** The coming twelve months from today (the årshjul page). */
export function upcomingDeadlines(input: RuleInput, months = 12): Deadline[] {
  return deadlinesBetween(input, { from: input.today, to: addMonths(input.today, months) });
}

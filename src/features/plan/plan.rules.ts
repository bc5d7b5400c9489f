import type { PhaseSlug } from '../life-event-map/life-event-map.content.ts';
import { LOVNORM_DEFAULTS } from '../statutes/statutes.answers.ts';
import type { Fact, FactSource, OrganisationFacts } from './facts.ts';
import type { PlanMessageKey } from './plan.messages.ts';

/**
 * THE PLAN'S RULES — one readable list. Each task of the life-event map (canonical ids of the issue-4
 * contract) has one rule here that says, from the organisation's facts alone:
 *   applies(f)   whether the task applies to this organisation, and WHY (a message key + params);
 *   derive(f)    the status when the facts already tell it (a register, the statutes, the founding meeting,
 *                the registration package) — such a status cannot be changed by hand;
 *   blockedBy    tasks that must be started or done first ("cannot start yet" in the GOV.UK task list).
 * Nothing here reads the database or the clock; facts.ts gathers the facts, plan.ts applies the hand-set
 * statuses. Every rule has a table of cases in plan.rules.test.ts.
 *
 * Sources (domain brief): §2.1 FRR (free, needs Enhetsregisteret), §4.1 registration (statutes, founding
 * protocol, whole board), §4.2 register update after the årsmøte, §4.3/§5.7 dissolution, §5.1 momskompensasjon
 * (FRR by 1 September, umbrella bodies' earlier internal deadlines), §5.2 grasrotandel (FRR, bank account,
 * local/regional, ICNPO), §5.3 Innsamlingskontrollen, §5.4 årsmøte (lovnorm defaults), §5.5 accounts and audit,
 * §5.6 politiattest.
 */

export type TaskId =
  | 'finn-likesinnede'
  | 'vurder-registrering'
  | 'opprett-arbeidsrom'
  | 'lag-vedtekter'
  | 'hold-stiftelsesmote'
  | 'registrer-enhetsregisteret'
  | 'registrer-frivillighetsregisteret'
  | 'opprett-bankkonto'
  | 'meld-grasrotandel'
  | 'registrer-mva'
  | 'registrer-arbeidsgiver'
  | 'hold-arsmote'
  | 'oppdater-register-etter-arsmote'
  | 'sok-momskompensasjon'
  | 'bokforing-og-regnskap'
  | 'send-arsregnskap-regnskapsregisteret'
  | 'politiattest'
  | 'innsamlingskontrollen'
  | 'a-melding'
  | 'forsikring'
  | 'rekrutter-medlemmer'
  | 'medlemsregister'
  | 'rekrutter-frivillige'
  | 'endre-vedtekter'
  | 'bli-medlem-paraply'
  | 'sla-sammen'
  | 'vedta-opplosning'
  | 'avviklingsperiode'
  | 'ekstraordinaert-arsmote-sletting'
  | 'fordel-formue'
  | 'meld-sletting';

/** The GOV.UK task-list statuses. */
export const TASK_STATUSES = ['not-started', 'in-progress', 'done', 'cannot-start', 'not-relevant'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
/** What a board member may set by hand ("cannot start yet" only ever comes from the rules). */
export const MANUAL_STATUSES = ['not-started', 'in-progress', 'done', 'not-relevant'] as const;
export type ManualStatus = (typeof MANUAL_STATUSES)[number];

/**
 * A message with parameters. A parameter whose name ends in "Key" holds a message key that is translated
 * before it is put into the text (month names, majorities).
 */
export interface Why {
  key: PlanMessageKey;
  params?: Record<string, string | number>;
}

export interface Applicability {
  applies: boolean;
  why: Why;
}

export interface DerivedStatus {
  status: 'done' | 'in-progress';
  why: Why;
  source: FactSource;
}

export interface Blocker {
  task: TaskId;
  /** 'started' = in progress or done is enough (e.g. FRR goes in the same registermelding as Enhetsregisteret). */
  until: 'started' | 'done';
}

export interface TaskRule {
  id: TaskId;
  phase: PhaseSlug;
  applies(f: OrganisationFacts): Applicability;
  derive?(f: OrganisationFacts): DerivedStatus | null;
  blockedBy?: Blocker[];
}

// ---------- small helpers over facts ----------

const why = (key: PlanMessageKey, params?: Record<string, string | number>): Why => (params ? { key, params } : { key });
const yes = (f: Fact<boolean | null>) => f.value === true;
const no = (f: Fact<boolean | null>) => f.value === false;
const employees = (f: OrganisationFacts) => f.employees.value;
const hasEmployees = (f: OrganisationFacts) => (employees(f) ?? 0) > 0;
/** Regnskapsplikt for a forening: more than 20 full-time equivalents (or assets over NOK 20 million), brief §5.5. */
const accountingLiable = (f: OrganisationFacts) => (employees(f) ?? 0) > 20;
/** In Frivillighetsregisteret, or has not said no to it. */
const wantsOrInFrr = (f: OrganisationFacts) => f.inFrivillighetsregisteret.value || !no(f.wantsFrivillighetsregisteret);
const windingDown = (f: OrganisationFacts) =>
  f.dissolutionDecidedOn.value !== null || f.underAvvikling.value || f.deleted.value || f.phase.value === 6;
const statutesAdopted = (f: OrganisationFacts) => f.statutes.value?.adoptedAt != null;
const requiresSecondMeeting = (f: OrganisationFacts) =>
  f.statutes.value?.answers.dissolution.requiresSecondMeeting ?? LOVNORM_DEFAULTS.dissolution.requiresSecondMeeting;
/** ICNPO main group 2 (education and research, codes 2100–2400) alone does not qualify for grasrotandelen (brief §2.4). */
const onlyEducationCategories = (codes: string[]) => codes.length > 0 && codes.every((c) => /^2\d00$/.test(c));
const monthKey = (month: number) => `plan.month.${month}`;

const notRegisteredYet = why('plan.why.notRegisteredYet');

// ---------- the rules, in the order of the map ----------

export const PLAN_RULES: readonly TaskRule[] = [
  // ===== Phase 1: idea =====
  {
    id: 'finn-likesinnede',
    phase: 'ide',
    applies: (f) =>
      f.registered.value
        ? { applies: false, why: why('plan.why.alreadyRegistered') }
        : { applies: true, why: why('plan.why.finnLikesinnede') },
  },
  {
    id: 'vurder-registrering',
    phase: 'ide',
    applies: () => ({ applies: true, why: why('plan.why.vurderRegistrering') }),
    derive: (f) => (f.registered.value ? { status: 'done', why: why('plan.derived.registered'), source: f.registered.source } : null),
  },
  {
    id: 'opprett-arbeidsrom',
    phase: 'ide',
    applies: () => ({ applies: true, why: why('plan.why.opprettArbeidsrom') }),
    // The plan is read inside the workspace, so the workspace exists.
    derive: () => ({ status: 'done', why: why('plan.derived.workspaceExists'), source: 'workspace' }),
  },

  // ===== Phase 2: start =====
  {
    id: 'lag-vedtekter',
    phase: 'starte',
    applies: (f) => ({ applies: true, why: why(f.registered.value ? 'plan.why.lagVedtekter.registered' : 'plan.why.lagVedtekter') }),
    derive: (f) => {
      const s = f.statutes.value;
      if (!s) return null;
      return s.adoptedAt
        ? { status: 'done', why: why('plan.derived.statutesAdopted', { version: s.version }), source: 'statutes' }
        : { status: 'in-progress', why: why('plan.derived.statutesDraft', { version: s.version }), source: 'statutes' };
    },
  },
  {
    id: 'hold-stiftelsesmote',
    phase: 'starte',
    applies: (f) =>
      f.registered.value && !f.foundingMeeting.value
        ? { applies: false, why: why('plan.why.holdStiftelsesmote.registered') }
        : { applies: true, why: why('plan.why.holdStiftelsesmote') },
    derive: (f) => {
      const m = f.foundingMeeting.value;
      if (!m) return null;
      return m.finalisedAt
        ? { status: 'done', why: why('plan.derived.foundingFinalised', { date: m.heldOn ?? '' }), source: 'founding-meeting' }
        : { status: 'in-progress', why: why('plan.derived.foundingDraft'), source: 'founding-meeting' };
    },
    blockedBy: [{ task: 'lag-vedtekter', until: 'started' }],
  },
  {
    id: 'registrer-enhetsregisteret',
    phase: 'starte',
    applies: () => ({ applies: true, why: why('plan.why.registrerEnhetsregisteret') }),
    derive: (f) => {
      if (f.registered.value)
        return { status: 'done', why: why('plan.derived.hasOrgnr', { orgnr: f.orgnr.value ?? '' }), source: 'workspace' };
      const r = f.registration.value;
      if (!r) return null;
      const key = {
        draft: 'plan.derived.registration.draft',
        'awaiting-confirmation': 'plan.derived.registration.awaitingConfirmation',
        confirmed: 'plan.derived.registration.confirmed',
        submitted: 'plan.derived.registration.submitted',
        received: 'plan.derived.registration.received',
        rejected: 'plan.derived.registration.rejected',
      } as const satisfies Record<typeof r.status, PlanMessageKey>;
      return { status: 'in-progress', why: why(key[r.status]), source: 'registration' };
    },
    blockedBy: [
      { task: 'lag-vedtekter', until: 'done' },
      { task: 'hold-stiftelsesmote', until: 'done' },
    ],
  },
  {
    id: 'registrer-frivillighetsregisteret',
    phase: 'starte',
    applies: (f) => {
      if (f.inFrivillighetsregisteret.value) return { applies: true, why: why('plan.why.frr.registered') };
      if (no(f.wantsFrivillighetsregisteret)) return { applies: false, why: why('plan.why.frr.notWanted') };
      return { applies: true, why: why(yes(f.wantsFrivillighetsregisteret) ? 'plan.why.frr.wants' : 'plan.why.frr.unknown') };
    },
    derive: (f) =>
      f.inFrivillighetsregisteret.value
        ? { status: 'done', why: why('plan.derived.inFrr'), source: f.inFrivillighetsregisteret.source }
        : null,
    // Only with Enhetsregisteret (brief §4.1): the same Samordnet registermelding can do both.
    blockedBy: [{ task: 'registrer-enhetsregisteret', until: 'started' }],
  },
  {
    id: 'opprett-bankkonto',
    phase: 'starte',
    applies: () => ({ applies: true, why: why('plan.why.bankkonto') }),
    derive: (f) =>
      f.bankAccountInFrr.value ? { status: 'done', why: why('plan.derived.bankAccountInFrr'), source: 'frivillighetsregisteret' } : null,
    blockedBy: [{ task: 'registrer-enhetsregisteret', until: 'done' }],
  },
  {
    id: 'meld-grasrotandel',
    phase: 'starte',
    applies: (f) => {
      if (f.grasrotandel.value) return { applies: true, why: why('plan.why.grasrot.approved') };
      if (no(f.wantsGrasrotandel)) return { applies: false, why: why('plan.why.grasrot.notWanted') };
      if (!wantsOrInFrr(f)) return { applies: false, why: why('plan.why.grasrot.needsFrr') };
      if (onlyEducationCategories(f.icnpo.value)) return { applies: false, why: why('plan.why.grasrot.icnpoNotEligible') };
      if (yes(f.umbrellaMember) && yes(f.wantsGrasrotandel)) return { applies: true, why: why('plan.why.grasrot.wantsLocal') };
      return { applies: true, why: why(yes(f.wantsGrasrotandel) ? 'plan.why.grasrot.wants' : 'plan.why.grasrot.unknown') };
    },
    derive: (f) =>
      f.grasrotandel.value ? { status: 'done', why: why('plan.derived.grasrotApproved'), source: 'frivillighetsregisteret' } : null,
    blockedBy: [
      { task: 'registrer-frivillighetsregisteret', until: 'done' },
      { task: 'opprett-bankkonto', until: 'done' },
    ],
  },
  {
    id: 'registrer-mva',
    phase: 'starte',
    applies: (f) => {
      if (yes(f.vatRegistered)) return { applies: true, why: why('plan.why.mva.registered') };
      if (yes(f.sellsTaxableGoods)) return { applies: true, why: why('plan.why.mva.sells') };
      return { applies: false, why: why(no(f.sellsTaxableGoods) ? 'plan.why.mva.noSales' : 'plan.why.mva.unknown') };
    },
    derive: (f) =>
      yes(f.vatRegistered) ? { status: 'done', why: why('plan.derived.vatRegistered'), source: f.vatRegistered.source } : null,
    blockedBy: [{ task: 'registrer-enhetsregisteret', until: 'done' }],
  },
  {
    id: 'registrer-arbeidsgiver',
    phase: 'starte',
    applies: (f) =>
      hasEmployees(f)
        ? { applies: true, why: why('plan.why.employees', { n: employees(f) ?? 0 }) }
        : { applies: false, why: why(employees(f) === null ? 'plan.why.employeesUnknown' : 'plan.why.noEmployees') },
    // Enhetsregisteret's number of employees comes from the employer reports, so the employer is registered.
    derive: (f) =>
      f.employees.source === 'enhetsregisteret' && hasEmployees(f)
        ? { status: 'done', why: why('plan.derived.employeesInRegister', { n: employees(f) ?? 0 }), source: 'enhetsregisteret' }
        : null,
    blockedBy: [{ task: 'registrer-enhetsregisteret', until: 'done' }],
  },

  // ===== Phase 3: run =====
  {
    id: 'hold-arsmote',
    phase: 'drive',
    applies: (f) => {
      const meeting = f.statutes.value?.answers.annualMeeting ?? LOVNORM_DEFAULTS.annualMeeting;
      const params = { day: meeting.deadlineDay, monthKey: monthKey(meeting.deadlineMonth), noticeDays: meeting.noticeDays };
      return { applies: true, why: why(f.statutes.value ? 'plan.why.arsmote.statutes' : 'plan.why.arsmote.lovnorm', params) };
    },
    blockedBy: [{ task: 'hold-stiftelsesmote', until: 'done' }],
  },
  {
    id: 'oppdater-register-etter-arsmote',
    phase: 'drive',
    applies: (f) =>
      f.registered.value ? { applies: true, why: why('plan.why.oppdaterRegister') } : { applies: false, why: notRegisteredYet },
    blockedBy: [{ task: 'hold-arsmote', until: 'done' }],
  },
  {
    id: 'sok-momskompensasjon',
    phase: 'drive',
    applies: (f) => {
      if (!wantsOrInFrr(f)) return { applies: false, why: why('plan.why.moms.noFrr') };
      const d = f.umbrellaMomsDeadline.value;
      if (d) {
        return {
          applies: true,
          why: why('plan.why.moms.umbrella', { umbrella: f.umbrellaName.value ?? '', day: d.day, monthKey: monthKey(d.month) }),
        };
      }
      return { applies: true, why: why(yes(f.umbrellaMember) ? 'plan.why.moms.umbrellaNoDeadline' : 'plan.why.moms') };
    },
    blockedBy: [{ task: 'registrer-frivillighetsregisteret', until: 'done' }],
  },
  {
    id: 'bokforing-og-regnskap',
    phase: 'drive',
    applies: (f) => {
      const band = f.incomeBand.value;
      if (accountingLiable(f)) {
        return { applies: true, why: why(band === 'over-5m' ? 'plan.why.regnskap.revisjonsplikt' : 'plan.why.regnskap.regnskapsplikt') };
      }
      if (band === 'up-to-50k' && !yes(f.vatRegistered)) return { applies: true, why: why('plan.why.regnskap.exempt') };
      if (band === null) return { applies: true, why: why('plan.why.regnskap.unknown') };
      return { applies: true, why: why('plan.why.regnskap.bookkeeping') };
    },
  },
  {
    id: 'send-arsregnskap-regnskapsregisteret',
    phase: 'drive',
    applies: (f) => {
      if (yes(f.accountsReportingTakenOn)) return { applies: true, why: why('plan.why.arsregnskap.takenOn') };
      if (accountingLiable(f)) return { applies: true, why: why('plan.why.arsregnskap.regnskapsplikt') };
      return {
        applies: false,
        why: why(no(f.accountsReportingTakenOn) ? 'plan.why.arsregnskap.notTakenOn' : 'plan.why.arsregnskap.unknown'),
      };
    },
    blockedBy: [{ task: 'registrer-enhetsregisteret', until: 'done' }],
  },
  {
    id: 'politiattest',
    phase: 'drive',
    applies: (f) => {
      if (no(f.worksWithVulnerable)) return { applies: false, why: why('plan.why.politiattest.no') };
      if (!yes(f.worksWithVulnerable)) return { applies: true, why: why('plan.why.politiattest.unknown') };
      const last = f.politiattestLastChecked.value;
      return {
        applies: true,
        why: last ? why('plan.why.politiattest.lastChecked', { date: last }) : why('plan.why.politiattest.works'),
      };
    },
  },
  {
    id: 'innsamlingskontrollen',
    phase: 'drive',
    applies: (f) =>
      yes(f.fundraisingFromPublic)
        ? { applies: true, why: why('plan.why.innsamling.yes') }
        : { applies: false, why: why(no(f.fundraisingFromPublic) ? 'plan.why.innsamling.no' : 'plan.why.innsamling.unknown') },
  },
  {
    id: 'a-melding',
    phase: 'drive',
    applies: (f) =>
      hasEmployees(f)
        ? { applies: true, why: why('plan.why.aMelding', { n: employees(f) ?? 0 }) }
        : { applies: false, why: why(employees(f) === null ? 'plan.why.employeesUnknown' : 'plan.why.noEmployees') },
    blockedBy: [{ task: 'registrer-arbeidsgiver', until: 'done' }],
  },
  {
    id: 'forsikring',
    phase: 'drive',
    applies: (f) => ({ applies: true, why: why(hasEmployees(f) ? 'plan.why.forsikring.employees' : 'plan.why.forsikring') }),
  },

  // ===== Phase 4: recruit =====
  {
    id: 'rekrutter-medlemmer',
    phase: 'rekruttere',
    applies: (f) => {
      const n = f.memberCount.value;
      return { applies: true, why: n === null ? why('plan.why.medlemmer') : why('plan.why.medlemmer.count', { n }) };
    },
  },
  {
    id: 'medlemsregister',
    phase: 'rekruttere',
    applies: (f) => {
      const m = f.statutes.value?.answers.membership ?? LOVNORM_DEFAULTS.membership;
      return { applies: true, why: why('plan.why.medlemsregister', { months: m.votingMinimumMonths, age: m.votingMinimumAge }) };
    },
  },
  {
    id: 'rekrutter-frivillige',
    phase: 'rekruttere',
    applies: (f) => ({ applies: true, why: why(yes(f.worksWithVulnerable) ? 'plan.why.frivillige.politiattest' : 'plan.why.frivillige') }),
  },

  // ===== Phase 5: develop =====
  {
    id: 'endre-vedtekter',
    phase: 'utvikle',
    applies: (f) => {
      if (!statutesAdopted(f) && !f.registered.value) return { applies: false, why: why('plan.why.endreVedtekter.noStatutes') };
      const majority = f.statutes.value?.answers.amendmentMajority ?? LOVNORM_DEFAULTS.amendmentMajority;
      return { applies: true, why: why('plan.why.endreVedtekter', { majorityKey: `plan.majority.${majority}` }) };
    },
  },
  {
    id: 'bli-medlem-paraply',
    phase: 'utvikle',
    applies: () => ({ applies: true, why: why('plan.why.paraply') }),
    derive: (f) =>
      yes(f.umbrellaMember)
        ? {
            status: 'done',
            why: why(f.umbrellaName.value ? 'plan.derived.umbrellaNamed' : 'plan.derived.umbrella', { name: f.umbrellaName.value ?? '' }),
            source: 'declared',
          }
        : null,
  },
  {
    id: 'sla-sammen',
    phase: 'utvikle',
    applies: (f) => (f.registered.value ? { applies: true, why: why('plan.why.slaSammen') } : { applies: false, why: notRegisteredYet }),
  },

  // ===== Phase 6: wind down (only once the organisation is winding down) =====
  {
    id: 'vedta-opplosning',
    phase: 'avvikle',
    applies: (f) =>
      windingDown(f) ? { applies: true, why: why('plan.why.opplosning') } : { applies: false, why: why('plan.why.notWindingDown') },
    derive: (f) => {
      const on = f.dissolutionDecidedOn.value;
      if (on) return { status: 'done', why: why('plan.derived.dissolutionDecided', { date: on }), source: 'declared' };
      if (f.underAvvikling.value) return { status: 'done', why: why('plan.derived.underAvvikling'), source: 'enhetsregisteret' };
      return null;
    },
  },
  {
    id: 'avviklingsperiode',
    phase: 'avvikle',
    applies: (f) => {
      if (!windingDown(f)) return { applies: false, why: why('plan.why.notWindingDown') };
      return requiresSecondMeeting(f)
        ? { applies: true, why: why('plan.why.avviklingsperiode') }
        : { applies: false, why: why('plan.why.avvikling.oneMeeting') };
    },
    blockedBy: [{ task: 'vedta-opplosning', until: 'done' }],
  },
  {
    id: 'ekstraordinaert-arsmote-sletting',
    phase: 'avvikle',
    applies: (f) => {
      if (!windingDown(f)) return { applies: false, why: why('plan.why.notWindingDown') };
      return requiresSecondMeeting(f)
        ? { applies: true, why: why('plan.why.ekstraordinaertArsmote') }
        : { applies: false, why: why('plan.why.avvikling.oneMeeting') };
    },
    blockedBy: [{ task: 'avviklingsperiode', until: 'done' }],
  },
  {
    id: 'fordel-formue',
    phase: 'avvikle',
    applies: (f) => {
      if (!windingDown(f)) return { applies: false, why: why('plan.why.notWindingDown') };
      const to = f.statutes.value?.answers.dissolution.assetsTo;
      return { applies: true, why: to ? why('plan.why.fordelFormue.statutes', { assetsTo: to }) : why('plan.why.fordelFormue') };
    },
    blockedBy: [{ task: 'vedta-opplosning', until: 'done' }],
  },
  {
    id: 'meld-sletting',
    phase: 'avvikle',
    applies: (f) => {
      if (!windingDown(f)) return { applies: false, why: why('plan.why.notWindingDown') };
      return f.registered.value
        ? { applies: true, why: why('plan.why.meldSletting') }
        : { applies: false, why: why('plan.why.meldSletting.notRegistered') };
    },
    derive: (f) => (f.deleted.value ? { status: 'done', why: why('plan.derived.deleted'), source: 'enhetsregisteret' } : null),
    blockedBy: [
      { task: 'ekstraordinaert-arsmote-sletting', until: 'done' },
      { task: 'fordel-formue', until: 'done' },
    ],
  },
];

export const RULES_BY_ID: ReadonlyMap<TaskId, TaskRule> = new Map(PLAN_RULES.map((r) => [r.id, r]));

// ---------- evaluation ----------

export interface EvaluatedTask {
  id: TaskId;
  phase: PhaseSlug;
  applies: boolean;
  /** Why the task applies — or why it does not. */
  why: Why;
  status: TaskStatus;
  /** Where the status came from: the facts (cannot be changed by hand), the board, or nobody yet. */
  statusSource: 'rules' | 'manual' | 'default';
  /** For a status the rules derived: the fact behind it and where that fact came from. */
  derived: { why: Why; source: FactSource } | null;
  /** The tasks that keep this one from starting (only when status is 'cannot-start'). */
  blockedBy: TaskId[];
  /** Whether a board member may set the status by hand. */
  editable: boolean;
}

/**
 * Applies the rules to the facts and the board's hand-set statuses. Order of precedence: a task that does
 * not apply is "not relevant"; a status the facts tell wins; then the board's own status ("not started"
 * by hand still shows "cannot start yet" while a blocker is open); then "cannot start yet"; else "not started".
 */
export function evaluatePlan(facts: OrganisationFacts, manual: ReadonlyMap<string, ManualStatus> = new Map()): EvaluatedTask[] {
  const memo = new Map<TaskId, EvaluatedTask>();
  const visiting = new Set<TaskId>();

  const evaluate = (rule: TaskRule): EvaluatedTask => {
    const done = memo.get(rule.id);
    if (done) return done;
    if (visiting.has(rule.id)) throw new Error(`plan rules: blockedBy cycle through ${rule.id}`);
    visiting.add(rule.id);
    const base = { id: rule.id, phase: rule.phase, blockedBy: [] as TaskId[] };
    const applicability = rule.applies(facts);
    let result: EvaluatedTask;
    if (!applicability.applies) {
      result = {
        ...base,
        applies: false,
        why: applicability.why,
        status: 'not-relevant',
        statusSource: 'rules',
        derived: null,
        editable: false,
      };
    } else {
      const derived = rule.derive?.(facts) ?? null;
      const own = manual.get(rule.id);
      if (derived) {
        result = {
          ...base,
          applies: true,
          why: applicability.why,
          status: derived.status,
          statusSource: 'rules',
          derived: { why: derived.why, source: derived.source },
          editable: false,
        };
      } else if (own && own !== 'not-started') {
        result = { ...base, applies: true, why: applicability.why, status: own, statusSource: 'manual', derived: null, editable: true };
      } else {
        const open = (rule.blockedBy ?? []).filter((b) => {
          const blocker = RULES_BY_ID.get(b.task);
          if (!blocker) return false;
          const e = evaluate(blocker);
          if (!e.applies || e.status === 'not-relevant') return false;
          return b.until === 'done' ? e.status !== 'done' : e.status !== 'done' && e.status !== 'in-progress';
        });
        result = {
          ...base,
          applies: true,
          why: applicability.why,
          status: open.length > 0 ? 'cannot-start' : 'not-started',
          statusSource: own ? 'manual' : 'default',
          derived: null,
          blockedBy: open.map((b) => b.task),
          editable: true,
        };
      }
    }
    visiting.delete(rule.id);
    memo.set(rule.id, result);
    return result;
  };

  return PLAN_RULES.map(evaluate);
}

import { describe, expect, it } from 'vitest';
import { ALL_CANONICAL_TASK_IDS, CANONICAL_TASK_IDS, PHASE_SLUGS } from '../life-event-map/life-event-map.content.ts';
import {
  declared,
  deletedInRegister,
  employeesInRegister,
  factsWith,
  foundingMeeting,
  ideaGroup,
  inFrr,
  registered,
  registration,
  statutes,
  underAvvikling,
  vatInRegister,
} from './facts.fixtures.ts';
import type { FactSource, OrganisationFacts } from './facts.ts';
import type { PlanMessageKey } from './plan.messages.ts';
import { evaluatePlan, type ManualStatus, PLAN_RULES, RULES_BY_ID, type TaskId, type TaskStatus } from './plan.rules.ts';

/**
 * One table per rule: for each fact set, whether the task applies, why (message key and, where it matters,
 * params), its status, what blocks it and where a derived status came from. Blocked/status cases run the
 * whole plan, because a blocker's status comes from its own rule.
 */
interface Case {
  name: string;
  facts: OrganisationFacts;
  manual?: Record<string, ManualStatus>;
  applies: boolean;
  why: PlanMessageKey;
  params?: Record<string, string | number>;
  status: TaskStatus;
  blockedBy?: TaskId[];
  derivedFrom?: FactSource;
}

const registeredFounded = () => factsWith(registered);
const frrWanted = declared({ wantsFrivillighetsregisteret: true });

const TABLE: Record<TaskId, Case[]> = {
  'finn-likesinnede': [
    { name: 'idea group', facts: ideaGroup(), applies: true, why: 'plan.why.finnLikesinnede', status: 'not-started' },
    {
      name: 'set in progress by hand',
      facts: ideaGroup(),
      manual: { 'finn-likesinnede': 'in-progress' },
      applies: true,
      why: 'plan.why.finnLikesinnede',
      status: 'in-progress',
    },
    {
      name: 'registered organisation',
      facts: registeredFounded(),
      applies: false,
      why: 'plan.why.alreadyRegistered',
      status: 'not-relevant',
    },
  ],
  'vurder-registrering': [
    { name: 'idea group', facts: ideaGroup(), applies: true, why: 'plan.why.vurderRegistrering', status: 'not-started' },
    {
      name: 'registered: done from the workspace',
      facts: registeredFounded(),
      applies: true,
      why: 'plan.why.vurderRegistrering',
      status: 'done',
      derivedFrom: 'workspace',
    },
    {
      name: 'registered: a hand-set status does not override',
      facts: registeredFounded(),
      manual: { 'vurder-registrering': 'not-relevant' },
      applies: true,
      why: 'plan.why.vurderRegistrering',
      status: 'done',
      derivedFrom: 'workspace',
    },
  ],
  'opprett-arbeidsrom': [
    { name: 'idea group', facts: ideaGroup(), applies: true, why: 'plan.why.opprettArbeidsrom', status: 'done', derivedFrom: 'workspace' },
    {
      name: 'registered',
      facts: registeredFounded(),
      applies: true,
      why: 'plan.why.opprettArbeidsrom',
      status: 'done',
      derivedFrom: 'workspace',
    },
  ],
  'lag-vedtekter': [
    { name: 'idea group without statutes', facts: ideaGroup(), applies: true, why: 'plan.why.lagVedtekter', status: 'not-started' },
    {
      name: 'statutes drafted',
      facts: factsWith(statutes({ adopted: false })),
      applies: true,
      why: 'plan.why.lagVedtekter',
      status: 'in-progress',
      derivedFrom: 'statutes',
    },
    {
      name: 'statutes adopted',
      facts: factsWith(statutes({ adopted: true, version: 2 })),
      applies: true,
      why: 'plan.why.lagVedtekter',
      status: 'done',
      derivedFrom: 'statutes',
    },
    {
      name: 'registered without statutes here: done by hand',
      facts: registeredFounded(),
      manual: { 'lag-vedtekter': 'done' },
      applies: true,
      why: 'plan.why.lagVedtekter.registered',
      status: 'done',
    },
  ],
  'hold-stiftelsesmote': [
    {
      name: 'idea group, no statutes yet',
      facts: ideaGroup(),
      applies: true,
      why: 'plan.why.holdStiftelsesmote',
      status: 'cannot-start',
      blockedBy: ['lag-vedtekter'],
    },
    {
      name: 'statutes being drafted',
      facts: factsWith(statutes({ adopted: false })),
      applies: true,
      why: 'plan.why.holdStiftelsesmote',
      status: 'not-started',
    },
    {
      name: 'meeting being prepared',
      facts: factsWith(statutes({ adopted: false }), foundingMeeting({ finalised: false })),
      applies: true,
      why: 'plan.why.holdStiftelsesmote',
      status: 'in-progress',
      derivedFrom: 'founding-meeting',
    },
    {
      name: 'protocol finalised',
      facts: factsWith(statutes({ adopted: true }), foundingMeeting({ finalised: true })),
      applies: true,
      why: 'plan.why.holdStiftelsesmote',
      status: 'done',
      derivedFrom: 'founding-meeting',
    },
    {
      name: 'registered long ago',
      facts: registeredFounded(),
      applies: false,
      why: 'plan.why.holdStiftelsesmote.registered',
      status: 'not-relevant',
    },
  ],
  'registrer-enhetsregisteret': [
    {
      name: 'nothing done yet',
      facts: ideaGroup(),
      applies: true,
      why: 'plan.why.registrerEnhetsregisteret',
      status: 'cannot-start',
      blockedBy: ['lag-vedtekter', 'hold-stiftelsesmote'],
    },
    {
      name: 'statutes adopted, founding meeting finalised',
      facts: factsWith(statutes({ adopted: true }), foundingMeeting({ finalised: true })),
      applies: true,
      why: 'plan.why.registrerEnhetsregisteret',
      status: 'not-started',
    },
    {
      name: 'package sent to Brønnøysund',
      facts: factsWith(statutes({ adopted: true }), foundingMeeting({ finalised: true }), registration('submitted')),
      applies: true,
      why: 'plan.why.registrerEnhetsregisteret',
      status: 'in-progress',
      derivedFrom: 'registration',
    },
    {
      name: 'has an orgnr',
      facts: registeredFounded(),
      applies: true,
      why: 'plan.why.registrerEnhetsregisteret',
      status: 'done',
      derivedFrom: 'workspace',
    },
  ],
  'registrer-frivillighetsregisteret': [
    {
      name: 'not answered, not registered',
      facts: ideaGroup(),
      applies: true,
      why: 'plan.why.frr.unknown',
      status: 'cannot-start',
      blockedBy: ['registrer-enhetsregisteret'],
    },
    {
      name: 'wants FRR; registration package started (same registermelding)',
      facts: factsWith(frrWanted, statutes({ adopted: true }), foundingMeeting({ finalised: true }), registration('draft')),
      applies: true,
      why: 'plan.why.frr.wants',
      status: 'not-started',
    },
    {
      name: 'registered, wants FRR',
      facts: factsWith(registered, frrWanted),
      applies: true,
      why: 'plan.why.frr.wants',
      status: 'not-started',
    },
    {
      name: 'does not want FRR',
      facts: factsWith(registered, declared({ wantsFrivillighetsregisteret: false })),
      applies: false,
      why: 'plan.why.frr.notWanted',
      status: 'not-relevant',
    },
    {
      name: 'the FRR mirror has it (even if the board said no)',
      facts: factsWith(registered, declared({ wantsFrivillighetsregisteret: false }), inFrr()),
      applies: true,
      why: 'plan.why.frr.registered',
      status: 'done',
      derivedFrom: 'frivillighetsregisteret',
    },
  ],
  'opprett-bankkonto': [
    {
      name: 'not registered',
      facts: ideaGroup(),
      applies: true,
      why: 'plan.why.bankkonto',
      status: 'cannot-start',
      blockedBy: ['registrer-enhetsregisteret'],
    },
    { name: 'registered', facts: registeredFounded(), applies: true, why: 'plan.why.bankkonto', status: 'not-started' },
    {
      name: 'registered, done by hand',
      facts: registeredFounded(),
      manual: { 'opprett-bankkonto': 'done' },
      applies: true,
      why: 'plan.why.bankkonto',
      status: 'done',
    },
    {
      name: 'FRR has an account number',
      facts: factsWith(registered, inFrr({ bankAccount: true })),
      applies: true,
      why: 'plan.why.bankkonto',
      status: 'done',
      derivedFrom: 'frivillighetsregisteret',
    },
  ],
  'meld-grasrotandel': [
    {
      name: 'not answered; FRR and bank not done',
      facts: registeredFounded(),
      applies: true,
      why: 'plan.why.grasrot.unknown',
      status: 'cannot-start',
      blockedBy: ['registrer-frivillighetsregisteret', 'opprett-bankkonto'],
    },
    {
      name: 'wants it; in FRR but bank account not done',
      facts: factsWith(registered, inFrr(), declared({ wantsGrasrotandel: true })),
      applies: true,
      why: 'plan.why.grasrot.wants',
      status: 'cannot-start',
      blockedBy: ['opprett-bankkonto'],
    },
    {
      name: 'wants it; in FRR with an account',
      facts: factsWith(registered, inFrr({ bankAccount: true }), declared({ wantsGrasrotandel: true })),
      applies: true,
      why: 'plan.why.grasrot.wants',
      status: 'not-started',
    },
    {
      name: 'local branch of an umbrella body wants it',
      facts: factsWith(registered, inFrr({ bankAccount: true }), declared({ wantsGrasrotandel: true, umbrellaMember: true })),
      applies: true,
      why: 'plan.why.grasrot.wantsLocal',
      status: 'not-started',
    },
    {
      name: 'does not want it',
      facts: factsWith(registered, declared({ wantsGrasrotandel: false })),
      applies: false,
      why: 'plan.why.grasrot.notWanted',
      status: 'not-relevant',
    },
    {
      name: 'does not want FRR',
      facts: factsWith(registered, declared({ wantsFrivillighetsregisteret: false })),
      applies: false,
      why: 'plan.why.grasrot.needsFrr',
      status: 'not-relevant',
    },
    {
      name: 'only education categories',
      facts: factsWith(registered, inFrr({ icnpo: ['2100', '2300'] })),
      applies: false,
      why: 'plan.why.grasrot.icnpoNotEligible',
      status: 'not-relevant',
    },
    {
      name: 'approved receiver',
      facts: factsWith(registered, inFrr({ grasrot: true, bankAccount: true })),
      applies: true,
      why: 'plan.why.grasrot.approved',
      status: 'done',
      derivedFrom: 'frivillighetsregisteret',
    },
  ],
  'registrer-mva': [
    { name: 'not answered', facts: registeredFounded(), applies: false, why: 'plan.why.mva.unknown', status: 'not-relevant' },
    {
      name: 'no sales',
      facts: factsWith(registered, declared({ sellsTaxableGoods: false })),
      applies: false,
      why: 'plan.why.mva.noSales',
      status: 'not-relevant',
    },
    {
      name: 'sells, registered org',
      facts: factsWith(registered, declared({ sellsTaxableGoods: true })),
      applies: true,
      why: 'plan.why.mva.sells',
      status: 'not-started',
    },
    {
      name: 'sells, not registered yet',
      facts: factsWith(declared({ sellsTaxableGoods: true })),
      applies: true,
      why: 'plan.why.mva.sells',
      status: 'cannot-start',
      blockedBy: ['registrer-enhetsregisteret'],
    },
    {
      name: 'in Merverdiavgiftsregisteret',
      facts: factsWith(registered, vatInRegister),
      applies: true,
      why: 'plan.why.mva.registered',
      status: 'done',
      derivedFrom: 'enhetsregisteret',
    },
  ],
  'registrer-arbeidsgiver': [
    { name: 'employees not known', facts: registeredFounded(), applies: false, why: 'plan.why.employeesUnknown', status: 'not-relevant' },
    {
      name: 'no employees',
      facts: factsWith(registered, declared({ employees: 0 })),
      applies: false,
      why: 'plan.why.noEmployees',
      status: 'not-relevant',
    },
    {
      name: 'declares two employees',
      facts: factsWith(registered, declared({ employees: 2 })),
      applies: true,
      why: 'plan.why.employees',
      params: { n: 2 },
      status: 'not-started',
    },
    {
      name: 'Enhetsregisteret shows employees',
      facts: factsWith(registered, employeesInRegister(3)),
      applies: true,
      why: 'plan.why.employees',
      params: { n: 3 },
      status: 'done',
      derivedFrom: 'enhetsregisteret',
    },
  ],
  'hold-arsmote': [
    {
      name: 'not founded yet; lovnorm deadline',
      facts: ideaGroup(),
      applies: true,
      why: 'plan.why.arsmote.lovnorm',
      params: { day: 31, monthKey: 'plan.month.3', noticeDays: 30 },
      status: 'cannot-start',
      blockedBy: ['hold-stiftelsesmote'],
    },
    {
      name: "the statutes' own deadline",
      facts: factsWith(
        registered,
        statutes({
          adopted: true,
          answers: { annualMeeting: { deadlineMonth: 6, deadlineDay: 1, noticeDays: 21, proposalsDays: 14, papersDays: 7 } },
        }),
      ),
      applies: true,
      why: 'plan.why.arsmote.statutes',
      params: { day: 1, monthKey: 'plan.month.6', noticeDays: 21 },
      status: 'not-started',
    },
    {
      name: 'done by hand',
      facts: registeredFounded(),
      manual: { 'hold-arsmote': 'done' },
      applies: true,
      why: 'plan.why.arsmote.lovnorm',
      status: 'done',
    },
  ],
  'oppdater-register-etter-arsmote': [
    { name: 'not registered', facts: ideaGroup(), applies: false, why: 'plan.why.notRegisteredYet', status: 'not-relevant' },
    {
      name: 'årsmøte not held',
      facts: registeredFounded(),
      applies: true,
      why: 'plan.why.oppdaterRegister',
      status: 'cannot-start',
      blockedBy: ['hold-arsmote'],
    },
    {
      name: 'årsmøte held',
      facts: registeredFounded(),
      manual: { 'hold-arsmote': 'done' },
      applies: true,
      why: 'plan.why.oppdaterRegister',
      status: 'not-started',
    },
  ],
  'sok-momskompensasjon': [
    {
      name: 'not in FRR',
      facts: registeredFounded(),
      applies: true,
      why: 'plan.why.moms',
      status: 'cannot-start',
      blockedBy: ['registrer-frivillighetsregisteret'],
    },
    { name: 'in FRR', facts: factsWith(registered, inFrr()), applies: true, why: 'plan.why.moms', status: 'not-started' },
    {
      name: 'umbrella with an internal deadline',
      facts: factsWith(
        registered,
        inFrr(),
        declared({ umbrellaMember: true, umbrellaName: 'Norges Korforbund', umbrellaMomsDeadline: { month: 6, day: 15 } }),
      ),
      applies: true,
      why: 'plan.why.moms.umbrella',
      params: { umbrella: 'Norges Korforbund', day: 15, monthKey: 'plan.month.6' },
      status: 'not-started',
    },
    {
      name: 'umbrella without a deadline',
      facts: factsWith(registered, inFrr(), declared({ umbrellaMember: true })),
      applies: true,
      why: 'plan.why.moms.umbrellaNoDeadline',
      status: 'not-started',
    },
    {
      name: 'does not want FRR',
      facts: factsWith(registered, declared({ wantsFrivillighetsregisteret: false })),
      applies: false,
      why: 'plan.why.moms.noFrr',
      status: 'not-relevant',
    },
  ],
  'bokforing-og-regnskap': [
    { name: 'income not answered', facts: registeredFounded(), applies: true, why: 'plan.why.regnskap.unknown', status: 'not-started' },
    {
      name: 'small, no VAT',
      facts: factsWith(registered, declared({ incomeBand: 'up-to-50k' })),
      applies: true,
      why: 'plan.why.regnskap.exempt',
      status: 'not-started',
    },
    {
      name: 'small but VAT-registered',
      facts: factsWith(registered, vatInRegister, declared({ incomeBand: 'up-to-50k' })),
      applies: true,
      why: 'plan.why.regnskap.bookkeeping',
      status: 'not-started',
    },
    {
      name: 'mid-sized',
      facts: factsWith(registered, declared({ incomeBand: '50k-to-3m' })),
      applies: true,
      why: 'plan.why.regnskap.bookkeeping',
      status: 'not-started',
    },
    {
      name: 'more than 20 employees',
      facts: factsWith(registered, employeesInRegister(25), declared({ incomeBand: '3m-to-5m' })),
      applies: true,
      why: 'plan.why.regnskap.regnskapsplikt',
      status: 'not-started',
    },
    {
      name: 'more than 20 employees and 5 million',
      facts: factsWith(registered, employeesInRegister(25), declared({ incomeBand: 'over-5m' })),
      applies: true,
      why: 'plan.why.regnskap.revisjonsplikt',
      status: 'not-started',
    },
  ],
  'send-arsregnskap-regnskapsregisteret': [
    { name: 'not answered', facts: registeredFounded(), applies: false, why: 'plan.why.arsregnskap.unknown', status: 'not-relevant' },
    {
      name: 'declared no',
      facts: factsWith(registered, declared({ accountsReportingTakenOn: false })),
      applies: false,
      why: 'plan.why.arsregnskap.notTakenOn',
      status: 'not-relevant',
    },
    {
      name: 'FRR says taken on',
      facts: factsWith(registered, inFrr({ accountsReporting: true })),
      applies: true,
      why: 'plan.why.arsregnskap.takenOn',
      status: 'not-started',
    },
    {
      name: 'declared, not registered yet',
      facts: factsWith(declared({ accountsReportingTakenOn: true })),
      applies: true,
      why: 'plan.why.arsregnskap.takenOn',
      status: 'cannot-start',
      blockedBy: ['registrer-enhetsregisteret'],
    },
    {
      name: 'accounting-liable by size',
      facts: factsWith(registered, employeesInRegister(30)),
      applies: true,
      why: 'plan.why.arsregnskap.regnskapsplikt',
      status: 'not-started',
    },
  ],
  politiattest: [
    { name: 'not answered', facts: registeredFounded(), applies: true, why: 'plan.why.politiattest.unknown', status: 'not-started' },
    {
      name: 'works with children',
      facts: factsWith(registered, declared({ worksWithVulnerable: true })),
      applies: true,
      why: 'plan.why.politiattest.works',
      status: 'not-started',
    },
    {
      name: 'works with children, last checked',
      facts: factsWith(registered, declared({ worksWithVulnerable: true, politiattestLastChecked: '2025-09-01' })),
      applies: true,
      why: 'plan.why.politiattest.lastChecked',
      params: { date: '2025-09-01' },
      status: 'not-started',
    },
    {
      name: 'does not',
      facts: factsWith(registered, declared({ worksWithVulnerable: false })),
      applies: false,
      why: 'plan.why.politiattest.no',
      status: 'not-relevant',
    },
  ],
  innsamlingskontrollen: [
    { name: 'not answered', facts: registeredFounded(), applies: false, why: 'plan.why.innsamling.unknown', status: 'not-relevant' },
    {
      name: 'no fundraising',
      facts: factsWith(registered, declared({ fundraisingFromPublic: false })),
      applies: false,
      why: 'plan.why.innsamling.no',
      status: 'not-relevant',
    },
    {
      name: 'raises money from the public',
      facts: factsWith(registered, declared({ fundraisingFromPublic: true })),
      applies: true,
      why: 'plan.why.innsamling.yes',
      status: 'not-started',
    },
  ],
  'a-melding': [
    {
      name: 'no employees',
      facts: factsWith(registered, declared({ employees: 0 })),
      applies: false,
      why: 'plan.why.noEmployees',
      status: 'not-relevant',
    },
    {
      name: 'declared employees, employer not registered',
      facts: factsWith(registered, declared({ employees: 1 })),
      applies: true,
      why: 'plan.why.aMelding',
      params: { n: 1 },
      status: 'cannot-start',
      blockedBy: ['registrer-arbeidsgiver'],
    },
    {
      name: 'employees in the register',
      facts: factsWith(registered, employeesInRegister(4)),
      applies: true,
      why: 'plan.why.aMelding',
      params: { n: 4 },
      status: 'not-started',
    },
  ],
  forsikring: [
    { name: 'no employees', facts: registeredFounded(), applies: true, why: 'plan.why.forsikring', status: 'not-started' },
    {
      name: 'with employees',
      facts: factsWith(registered, employeesInRegister(2)),
      applies: true,
      why: 'plan.why.forsikring.employees',
      status: 'not-started',
    },
    {
      name: 'not relevant by hand',
      facts: registeredFounded(),
      manual: { forsikring: 'not-relevant' },
      applies: true,
      why: 'plan.why.forsikring',
      status: 'not-relevant',
    },
  ],
  'rekrutter-medlemmer': [
    { name: 'count unknown', facts: ideaGroup(), applies: true, why: 'plan.why.medlemmer', status: 'not-started' },
    {
      name: 'count known',
      facts: factsWith(declared({ memberCount: 42 })),
      applies: true,
      why: 'plan.why.medlemmer.count',
      params: { n: 42 },
      status: 'not-started',
    },
  ],
  medlemsregister: [
    {
      name: 'lovnorm voting rules',
      facts: ideaGroup(),
      applies: true,
      why: 'plan.why.medlemsregister',
      params: { months: 1, age: 15 },
      status: 'not-started',
    },
    {
      name: "the statutes' voting rules",
      facts: factsWith(
        statutes({
          adopted: true,
          answers: { membership: { openTo: 'Alle', votingMinimumAge: 16, votingMinimumMonths: 3, feeRequiredToVote: true } },
        }),
      ),
      applies: true,
      why: 'plan.why.medlemsregister',
      params: { months: 3, age: 16 },
      status: 'not-started',
    },
  ],
  'rekrutter-frivillige': [
    { name: 'no children', facts: ideaGroup(), applies: true, why: 'plan.why.frivillige', status: 'not-started' },
    {
      name: 'works with children',
      facts: factsWith(declared({ worksWithVulnerable: true })),
      applies: true,
      why: 'plan.why.frivillige.politiattest',
      status: 'not-started',
    },
  ],
  'endre-vedtekter': [
    {
      name: 'no statutes, not registered',
      facts: ideaGroup(),
      applies: false,
      why: 'plan.why.endreVedtekter.noStatutes',
      status: 'not-relevant',
    },
    {
      name: 'adopted statutes with 3/4 for amendments',
      facts: factsWith(statutes({ adopted: true, answers: { amendmentMajority: 'three-quarters' } })),
      applies: true,
      why: 'plan.why.endreVedtekter',
      params: { majorityKey: 'plan.majority.three-quarters' },
      status: 'not-started',
    },
    {
      name: 'registered, lovnorm',
      facts: registeredFounded(),
      applies: true,
      why: 'plan.why.endreVedtekter',
      params: { majorityKey: 'plan.majority.two-thirds' },
      status: 'not-started',
    },
  ],
  'bli-medlem-paraply': [
    { name: 'not answered', facts: ideaGroup(), applies: true, why: 'plan.why.paraply', status: 'not-started' },
    {
      name: 'member of an umbrella body',
      facts: factsWith(declared({ umbrellaMember: true, umbrellaName: 'Norges Korforbund' })),
      applies: true,
      why: 'plan.why.paraply',
      status: 'done',
      derivedFrom: 'declared',
    },
    {
      name: 'not a member, not relevant by hand',
      facts: factsWith(declared({ umbrellaMember: false })),
      manual: { 'bli-medlem-paraply': 'not-relevant' },
      applies: true,
      why: 'plan.why.paraply',
      status: 'not-relevant',
    },
  ],
  'sla-sammen': [
    { name: 'not registered', facts: ideaGroup(), applies: false, why: 'plan.why.notRegisteredYet', status: 'not-relevant' },
    { name: 'registered', facts: registeredFounded(), applies: true, why: 'plan.why.slaSammen', status: 'not-started' },
  ],
  'vedta-opplosning': [
    { name: 'running normally', facts: registeredFounded(), applies: false, why: 'plan.why.notWindingDown', status: 'not-relevant' },
    {
      name: 'workspace in phase 6',
      facts: factsWith(registered, (x) => ({ ...x, phase: { value: 6, source: 'workspace' } })),
      applies: true,
      why: 'plan.why.opplosning',
      status: 'not-started',
    },
    {
      name: 'årsmøte decided',
      facts: factsWith(registered, declared({ dissolutionDecidedOn: '2026-03-20' })),
      applies: true,
      why: 'plan.why.opplosning',
      status: 'done',
      derivedFrom: 'declared',
    },
    {
      name: 'register says under avvikling',
      facts: factsWith(registered, underAvvikling),
      applies: true,
      why: 'plan.why.opplosning',
      status: 'done',
      derivedFrom: 'enhetsregisteret',
    },
  ],
  avviklingsperiode: [
    { name: 'running normally', facts: registeredFounded(), applies: false, why: 'plan.why.notWindingDown', status: 'not-relevant' },
    {
      name: 'decided, two meetings (lovnorm)',
      facts: factsWith(registered, declared({ dissolutionDecidedOn: '2026-03-20' })),
      applies: true,
      why: 'plan.why.avviklingsperiode',
      status: 'not-started',
    },
    {
      name: 'phase 6, dissolution not decided yet',
      facts: factsWith(registered, (x) => ({ ...x, phase: { value: 6, source: 'workspace' } })),
      applies: true,
      why: 'plan.why.avviklingsperiode',
      status: 'cannot-start',
      blockedBy: ['vedta-opplosning'],
    },
    {
      name: 'statutes need only one meeting',
      facts: factsWith(
        registered,
        statutes({
          adopted: true,
          answers: { dissolution: { majority: 'two-thirds', requiresSecondMeeting: false, assetsTo: 'Bygdetunet' } },
        }),
        declared({ dissolutionDecidedOn: '2026-03-20' }),
      ),
      applies: false,
      why: 'plan.why.avvikling.oneMeeting',
      status: 'not-relevant',
    },
  ],
  'ekstraordinaert-arsmote-sletting': [
    { name: 'running normally', facts: registeredFounded(), applies: false, why: 'plan.why.notWindingDown', status: 'not-relevant' },
    {
      name: 'winding-down period not over',
      facts: factsWith(registered, declared({ dissolutionDecidedOn: '2026-03-20' })),
      applies: true,
      why: 'plan.why.ekstraordinaertArsmote',
      status: 'cannot-start',
      blockedBy: ['avviklingsperiode'],
    },
    {
      name: 'winding-down period done',
      facts: factsWith(registered, declared({ dissolutionDecidedOn: '2026-03-20' })),
      manual: { avviklingsperiode: 'done' },
      applies: true,
      why: 'plan.why.ekstraordinaertArsmote',
      status: 'not-started',
    },
  ],
  'fordel-formue': [
    { name: 'running normally', facts: registeredFounded(), applies: false, why: 'plan.why.notWindingDown', status: 'not-relevant' },
    {
      name: 'decided, no statutes here',
      facts: factsWith(registered, declared({ dissolutionDecidedOn: '2026-03-20' })),
      applies: true,
      why: 'plan.why.fordelFormue',
      status: 'not-started',
    },
    {
      name: 'decided, statutes name the recipient',
      facts: factsWith(registered, statutes({ adopted: true }), declared({ dissolutionDecidedOn: '2026-03-20' })),
      applies: true,
      why: 'plan.why.fordelFormue.statutes',
      params: { assetsTo: 'Bygdetunet' },
      status: 'not-started',
    },
  ],
  'meld-sletting': [
    { name: 'running normally', facts: registeredFounded(), applies: false, why: 'plan.why.notWindingDown', status: 'not-relevant' },
    {
      name: 'unregistered group winding down',
      facts: factsWith((x) => ({ ...x, phase: { value: 6, source: 'workspace' } })),
      applies: false,
      why: 'plan.why.meldSletting.notRegistered',
      status: 'not-relevant',
    },
    {
      name: 'decided; second meeting and assets outstanding',
      facts: factsWith(registered, declared({ dissolutionDecidedOn: '2026-03-20' })),
      applies: true,
      why: 'plan.why.meldSletting',
      status: 'cannot-start',
      blockedBy: ['ekstraordinaert-arsmote-sletting', 'fordel-formue'],
    },
    {
      name: 'second meeting held, assets distributed',
      facts: factsWith(registered, declared({ dissolutionDecidedOn: '2026-03-20' })),
      manual: { avviklingsperiode: 'done', 'ekstraordinaert-arsmote-sletting': 'done', 'fordel-formue': 'done' },
      applies: true,
      why: 'plan.why.meldSletting',
      status: 'not-started',
    },
    {
      name: 'deleted in the register',
      facts: factsWith(registered, declared({ dissolutionDecidedOn: '2026-03-20' }), deletedInRegister),
      applies: true,
      why: 'plan.why.meldSletting',
      status: 'done',
      derivedFrom: 'enhetsregisteret',
    },
  ],
};

describe('plan rules cover the life-event map', () => {
  it('has exactly one rule per canonical task id, in its phase', () => {
    expect(PLAN_RULES.map((r) => r.id).sort()).toEqual([...ALL_CANONICAL_TASK_IDS].sort());
    for (const slug of PHASE_SLUGS) {
      expect(PLAN_RULES.filter((r) => r.phase === slug).map((r) => r.id)).toEqual([...CANONICAL_TASK_IDS[slug]]);
    }
  });

  it('every rule has a table of at least two cases, and every blocker is a known task', () => {
    for (const rule of PLAN_RULES) {
      expect(TABLE[rule.id]?.length ?? 0, rule.id).toBeGreaterThanOrEqual(2);
      for (const b of rule.blockedBy ?? []) expect(RULES_BY_ID.has(b.task), `${rule.id} → ${b.task}`).toBe(true);
    }
  });

  it('evaluates every task for every case without a blocker cycle', () => {
    for (const cases of Object.values(TABLE)) for (const c of cases) expect(evaluatePlan(c.facts).length).toBe(PLAN_RULES.length);
  });
});

for (const rule of PLAN_RULES) {
  describe(`rule ${rule.id}`, () => {
    it.each(TABLE[rule.id].map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const applicability = rule.applies(c.facts);
      expect(applicability.applies).toBe(c.applies);
      expect(applicability.why.key).toBe(c.why);
      if (c.params) expect(applicability.why.params).toEqual(c.params);

      const task = evaluatePlan(c.facts, new Map(Object.entries(c.manual ?? {})))!.find((t) => t.id === rule.id)!;
      expect(task.applies).toBe(c.applies);
      expect(task.status).toBe(c.status);
      expect(task.blockedBy).toEqual(c.blockedBy ?? []);
      expect(task.derived?.source ?? null).toBe(c.derivedFrom ?? null);
      // A status the facts tell (or a task that does not apply) cannot be set by hand.
      expect(task.editable).toBe(c.applies && !c.derivedFrom);
    });
  });
}

describe('the plan changes when the facts change', () => {
  it('FRR registration in the register unblocks momskompensasjon and, with a bank account, grasrotandel', () => {
    const before = factsWith(registered, declared({ wantsFrivillighetsregisteret: true, wantsGrasrotandel: true }));
    const after = factsWith(
      registered,
      declared({ wantsFrivillighetsregisteret: true, wantsGrasrotandel: true }),
      inFrr({ bankAccount: true }),
    );
    const status = (facts: OrganisationFacts) => Object.fromEntries(evaluatePlan(facts).map((t) => [t.id, t.status]));
    expect(status(before)).toMatchObject({
      'registrer-frivillighetsregisteret': 'not-started',
      'sok-momskompensasjon': 'cannot-start',
      'meld-grasrotandel': 'cannot-start',
    });
    expect(status(after)).toMatchObject({
      'registrer-frivillighetsregisteret': 'done',
      'opprett-bankkonto': 'done',
      'sok-momskompensasjon': 'not-started',
      'meld-grasrotandel': 'not-started',
    });
  });

  it('a hand-set "not started" still shows "cannot start yet" while a blocker is open', () => {
    const task = evaluatePlan(ideaGroup(), new Map([['hold-arsmote', 'not-started' as const]])).find((t) => t.id === 'hold-arsmote')!;
    expect(task).toMatchObject({ status: 'cannot-start', statusSource: 'manual', blockedBy: ['hold-stiftelsesmote'] });
  });
});

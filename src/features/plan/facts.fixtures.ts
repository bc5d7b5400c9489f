import { LOVNORM_DEFAULTS, type StatutesAnswers } from '../statutes/statutes.answers.ts';
import type { Fact, FactSource, OrganisationFacts } from './facts.ts';

/**
 * Fact sets for the rule tables (plan.rules.test.ts) and other pure tests: a base — a group with an idea,
 * no orgnr, nothing answered — and small modifiers that say in words what is different.
 */

const f = <T>(value: T, source: FactSource = 'default'): Fact<T> => ({ value, source });

export function ideaGroup(): OrganisationFacts {
  return {
    organisationId: '00000000-0000-4000-8000-000000000001',
    name: f('Bygdelaget', 'workspace'),
    orgnr: f(null, 'workspace'),
    phase: f(1, 'workspace'),
    kommunenummer: f(null, 'workspace'),
    registered: f(false, 'workspace'),
    inRegisterMirror: false,
    organisasjonsform: f(null),
    foundedOn: f(null),
    deleted: f(false),
    underAvvikling: f(false),
    memberCount: f(null),
    employees: f(null),
    vatRegistered: f(null),
    sellsTaxableGoods: f(null),
    fundraisingFromPublic: f(null),
    worksWithVulnerable: f(null),
    incomeBand: f(null),
    inFrivillighetsregisteret: f(false),
    wantsFrivillighetsregisteret: f(null),
    grasrotandel: f(false),
    wantsGrasrotandel: f(null),
    icnpo: f([]),
    bankAccountInFrr: f(false),
    accountsReportingTakenOn: f(null),
    umbrellaMember: f(null),
    umbrellaName: f(null),
    umbrellaMomsDeadline: f(null),
    politiattester: f([]),
    politiattestLastChecked: f(null),
    dissolutionDecidedOn: f(null),
    statutes: f(null),
    foundingMeeting: f(null),
    registration: f(null),
    declaredAt: null,
  };
}

type Modifier = (facts: OrganisationFacts) => OrganisationFacts;

/** Applies modifiers in order to the idea-group base. */
export function factsWith(...modifiers: Modifier[]): OrganisationFacts {
  return modifiers.reduce((acc, m) => m(acc), ideaGroup());
}

/** Registered in Enhetsregisteret and present in the mirror. */
export const registered: Modifier = (x) => ({
  ...x,
  orgnr: f('910000004', 'workspace'),
  registered: f(true, 'workspace'),
  inRegisterMirror: true,
  phase: f(3, 'workspace'),
  vatRegistered: x.vatRegistered.value === true ? x.vatRegistered : f(false, 'enhetsregisteret'),
  foundedOn: f('2019-05-01', 'enhetsregisteret'),
});

/** The board's answers on the facts form. */
export const declared =
  (answers: Partial<Record<DeclarableKey, unknown>>): Modifier =>
  (x) => {
    const out = { ...x } as Record<string, unknown>;
    for (const [k, v] of Object.entries(answers)) out[k] = f(v, 'declared');
    return out as unknown as OrganisationFacts;
  };
type DeclarableKey =
  | 'memberCount'
  | 'employees'
  | 'vatRegistered'
  | 'sellsTaxableGoods'
  | 'fundraisingFromPublic'
  | 'worksWithVulnerable'
  | 'incomeBand'
  | 'wantsFrivillighetsregisteret'
  | 'wantsGrasrotandel'
  | 'accountsReportingTakenOn'
  | 'umbrellaMember'
  | 'umbrellaName'
  | 'umbrellaMomsDeadline'
  | 'politiattestLastChecked'
  | 'dissolutionDecidedOn';

export const employeesInRegister =
  (n: number): Modifier =>
  (x) => ({ ...x, employees: f(n, 'enhetsregisteret') });

export const vatInRegister: Modifier = (x) => ({ ...x, vatRegistered: f(true, 'enhetsregisteret') });

/** In Frivillighetsregisteret, optionally grasrot receiver, with a bank account, with ICNPO codes. */
export const inFrr =
  (opts: { grasrot?: boolean; bankAccount?: boolean; icnpo?: string[]; accountsReporting?: boolean } = {}): Modifier =>
  (x) => ({
    ...x,
    inFrivillighetsregisteret: f(true, 'frivillighetsregisteret'),
    grasrotandel: f(opts.grasrot ?? false, 'frivillighetsregisteret'),
    bankAccountInFrr: f(opts.bankAccount ?? false, 'frivillighetsregisteret'),
    icnpo: f(opts.icnpo ?? ['1200'], 'frivillighetsregisteret'),
    ...(opts.accountsReporting !== undefined ? { accountsReportingTakenOn: f(opts.accountsReporting, 'frivillighetsregisteret') } : {}),
  });

export const statutesAnswers = (over: Partial<StatutesAnswers> = {}): StatutesAnswers => ({
  name: 'Bygdelaget',
  kommunenummer: '3403',
  purpose: 'Å ta vare på bygda og samle folk til dugnad og fest.',
  ...LOVNORM_DEFAULTS,
  membership: { ...LOVNORM_DEFAULTS.membership, openTo: 'Alle som bor i bygda' },
  dissolution: { ...LOVNORM_DEFAULTS.dissolution, assetsTo: 'Bygdetunet' },
  ...over,
});

export const statutes =
  (opts: { adopted: boolean; version?: number; answers?: Partial<StatutesAnswers> }): Modifier =>
  (x) => ({
    ...x,
    statutes: f(
      {
        version: opts.version ?? 1,
        answers: statutesAnswers(opts.answers),
        adoptedAt: opts.adopted ? new Date('2026-02-01T12:00:00Z') : null,
      },
      'statutes',
    ),
  });

export const foundingMeeting =
  (opts: { finalised: boolean; heldOn?: string }): Modifier =>
  (x) => ({
    ...x,
    foundingMeeting: f(
      { heldOn: opts.heldOn ?? '2026-02-01', finalisedAt: opts.finalised ? new Date('2026-02-01T20:00:00Z') : null },
      'founding-meeting',
    ),
  });

export const registration =
  (status: NonNullable<OrganisationFacts['registration']['value']>['status']): Modifier =>
  (x) => ({ ...x, registration: f({ status }, 'registration') });

export const underAvvikling: Modifier = (x) => ({ ...x, underAvvikling: f(true, 'enhetsregisteret') });
export const deletedInRegister: Modifier = (x) => ({ ...x, deleted: f(true, 'enhetsregisteret') });

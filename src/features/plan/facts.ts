import type { Db } from '../../core/db/client.ts';
import type { INCOME_BANDS } from '../../core/db/schema.ts';
import { AppError } from '../../core/errors.ts';
import type { StatutesAnswers } from '../statutes/statutes.answers.ts';
import { readLinkedParts } from './linked-parts.ts';
import {
  type DeclaredFactsRow,
  findDeclaredFacts,
  findOrganisationRow,
  findRegisterFrivillig,
  findRegisterUnit,
  listPolitiattestChecks,
} from './plan.queries.ts';

/**
 * Everything the plan's rules (plan.rules.ts) and the årshjul read about one organisation, merged from:
 * the workspace (organisations table), the board's declared facts (the facts form), the register mirror by
 * orgnr (Enhetsregisteret, Frivillighetsregisteret), the adopted statutes, the founding meeting and the
 * registration package. Each fact says where it came from.
 *
 * Merge rule, the same for every fact: a register is the state's record, so when the register mirror has
 * the organisation and knows the value, the register wins; otherwise the board's declared answer; otherwise
 * a default (null = "not known"). One exception: Merverdiavgiftsregisteret — see `vatRegistered` below.
 */

export type FactSource =
  | 'enhetsregisteret'
  | 'frivillighetsregisteret'
  | 'workspace'
  | 'statutes'
  | 'founding-meeting'
  | 'registration'
  | 'declared'
  | 'default';

export interface Fact<T> {
  value: T;
  source: FactSource;
}

/** YYYY-MM-DD. */
export type IsoDate = string;
export type IncomeBand = (typeof INCOME_BANDS)[number];

export interface PolitiattestCheck {
  id: string;
  person: string;
  role: string;
  shownOn: IsoDate;
}

export type RegistrationStatus = 'draft' | 'awaiting-confirmation' | 'confirmed' | 'submitted' | 'received' | 'rejected';

export interface OrganisationFacts {
  organisationId: string;
  name: Fact<string>;
  orgnr: Fact<string | null>;
  /** Life-event phase 1 idea … 6 wind down, as the workspace records it. */
  phase: Fact<number>;
  kommunenummer: Fact<string | null>;
  /** Registered in Enhetsregisteret: the workspace has an organisasjonsnummer. */
  registered: Fact<boolean>;
  /** The register mirror has a unit for the orgnr (false also while the organisation has none). */
  inRegisterMirror: boolean;
  organisasjonsform: Fact<string | null>;
  /** Stiftelsesdato from Enhetsregisteret, else the date of the finalised founding meeting. */
  foundedOn: Fact<IsoDate | null>;
  /** Deleted from Enhetsregisteret (slettedato). */
  deleted: Fact<boolean>;
  underAvvikling: Fact<boolean>;

  memberCount: Fact<number | null>;
  employees: Fact<number | null>;
  vatRegistered: Fact<boolean | null>;
  sellsTaxableGoods: Fact<boolean | null>;
  fundraisingFromPublic: Fact<boolean | null>;
  /** Works with minors or people with intellectual disabilities (politiattest, brief §5.6). */
  worksWithVulnerable: Fact<boolean | null>;
  incomeBand: Fact<IncomeBand | null>;

  inFrivillighetsregisteret: Fact<boolean>;
  wantsFrivillighetsregisteret: Fact<boolean | null>;
  /** Approved grasrot receiver in Frivillighetsregisteret. */
  grasrotandel: Fact<boolean>;
  wantsGrasrotandel: Fact<boolean | null>;
  /** ICNPO codes in Frivillighetsregisteret, ranked (rekkefoelge 1 first). */
  icnpo: Fact<string[]>;
  /** Frivillighetsregisteret has a bank account (kontonummer) for the organisation. */
  bankAccountInFrr: Fact<boolean>;
  /** FRR harPaatattSegRapporteringsplikt: has taken on filing annual accounts with Regnskapsregisteret. */
  accountsReportingTakenOn: Fact<boolean | null>;

  umbrellaMember: Fact<boolean | null>;
  umbrellaName: Fact<string | null>;
  /** The umbrella body's internal momskompensasjon deadline, the same day every year. */
  umbrellaMomsDeadline: Fact<{ month: number; day: number } | null>;

  politiattester: Fact<PolitiattestCheck[]>;
  /** The newest of the declared "last checked" date and the newest politiattest shown. */
  politiattestLastChecked: Fact<IsoDate | null>;

  dissolutionDecidedOn: Fact<IsoDate | null>;

  statutes: Fact<{ version: number; answers: StatutesAnswers; adoptedAt: Date | null } | null>;
  foundingMeeting: Fact<{ heldOn: IsoDate | null; finalisedAt: Date | null } | null>;
  registration: Fact<{ status: RegistrationStatus; mottakId?: string; receivedAt?: Date } | null>;

  /** When the board last saved the facts form; null if never. */
  declaredAt: Date | null;
}

const fact = <T>(value: T, source: FactSource): Fact<T> => ({ value, source });

/** A declared answer, or "not known". */
function declared<K extends keyof DeclaredFactsRow>(row: DeclaredFactsRow | null, key: K): Fact<DeclaredFactsRow[K] | null> {
  const value = row ? row[key] : null;
  return value === null || value === undefined ? fact(null, 'default') : fact(value, 'declared');
}

function recordField(data: unknown, ...path: string[]): unknown {
  let cur: unknown = data;
  for (const key of path) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** The organisation's facts. No access check: callers (readPlan, the facts page, the årshjul) have checked the role. */
export async function readOrganisationFacts(db: Db, organisationId: string): Promise<OrganisationFacts> {
  const org = await findOrganisationRow(db, organisationId);
  if (!org) throw new AppError('not_found', 'error.notFound.body');
  const [own, unit, frivillig, checks, linked] = await Promise.all([
    findDeclaredFacts(db, organisationId),
    org.orgnr ? findRegisterUnit(db, org.orgnr) : null,
    org.orgnr ? findRegisterFrivillig(db, org.orgnr) : null,
    listPolitiattestChecks(db, organisationId),
    readLinkedParts(db, organisationId),
  ]);

  // Frivillighetsregisteret: a row not marked deleted, or Enhetsregisteret's flag while the FRR walk has not seen it yet.
  const frrRow = frivillig && !frivillig.slettetDato ? frivillig : null;
  const inFrr: Fact<boolean> = frrRow
    ? fact(true, 'frivillighetsregisteret')
    : unit?.registrertIFrivillighetsregisteret
      ? fact(true, 'enhetsregisteret')
      : frivillig
        ? fact(false, 'frivillighetsregisteret')
        : fact(false, unit ? 'enhetsregisteret' : 'default');

  const frrAccounts = frrRow ? recordField(frrRow.data, 'regnskapsrapportering', 'harPaatattSegRapporteringsplikt') : undefined;
  const frrAccount = frrRow ? recordField(frrRow.data, 'kontonummer') : undefined;

  const founding = linked.foundingMeeting;
  const foundedOn: Fact<IsoDate | null> = unit?.stiftelsesdato
    ? fact(unit.stiftelsesdato, 'enhetsregisteret')
    : founding?.finalisedAt && founding.heldOn
      ? fact(founding.heldOn, 'founding-meeting')
      : fact(null, 'default');

  const declaredLast = declared(own, 'politiattestLastChecked');
  const newestShown = checks.reduce<string | null>((max, c) => (max === null || c.shownOn > max ? c.shownOn : max), null);
  const politiattestLastChecked: Fact<IsoDate | null> =
    newestShown && (!declaredLast.value || newestShown > declaredLast.value) ? fact(newestShown, 'declared') : declaredLast;

  const declaredVat = declared(own, 'vatRegistered');

  return {
    organisationId,
    name: fact(org.name, 'workspace'),
    orgnr: fact(org.orgnr, 'workspace'),
    phase: fact(org.phase, 'workspace'),
    kommunenummer: unit?.kommunenummer ? fact(unit.kommunenummer, 'enhetsregisteret') : fact(org.kommunenummer, 'workspace'),
    registered: fact(org.orgnr !== null, 'workspace'),
    inRegisterMirror: unit !== null,
    organisasjonsform: unit ? fact(unit.organisasjonsform, 'enhetsregisteret') : fact(null, 'default'),
    foundedOn,
    deleted: unit ? fact(unit.slettedato !== null, 'enhetsregisteret') : fact(false, 'default'),
    underAvvikling: unit ? fact(unit.underAvvikling, 'enhetsregisteret') : fact(false, 'default'),

    memberCount: declared(own, 'memberCount'),
    employees:
      unit?.antallAnsatte !== null && unit?.antallAnsatte !== undefined
        ? fact(unit.antallAnsatte, 'enhetsregisteret')
        : declared(own, 'employees'),
    // Merverdiavgiftsregisteret: the register's "yes" wins; its "no" gives way to a board that says it has just
    // registered (the mirror can lag the registration by a day), so a fresh registration is not asked for again.
    vatRegistered: unit?.registrertIMvaregisteret
      ? fact(true, 'enhetsregisteret')
      : declaredVat.value === true
        ? declaredVat
        : unit
          ? fact(false, 'enhetsregisteret')
          : declaredVat,
    sellsTaxableGoods: declared(own, 'sellsTaxableGoods'),
    fundraisingFromPublic: declared(own, 'fundraisingFromPublic'),
    worksWithVulnerable: declared(own, 'worksWithVulnerable'),
    incomeBand: declared(own, 'incomeBand'),

    inFrivillighetsregisteret: inFrr,
    wantsFrivillighetsregisteret: declared(own, 'wantsFrivillighetsregisteret'),
    grasrotandel: frrRow ? fact(frrRow.grasrotandel, 'frivillighetsregisteret') : fact(false, 'default'),
    wantsGrasrotandel: declared(own, 'wantsGrasrotandel'),
    icnpo: frrRow
      ? fact(
          [frrRow.icnpo1, frrRow.icnpo2, frrRow.icnpo3].filter((c): c is string => !!c),
          'frivillighetsregisteret',
        )
      : fact([], 'default'),
    bankAccountInFrr: frrRow
      ? fact(typeof frrAccount === 'string' && frrAccount.trim() !== '', 'frivillighetsregisteret')
      : fact(false, 'default'),
    accountsReportingTakenOn:
      typeof frrAccounts === 'boolean' ? fact(frrAccounts, 'frivillighetsregisteret') : declared(own, 'accountsReportingTakenOn'),

    umbrellaMember: declared(own, 'umbrellaMember'),
    umbrellaName: declared(own, 'umbrellaName'),
    umbrellaMomsDeadline:
      own?.umbrellaMember && own.umbrellaMomsDeadlineMonth !== null && own.umbrellaMomsDeadlineDay !== null
        ? fact({ month: own.umbrellaMomsDeadlineMonth, day: own.umbrellaMomsDeadlineDay }, 'declared')
        : fact(null, 'default'),

    politiattester: checks.length > 0 ? fact(checks, 'declared') : fact([], 'default'),
    politiattestLastChecked,

    dissolutionDecidedOn: declared(own, 'dissolutionDecidedOn'),

    statutes: linked.statutes ? fact(linked.statutes, 'statutes') : fact(null, 'default'),
    foundingMeeting: founding ? fact(founding, 'founding-meeting') : fact(null, 'default'),
    registration: linked.registration ? fact(linked.registration, 'registration') : fact(null, 'default'),

    declaredAt: own?.updatedAt ?? null,
  };
}

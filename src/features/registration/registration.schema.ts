import { z } from 'zod';
import { isValidKommunenummer } from '../../core/validators/kommunenummer.ts';
import { isValidKontonummer, normaliseKontonummer } from '../../core/validators/kontonummer.ts';
import { isValidOrgnr, normaliseOrgnr } from '../../core/validators/orgnr.ts';
import { parsePersonnummer } from '../../core/validators/personnummer.ts';

/**
 * The registration package for Samordnet registermelding (brief §4.1: Enhetsregisteret and, optionally,
 * Frivillighetsregisteret in one notice). One zod schema per question page parses the form, names the errors
 * (message keys) and is the shape stored in `registration_packages.data` (never a fødselsnummer: those live
 * encrypted in `registration_persons`).
 *
 * Field names follow the registers' own words where the brief gives them (§2.2, §2.5 `bvrfriv`):
 * kontonummer, icnpoKategori 1–3, grasrotandel.deltarI and its self-declarations,
 * rapporteringspliktRegnskap.harPaatattSegRapporteringsplikt, vedtekter.frivilligRegistrerteVedtekter,
 * registreringsrett, maalformForTilbakemelding (nob|nno).
 */

// ---------- small building blocks ----------

const yesNo = (message: string) => z.enum(['yes', 'no'], { message }).transform((v) => v === 'yes');
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, { message })
    .optional()
    .transform((v) => (v ? v : undefined));
const requiredText = (max: number, required: string, tooLong: string) =>
  z.string({ message: required }).trim().min(1, { message: required }).max(max, { message: tooLong });

/** ISO date from an <input type="date"> (yyyy-mm-dd), a real calendar day. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export const postnummerSchema = z
  .string({ message: 'reg.error.postnummer' })
  .trim()
  .regex(/^\d{4}$/, { message: 'reg.error.postnummer' });

// ---------- 1. the organisation ----------

export const organisationSectionSchema = z.object({
  name: requiredText(175, 'reg.error.nameRequired', 'reg.error.nameTooLong'),
  foundedOn: z.string({ message: 'reg.error.foundedOn' }).trim().refine(isIsoDate, { message: 'reg.error.foundedOn' }),
  purpose: requiredText(2000, 'reg.error.purposeRequired', 'reg.error.textTooLong'),
  activity: requiredText(2000, 'reg.error.activityRequired', 'reg.error.textTooLong'),
});
export type OrganisationSection = z.infer<typeof organisationSectionSchema>;

// ---------- 2. addresses ----------

export const addressSectionSchema = z
  .object({
    businessAddress: requiredText(200, 'reg.error.addressRequired', 'reg.error.textTooLong'),
    businessPostnummer: postnummerSchema,
    businessPoststed: requiredText(100, 'reg.error.poststedRequired', 'reg.error.textTooLong'),
    kommunenummer: z.string({ message: 'reg.error.kommune' }).trim().refine(isValidKommunenummer, { message: 'reg.error.kommune' }),
    postalSame: yesNo('reg.error.postalSameRequired'),
    postalAddress: optionalText(200, 'reg.error.textTooLong'),
    postalPostnummer: z.string().trim().optional(),
    postalPoststed: optionalText(100, 'reg.error.textTooLong'),
  })
  .superRefine((v, ctx) => {
    if (v.postalSame) return;
    if (!v.postalAddress) ctx.addIssue({ code: 'custom', path: ['postalAddress'], message: 'reg.error.addressRequired' });
    if (!/^\d{4}$/.test(v.postalPostnummer ?? ''))
      ctx.addIssue({ code: 'custom', path: ['postalPostnummer'], message: 'reg.error.postnummer' });
    if (!v.postalPoststed) ctx.addIssue({ code: 'custom', path: ['postalPoststed'], message: 'reg.error.poststedRequired' });
  })
  .transform((v) => ({
    business: {
      address: v.businessAddress,
      postnummer: v.businessPostnummer,
      poststed: v.businessPoststed,
      kommunenummer: v.kommunenummer,
    },
    postal: v.postalSame
      ? null
      : { address: v.postalAddress ?? '', postnummer: v.postalPostnummer ?? '', poststed: v.postalPoststed ?? '' },
  }));
export type AddressSection = z.infer<typeof addressSectionSchema>;

// ---------- 3. people: board members and the contact person ----------

export const BOARD_ROLES = ['leader', 'deputy_leader', 'board_member', 'treasurer', 'deputy'] as const;
export type BoardRole = (typeof BOARD_ROLES)[number];

/** Enhetsregisteret's role codes (brief §1.6, data/rolletyper.json): a treasurer is an ordinary board member there. */
export const ROLE_CODE: Record<BoardRole, 'LEDE' | 'NEST' | 'MEDL' | 'VARA'> = {
  leader: 'LEDE',
  deputy_leader: 'NEST',
  board_member: 'MEDL',
  treasurer: 'MEDL',
  deputy: 'VARA',
};

/**
 * A fødselsnummer or D-nummer with both MOD11 check digits and a real birth date (core/validators). Skatteetaten's
 * synthetic test numbers (month + 80) are accepted only where the caller says so (the test environment).
 */
export function personnummerField(opts: { required: boolean; allowSynthetic: boolean }) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      const value = (v ?? '').replace(/[\s.-]/g, '');
      if (value === '') {
        if (opts.required) ctx.addIssue({ code: 'custom', message: 'reg.error.fnrRequired' });
        return undefined;
      }
      if (!/^\d{11}$/.test(value)) {
        ctx.addIssue({ code: 'custom', message: 'reg.error.fnrFormat' });
        return z.NEVER;
      }
      if (!parsePersonnummer(value, { allowSynthetic: opts.allowSynthetic })) {
        ctx.addIssue({ code: 'custom', message: 'reg.error.fnrInvalid' });
        return z.NEVER;
      }
      return value;
    });
}

const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(z.email({ message: 'reg.error.email' }).optional());

/**
 * One board member. `fnr` may be left empty when editing a member whose number is already stored (it is
 * never sent back to the browser); the package is not complete until every member has one.
 */
export function boardPersonSchema(opts: { allowSynthetic: boolean }) {
  return z.object({
    personId: z.uuid().optional().catch(undefined),
    name: requiredText(200, 'reg.error.personNameRequired', 'reg.error.textTooLong'),
    boardRole: z.enum(BOARD_ROLES, { message: 'reg.error.boardRoleRequired' }),
    fnr: personnummerField({ required: false, allowSynthetic: opts.allowSynthetic }),
    userId: z
      .string()
      .optional()
      .transform((v) => (v && v !== 'none' ? v : undefined))
      .pipe(z.uuid({ message: 'reg.error.memberInvalid' }).optional()),
    email: emailField,
  });
}
export type BoardPersonInput = z.infer<ReturnType<typeof boardPersonSchema>>;

export const removePersonSchema = z.object({ personId: z.uuid({ message: 'reg.error.personMissing' }) });

export const CONTACT_KINDS = ['kontaktperson', 'daglig-leder'] as const;

/** Contact person (KONT) or daglig leder (DAGL): one of the board, or another person with their own number. */
export function contactPersonSchema(opts: { allowSynthetic: boolean }) {
  return z
    .object({
      contactKind: z.enum(CONTACT_KINDS, { message: 'reg.error.contactKindRequired' }),
      contactPerson: z.string({ message: 'reg.error.contactPersonRequired' }).min(1, { message: 'reg.error.contactPersonRequired' }),
      otherName: optionalText(200, 'reg.error.textTooLong'),
      otherFnr: personnummerField({ required: false, allowSynthetic: opts.allowSynthetic }),
    })
    .superRefine((v, ctx) => {
      if (v.contactPerson === 'other') {
        if (!v.otherName) ctx.addIssue({ code: 'custom', path: ['otherName'], message: 'reg.error.personNameRequired' });
      } else if (!z.uuid().safeParse(v.contactPerson).success) {
        ctx.addIssue({ code: 'custom', path: ['contactPerson'], message: 'reg.error.contactPersonRequired' });
      }
    });
}
export type ContactPersonInput = z.infer<ReturnType<typeof contactPersonSchema>>;

// ---------- 4. contact details and målform ----------

export const contactDetailsSchema = z.object({
  email: z
    .string({ message: 'reg.error.email' })
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: 'reg.error.email' })),
  phone: z
    .string({ message: 'reg.error.phone' })
    .trim()
    .transform((v) => v.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^(\+47)?[2-9]\d{7}$/, { message: 'reg.error.phone' })),
  /** maalformForTilbakemelding (brief §2.5): the language Brønnøysundregistrene answers in. */
  maalform: z.enum(['nob', 'nno'], { message: 'reg.error.maalform' }),
});
export type ContactDetails = z.infer<typeof contactDetailsSchema>;

// ---------- 5. optional roles: revisor, regnskapsfører, signatur, prokura ----------

export const SIGNATURE_RULES = ['leader-alone', 'leader-and-one-board-member', 'two-board-members', 'board-jointly'] as const;

export const rolesSectionSchema = z
  .object({
    revisor: yesNo('reg.error.yesNoRequired'),
    revisorOrgnr: z.string().optional(),
    revisorName: optionalText(200, 'reg.error.textTooLong'),
    regnskapsforer: yesNo('reg.error.yesNoRequired'),
    regnskapsforerOrgnr: z.string().optional(),
    regnskapsforerName: optionalText(200, 'reg.error.textTooLong'),
    signature: z.enum(SIGNATURE_RULES, { message: 'reg.error.signatureRequired' }),
    prokura: yesNo('reg.error.yesNoRequired'),
    prokuraText: optionalText(500, 'reg.error.textTooLong'),
  })
  .superRefine((v, ctx) => {
    for (const firm of ['revisor', 'regnskapsforer'] as const) {
      if (!v[firm]) continue;
      const orgnr = normaliseOrgnr(v[`${firm}Orgnr`] ?? '');
      if (!orgnr) ctx.addIssue({ code: 'custom', path: [`${firm}Orgnr`], message: 'reg.error.orgnrRequired' });
      else if (!isValidOrgnr(orgnr)) ctx.addIssue({ code: 'custom', path: [`${firm}Orgnr`], message: 'reg.error.orgnrInvalid' });
      if (!v[`${firm}Name`]) ctx.addIssue({ code: 'custom', path: [`${firm}Name`], message: 'reg.error.firmNameRequired' });
    }
    if (v.prokura && !v.prokuraText) ctx.addIssue({ code: 'custom', path: ['prokuraText'], message: 'reg.error.prokuraTextRequired' });
  })
  .transform((v) => ({
    revisor: v.revisor ? { orgnr: normaliseOrgnr(v.revisorOrgnr ?? ''), name: v.revisorName ?? '' } : null,
    regnskapsforer: v.regnskapsforer ? { orgnr: normaliseOrgnr(v.regnskapsforerOrgnr ?? ''), name: v.regnskapsforerName ?? '' } : null,
    signature: v.signature,
    prokura: v.prokura ? (v.prokuraText ?? '') : null,
  }));
export type RolesSection = z.infer<typeof rolesSectionSchema>;

// ---------- 6. MVA, employees, Foretaksregisteret ----------

export const questionsSectionSchema = z
  .object({
    mva: yesNo('reg.error.yesNoRequired'),
    employees: yesNo('reg.error.yesNoRequired'),
    employeeCount: z.string().trim().optional(),
    foretaksregisteret: yesNo('reg.error.yesNoRequired'),
  })
  .superRefine((v, ctx) => {
    if (v.employees && !/^[1-9]\d{0,4}$/.test(v.employeeCount ?? '')) {
      ctx.addIssue({ code: 'custom', path: ['employeeCount'], message: 'reg.error.employeeCount' });
    }
  })
  .transform((v) => ({
    mva: v.mva,
    employees: v.employees ? Number(v.employeeCount) : 0,
    foretaksregisteret: v.foretaksregisteret,
  }));
export type QuestionsSection = z.infer<typeof questionsSectionSchema>;

// ---------- 7. Frivillighetsregisteret ----------

/** ICNPO codes as the API writes them ("1100"; brief §2.4); the list itself comes from icnpo_kategorier. */
const icnpoCode = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(
    z
      .string()
      .regex(/^\d{4,5}$/, { message: 'reg.error.icnpoInvalid' })
      .optional(),
  );

export const frrSectionSchema = z
  .object({
    frr: yesNo('reg.error.yesNoRequired'),
    icnpo1: icnpoCode,
    icnpo2: icnpoCode,
    icnpo3: icnpoCode,
    vedtekter: z.enum(['yes', 'no']).optional(),
    rapporteringsplikt: z.enum(['yes', 'no']).optional(),
    regnskapsperiodeSlutt: z.string().trim().optional(),
    offentligFlertall: z.enum(['yes', 'no']).optional(),
    utdelingFysiskePersoner: z.enum(['yes', 'no']).optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.frr) return;
    if (!v.icnpo1) ctx.addIssue({ code: 'custom', path: ['icnpo1'], message: 'reg.error.icnpoRequired' });
    if (v.icnpo3 && !v.icnpo2) ctx.addIssue({ code: 'custom', path: ['icnpo2'], message: 'reg.error.icnpoGap' });
    const chosen = [v.icnpo1, v.icnpo2, v.icnpo3].filter(Boolean);
    if (new Set(chosen).size !== chosen.length) {
      const path = v.icnpo2 && (v.icnpo2 === v.icnpo1 || v.icnpo2 === v.icnpo3) ? 'icnpo2' : 'icnpo3';
      ctx.addIssue({ code: 'custom', path: [path], message: 'reg.error.icnpoUnique' });
    }
    for (const key of ['vedtekter', 'rapporteringsplikt', 'offentligFlertall', 'utdelingFysiskePersoner'] as const) {
      if (!v[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'reg.error.yesNoRequired' });
    }
    if (v.regnskapsperiodeSlutt && !isDayMonth(v.regnskapsperiodeSlutt)) {
      ctx.addIssue({ code: 'custom', path: ['regnskapsperiodeSlutt'], message: 'reg.error.dayMonth' });
    }
  })
  .transform((v) =>
    v.frr
      ? {
          register: true as const,
          icnpo: [v.icnpo1, v.icnpo2, v.icnpo3].filter((c): c is string => Boolean(c)),
          vedtekter: v.vedtekter === 'yes',
          rapporteringsplikt: v.rapporteringsplikt === 'yes',
          regnskapsperiodeSlutt: v.regnskapsperiodeSlutt ? normaliseDayMonth(v.regnskapsperiodeSlutt) : null,
          offentligFlertall: v.offentligFlertall === 'yes',
          utdelingFysiskePersoner: v.utdelingFysiskePersoner === 'yes',
        }
      : { register: false as const },
  );
export type FrrSection = z.infer<typeof frrSectionSchema>;

/** "31.12" or "31-12": the last day of a non-calendar accounting year (brief §2.2, avslutningsdatoRegnskapsperiode). */
export function isDayMonth(value: string): boolean {
  const m = value.trim().match(/^(\d{1,2})[.-](\d{1,2})\.?$/);
  if (!m) return false;
  const day = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12 || day < 1) return false;
  // A leap year, so 29.02 is accepted as a possible period end.
  return day <= new Date(Date.UTC(2024, month, 0)).getUTCDate();
}

/** Stored as "--MM-DD" (XML Schema gMonthDay), the format the register's day-month field is most likely to take. */
export function normaliseDayMonth(value: string): string {
  const m = value.trim().match(/^(\d{1,2})[.-](\d{1,2})/)!;
  return `--${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

// ---------- 8. Grasrotandelen ----------

/** The self-declarations of the bvrfriv Grasrotandel class (brief §2.5, §5.2). */
export const GRASROT_DECLARATIONS = [
  'drivesAllAktivitetLokaltEllerRegionalt',
  'frivilligArbeidsinnsats',
  'utfoererOppgaverForDetOffentlige',
  'utfoererSykehuslignendeTjenester',
  'erUngdomsorganisasjon',
  'erElevEllerStudentorganisasjon',
] as const;
export type GrasrotDeclaration = (typeof GRASROT_DECLARATIONS)[number];

export const grasrotSectionSchema = z
  .object({
    deltarI: yesNo('reg.error.yesNoRequired'),
    kontonummer: z.string().optional(),
    ...Object.fromEntries(GRASROT_DECLARATIONS.map((d) => [d, z.enum(['yes', 'no']).optional()])),
  } as Record<string, z.ZodType>)
  .superRefine((raw, ctx) => {
    const v = raw as Record<string, unknown>;
    const account = normaliseKontonummer(String(v.kontonummer ?? ''));
    if (v.deltarI === true && !account) ctx.addIssue({ code: 'custom', path: ['kontonummer'], message: 'reg.error.kontonummerRequired' });
    if (account && !isValidKontonummer(account))
      ctx.addIssue({ code: 'custom', path: ['kontonummer'], message: 'reg.error.kontonummerInvalid' });
    if (v.deltarI !== true) return;
    for (const d of GRASROT_DECLARATIONS) {
      if (v[d] !== 'yes' && v[d] !== 'no') ctx.addIssue({ code: 'custom', path: [d], message: 'reg.error.yesNoRequired' });
    }
  })
  .transform((raw) => {
    const v = raw as Record<string, unknown>;
    const account = normaliseKontonummer(String(v.kontonummer ?? ''));
    return {
      deltarI: v.deltarI === true,
      kontonummer: account || null,
      declarations:
        v.deltarI === true
          ? (Object.fromEntries(GRASROT_DECLARATIONS.map((d) => [d, v[d] === 'yes'])) as Record<GrasrotDeclaration, boolean>)
          : null,
    };
  });
export type GrasrotSection = z.infer<typeof grasrotSectionSchema>;

// ---------- the stored package ----------

export interface PackageData {
  organisation?: OrganisationSection;
  address?: AddressSection;
  contact?: { kind: (typeof CONTACT_KINDS)[number]; personId: string };
  contactDetails?: ContactDetails;
  roles?: RolesSection;
  questions?: QuestionsSection;
  frr?: FrrSection;
  grasrot?: GrasrotSection;
  /** Not content: the board as the founding meeting elected it, for the measured gain (core/prefill). */
  boardPrefill?: Record<string, { name: string; boardRole: BoardRole }>;
}

export const SECTIONS = ['organisation', 'address', 'board', 'contact', 'contactDetails', 'roles', 'questions', 'frr', 'grasrot'] as const;
export type Section = (typeof SECTIONS)[number];

/** Confirming is a single button; the schema makes sure nothing else is posted with meaning. */
export const confirmSchema = z.object({ version: z.coerce.number().int().min(1, { message: 'reg.error.versionMissing' }) });

export const inviteBoardMemberSchema = z.object({ personId: z.uuid({ message: 'reg.error.personMissing' }) });

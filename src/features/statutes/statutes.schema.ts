import { z } from 'zod';
import { isValidKommunenummer } from '../../core/validators/kommunenummer.ts';
import type { StatutesAnswers } from './statutes.answers.ts';
import type { StatutesLanguage } from './statutes.template.ts';

/**
 * The question pages of the statutes builder, in order (GOV.UK "one thing per page"), and one zod
 * schema per page: it parses the posted form, names each error by a message key, and turns the form
 * strings into a patch of the draft. The draft is a partial StatutesAnswers (statutes.answers.ts) plus
 * the statutes' language.
 */
export const PAGE_SLUGS = [
  'malform',
  'navn',
  'kommune',
  'formal',
  'organisasjonsform',
  'medlemskap',
  'kontingent',
  'arsmote',
  'styre',
  'signatur',
  'vedtektsendringer',
  'opplosning',
  'revisjon',
] as const;
export type PageSlug = (typeof PAGE_SLUGS)[number];

export function isPageSlug(value: string): value is PageSlug {
  return (PAGE_SLUGS as readonly string[]).includes(value);
}

/** The draft as it grows page by page. */
export type DraftAnswers = Partial<StatutesAnswers>;

export interface DraftPatch {
  answers?: DraftAnswers;
  language?: StatutesLanguage;
}

const text = (opts: { required: string; tooLong: string; max: number; min?: number; tooShort?: string }) =>
  z
    .string({ message: opts.required })
    .trim()
    .min(1, { message: opts.required })
    .min(opts.min ?? 1, { message: opts.tooShort ?? opts.required })
    .max(opts.max, { message: opts.tooLong });

/** A whole number typed into a text field (inputmode="numeric"); spaces are forgiven. */
const wholeNumber = (opts: { required: string; invalid: string; min: number; max: number; range: string }) =>
  z
    .string({ message: opts.required })
    .transform((s) => s.replace(/\s+/g, ''))
    .pipe(z.string().min(1, { message: opts.required }).regex(/^\d+$/, { message: opts.invalid }))
    .transform(Number)
    .pipe(z.number().int().min(opts.min, { message: opts.range }).max(opts.max, { message: opts.range }));

const yesNo = (required: string) => z.enum(['yes', 'no'], { message: required }).transform((v) => v === 'yes');

export const SIGNATURE_OPTIONS = ['leader-and-one-board-member', 'two-board-members', 'leader-alone', 'board-jointly'] as const;
export const AMENDMENT_OPTIONS = ['two-thirds', 'three-quarters', 'simple'] as const;
export const DISSOLUTION_MAJORITY_OPTIONS = ['two-thirds', 'three-quarters'] as const;
export const AUDIT_OPTIONS = ['elected', 'registered-auditor', 'none'] as const;
export const FEE_OPTIONS = ['arsmote', 'styret'] as const;

/** Days in each month of a common year: "by 29 February" would not exist three years in four. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export const PAGE_SCHEMAS = {
  malform: z
    .object({ language: z.enum(['nb', 'nn'], { message: 'statutes.error.languageRequired' }) })
    .transform((v): DraftPatch => ({ language: v.language })),

  navn: z
    .object({ name: text({ required: 'statutes.error.nameRequired', tooLong: 'statutes.error.nameTooLong', max: 175, min: 2 }) })
    .transform((v): DraftPatch => ({ answers: { name: v.name.replace(/\s+/g, ' ') } })),

  kommune: z
    .object({
      kommune: z
        .string({ message: 'statutes.error.kommuneRequired' })
        .trim()
        .min(1, { message: 'statutes.error.kommuneRequired' })
        .refine(isValidKommunenummer, { message: 'statutes.error.kommuneInvalid' }),
    })
    .transform((v): DraftPatch => ({ answers: { kommunenummer: v.kommune } })),

  formal: z
    .object({
      purpose: text({
        required: 'statutes.error.purposeRequired',
        tooShort: 'statutes.error.purposeTooShort',
        tooLong: 'statutes.error.purposeTooLong',
        min: 10,
        max: 2000,
      }),
    })
    .transform((v): DraftPatch => ({ answers: { purpose: v.purpose } })),

  organisasjonsform: z
    .object({ selveiende: yesNo('statutes.error.selveiendeRequired') })
    .transform((v): DraftPatch => ({ answers: { selveiende: v.selveiende } })),

  medlemskap: z
    .object({
      openTo: text({ required: 'statutes.error.openToRequired', tooLong: 'statutes.error.openToTooLong', max: 500, min: 2 }),
      votingMinimumAge: wholeNumber({
        required: 'statutes.error.votingAgeRequired',
        invalid: 'statutes.error.wholeNumber',
        range: 'statutes.error.votingAgeRange',
        min: 0,
        max: 100,
      }),
      votingMinimumMonths: wholeNumber({
        required: 'statutes.error.votingMonthsRequired',
        invalid: 'statutes.error.wholeNumber',
        range: 'statutes.error.votingMonthsRange',
        min: 0,
        max: 24,
      }),
      feeRequiredToVote: yesNo('statutes.error.feeRequiredToVoteRequired'),
    })
    .transform((v): DraftPatch => ({ answers: { membership: v } })),

  kontingent: z
    .object({ feeSetBy: z.enum(FEE_OPTIONS, { message: 'statutes.error.feeSetByRequired' }) })
    .transform((v): DraftPatch => ({ answers: { feeSetBy: v.feeSetBy } })),

  arsmote: z
    .object({
      deadlineDay: wholeNumber({
        required: 'statutes.error.deadlineDayRequired',
        invalid: 'statutes.error.wholeNumber',
        range: 'statutes.error.deadlineDayRange',
        min: 1,
        max: 31,
      }),
      deadlineMonth: z
        .string({ message: 'statutes.error.deadlineMonthRequired' })
        .regex(/^(?:[1-9]|1[0-2])$/, { message: 'statutes.error.deadlineMonthRequired' })
        .transform(Number),
      noticeDays: wholeNumber({
        required: 'statutes.error.noticeDaysRequired',
        invalid: 'statutes.error.wholeNumber',
        range: 'statutes.error.noticeDaysRange',
        min: 7,
        max: 90,
      }),
      proposalsDays: wholeNumber({
        required: 'statutes.error.proposalsDaysRequired',
        invalid: 'statutes.error.wholeNumber',
        range: 'statutes.error.proposalsDaysRange',
        min: 0,
        max: 60,
      }),
      papersDays: wholeNumber({
        required: 'statutes.error.papersDaysRequired',
        invalid: 'statutes.error.wholeNumber',
        range: 'statutes.error.papersDaysRange',
        min: 0,
        max: 60,
      }),
    })
    .superRefine((v, ctx) => {
      if (v.deadlineDay > (DAYS_IN_MONTH[v.deadlineMonth - 1] ?? 31))
        ctx.addIssue({ code: 'custom', path: ['deadlineDay'], message: 'statutes.error.deadlineDayNotInMonth' });
      // The notice goes out first; proposals and papers follow it, and the papers include the proposals.
      if (v.proposalsDays > v.noticeDays)
        ctx.addIssue({ code: 'custom', path: ['proposalsDays'], message: 'statutes.error.proposalsAfterNotice' });
      if (v.papersDays > v.noticeDays) ctx.addIssue({ code: 'custom', path: ['papersDays'], message: 'statutes.error.papersAfterNotice' });
      else if (v.proposalsDays > 0 && v.papersDays > v.proposalsDays)
        ctx.addIssue({ code: 'custom', path: ['papersDays'], message: 'statutes.error.papersAfterProposals' });
    })
    .transform((v): DraftPatch => ({ answers: { annualMeeting: v } })),

  styre: z
    .object({
      minMembers: wholeNumber({
        required: 'statutes.error.boardMinRequired',
        invalid: 'statutes.error.wholeNumber',
        range: 'statutes.error.boardSizeRange',
        min: 1,
        max: 20,
      }),
      maxMembers: wholeNumber({
        required: 'statutes.error.boardMaxRequired',
        invalid: 'statutes.error.wholeNumber',
        range: 'statutes.error.boardSizeRange',
        min: 1,
        max: 20,
      }),
      termYears: wholeNumber({
        required: 'statutes.error.termYearsRequired',
        invalid: 'statutes.error.wholeNumber',
        range: 'statutes.error.termYearsRange',
        min: 1,
        max: 4,
      }),
    })
    .superRefine((v, ctx) => {
      if (v.maxMembers < v.minMembers) ctx.addIssue({ code: 'custom', path: ['maxMembers'], message: 'statutes.error.boardMaxBelowMin' });
    })
    .transform((v): DraftPatch => ({ answers: { board: v } })),

  signatur: z
    .object({ signature: z.enum(SIGNATURE_OPTIONS, { message: 'statutes.error.signatureRequired' }) })
    .transform((v): DraftPatch => ({ answers: { signature: v.signature } })),

  vedtektsendringer: z
    .object({ amendmentMajority: z.enum(AMENDMENT_OPTIONS, { message: 'statutes.error.amendmentRequired' }) })
    .transform((v): DraftPatch => ({ answers: { amendmentMajority: v.amendmentMajority } })),

  opplosning: z
    .object({
      dissolutionMajority: z.enum(DISSOLUTION_MAJORITY_OPTIONS, { message: 'statutes.error.dissolutionMajorityRequired' }),
      requiresSecondMeeting: yesNo('statutes.error.secondMeetingRequired'),
      assetsTo: text({ required: 'statutes.error.assetsToRequired', tooLong: 'statutes.error.assetsToTooLong', max: 500, min: 3 }),
    })
    .transform(
      (v): DraftPatch => ({
        answers: { dissolution: { majority: v.dissolutionMajority, requiresSecondMeeting: v.requiresSecondMeeting, assetsTo: v.assetsTo } },
      }),
    ),

  revisjon: z
    .object({ audit: z.enum(AUDIT_OPTIONS, { message: 'statutes.error.auditRequired' }) })
    .transform((v): DraftPatch => ({ answers: { audit: v.audit } })),
} satisfies Record<PageSlug, z.ZodType<DraftPatch>>;

/** The form fields of each page, in the order they appear (error summary order, provenance). */
export const PAGE_FIELDS: Record<PageSlug, readonly string[]> = {
  malform: ['language'],
  navn: ['name'],
  kommune: ['kommune'],
  formal: ['purpose'],
  organisasjonsform: ['selveiende'],
  medlemskap: ['openTo', 'votingMinimumAge', 'votingMinimumMonths', 'feeRequiredToVote'],
  kontingent: ['feeSetBy'],
  arsmote: ['deadlineDay', 'deadlineMonth', 'noticeDays', 'proposalsDays', 'papersDays'],
  styre: ['minMembers', 'maxMembers', 'termYears'],
  signatur: ['signature'],
  vedtektsendringer: ['amendmentMajority'],
  opplosning: ['dissolutionMajority', 'requiresSecondMeeting', 'assetsTo'],
  revisjon: ['audit'],
};

const yn = (b: boolean | undefined) => (b === undefined ? undefined : b ? 'yes' : 'no');
const str = (n: number | undefined) => (n === undefined ? undefined : String(n));

/** The draft as form values (what each field shows); a field the draft does not have yet is absent. */
export function draftToFormValues(d: DraftAnswers, language: StatutesLanguage): Record<string, string> {
  const values: Record<string, string | undefined> = {
    language,
    name: d.name,
    kommune: d.kommunenummer,
    purpose: d.purpose,
    selveiende: yn(d.selveiende),
    openTo: d.membership?.openTo,
    votingMinimumAge: str(d.membership?.votingMinimumAge),
    votingMinimumMonths: str(d.membership?.votingMinimumMonths),
    feeRequiredToVote: yn(d.membership?.feeRequiredToVote),
    feeSetBy: d.feeSetBy,
    deadlineDay: str(d.annualMeeting?.deadlineDay),
    deadlineMonth: str(d.annualMeeting?.deadlineMonth),
    noticeDays: str(d.annualMeeting?.noticeDays),
    proposalsDays: str(d.annualMeeting?.proposalsDays),
    papersDays: str(d.annualMeeting?.papersDays),
    minMembers: str(d.board?.minMembers),
    maxMembers: str(d.board?.maxMembers),
    termYears: str(d.board?.termYears),
    signature: d.signature,
    amendmentMajority: d.amendmentMajority,
    dissolutionMajority: d.dissolution?.majority,
    requiresSecondMeeting: yn(d.dissolution?.requiresSecondMeeting),
    assetsTo: d.dissolution?.assetsTo,
    audit: d.audit,
  };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

/** "Adopt" posts the draft revision the person checked, so a draft changed meanwhile is not adopted unseen. */
export const adoptSchema = z.object({
  revision: z
    .string({ message: 'statutes.error.revision' })
    .regex(/^\d{1,9}$/, { message: 'statutes.error.revision' })
    .transform(Number),
});

/** A version number in a query string (?nr=2); anything else is "no such version". */
export function parseVersionNumber(value: string | undefined | null): number | null {
  if (!value || !/^\d{1,9}$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 ? n : null;
}

/** Which part of StatutesAnswers each question page answers (the malform page sets the language). */
export const PAGE_ANSWER_KEY: Record<PageSlug, keyof DraftAnswers | null> = {
  malform: null,
  navn: 'name',
  kommune: 'kommunenummer',
  formal: 'purpose',
  organisasjonsform: 'selveiende',
  medlemskap: 'membership',
  kontingent: 'feeSetBy',
  arsmote: 'annualMeeting',
  styre: 'board',
  signatur: 'signature',
  vedtektsendringer: 'amendmentMajority',
  opplosning: 'dissolution',
  revisjon: 'audit',
};

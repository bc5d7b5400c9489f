import { z } from 'zod';

/**
 * The choices a group makes in the statutes builder (vedtekter). This is the contract other features read
 * (årshjul deadlines, the personal plan, the registration package): they call `readCurrentStatutes` in
 * statutes.queries.ts and fall back to `LOVNORM_DEFAULTS` when a workspace has no statutes yet.
 *
 * Defaults follow the most widely used template, Norges idrettsforbund's lovnorm for idrettslag
 * (domain brief §5.4): årsmøte by the end of March, one month's notice, proposals two weeks before,
 * papers one week before, statute changes and dissolution by a 2/3 majority.
 */
export const statutesAnswersSchema = z.object({
  /** The organisation's name as it will be registered (Enhetsregisteret requires it in the statutes). */
  name: z.string().min(2).max(175),
  /** Kommunenummer of the registered address: the statutes must state the municipality (brief §4.1). */
  kommunenummer: z.string().regex(/^\d{4}$/),
  /** The purpose clause (formål). */
  purpose: z.string().min(10).max(2000),
  /** Who can become a member, and who has voting rights. */
  membership: z.object({
    openTo: z.string().min(2).max(500),
    votingMinimumAge: z.number().int().min(0).max(100),
    /** Months of membership before a member may vote at the årsmøte (lovnorm: 1). */
    votingMinimumMonths: z.number().int().min(0).max(24),
    feeRequiredToVote: z.boolean(),
  }),
  /** Membership fee decided by the årsmøte (lovnorm) — the statutes only say who sets it. */
  feeSetBy: z.enum(['arsmote', 'styret']),
  annualMeeting: z.object({
    /** The årsmøte is held each year by this month/day (lovnorm: 31 March). */
    deadlineMonth: z.number().int().min(1).max(12),
    deadlineDay: z.number().int().min(1).max(31),
    /** Days of notice to members before the meeting (lovnorm: one month, counted as 30 days here). */
    noticeDays: z.number().int().min(7).max(90),
    /** Members' proposals must reach the board this many days before (lovnorm: 14). */
    proposalsDays: z.number().int().min(0).max(60),
    /** Agenda and papers available this many days before (lovnorm: 7). */
    papersDays: z.number().int().min(0).max(60),
  }),
  board: z.object({
    /** Number of board members including the leader (lovnorm: at least 3). */
    minMembers: z.number().int().min(1).max(20),
    maxMembers: z.number().int().min(1).max(20),
    /** Board members serve this many years per term. */
    termYears: z.number().int().min(1).max(4),
  }),
  /** Who signs for the organisation (signaturrett). */
  signature: z.enum(['leader-alone', 'leader-and-one-board-member', 'two-board-members', 'board-jointly']),
  /** Majority needed to amend the statutes (lovnorm: 2/3). */
  amendmentMajority: z.enum(['simple', 'two-thirds', 'three-quarters']),
  dissolution: z.object({
    majority: z.enum(['two-thirds', 'three-quarters']),
    /** Dissolution needs a second (extraordinary) årsmøte, about three months later (brief §4.3). */
    requiresSecondMeeting: z.boolean(),
    /** Where remaining assets go: never to members — the organisation is selveiende (brief §4.1). */
    assetsTo: z.string().min(3).max(500),
  }),
  /** Members cannot take assets or surplus: the statutes say the organisation is selveiende. */
  selveiende: z.boolean(),
  /** Accounts (regnskap) are audited by: none, an elected auditor (kontrollutvalg/revisor), or a state-authorised auditor. */
  audit: z.enum(['none', 'elected', 'registered-auditor']),
});

export type StatutesAnswers = z.infer<typeof statutesAnswersSchema>;

/** Årsmøte and majority rules when a workspace has no statutes yet (lovnorm for idrettslag, brief §5.4). */
export const LOVNORM_DEFAULTS = {
  membership: { openTo: '', votingMinimumAge: 15, votingMinimumMonths: 1, feeRequiredToVote: true },
  feeSetBy: 'arsmote',
  annualMeeting: { deadlineMonth: 3, deadlineDay: 31, noticeDays: 30, proposalsDays: 14, papersDays: 7 },
  board: { minMembers: 3, maxMembers: 7, termYears: 2 },
  signature: 'leader-and-one-board-member',
  amendmentMajority: 'two-thirds',
  dissolution: { majority: 'two-thirds', requiresSecondMeeting: true, assetsTo: '' },
  selveiende: true,
  audit: 'elected',
} as const satisfies Omit<StatutesAnswers, 'name' | 'kommunenummer' | 'purpose' | 'dissolution' | 'membership'> & {
  dissolution: Omit<StatutesAnswers['dissolution'], 'assetsTo'> & { assetsTo: string };
  membership: StatutesAnswers['membership'];
};

import { isValidKommunenummer } from '../../core/validators/kommunenummer.ts';
import type { DraftAnswers, PageSlug } from './statutes.schema.ts';

/**
 * What the registers and schemes require of the statutes, checked against the draft. Each check is a
 * plain function of the answers (and, for the schemes, whether the organisation is in
 * Frivillighetsregisteret); each has a title, an explanation when it fails and what to do, in the
 * message catalogue under `statutes.check.<id>.*`.
 *
 * Categories — shown separately so nobody mistakes a scheme condition for a registration requirement:
 * - registration: what Enhetsregisteret and Frivillighetsregisteret need (brief §4.1: the statutes state
 *   at least name, municipality and purpose, cover the organs, membership, amendments and dissolution, and
 *   make clear the organisation is selveiende; brief §2.1: a board, no distribution to natural persons).
 *   A failed registration check stops adoption.
 * - momskompensasjon (brief §5.1) and grasrotandelen (brief §5.2): what those schemes assume. Never blocking.
 * - recommended: the lovnorm for idrettslag's common values (brief §5.4). Never blocking.
 *
 * Status 'declare' means the statutes cannot show it: the organisation states it when it applies.
 */

export const CHECK_CATEGORIES = ['registration', 'momskompensasjon', 'grasrotandel', 'recommended'] as const;
export type CheckCategory = (typeof CHECK_CATEGORIES)[number];

export type CheckStatus = 'pass' | 'fail' | 'unanswered' | 'declare';

export interface CheckContext {
  /** The organisation is in Frivillighetsregisteret (our register mirror, by its orgnr). */
  registeredInFrr: boolean;
}

export interface StatutesCheck {
  id: string;
  category: CheckCategory;
  /** The question page where the answer is changed; null when the statutes cannot fix it. */
  page: PageSlug | null;
  evaluate(d: DraftAnswers, ctx: CheckContext): CheckStatus;
}

export interface CheckResult {
  id: string;
  category: CheckCategory;
  page: PageSlug | null;
  status: CheckStatus;
}

/** Normalised words of a text: lower case, letters and digits only. */
function words(text: string): string[] {
  return text
    .toLocaleLowerCase('nb')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Company-form designations at the end of a name make the register read it as that company form (AS,
 * ASA, ANS, DA, SA, KS, NUF, ENK) — a forening cannot carry them. Upper case only: "Sa" or "da" inside a
 * name are ordinary words.
 */
const COMPANY_FORM_SUFFIX = /(?:^|\s)(?:AS|A\/S|ASA|ANS|DA|SA|KS|NUF|ENK)\.?$/u;

/** "Stiftelse" names a foundation (stiftelsesloven); a forening is a different organisation form. */
const FOUNDATION_WORD = /\bstiftelse/iu;

/** Characters a registered name may contain: letters, digits, spaces and ordinary punctuation. */
const NAME_CHARACTERS = /^[\p{L}\p{M}\p{N} .,'’&()\-–—/:!?+«»"]+$/u;

export function nameProblems(name: string): ('no-letters' | 'company-form' | 'foundation' | 'characters')[] {
  const problems: ('no-letters' | 'company-form' | 'foundation' | 'characters')[] = [];
  const n = name.trim();
  if (!/\p{L}/u.test(n)) problems.push('no-letters');
  if (COMPANY_FORM_SUFFIX.test(n)) problems.push('company-form');
  if (FOUNDATION_WORD.test(n)) problems.push('foundation');
  if (!NAME_CHARACTERS.test(n)) problems.push('characters');
  return problems;
}

/**
 * Words that send the assets to the members, in bokmål and nynorsk: medlem, medlemmet, medlemmer,
 * medlemmene, medlemmenes (nb); medlemer, medlemene, medlema (nn). "medlemsforening" and similar
 * compounds are other words and do not match.
 */
const MEMBERS_WORD = /(?<![\p{L}\p{N}])medlem(?:met|mer|mene|menes|er|ene|enes|a|ar|ane)?(?![\p{L}\p{N}])/iu;

export function mentionsMembers(text: string): boolean {
  return MEMBERS_WORD.test(text);
}

/** The purpose says something beyond the name: at least three words that are not in the name. */
export function purposeIsSpecific(purpose: string, name: string | undefined): boolean {
  const nameWords = new Set(words(name ?? ''));
  const own = words(purpose).filter((w) => !nameWords.has(w));
  return own.length >= 3;
}

const answered = <T>(value: T | undefined, test: (v: T) => boolean): CheckStatus =>
  value === undefined ? 'unanswered' : test(value) ? 'pass' : 'fail';

const nonProfit = (d: DraftAnswers): CheckStatus => {
  if (d.selveiende === undefined || d.dissolution === undefined) return 'unanswered';
  return d.selveiende && !mentionsMembers(d.dissolution.assetsTo) ? 'pass' : 'fail';
};

export const STATUTES_CHECKS: readonly StatutesCheck[] = [
  // ---- required for registration (brief §4.1, §2.1) ----
  { id: 'name-present', category: 'registration', page: 'navn', evaluate: (d) => answered(d.name, (n) => n.trim().length >= 2) },
  {
    id: 'name-registrable',
    category: 'registration',
    page: 'navn',
    evaluate: (d) => answered(d.name, (n) => nameProblems(n).length === 0),
  },
  {
    id: 'kommune-valid',
    category: 'registration',
    page: 'kommune',
    evaluate: (d) => answered(d.kommunenummer, isValidKommunenummer),
  },
  { id: 'purpose-present', category: 'registration', page: 'formal', evaluate: (d) => answered(d.purpose, (p) => p.trim().length > 0) },
  {
    id: 'purpose-specific',
    category: 'registration',
    page: 'formal',
    evaluate: (d) => answered(d.purpose, (p) => purposeIsSpecific(p, d.name)),
  },
  { id: 'selveiende', category: 'registration', page: 'organisasjonsform', evaluate: (d) => answered(d.selveiende, (s) => s) },
  {
    id: 'dissolution-clause',
    category: 'registration',
    page: 'opplosning',
    evaluate: (d) => answered(d.dissolution, (x) => x.assetsTo.trim().length >= 3),
  },
  {
    id: 'assets-not-to-members',
    category: 'registration',
    page: 'opplosning',
    evaluate: (d) => answered(d.dissolution, (x) => !mentionsMembers(x.assetsTo)),
  },
  { id: 'membership-rules', category: 'registration', page: 'medlemskap', evaluate: (d) => answered(d.membership, () => true) },
  { id: 'annual-meeting-rules', category: 'registration', page: 'arsmote', evaluate: (d) => answered(d.annualMeeting, () => true) },
  { id: 'board-rules', category: 'registration', page: 'styre', evaluate: (d) => answered(d.board, (b) => b.minMembers >= 1) },
  {
    id: 'amendment-rules',
    category: 'registration',
    page: 'vedtektsendringer',
    evaluate: (d) => answered(d.amendmentMajority, () => true),
  },

  // ---- what momskompensasjon assumes (brief §5.1) ----
  { id: 'momskomp-frr', category: 'momskompensasjon', page: null, evaluate: (_d, ctx) => (ctx.registeredInFrr ? 'pass' : 'fail') },
  { id: 'momskomp-non-profit', category: 'momskompensasjon', page: 'organisasjonsform', evaluate: nonProfit },
  { id: 'momskomp-audit', category: 'momskompensasjon', page: 'revisjon', evaluate: (d) => answered(d.audit, (a) => a !== 'none') },
  { id: 'momskomp-voluntary', category: 'momskompensasjon', page: null, evaluate: () => 'declare' },

  // ---- what grasrotandelen assumes (brief §5.2) ----
  { id: 'grasrot-frr', category: 'grasrotandel', page: null, evaluate: (_d, ctx) => (ctx.registeredInFrr ? 'pass' : 'fail') },
  { id: 'grasrot-non-profit', category: 'grasrotandel', page: 'organisasjonsform', evaluate: nonProfit },
  { id: 'grasrot-local', category: 'grasrotandel', page: null, evaluate: () => 'declare' },

  // ---- recommended: lovnorm for idrettslag (brief §5.4) ----
  { id: 'board-at-least-three', category: 'recommended', page: 'styre', evaluate: (d) => answered(d.board, (b) => b.minMembers >= 3) },
  {
    id: 'notice-four-weeks',
    category: 'recommended',
    page: 'arsmote',
    evaluate: (d) => answered(d.annualMeeting, (am) => am.noticeDays >= 28),
  },
  {
    id: 'amendment-two-thirds',
    category: 'recommended',
    page: 'vedtektsendringer',
    evaluate: (d) => answered(d.amendmentMajority, (m) => m !== 'simple'),
  },
];

export function runChecks(d: DraftAnswers, ctx: CheckContext): CheckResult[] {
  return STATUTES_CHECKS.map((c) => ({ id: c.id, category: c.category, page: c.page, status: c.evaluate(d, ctx) }));
}

/** Registration requirements that are not met (failed or not answered): these stop adoption. */
export function blockingResults(results: readonly CheckResult[]): CheckResult[] {
  return results.filter((r) => r.category === 'registration' && r.status !== 'pass');
}

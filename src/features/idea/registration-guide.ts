import { z } from 'zod';

/**
 * "Må vi registrere oss, og når?" — the guide's rules in one place (issue 4, item 4). Four questions, each
 * answered yes, no or don't know; the answers decide what the group needs and why. Sources (domain brief):
 * - Registration is a right, never a duty (frivillighetsregisterloven § 3; brief §2.1).
 * - Momskompensasjon and Grasrotandelen need Frivillighetsregisteret; some grants do too (brief §2.1, §5.1, §5.2):
 *   FRR registration by the 1 September deadline (forskrift 23.10.2018 nr. 1600), a bank account in FRR for
 *   grasrot (forskrift 5.12.2022 nr. 2124).
 * - FRR cannot be had without Enhetsregisteret; one Samordnet registermelding does both (brief §4.1).
 * - The registermelding asks about employees and VAT; Foretaksregisteret is only for associations that run a
 *   business, and costs a fee (brief §4.1).
 * - That a bank asks for an organisasjonsnummer is not in the brief's sources: the answer page says so.
 */

export const ANSWERS = ['ja', 'nei', 'vet-ikke'] as const;
export type Answer = (typeof ANSWERS)[number];

/** The questions in the order they are asked; each is also its page's URL segment and query parameter. */
export const QUESTIONS = ['bankkonto', 'midler', 'ansatte', 'salg'] as const;
export type Question = (typeof QUESTIONS)[number];

export type GuideAnswers = Partial<Record<Question, Answer>>;

const answer = z.enum(ANSWERS, { error: 'idea.guide.error.choose' });

/** One question page's submission: the answer must be one of the three. */
export const answerSchema = answer;

/** Reads the answers given so far from the query string; an unknown value counts as not answered. */
export function readAnswers(query: Record<string, string | undefined>): GuideAnswers {
  const out: GuideAnswers = {};
  for (const q of QUESTIONS) {
    const parsed = answer.safeParse(query[q]);
    if (parsed.success) out[q] = parsed.data;
  }
  return out;
}

export function firstUnanswered(answers: GuideAnswers, before: number = QUESTIONS.length): Question | null {
  return QUESTIONS.slice(0, before).find((q) => answers[q] === undefined) ?? null;
}

export function nextQuestion(q: Question): Question | null {
  return QUESTIONS[QUESTIONS.indexOf(q) + 1] ?? null;
}

/** The answers as query parameters, for the next page and the "change" links. */
export function answersToQuery(answers: GuideAnswers, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  for (const q of QUESTIONS) if (answers[q]) p.set(q, answers[q]!);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

export type Need = 'needed' | 'maybe' | 'not-yet';

/** One reason on the answer page: why, when, and the map task that says more. */
export interface Reason {
  id: 'bankkonto' | 'midler' | 'ansatte' | 'salg';
  /** "yes" makes it a reason; "don't know" makes it a thing to find out. */
  certain: boolean;
  /** Life-event map task ids to read more (issue-4 canonical ids). */
  tasks: string[];
}

export interface GuideAdvice {
  enhetsregisteret: Need;
  frivillighetsregisteret: Need;
  reasons: Reason[];
  /** Registrations besides the two registers that the answers point to. */
  alsoConsider: ('mva' | 'arbeidsgiver' | 'foretaksregisteret')[];
}

const strongest = (needs: Need[]): Need => (needs.includes('needed') ? 'needed' : needs.includes('maybe') ? 'maybe' : 'not-yet');
const needOf = (a: Answer | undefined): Need => (a === 'ja' ? 'needed' : a === 'vet-ikke' ? 'maybe' : 'not-yet');

/** The advice for a full set of answers. */
export function adviseRegistration(answers: Required<GuideAnswers>): GuideAdvice {
  const reasons: Reason[] = [];
  const add = (id: Reason['id'], tasks: string[]) => {
    const a = answers[id];
    if (a !== 'nei') reasons.push({ id, certain: a === 'ja', tasks });
  };
  add('bankkonto', ['opprett-bankkonto', 'registrer-enhetsregisteret']);
  add('midler', ['registrer-frivillighetsregisteret', 'sok-momskompensasjon', 'meld-grasrotandel']);
  add('ansatte', ['registrer-arbeidsgiver', 'a-melding']);
  add('salg', ['registrer-mva']);

  // Selling does not by itself require registering: only above the VAT threshold, which the brief does not give.
  const salg: Need = answers.salg === 'nei' ? 'not-yet' : 'maybe';
  const frivillighetsregisteret = needOf(answers.midler);
  // Frivillighetsregisteret is only possible together with Enhetsregisteret (brief §4.1).
  const enhetsregisteret = strongest([needOf(answers.bankkonto), needOf(answers.ansatte), frivillighetsregisteret, salg]);

  const alsoConsider: GuideAdvice['alsoConsider'] = [];
  if (answers.ansatte !== 'nei') alsoConsider.push('arbeidsgiver');
  if (answers.salg !== 'nei') alsoConsider.push('mva', 'foretaksregisteret');
  return { enhetsregisteret, frivillighetsregisteret, reasons, alsoConsider };
}

/** The answer page's headline: which registers, if any. */
export function headline(advice: GuideAdvice): 'both' | 'enhetsregisteret' | 'maybe' | 'not-yet' {
  if (advice.frivillighetsregisteret === 'needed') return 'both';
  if (advice.enhetsregisteret === 'needed') return 'enhetsregisteret';
  if (advice.enhetsregisteret === 'maybe' || advice.frivillighetsregisteret === 'maybe') return 'maybe';
  return 'not-yet';
}

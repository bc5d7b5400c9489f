import { PREFILL_SOURCES, type Prefilled, type PrefillSource } from '../../core/prefill/provenance.ts';
import { isValidKommunenummer } from '../../core/validators/kommunenummer.ts';
import { LOVNORM_DEFAULTS, type StatutesAnswers, statutesAnswersSchema } from './statutes.answers.ts';
import type { StatutesVersionRow, StoredDraft } from './statutes.queries.ts';
import { type DraftAnswers, draftToFormValues, isPageSlug, PAGE_ANSWER_KEY, PAGE_SLUGS, type PageSlug } from './statutes.schema.ts';
import type { StatutesLanguage } from './statutes.template.ts';

/**
 * The draft a person works on: the stored one, or — before the first save — the one we would start
 * from. A first draft is prefilled from what the workspace knows (name, kommune, purpose: source
 * 'workspace') and otherwise the lovnorm defaults (brief §5.4); a change to adopted statutes starts
 * from the current version (source 'statutes'). GET never writes: the draft is stored on the first save.
 */
export interface EffectiveDraft {
  answers: DraftAnswers;
  answeredPages: PageSlug[];
  /** What the platform filled in when the draft started, by form field (recordFormProvenance). */
  prefill: Prefilled;
  language: StatutesLanguage;
  basedOnVersion: number | null;
  /** Null until the draft is first saved. */
  revision: number | null;
  updatedAt: Date | null;
  updatedByName: string | null;
}

function prefillFrom(values: Record<string, string>, source: PrefillSource): Prefilled {
  const out: Prefilled = {};
  for (const [field, value] of Object.entries(values)) out[field] = { value, source };
  return out;
}

export function initialDraft(opts: {
  organisation: { name: string; kommunenummer: string | null; purpose: string | null };
  current: StatutesVersionRow | null;
  userLang: string;
}): EffectiveDraft {
  const { current, organisation } = opts;
  if (current) {
    return {
      answers: current.answers,
      answeredPages: [...PAGE_SLUGS],
      // The language is a choice, not a fact we knew: only the answers count as prefilled.
      prefill: prefillFrom(omit(draftToFormValues(current.answers, current.language), 'language'), 'statutes'),
      language: current.language,
      basedOnVersion: current.version,
      revision: null,
      updatedAt: null,
      updatedByName: null,
    };
  }
  const known: DraftAnswers = {};
  const name = organisation.name.trim();
  if (name.length >= 2) known.name = name;
  if (organisation.kommunenummer && isValidKommunenummer(organisation.kommunenummer)) known.kommunenummer = organisation.kommunenummer;
  if (organisation.purpose && organisation.purpose.trim().length > 0) known.purpose = organisation.purpose.trim();
  const language: StatutesLanguage = opts.userLang === 'nn' ? 'nn' : 'nb';
  return {
    answers: {
      ...LOVNORM_DEFAULTS,
      membership: { ...LOVNORM_DEFAULTS.membership },
      annualMeeting: { ...LOVNORM_DEFAULTS.annualMeeting },
      board: { ...LOVNORM_DEFAULTS.board },
      dissolution: { ...LOVNORM_DEFAULTS.dissolution },
      ...known,
    },
    answeredPages: [],
    prefill: prefillFrom(omit(draftToFormValues(known, language), 'language'), 'workspace'),
    language,
    basedOnVersion: null,
    revision: null,
    updatedAt: null,
    updatedByName: null,
  };
}

function omit(values: Record<string, string>, key: string): Record<string, string> {
  const { [key]: _dropped, ...rest } = values;
  return rest;
}

export function fromStored(stored: StoredDraft): EffectiveDraft {
  const prefill: Prefilled = {};
  for (const [field, p] of Object.entries(stored.prefill)) {
    if ((PREFILL_SOURCES as readonly string[]).includes(p.source)) prefill[field] = { value: p.value, source: p.source as PrefillSource };
  }
  return {
    answers: stored.answers,
    answeredPages: stored.answeredPages.filter(isPageSlug),
    prefill,
    language: stored.language,
    basedOnVersion: stored.basedOnVersion,
    revision: stored.revision,
    updatedAt: stored.updatedAt,
    updatedByName: stored.updatedByName,
  };
}

/** Only what the person has confirmed page by page: defaults on pages not saved yet are not answers. */
export function answeredOnly(draft: Pick<EffectiveDraft, 'answers' | 'answeredPages'>): DraftAnswers {
  const out: Record<string, unknown> = {};
  for (const page of draft.answeredPages) {
    const key = PAGE_ANSWER_KEY[page];
    if (key && draft.answers[key] !== undefined) out[key] = draft.answers[key];
  }
  return out as DraftAnswers;
}

export function unansweredPages(draft: Pick<EffectiveDraft, 'answeredPages'>): PageSlug[] {
  return PAGE_SLUGS.filter((p) => !draft.answeredPages.includes(p));
}

/** The complete answers, or null while a page is unanswered or an answer no longer fits the contract. */
export function completeAnswers(draft: Pick<EffectiveDraft, 'answers' | 'answeredPages'>): StatutesAnswers | null {
  if (unansweredPages(draft).length > 0) return null;
  const parsed = statutesAnswersSchema.safeParse(answeredOnly(draft));
  return parsed.success ? parsed.data : null;
}

/** The page to continue on: the first unanswered one, or the check-answers page when all are answered. */
export function nextPageAfter(draft: Pick<EffectiveDraft, 'answeredPages'>, saved: PageSlug): PageSlug | 'sjekk' {
  const after = PAGE_SLUGS.slice(PAGE_SLUGS.indexOf(saved) + 1);
  const next = after.find((p) => !draft.answeredPages.includes(p));
  return next ?? 'sjekk';
}

/** Stable JSON (sorted keys) for "did anything change since the current version?". */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

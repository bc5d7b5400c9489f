import type { Prefilled } from '../../core/prefill/provenance.ts';
import type { OrganisationFacts } from './facts.ts';
import type { DeclaredFactsRow } from './plan.queries.ts';
import { FACTS_FIELDS, type FactsField, type FactsForm, formatDateNo } from './plan.schema.ts';

/**
 * Pure helpers between the facts form and the stored facts: what the registers prefill, what the form shows,
 * and which answers changed. Form values are strings (what the browser sends back).
 */

export const FACTS_FORM_ID = 'organisation-facts';

/** Today in Norway as YYYY-MM-DD (dates on the form may not be later). */
export function todayInNorway(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const yesNo = (v: boolean | null | undefined) => (v === true ? 'yes' : v === false ? 'no' : 'unknown');

/** What the registers already know, as the form would show it (for the form and recordFormProvenance). */
export function registerPrefill(facts: OrganisationFacts): Prefilled {
  const prefilled: Prefilled = {};
  if (facts.employees.source === 'enhetsregisteret' && facts.employees.value !== null) {
    prefilled.employees = { value: String(facts.employees.value), source: 'enhetsregisteret' };
  }
  if (facts.inRegisterMirror && facts.vatRegistered.source === 'enhetsregisteret') {
    prefilled.vatRegistered = { value: yesNo(facts.vatRegistered.value), source: 'enhetsregisteret' };
  }
  if (facts.inFrivillighetsregisteret.value) {
    prefilled.wantsFrivillighetsregisteret = { value: 'yes', source: 'frivillighetsregisteret' };
  }
  if (facts.grasrotandel.value) prefilled.wantsGrasrotandel = { value: 'yes', source: 'frivillighetsregisteret' };
  if (facts.accountsReportingTakenOn.source === 'frivillighetsregisteret') {
    prefilled.accountsReportingTakenOn = { value: yesNo(facts.accountsReportingTakenOn.value), source: 'frivillighetsregisteret' };
  }
  return prefilled;
}

/** A stored answer as the form field's string. */
function storedValue(row: DeclaredFactsRow, field: FactsField): string {
  switch (field) {
    case 'memberCount':
    case 'employees':
    case 'umbrellaMomsDeadlineDay':
    case 'umbrellaMomsDeadlineMonth':
      return row[field] === null ? '' : String(row[field]);
    case 'umbrellaName':
      return row.umbrellaName ?? '';
    case 'incomeBand':
      return row.incomeBand ?? '';
    case 'politiattestLastChecked':
    case 'dissolutionDecidedOn':
      return formatDateNo(row[field]);
    default:
      return yesNo(row[field]);
  }
}

/** A parsed answer as the same string, so stored and submitted answers compare like for like. */
function submittedValue(form: FactsForm, field: FactsField): string {
  const v = form[field];
  if (v === null) return isYesNoField(field) ? 'unknown' : '';
  if (typeof v === 'boolean') return yesNo(v);
  if (field === 'politiattestLastChecked' || field === 'dissolutionDecidedOn') return formatDateNo(String(v));
  return String(v);
}

const YES_NO_FIELDS = new Set<FactsField>([
  'vatRegistered',
  'sellsTaxableGoods',
  'fundraisingFromPublic',
  'worksWithVulnerable',
  'wantsFrivillighetsregisteret',
  'wantsGrasrotandel',
  'umbrellaMember',
  'accountsReportingTakenOn',
]);
export const isYesNoField = (field: FactsField) => YES_NO_FIELDS.has(field);

/** The form's initial values: the board's saved answers, else what the registers know, else empty. */
export function initialFormValues(row: DeclaredFactsRow | null, prefill: Prefilled): Record<FactsField, string> {
  const out = {} as Record<FactsField, string>;
  for (const field of FACTS_FIELDS) {
    out[field] = row ? storedValue(row, field) : (prefill[field]?.value ?? (isYesNoField(field) ? 'unknown' : ''));
  }
  return out;
}

/** The answers that differ from what was saved before (all answers when nothing was saved). */
export function changedAnswers(row: DeclaredFactsRow | null, form: FactsForm): Record<FactsField, { from: string | null; to: string }> {
  const changed = {} as Record<FactsField, { from: string | null; to: string }>;
  for (const field of FACTS_FIELDS) {
    const to = submittedValue(form, field);
    const from = row ? storedValue(row, field) : null;
    if (from !== to) changed[field] = { from, to };
  }
  return changed;
}

/**
 * The fields to count for "information you did not have to give again": on the first save every answer;
 * later only the answers that changed ("unknown" and empty are no answer).
 */
export function provenanceSubmission(changed: Partial<Record<FactsField, { to: string }>>): Record<string, string | null> {
  const submitted: Record<string, string | null> = {};
  for (const [field, c] of Object.entries(changed)) submitted[field] = c.to === 'unknown' ? null : c.to;
  return submitted;
}

/** Answers the register contradicts: the plan uses the register (facts.ts), the page says so. */
export function registerDisagreements(
  facts: OrganisationFacts,
  row: DeclaredFactsRow | null,
): Partial<Record<FactsField, { source: 'enhetsregisteret' | 'frivillighetsregisteret'; value: string }>> {
  if (!row) return {};
  const out: Partial<Record<FactsField, { source: 'enhetsregisteret' | 'frivillighetsregisteret'; value: string }>> = {};
  if (facts.employees.source === 'enhetsregisteret' && row.employees !== null && row.employees !== facts.employees.value) {
    out.employees = { source: 'enhetsregisteret', value: String(facts.employees.value) };
  }
  if (facts.vatRegistered.source === 'enhetsregisteret' && facts.vatRegistered.value === true && row.vatRegistered === false) {
    out.vatRegistered = { source: 'enhetsregisteret', value: 'yes' };
  }
  if (
    facts.accountsReportingTakenOn.source === 'frivillighetsregisteret' &&
    row.accountsReportingTakenOn !== null &&
    row.accountsReportingTakenOn !== facts.accountsReportingTakenOn.value
  ) {
    out.accountsReportingTakenOn = { source: 'frivillighetsregisteret', value: yesNo(facts.accountsReportingTakenOn.value) };
  }
  return out;
}

import { randomUUID } from 'node:crypto';
import { and, countDistinct, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { formFieldProvenance } from '../db/schema.ts';

/**
 * Measured gain (issue 4, "once-only"): every form that shows values the platform already knew records,
 * per submitted field, whether the person kept the prefilled value, corrected it, or had to type it.
 * Only the outcome is stored — never the value — so this table holds no personal data beyond who submitted.
 */

export const PREFILL_SOURCES = [
  'enhetsregisteret',
  'frivillighetsregisteret',
  'roller',
  'workspace',
  'statutes',
  'founding-meeting',
  'profile',
] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];

/** What the form showed before the person touched it, by field name. A null value means "nothing known". */
export type Prefilled = Record<string, { value: string | null; source: PrefillSource }>;

export type ProvenanceOutcome = 'prefilled' | 'corrected' | 'typed';

export interface ProvenanceCounts {
  prefilled: number;
  corrected: number;
  typed: number;
}

export interface ProvenanceSummary {
  totals: ProvenanceCounts;
  /** Submissions recorded (a form saved several times counts each time: each time the typing was saved). */
  submissions: number;
  byForm: Array<ProvenanceCounts & { form: string; submissions: number }>;
  /** Only prefilled and corrected fields have a source. */
  bySource: Array<{ source: PrefillSource; prefilled: number; corrected: number }>;
}

export interface PlatformProvenanceTotals extends ProvenanceSummary {
  organisations: number;
}

/** Values compare after trimming; an empty string is "no value". */
function normalise(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * Classifies each submitted field. Rules (documented so every form counts the same way):
 * - a field absent from `submitted` (undefined) was not on the form: not recorded;
 * - prefilled with a known value and submitted unchanged → 'prefilled';
 * - prefilled with a known value and submitted different or emptied → 'corrected';
 * - no known prefill and a value submitted → 'typed'; no prefill and nothing submitted → not recorded.
 */
export function classifyFields(
  prefilled: Prefilled,
  submitted: Record<string, string | null | undefined>,
): Array<{ field: string; outcome: ProvenanceOutcome; source: PrefillSource | null }> {
  const rows: Array<{ field: string; outcome: ProvenanceOutcome; source: PrefillSource | null }> = [];
  for (const [field, raw] of Object.entries(submitted)) {
    if (raw === undefined) continue;
    const value = normalise(raw);
    const prefill = prefilled[field];
    const known = prefill ? normalise(prefill.value) : null;
    if (prefill && known !== null) {
      rows.push({ field, outcome: value === known ? 'prefilled' : 'corrected', source: prefill.source });
    } else if (value !== null) {
      rows.push({ field, outcome: 'typed', source: null });
    }
  }
  return rows;
}

/**
 * Records one submission's field provenance. Pass the transaction that saves the form as `db`, so the
 * figures and the change are written together or not at all.
 */
export async function recordFormProvenance(
  db: Db,
  opts: {
    organisationId: string;
    userId: string | null;
    form: string;
    prefilled: Prefilled;
    submitted: Record<string, string | null | undefined>;
    at?: Date;
  },
): Promise<void> {
  const rows = classifyFields(opts.prefilled, opts.submitted);
  if (rows.length === 0) return;
  const submissionId = randomUUID();
  await db.insert(formFieldProvenance).values(
    rows.map((row) => ({
      organisationId: opts.organisationId,
      userId: opts.userId,
      submissionId,
      form: opts.form,
      field: row.field,
      outcome: row.outcome,
      source: row.source,
      ...(opts.at ? { createdAt: opts.at } : {}),
    })),
  );
}

const outcomeCount = (outcome: ProvenanceOutcome) =>
  sql<number>`count(*) filter (where ${formFieldProvenance.outcome} = ${outcome})`.mapWith(Number);

async function summarise(db: Db, where: ReturnType<typeof and>): Promise<ProvenanceSummary> {
  const byForm = await db
    .select({
      form: formFieldProvenance.form,
      prefilled: outcomeCount('prefilled'),
      corrected: outcomeCount('corrected'),
      typed: outcomeCount('typed'),
      submissions: countDistinct(formFieldProvenance.submissionId),
    })
    .from(formFieldProvenance)
    .where(where)
    .groupBy(formFieldProvenance.form)
    .orderBy(formFieldProvenance.form);
  const bySourceRows = await db
    .select({
      source: formFieldProvenance.source,
      prefilled: outcomeCount('prefilled'),
      corrected: outcomeCount('corrected'),
    })
    .from(formFieldProvenance)
    .where(and(where, sql`${formFieldProvenance.source} is not null`))
    .groupBy(formFieldProvenance.source)
    .orderBy(formFieldProvenance.source);
  const totals = byForm.reduce<ProvenanceCounts>(
    (acc, row) => ({
      prefilled: acc.prefilled + row.prefilled,
      corrected: acc.corrected + row.corrected,
      typed: acc.typed + row.typed,
    }),
    { prefilled: 0, corrected: 0, typed: 0 },
  );
  return {
    totals,
    submissions: byForm.reduce((sum, row) => sum + row.submissions, 0),
    byForm: byForm.map((row) => ({ ...row, submissions: Number(row.submissions) })),
    bySource: bySourceRows.flatMap((row) =>
      row.source ? [{ source: row.source, prefilled: row.prefilled, corrected: row.corrected }] : [],
    ),
  };
}

/** One organisation's figures, for its workspace panel. No access check: callers have checked the role. */
export async function readProvenanceSummary(db: Db, opts: { organisationId: string }): Promise<ProvenanceSummary> {
  return summarise(db, and(eq(formFieldProvenance.organisationId, opts.organisationId)));
}

/** Figures across the platform (the ecosystem's gains dashboard); no personal data, only counts. */
export async function readPlatformProvenanceTotals(db: Db, opts: { since?: Date } = {}): Promise<PlatformProvenanceTotals> {
  const where = and(opts.since ? gte(formFieldProvenance.createdAt, opts.since) : undefined);
  const summary = await summarise(db, where);
  const [orgs] = await db
    .select({ n: countDistinct(formFieldProvenance.organisationId) })
    .from(formFieldProvenance)
    .where(where);
  return { ...summary, organisations: Number(orgs?.n ?? 0) };
}

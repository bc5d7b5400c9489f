import { and, count, countDistinct, eq, gte, inArray, isNotNull, like, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../core/db/client.ts';
import {
  auditEvents,
  formFieldProvenance,
  gainsSnapshots,
  marketplaceSuggestionsSeen,
  organisations,
  planTaskStatuses,
  registerEnheter,
  registrationPackages,
} from '../../core/db/schema.ts';
import type { PrefillSource } from '../../core/prefill/provenance.ts';
import type { Count } from './gains.indicators.ts';

/** All SQL of the gains dashboard. Aggregates only: no query here returns an organisation or a person. */

export interface MonthCount extends Count {
  month: string;
}

/** The month of a timestamp in Norway, as 'YYYY-MM' (the dashboard's months are Norwegian calendar months). */
const monthOf = (column: AnyPgColumn) => sql<string>`to_char(${column} at time zone 'Europe/Oslo', 'YYYY-MM')`;

const valueAndOrganisations = (organisationId: AnyPgColumn) => ({
  value: count().mapWith(Number),
  organisations: countDistinct(organisationId).mapWith(Number),
});

/** Which provenance rows an indicator counts: always fields kept as the platform filled them in. */
export interface ProvenanceFilter {
  sources?: readonly PrefillSource[];
  formPrefix?: string;
}

function provenanceWhere(f: ProvenanceFilter) {
  return and(
    eq(formFieldProvenance.outcome, 'prefilled'),
    f.sources ? inArray(formFieldProvenance.source, [...f.sources]) : undefined,
    f.formPrefix ? like(formFieldProvenance.form, `${f.formPrefix}%`) : undefined,
  );
}

export async function provenanceByMonth(db: Db, f: ProvenanceFilter, since: Date): Promise<MonthCount[]> {
  const month = monthOf(formFieldProvenance.createdAt);
  return db
    .select({ month, ...valueAndOrganisations(formFieldProvenance.organisationId) })
    .from(formFieldProvenance)
    .where(and(provenanceWhere(f), gte(formFieldProvenance.createdAt, since)))
    .groupBy(month);
}

/** Distinct organisations behind the filtered provenance rows, all time (for the small-count rule on totals). */
export async function provenanceOrganisations(db: Db, f: ProvenanceFilter): Promise<number> {
  const [row] = await db
    .select({ n: countDistinct(formFieldProvenance.organisationId).mapWith(Number) })
    .from(formFieldProvenance)
    .where(provenanceWhere(f));
  return row?.n ?? 0;
}

/** Plan tasks the board set to done, by month of the change (the audit entries setTaskStatus writes). */
export async function tasksMarkedDoneByMonth(db: Db, since: Date): Promise<MonthCount[]> {
  const month = monthOf(auditEvents.createdAt);
  return db
    .select({ month, ...valueAndOrganisations(auditEvents.organisationId) })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, 'plan.task_status_changed'),
        sql`${auditEvents.details}->>'status' = 'done'`,
        gte(auditEvents.createdAt, since),
      ),
    )
    .groupBy(month);
}

/** Plan tasks marked done by hand now. */
export async function tasksDoneNow(db: Db): Promise<Count> {
  const [row] = await db
    .select(valueAndOrganisations(planTaskStatuses.organisationId))
    .from(planTaskStatuses)
    .where(eq(planTaskStatuses.status, 'done'));
  return row ?? { value: 0, organisations: 0 };
}

/** Registration packages Brønnøysund's electronic intake gave a receipt for, by month of the receipt. */
export async function packagesReceivedByMonth(db: Db, since: Date): Promise<MonthCount[]> {
  const month = monthOf(registrationPackages.receivedAt);
  return db
    .select({ month, ...valueAndOrganisations(registrationPackages.organisationId) })
    .from(registrationPackages)
    .where(and(isNotNull(registrationPackages.receivedAt), gte(registrationPackages.receivedAt, since)))
    .groupBy(month);
}

export async function packagesReceived(db: Db): Promise<Count> {
  const [row] = await db
    .select(valueAndOrganisations(registrationPackages.organisationId))
    .from(registrationPackages)
    .where(isNotNull(registrationPackages.receivedAt));
  return row ?? { value: 0, organisations: 0 };
}

/**
 * Organisations the marketplace suggested an offering to (from their plan's open tasks or their own needs), by
 * the month of their first suggestion; an organisation counts once however many offerings it was shown.
 */
export async function organisationsSuggestedByMonth(db: Db, since: Date): Promise<MonthCount[]> {
  const first = db
    .select({
      organisationId: marketplaceSuggestionsSeen.organisationId,
      at: sql<Date>`min(${marketplaceSuggestionsSeen.firstAt})`.as('at'),
    })
    .from(marketplaceSuggestionsSeen)
    .groupBy(marketplaceSuggestionsSeen.organisationId)
    .as('first');
  const month = sql<string>`to_char(${first.at} at time zone 'Europe/Oslo', 'YYYY-MM')`;
  return db
    .select({ month, value: count().mapWith(Number), organisations: count().mapWith(Number) })
    .from(first)
    .where(gte(first.at, since))
    .groupBy(month);
}

export async function organisationsSuggested(db: Db): Promise<Count> {
  const [row] = await db
    .select({ n: countDistinct(marketplaceSuggestionsSeen.organisationId).mapWith(Number) })
    .from(marketplaceSuggestionsSeen);
  const n = row?.n ?? 0;
  return { value: n, organisations: n };
}

/** Workspaces whose organisasjonsnummer is in the register mirror (their profile is served from it). */
export async function registerLinkedWorkspaces(db: Db): Promise<Count> {
  const [row] = await db
    .select({ n: count().mapWith(Number) })
    .from(organisations)
    .innerJoin(registerEnheter, eq(registerEnheter.orgnr, organisations.orgnr));
  const n = row?.n ?? 0;
  return { value: n, organisations: n };
}

export async function listOrganisationIds(db: Db): Promise<string[]> {
  const rows = await db.select({ id: organisations.id }).from(organisations).orderBy(organisations.id);
  return rows.map((r) => r.id);
}

/**
 * Writes this month's snapshot figures. The primary key (month, indicator) with ON CONFLICT DO UPDATE makes a
 * repeated run, or two instances at once, leave one row per indicator: the latest figure of the month.
 */
export async function upsertSnapshots(
  db: Db,
  rows: Array<{ month: string; indicator: string; value: number; organisations: number; computedAt: Date }>,
) {
  if (rows.length === 0) return;
  await db
    .insert(gainsSnapshots)
    .values(rows)
    .onConflictDoUpdate({
      target: [gainsSnapshots.month, gainsSnapshots.indicator],
      set: {
        value: sql`excluded.value`,
        organisations: sql`excluded.organisations`,
        computedAt: sql`excluded.computed_at`,
      },
    });
}

export async function listSnapshots(db: Db, opts: { fromMonth: string }) {
  return db.select().from(gainsSnapshots).where(gte(gainsSnapshots.month, opts.fromMonth));
}

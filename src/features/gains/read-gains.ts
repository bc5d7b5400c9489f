import type { Deps } from '../../core/http/context.ts';
import { type PrefillSource, readPlatformProvenanceTotals } from '../../core/prefill/provenance.ts';
import { GAIN_IDS, type GainId } from '../ecosystem/gains.ts';
import {
  before,
  type Count,
  type Figure,
  INDICATORS,
  type IndicatorDef,
  type IndicatorId,
  lastMonths,
  publish,
} from './gains.indicators.ts';
import {
  listSnapshots,
  type MonthCount,
  organisationsSuggested,
  organisationsSuggestedByMonth,
  type ProvenanceFilter,
  packagesReceived,
  packagesReceivedByMonth,
  provenanceByMonth,
  provenanceOrganisations,
  tasksDoneNow,
  tasksMarkedDoneByMonth,
} from './gains.queries.ts';

/** The register sources of prefilled values: Enhetsregisteret, Frivillighetsregisteret and its role data. */
export const REGISTER_SOURCES: readonly PrefillSource[] = ['enhetsregisteret', 'frivillighetsregisteret', 'roller'];
const REGISTRATION_FORMS = 'registration.';

export interface IndicatorResult extends IndicatorDef {
  /** All time for 'history' indicators; the latest snapshot for 'snapshot' ones. */
  total: Figure;
  /** Share of all recorded form fields, in per cent with one decimal, where the indicator is a part of them. */
  share: number | null;
  /** For 'snapshot' indicators: the month of the figure in `total` (null: no snapshot yet). */
  asOf: string | null;
  /** The last 12 months, oldest first; null: no snapshot was taken that month. */
  months: Array<{ month: string; figure: Figure | null }>;
  /** False when the platform has recorded nothing for this indicator yet. */
  hasData: boolean;
}

export interface GainsResult {
  computedAt: Date;
  months: string[];
  gains: Array<{ id: GainId; indicators: IndicatorResult[] }>;
}

function share(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

function byMonth(months: string[], rows: MonthCount[]): IndicatorResult['months'] {
  const found = new Map(rows.map((r) => [r.month, r]));
  return months.map((month) => ({ month, figure: publish(found.get(month) ?? { value: 0, organisations: 0 }) }));
}

/**
 * Every indicator of the dashboard from the platform's own records (gains.indicators.ts says which). Public
 * and aggregate: each figure passes the small-count rule (`publish`) before it leaves this function.
 */
export async function readGains(deps: Deps): Promise<GainsResult> {
  const db = deps.database.db;
  const now = deps.now();
  const months = lastMonths(now);
  const since = before(months[0]!);
  const provenance = await readPlatformProvenanceTotals(db);
  const recorded = provenance.totals.prefilled + provenance.totals.corrected + provenance.totals.typed;
  const snapshots = await listSnapshots(db, { fromMonth: months[0]! });
  const latestSnapshots = new Map<string, (typeof snapshots)[number]>();
  for (const s of snapshots) {
    const seen = latestSnapshots.get(s.indicator);
    if (!seen || seen.month < s.month) latestSnapshots.set(s.indicator, s);
  }

  const history = async (total: Count, monthly: MonthCount[], part: number | null): Promise<Omit<IndicatorResult, keyof IndicatorDef>> => ({
    total: publish(total),
    share: part === null || publish(total).suppressed ? null : share(part, recorded),
    asOf: null,
    months: byMonth(
      months,
      monthly.filter((r) => months.includes(r.month)),
    ),
    hasData: total.value > 0 || monthly.some((r) => r.value > 0),
  });

  const fromProvenance = async (f: ProvenanceFilter, value: number) => {
    const total = { value, organisations: await provenanceOrganisations(db, f) };
    return history(total, await provenanceByMonth(db, f, since), value);
  };

  const snapshot = (id: IndicatorId): Omit<IndicatorResult, keyof IndicatorDef> => {
    const rows = new Map(snapshots.filter((s) => s.indicator === id).map((s) => [s.month, s]));
    const latest = latestSnapshots.get(id);
    return {
      total: latest ? publish(latest) : { value: null, suppressed: false },
      share: null,
      asOf: latest?.month ?? null,
      months: months.map((month) => {
        const row = rows.get(month);
        return { month, figure: row ? publish(row) : null };
      }),
      hasData: latest !== undefined,
    };
  };

  const registerPrefilled = provenance.bySource.filter((s) => REGISTER_SOURCES.includes(s.source)).reduce((n, s) => n + s.prefilled, 0);
  const registrationPrefilled = provenance.byForm.filter((f) => f.form.startsWith(REGISTRATION_FORMS)).reduce((n, f) => n + f.prefilled, 0);

  const computed: Record<IndicatorId, Omit<IndicatorResult, keyof IndicatorDef>> = {
    'fields-prefilled': await fromProvenance({}, provenance.totals.prefilled),
    'plan-tasks-done': await history(await tasksDoneNow(db), await tasksMarkedDoneByMonth(db, since), null),
    'registrations-received': await history(await packagesReceived(db), await packagesReceivedByMonth(db, since), null),
    'registration-fields-prefilled': await fromProvenance({ formPrefix: REGISTRATION_FORMS }, registrationPrefilled),
    'register-fields': await fromProvenance({ sources: REGISTER_SOURCES }, registerPrefilled),
    'register-linked-workspaces': snapshot('register-linked-workspaces'),
    'moms-matched': snapshot('moms-matched'),
    'grasrot-matched': snapshot('grasrot-matched'),
    'offerings-suggested': await history(await organisationsSuggested(db), await organisationsSuggestedByMonth(db, since), null),
  };

  return {
    computedAt: now,
    months,
    gains: GAIN_IDS.map((id) => ({
      id,
      indicators: INDICATORS.filter((i) => i.gain === id).map((i) => ({ ...i, ...computed[i.id] })),
    })),
  };
}

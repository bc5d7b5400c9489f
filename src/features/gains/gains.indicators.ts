import type { GainId } from '../ecosystem/gains.ts';

/**
 * The indicators of the gains dashboard (issue 5 item 8): which gain each serves and how its trend is kept.
 * 'history' indicators are counted from timestamps the platform already stores (any month can be recounted);
 * 'snapshot' indicators are point-in-time figures that cannot be rebuilt later, so the job `gains.snapshot`
 * keeps one row per month (gains_snapshots). What each counts, from which tables and what it leaves out is in
 * gains.messages.ts (`gains.ind.<id>.counts|source|excludes`), shown beside every number and in the API.
 */
export const INDICATOR_IDS = [
  'fields-prefilled',
  'plan-tasks-done',
  'registrations-received',
  'registration-fields-prefilled',
  'register-fields',
  'register-linked-workspaces',
  'moms-matched',
  'grasrot-matched',
  'offerings-suggested',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export interface IndicatorDef {
  id: IndicatorId;
  gain: GainId;
  kind: 'history' | 'snapshot';
}

export const INDICATORS: readonly IndicatorDef[] = [
  { id: 'fields-prefilled', gain: 'less-admin-organisations', kind: 'history' },
  { id: 'plan-tasks-done', gain: 'less-admin-organisations', kind: 'history' },
  { id: 'registrations-received', gain: 'less-admin-public', kind: 'history' },
  { id: 'registration-fields-prefilled', gain: 'less-admin-public', kind: 'history' },
  { id: 'register-fields', gain: 'register-data-reuse', kind: 'history' },
  { id: 'register-linked-workspaces', gain: 'register-data-reuse', kind: 'snapshot' },
  { id: 'moms-matched', gain: 'targeted-grants', kind: 'snapshot' },
  { id: 'grasrot-matched', gain: 'targeted-grants', kind: 'snapshot' },
  { id: 'offerings-suggested', gain: 'targeted-grants', kind: 'history' },
];

export const SNAPSHOT_INDICATORS = INDICATORS.filter((i) => i.kind === 'snapshot').map((i) => i.id);

/**
 * The small-count rule: a figure drawn from 1–4 organisations could point to one organisation (a single
 * association's registration, its plan), so it is not shown — the page says "færre enn 5" and the API gives
 * null with suppressed: true. Zero is shown. The rule applies alike to totals and to each month.
 */
export const MIN_ORGANISATIONS = 5;

/** A count and the number of distinct organisations behind it (the latter is never published). */
export interface Count {
  value: number;
  organisations: number;
}

export interface Figure {
  /** Null when suppressed. */
  value: number | null;
  suppressed: boolean;
}

export function publish(count: Count): Figure {
  const suppressed = count.organisations > 0 && count.organisations < MIN_ORGANISATIONS;
  return { value: suppressed ? null : count.value, suppressed };
}

/** 'YYYY-MM' of an instant in Norway. */
export function osloMonth(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit' }).format(at).slice(0, 7);
}

/** The last `n` months up to and including the month of `now` in Norway, oldest first. */
export function lastMonths(now: Date, n = 12): string[] {
  const [y, m] = osloMonth(now).split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const total = y * 12 + (m - 1) - (n - 1 - i);
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
  });
}

/** An instant safely before the first moment of `month` in Norway (rows are then keyed by month in SQL). */
export function before(month: string): Date {
  return new Date(Date.parse(`${month}-01T00:00:00Z`) - 24 * 60 * 60_000);
}

import type { Deps } from '../../core/http/context.ts';
import { createWorker, type JobHandler, type RecurringJob, type Worker } from '../../core/jobs/worker.ts';
import { readOrganisationFacts } from '../plan/facts.ts';
import { listManualTaskStatuses } from '../plan/plan.queries.ts';
import { evaluatePlan, type TaskId } from '../plan/plan.rules.ts';
import { type Count, type IndicatorId, osloMonth } from './gains.indicators.ts';
import { listOrganisationIds, registerLinkedWorkspaces, upsertSnapshots } from './gains.queries.ts';

/**
 * The point-in-time indicators, written once a month and kept (gains_snapshots): how many workspaces are
 * linked to the register mirror, and how many personal plans include applying for momskompensasjon or
 * Grasrotandelen — the schemes the plan matches from the organisation's facts. A run stores the figures for the
 * current month in Norway, replacing an earlier run of the same month, so the month keeps its last figure.
 */

export const SNAPSHOT_JOB = 'gains.snapshot';
/** Every six hours: each month gets figures even when an instance restarts, and the last days of a month count. */
export const SNAPSHOT_INTERVAL_MS = 6 * 60 * 60_000;

/** Plans that include the scheme's task (it applies and the board has not marked it not relevant). */
const SCHEME_TASKS: Record<'moms-matched' | 'grasrot-matched', TaskId> = {
  'moms-matched': 'sok-momskompensasjon',
  'grasrot-matched': 'meld-grasrotandel',
};

export async function countSchemeMatches(
  deps: Deps,
  opts: { signal?: AbortSignal; heartbeat?: () => Promise<void> } = {},
): Promise<Record<keyof typeof SCHEME_TASKS, Count>> {
  const db = deps.database.db;
  const counts = { 'moms-matched': 0, 'grasrot-matched': 0 };
  const ids = await listOrganisationIds(db);
  for (const [i, organisationId] of ids.entries()) {
    if (opts.signal?.aborted) throw new Error('gains snapshot aborted');
    if (opts.heartbeat && i % 50 === 49) await opts.heartbeat();
    const [facts, manual] = await Promise.all([readOrganisationFacts(db, organisationId), listManualTaskStatuses(db, organisationId)]);
    const tasks = evaluatePlan(facts, manual);
    for (const [indicator, taskId] of Object.entries(SCHEME_TASKS) as Array<[keyof typeof SCHEME_TASKS, TaskId]>) {
      const task = tasks.find((t) => t.id === taskId);
      if (task?.applies && task.status !== 'not-relevant') counts[indicator]++;
    }
  }
  return {
    'moms-matched': { value: counts['moms-matched'], organisations: counts['moms-matched'] },
    'grasrot-matched': { value: counts['grasrot-matched'], organisations: counts['grasrot-matched'] },
  };
}

/** Takes this month's snapshot; safe to run any number of times and in several instances at once. */
export async function takeGainsSnapshot(
  deps: Deps,
  opts: { signal?: AbortSignal; heartbeat?: () => Promise<void> } = {},
): Promise<{ month: string }> {
  const at = deps.now();
  const month = osloMonth(at);
  const figures: Record<Extract<IndicatorId, 'register-linked-workspaces' | 'moms-matched' | 'grasrot-matched'>, Count> = {
    'register-linked-workspaces': await registerLinkedWorkspaces(deps.database.db),
    ...(await countSchemeMatches(deps, opts)),
  };
  await upsertSnapshots(
    deps.database.db,
    Object.entries(figures).map(([indicator, c]) => ({ month, indicator, value: c.value, organisations: c.organisations, computedAt: at })),
  );
  return { month };
}

export function gainsJobHandlers(deps: Deps): Record<string, JobHandler> {
  return {
    [SNAPSHOT_JOB]: async ({ signal, heartbeat }) => {
      await takeGainsSnapshot(deps, { signal, heartbeat });
    },
  };
}

export function gainsSchedule(): RecurringJob[] {
  return [{ name: SNAPSHOT_JOB, everyMs: SNAPSHOT_INTERVAL_MS, maxAttempts: 3 }];
}

/** The worker `serve` starts for the dashboard's snapshots. */
export function createGainsWorker(deps: Deps, opts: { workerId?: string; pollMs?: number } = {}): Worker {
  return createWorker(deps, { handlers: gainsJobHandlers(deps), recurring: gainsSchedule(), workerId: opts.workerId, pollMs: opts.pollMs });
}

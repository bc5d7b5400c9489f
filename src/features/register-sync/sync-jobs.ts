import type { Deps } from '../../core/http/context.ts';
import { deleteQueuedBySingletonKey } from '../../core/jobs/jobs.queries.ts';
import { recurringKey } from '../../core/jobs/queue.ts';
import { createWorker, type JobHandler, type RecurringJob, type Worker } from '../../core/jobs/worker.ts';
import { type BrregClient, createBrregClient } from '../register/brreg-client.ts';
import { FRIVILLIGE_WALK } from '../register/import-frivillige.ts';
import { ENHETER_FEED, followEnheterFeed } from './follow-enheter-feed.ts';
import { followRollerFeed, ROLLER_FEED } from './follow-roller-feed.ts';
import { rewalkFrivillige } from './rewalk-frivillige.ts';

/**
 * The three followers as background jobs on the core job runner (src/core/jobs): each is a recurring job
 * under a singleton key, so however many app instances run workers, one run of each is queued or running.
 */

export const FOLLOWERS = [ENHETER_FEED, ROLLER_FEED, FRIVILLIGE_WALK] as const;
export type Follower = (typeof FOLLOWERS)[number];

export const jobNameOf = (follower: Follower) => `register-sync.${follower}`;
export const singletonKeyOf = (follower: Follower) => recurringKey(jobNameOf(follower));

/** A failed run is retried with backoff (30 s, 60 s); after that the next scheduled run tries again. */
export const SYNC_MAX_ATTEMPTS = 3;
const DAY_MS = 24 * 60 * 60_000;

type SyncDeps = Pick<Deps, 'database' | 'logger' | 'now' | 'config'>;

export function registerSyncHandlers(deps: SyncDeps, opts: { client?: BrregClient } = {}): Record<string, JobHandler> {
  // Timeouts and retries with backoff on every request (brief §1.1: no published rate limits; be gentle).
  const client = opts.client ?? createBrregClient({ logger: deps.logger, timeoutMs: 30_000, retries: 3 });
  return {
    [jobNameOf(ENHETER_FEED)]: async ({ signal, heartbeat }) => {
      await followEnheterFeed(deps, { client, signal, heartbeat });
    },
    [jobNameOf(ROLLER_FEED)]: async ({ signal, heartbeat }) => {
      await followRollerFeed(deps, { client, signal, heartbeat });
    },
    [jobNameOf(FRIVILLIGE_WALK)]: async ({ signal }) => {
      await rewalkFrivillige(deps, { client, signal });
    },
  };
}

/** Feeds every REGISTER_SYNC_INTERVAL_MINUTES; Frivillighetsregisteret, which has no feed, once a day. */
export function registerSyncSchedule(config: Deps['config']): RecurringJob[] {
  const every = config.REGISTER_SYNC_INTERVAL_MINUTES * 60_000;
  return [
    { name: jobNameOf(ENHETER_FEED), everyMs: every, maxAttempts: SYNC_MAX_ATTEMPTS },
    { name: jobNameOf(ROLLER_FEED), everyMs: every, maxAttempts: SYNC_MAX_ATTEMPTS },
    { name: jobNameOf(FRIVILLIGE_WALK), everyMs: DAY_MS, maxAttempts: SYNC_MAX_ATTEMPTS },
  ];
}

/**
 * The worker `serve` starts. It always runs the sync jobs (so "run now" on the status page works), but only
 * schedules them when REGISTER_SYNC_ENABLED is on; when it is off, runs left queued from an earlier start are
 * removed so the embedded demo never calls the registers by itself.
 */
export function createRegisterSyncWorker(deps: SyncDeps, opts: { client?: BrregClient; workerId?: string; pollMs?: number } = {}): Worker {
  const enabled = deps.config.registerSyncEnabled;
  const worker = createWorker(deps, {
    handlers: registerSyncHandlers(deps, { client: opts.client }),
    recurring: enabled ? registerSyncSchedule(deps.config) : [],
    workerId: opts.workerId,
    pollMs: opts.pollMs,
  });
  return {
    ...worker,
    async start() {
      if (!enabled) {
        for (const follower of FOLLOWERS) await deleteQueuedBySingletonKey(deps.database.db, singletonKeyOf(follower));
        deps.logger.info('register sync is off (REGISTER_SYNC_ENABLED); jobs run only when an administrator asks');
      }
      await worker.start();
    },
  };
}

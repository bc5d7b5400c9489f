import { requirePlatformRole } from '../../core/auth/access.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import type { Deps } from '../../core/http/context.ts';
import { activeJobsBySingletonKey } from '../../core/jobs/jobs.queries.ts';
import { FRIVILLIGE_WALK } from '../register/import-frivillige.ts';
import { blockedItem } from './follower-state.ts';
import { quarantineCounts, recentImportRuns, syncStates } from './register-sync.queries.ts';
import { FOLLOWERS, type Follower, singletonKeyOf } from './sync-jobs.ts';

export interface FollowerStatus {
  name: Follower;
  cursor: string | null;
  lastRunAt: Date | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
  consecutiveFailures: number;
  /**
   * How far behind we are: for the feeds, now − the date of the last entry processed; for the
   * Frivillighetsregisteret walk (no feed), now − the last complete walk. Null before the first.
   */
  lagSeconds: number | null;
  caughtUp: boolean | null;
  /** An item failing runs in a row (quarantined after three). */
  blocked: { id: string; failures: number } | null;
  /** The queued or running job of this follower, if any. */
  job: { status: 'queued' | 'running' | 'done' | 'failed'; runAt: Date; attempts: number; maxAttempts: number } | null;
}

const RECENT_RUNS = 10;

/** The administrators' view of register sync: each follower's health, recent imports and quarantine. */
export async function readSyncStatus(deps: Deps, opts: { user: CurrentUser | null }) {
  requirePlatformRole(opts.user, 'administrator');
  const { db } = deps.database;
  const now = deps.now();
  const [states, jobs, runs, quarantine] = [
    await syncStates(db, FOLLOWERS),
    await activeJobsBySingletonKey(db, FOLLOWERS.map(singletonKeyOf)),
    await recentImportRuns(db, RECENT_RUNS),
    await quarantineCounts(db),
  ];
  const secondsSince = (d: Date | null) => (d ? Math.max(0, Math.round((now.getTime() - d.getTime()) / 1000)) : null);
  const followers: FollowerStatus[] = FOLLOWERS.map((name) => {
    const s = states.find((x) => x.name === name);
    const job = jobs.find((j) => j.singletonKey === singletonKeyOf(name));
    const lastEntryAt = typeof s?.details?.lastEntryAt === 'string' ? new Date(s.details.lastEntryAt) : null;
    const blocked = blockedItem(s);
    return {
      name,
      cursor: s?.cursor ?? null,
      lastRunAt: s?.lastRunAt ?? null,
      lastSuccessAt: s?.lastSuccessAt ?? null,
      lastError: s?.lastError ?? null,
      consecutiveFailures: s?.consecutiveFailures ?? 0,
      lagSeconds: name === FRIVILLIGE_WALK ? secondsSince(s?.lastSuccessAt ?? null) : secondsSince(lastEntryAt),
      caughtUp: typeof s?.details?.caughtUp === 'boolean' ? s.details.caughtUp : null,
      blocked: blocked ? { id: blocked.id, failures: blocked.failures } : null,
      job: job ? { status: job.status, runAt: job.runAt, attempts: job.attempts, maxAttempts: job.maxAttempts } : null,
    };
  });
  return {
    enabled: deps.config.registerSyncEnabled,
    intervalMinutes: deps.config.REGISTER_SYNC_INTERVAL_MINUTES,
    followers,
    runs,
    quarantine,
  };
}

export type SyncStatus = Awaited<ReturnType<typeof readSyncStatus>>;

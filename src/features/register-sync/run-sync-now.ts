import { recordAudit } from '../../core/audit.ts';
import { requirePlatformRole } from '../../core/auth/access.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import type { Db } from '../../core/db/client.ts';
import type { Deps } from '../../core/http/context.ts';
import { enqueue } from '../../core/jobs/queue.ts';
import { type Follower, jobNameOf, SYNC_MAX_ATTEMPTS, singletonKeyOf } from './sync-jobs.ts';

/**
 * An administrator asks for a follower to run now. It takes the place of the follower's next scheduled run
 * (same singleton key, moved forward), so it never runs twice at once; if it is running already, nothing is
 * queued. Returns whether a run was queued. Audited with the administrator's id.
 */
export async function runSyncNow(deps: Deps, opts: { user: CurrentUser | null; follower: Follower }): Promise<'queued' | 'running'> {
  const admin = requirePlatformRole(opts.user, 'administrator');
  return deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const id = await enqueue(db, {
      name: jobNameOf(opts.follower),
      singletonKey: singletonKeyOf(opts.follower),
      runAt: deps.now(),
      runSooner: true,
      maxAttempts: SYNC_MAX_ATTEMPTS,
    });
    if (!id) return 'running';
    await recordAudit(db, {
      organisationId: null,
      actorUserId: admin.id,
      action: 'register_sync.run_requested',
      details: { follower: opts.follower, jobId: id },
      at: deps.now(),
    });
    deps.logger.info('register sync run requested', { follower: opts.follower, jobId: id, by: admin.id });
    return 'queued';
  });
}

import type { Deps } from '../../core/http/context.ts';
import type { BrregClient } from '../register/brreg-client.ts';
import { ImportFailedError } from '../register/import-errors.ts';
import { FRIVILLIGE_WALK, type ImportFrivilligeResult, importFrivillige } from '../register/import-frivillige.ts';
import { markRunFailed } from './follower-state.ts';

/**
 * Frivillighetsregisteret has no change feed, so it is walked again in full every day (brief §7). This is the
 * import's own walk (`importFrivillige`): page by page with its cursor in register_sync_state
 * "frivillige-walk", resumable after a failure, and only a complete walk marks organisations that left FRR.
 */
export async function rewalkFrivillige(
  deps: Pick<Deps, 'database' | 'logger' | 'now' | 'config'>,
  opts: { client?: BrregClient; signal?: AbortSignal } = {},
): Promise<ImportFrivilligeResult> {
  try {
    const result = await importFrivillige(deps, { client: opts.client, signal: opts.signal });
    // An interrupted walk is not a finished one: fail the job so it is retried (or put back on shutdown).
    if (result.status === 'interrupted') {
      opts.signal?.throwIfAborted();
      throw new Error('The Frivillighetsregisteret walk was interrupted; it resumes from its cursor.');
    }
    return result;
  } catch (error) {
    // The walk records its own failures; one that never got going (another import holds the lock) is noted here.
    if (!(error instanceof ImportFailedError)) await markRunFailed(deps.database.db, FRIVILLIGE_WALK, error).catch(() => {});
    throw error;
  }
}

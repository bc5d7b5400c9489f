import type { Db } from '../../core/db/client.ts';
import { getSyncState, type SyncState, saveSyncState } from '../register/register.queries.ts';

/**
 * Bookkeeping shared by the feed followers in register_sync_state: when each last ran and succeeded, the
 * error and number of failures in a row, the cursor, and details such as the lag.
 *
 * A bad item in a feed (an entry that is not the documented shape, or a unit whose record is not) fails the
 * whole page: nothing of the page is written and the cursor stays, so the job's retry sees the page again —
 * a glitch costs a retry, not data. An item that is still bad after QUARANTINE_AFTER runs in a row is put in
 * register_quarantine (reason and raw text, shown on the status page) so one broken record cannot stop the
 * feed for good; that is the only way an item is passed over, and never silently.
 */
export const QUARANTINE_AFTER = 3;

/** A follower's record of the item that failed its last runs. */
export interface BlockedItem {
  id: string;
  reason: string;
  failures: number;
}

export class FeedItemError extends Error {
  constructor(
    /** Stable across retries: the entry's oppdateringsid or event id, or its position after the cursor. */
    readonly itemId: string,
    readonly reason: string,
    readonly raw: string,
  ) {
    super(`Item ${itemId}: ${reason}`);
    this.name = 'FeedItemError';
  }
}

/** The feed answered something that is not a page at all (then there is no item to set aside). */
export class FeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedError';
  }
}

export function blockedItem(state: SyncState | undefined): BlockedItem | null {
  const b = state?.details?.blocked as Partial<BlockedItem> | undefined;
  if (!b || typeof b.id !== 'string' || typeof b.failures !== 'number') return null;
  return { id: b.id, reason: String(b.reason ?? ''), failures: b.failures };
}

/** True when this item has failed enough runs in a row that this run quarantines it instead of failing again. */
export function quarantineNow(state: SyncState | undefined, itemId: string): boolean {
  const b = blockedItem(state);
  return b !== null && b.id === itemId && b.failures + 1 >= QUARANTINE_AFTER;
}

/** Details without the blocked-item record (after a page got past it). */
export function withoutBlocked(details: Record<string, unknown> | undefined): Record<string, unknown> {
  const { blocked: _blocked, ...rest } = details ?? {};
  return rest;
}

export async function markRunStarted(db: Db, name: string, now: Date): Promise<SyncState | undefined> {
  await saveSyncState(db, name, { lastRunAt: now });
  return getSyncState(db, name);
}

export async function markRunSucceeded(db: Db, name: string, now: Date, details: Record<string, unknown>): Promise<void> {
  const state = await getSyncState(db, name);
  await saveSyncState(db, name, {
    lastSuccessAt: now,
    lastError: null,
    consecutiveFailures: 0,
    details: { ...withoutBlocked(state?.details), ...details },
  });
}

/** Records a failed run; for a bad item, counts how many runs in a row it has failed. */
export async function markRunFailed(db: Db, name: string, error: unknown): Promise<void> {
  const state = await getSyncState(db, name);
  const message = error instanceof Error ? error.message : String(error);
  const details = { ...(state?.details ?? {}) };
  if (error instanceof FeedItemError) {
    const before = blockedItem(state);
    const failures = before?.id === error.itemId ? before.failures + 1 : 1;
    details.blocked = { id: error.itemId, reason: error.reason, failures } satisfies BlockedItem;
  }
  await saveSyncState(db, name, {
    lastError: message.slice(0, 2000),
    consecutiveFailures: (state?.consecutiveFailures ?? 0) + 1,
    details,
  });
}

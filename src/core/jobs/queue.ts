import type { Db } from '../db/client.ts';
import { insertJob } from './jobs.queries.ts';

export interface EnqueueOptions {
  name: string;
  payload?: Record<string, unknown>;
  /** When the job may run; default: now (the caller's clock, `deps.now()`, when it has one). */
  runAt?: Date;
  /** At most one queued or running job per key; a second enqueue with the same key is ignored. */
  singletonKey?: string;
  /** Attempts before the job is marked failed (default 5); failed attempts are retried with exponential backoff. */
  maxAttempts?: number;
  /** With a singleton key: move an already queued job forward to `runAt` instead of ignoring the call. */
  runSooner?: boolean;
}

/**
 * Puts a job in the queue (the `jobs` table). Any worker in any app instance with a handler for `name` runs it.
 * Returns the id of the inserted (or, with `runSooner`, the moved) job, or null when a job with the singleton
 * key is already queued or running.
 */
export async function enqueue(db: Db, opts: EnqueueOptions): Promise<string | null> {
  if (!opts.name) throw new Error('enqueue: a job needs a name');
  if (opts.maxAttempts !== undefined && (!Number.isInteger(opts.maxAttempts) || opts.maxAttempts < 1)) {
    throw new Error('enqueue: maxAttempts must be a whole number of at least 1');
  }
  return insertJob(
    db,
    {
      name: opts.name,
      payload: opts.payload,
      runAt: opts.runAt ?? new Date(),
      singletonKey: opts.singletonKey ?? null,
      maxAttempts: opts.maxAttempts,
    },
    { runSooner: opts.runSooner },
  );
}

/** The singleton key a recurring job is queued under, so exactly one next run is ever waiting. */
export function recurringKey(name: string): string {
  return `recurring:${name}`;
}

import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../db/client.ts';
import { jobs } from '../db/schema.ts';

/**
 * All SQL of the job runner. Times come from the caller (the injected clock, `deps.now()`), like session expiry,
 * so tests can move time; app instances therefore need synchronised clocks (NTP), which they need for sessions
 * already. Written for PostgreSQL 15 and run on PGlite (PostgreSQL 18) too.
 */

export type Job = typeof jobs.$inferSelect;

export interface NewJob {
  name: string;
  payload?: Record<string, unknown>;
  runAt: Date;
  singletonKey?: string | null;
  maxAttempts?: number;
}

/**
 * Inserts a job. With a singleton key, at most one job with that key is queued or running (a partial unique
 * index): a second one is not inserted. `runSooner` moves an already queued one forward to `runAt` instead
 * (the "run now" button). Returns the job id, or null when nothing was inserted or moved.
 */
export async function insertJob(db: Db, job: NewJob, opts: { runSooner?: boolean } = {}): Promise<string | null> {
  const values = {
    name: job.name,
    payload: job.payload ?? {},
    runAt: job.runAt,
    singletonKey: job.singletonKey ?? null,
    maxAttempts: job.maxAttempts ?? 5,
  };
  if (!values.singletonKey) {
    const [row] = await db.insert(jobs).values(values).returning({ id: jobs.id });
    return row?.id ?? null;
  }
  const insert = db.insert(jobs).values(values);
  // ON CONFLICT must name the partial index's predicate to match it (PostgreSQL's arbiter index inference).
  const partial = sql`status in ('queued', 'running')`;
  const rows = opts.runSooner
    ? await insert
        .onConflictDoUpdate({
          target: jobs.singletonKey,
          targetWhere: partial,
          set: { runAt: sql`least(${jobs.runAt}, excluded.run_at)` },
          // A running job is left alone: it is already doing what was asked.
          setWhere: sql`${jobs.status} = 'queued'`,
        })
        .returning({ id: jobs.id })
    : await insert.onConflictDoNothing({ target: jobs.singletonKey, where: partial }).returning({ id: jobs.id });
  return rows[0]?.id ?? null;
}

/** How a claimed job's last_error starts when its previous worker's lease ran out (a takeover). */
export const TAKEOVER_PREFIX = 'the lease of worker ';

/**
 * Claims one due job for this worker: a queued job whose time has come, or a running job whose lease has
 * expired (its worker crashed or lost its connection). FOR UPDATE SKIP LOCKED lets several workers in several
 * instances claim at once without waiting on or taking each other's row; the lease (locked_until) is what
 * keeps a claimed job from being claimed again after the claiming transaction commits.
 */
export async function claimJob(db: Db, opts: { names: string[]; workerId: string; now: Date; leaseMs: number }): Promise<Job | null> {
  if (opts.names.length === 0) return null;
  const now = opts.now.toISOString();
  const until = new Date(opts.now.getTime() + opts.leaseMs).toISOString();
  const names = sql.join(
    opts.names.map((n) => sql`${n}`),
    sql`, `,
  );
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      update jobs set
        status = 'running',
        attempts = attempts + 1,
        locked_by = ${opts.workerId},
        locked_until = ${until}::timestamptz,
        -- SET sees the old row: a takeover is written down (and logged by the worker) so it is not silent.
        last_error = case when status = 'running'
          then ${TAKEOVER_PREFIX} || coalesce(locked_by, '?') || ' expired before it finished (it stopped or lost its connection)'
          else last_error end
      where id = (
        select id from jobs
        where name in (${names})
          and ((status = 'queued' and run_at <= ${now}::timestamptz)
            or (status = 'running' and locked_until < ${now}::timestamptz))
        order by run_at
        for update skip locked
        limit 1)
      returning id`),
  );
  const id = rows[0]?.id as string | undefined;
  if (!id) return null;
  const [job] = await db.select().from(jobs).where(eq(jobs.id, id));
  return job ?? null;
}

/** Only the worker holding the lease may touch a running job; a worker that lost it gets `false`. */
const heldBy = (id: string, workerId: string) => and(eq(jobs.id, id), eq(jobs.status, 'running'), eq(jobs.lockedBy, workerId));

export async function extendLease(db: Db, opts: { id: string; workerId: string; now: Date; leaseMs: number }): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ lockedUntil: new Date(opts.now.getTime() + opts.leaseMs) })
    .where(heldBy(opts.id, opts.workerId))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

export async function completeJob(db: Db, opts: { id: string; workerId: string; now: Date }): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ status: 'done', lockedBy: null, lockedUntil: null, lastError: null, finishedAt: opts.now })
    .where(heldBy(opts.id, opts.workerId))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Puts a failed attempt back in the queue at `runAt` (backoff), keeping the error. */
export async function retryJob(db: Db, opts: { id: string; workerId: string; error: string; runAt: Date }): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ status: 'queued', lockedBy: null, lockedUntil: null, lastError: opts.error, runAt: opts.runAt })
    .where(heldBy(opts.id, opts.workerId))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

export async function failJob(db: Db, opts: { id: string; workerId: string; error: string; now: Date }): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ status: 'failed', lockedBy: null, lockedUntil: null, lastError: opts.error, finishedAt: opts.now })
    .where(heldBy(opts.id, opts.workerId))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** A job interrupted by a graceful stop goes back to the queue, and the interrupted attempt does not count. */
export async function releaseJob(db: Db, opts: { id: string; workerId: string; now: Date }): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ status: 'queued', lockedBy: null, lockedUntil: null, runAt: opts.now, attempts: sql`greatest(${jobs.attempts} - 1, 0)` })
    .where(heldBy(opts.id, opts.workerId))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Finished jobs are kept a while for the status page, then removed so the table stays small. */
export async function purgeFinishedJobs(db: Db, olderThan: Date): Promise<number> {
  const rows = await db
    .delete(jobs)
    .where(and(inArray(jobs.status, ['done', 'failed']), lt(jobs.finishedAt, olderThan)))
    .returning({ id: jobs.id });
  return rows.length;
}

/** Removes the queued (not the running) job with a singleton key: a recurring job that is switched off. */
export async function deleteQueuedBySingletonKey(db: Db, singletonKey: string): Promise<number> {
  const rows = await db
    .delete(jobs)
    .where(and(eq(jobs.singletonKey, singletonKey), eq(jobs.status, 'queued')))
    .returning({ id: jobs.id });
  return rows.length;
}

/** The queued or running job of each singleton key (the next or current run of a recurring job). */
export async function activeJobsBySingletonKey(db: Db, singletonKeys: string[]): Promise<Job[]> {
  if (singletonKeys.length === 0) return [];
  return db
    .select()
    .from(jobs)
    .where(and(inArray(jobs.singletonKey, singletonKeys), inArray(jobs.status, ['queued', 'running'])));
}

export async function getJob(db: Db, id: string): Promise<Job | null> {
  const [job] = await db.select().from(jobs).where(eq(jobs.id, id));
  return job ?? null;
}

import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../db/client.ts';
import type { Deps } from '../http/context.ts';
import type { Logger } from '../logger.ts';
import {
  claimJob,
  completeJob,
  extendLease,
  failJob,
  insertJob,
  type Job,
  purgeFinishedJobs,
  releaseJob,
  retryJob,
  TAKEOVER_PREFIX,
} from './jobs.queries.ts';
import { recurringKey } from './queue.ts';

/**
 * A small job runner on the `jobs` table (no extra service): any number of workers, in any number of app
 * instances, claim due jobs with FOR UPDATE SKIP LOCKED and hold a lease while they run. A worker that dies
 * stops renewing its lease and another worker takes the job over once it expires. Failed attempts are retried
 * with exponential backoff up to the job's maxAttempts. Recurring jobs are queued under a singleton key, so
 * however many instances run, exactly one next run is waiting.
 */

export interface JobContext {
  job: Job;
  payload: Record<string, unknown>;
  /** 1 for the first attempt. */
  attempt: number;
  /** Aborted when the worker stops (graceful shutdown ran out of time) or lost the job's lease. */
  signal: AbortSignal;
  /** Renews the lease now; long handlers may call it between steps (the worker also renews it on a timer). */
  heartbeat(): Promise<void>;
}

export type JobHandler = (ctx: JobContext) => Promise<void>;

export interface RecurringJob {
  name: string;
  /** Time from the end of one run to the start of the next. */
  everyMs: number;
  payload?: Record<string, unknown>;
  maxAttempts?: number;
}

export interface WorkerOptions {
  handlers: Record<string, JobHandler>;
  recurring?: RecurringJob[];
  /** Pause between polls when no job was due (default 5 s). */
  pollMs?: number;
  /** Names this worker in the lease and in logs (default host:pid:random). */
  workerId?: string;
  /** How long a claim holds without renewal; renewed every third of it while the handler runs (default 5 min). */
  leaseMs?: number;
  /** Delay before the first retry, doubled per further attempt (default 30 s), capped at maxBackoffMs (default 1 h). */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Finished jobs older than this are purged (default 7 days). */
  keepFinishedMs?: number;
}

export type RunOutcome = 'done' | 'retry' | 'failed' | 'released' | 'lost';
export type RunResult = { ran: false } | { ran: true; jobId: string; name: string; outcome: RunOutcome; error?: string };

export interface Worker {
  readonly workerId: string;
  /** Queues the recurring jobs (if not queued already) and starts polling. */
  start(): Promise<void>;
  /**
   * Stops polling and waits up to `graceMs` (default 30 s) for the running job; a job still running then is
   * aborted and put back in the queue for another worker (the interrupted attempt does not count).
   */
  stop(opts?: { graceMs?: number }): Promise<void>;
  /** Claims and runs at most one due job. Tests drive the worker with this; `start` loops over it. */
  runOnce(): Promise<RunResult>;
  /** Queues the next run of every recurring job that has none queued or running. */
  scheduleRecurring(): Promise<void>;
}

class WorkerStoppingError extends Error {
  constructor() {
    super('the worker is stopping');
    this.name = 'WorkerStoppingError';
  }
}

class LeaseLostError extends Error {
  constructor() {
    super('the lease was lost: another worker has taken the job over');
    this.name = 'LeaseLostError';
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** Waits `ms`, or less when `signal` aborts; never rejects. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** True when `promise` settles within `ms`; the timer is cleared either way so it holds no process open. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  const timeout = new AbortController();
  const timedOut = pause(ms, timeout.signal).then(() => false);
  try {
    return await Promise.race([promise.then(() => true), timedOut]);
  } finally {
    timeout.abort();
  }
}

export function createWorker(deps: Pick<Deps, 'database' | 'logger' | 'now'>, opts: WorkerOptions): Worker {
  const db: Db = deps.database.db;
  const logger: Logger = deps.logger;
  const workerId = opts.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const pollMs = opts.pollMs ?? 5_000;
  const leaseMs = opts.leaseMs ?? 5 * 60_000;
  const backoffMs = opts.backoffMs ?? 30_000;
  const maxBackoffMs = opts.maxBackoffMs ?? 60 * 60_000;
  const keepFinishedMs = opts.keepFinishedMs ?? 7 * 24 * 60 * 60_000;
  const names = Object.keys(opts.handlers);
  const recurring = new Map((opts.recurring ?? []).map((r) => [r.name, r]));
  for (const name of recurring.keys()) {
    if (!opts.handlers[name]) throw new Error(`createWorker: recurring job "${name}" has no handler`);
  }

  let stopping = false;
  let loop: Promise<void> | null = null;
  const wake = new AbortController();
  let current: { controller: AbortController; done: Promise<unknown> } | null = null;
  let lastPurge = 0;

  const backoff = (attempts: number) => Math.min(maxBackoffMs, backoffMs * 2 ** Math.max(0, attempts - 1));

  /** Ends a job (done or finally failed) and, for a recurring job, queues its next run in the same transaction. */
  async function finish(job: Job, end: (tx: Db) => Promise<boolean>): Promise<boolean> {
    const next = job.singletonKey === recurringKey(job.name) ? recurring.get(job.name) : undefined;
    return db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      if (!(await end(t))) return false;
      if (next) {
        // The finished row has left the partial unique index, so the key is free for the next run.
        await insertJob(t, {
          name: next.name,
          payload: next.payload,
          runAt: new Date(deps.now().getTime() + next.everyMs),
          singletonKey: recurringKey(next.name),
          maxAttempts: next.maxAttempts,
        });
      }
      return true;
    });
  }

  async function runOnce(): Promise<RunResult> {
    const job = await claimJob(db, { names, workerId, now: deps.now(), leaseMs });
    if (!job) return { ran: false };
    const base = { jobId: job.id, name: job.name };
    const log = { jobId: job.id, job: job.name, attempt: job.attempts, maxAttempts: job.maxAttempts, workerId };
    if (job.lastError?.startsWith(TAKEOVER_PREFIX)) logger.warn('job taken over after an expired lease', { ...log, reason: job.lastError });

    if (job.attempts > job.maxAttempts) {
      // Taken over after the last allowed attempt died mid-run: nothing is left to try.
      const error = job.lastError ?? 'the last attempt did not finish';
      const ok = await finish(job, (tx) => failJob(tx, { id: job.id, workerId, error, now: deps.now() }));
      logger.error('job failed: no attempts left', { ...log, error });
      return { ...base, ran: true, outcome: ok ? 'failed' : 'lost', error };
    }

    const handler = opts.handlers[job.name]!;
    const controller = new AbortController();
    const heartbeat = async () => {
      if (controller.signal.aborted) return;
      const held = await extendLease(db, { id: job.id, workerId, now: deps.now(), leaseMs });
      if (!held) controller.abort(new LeaseLostError());
    };
    const timer = setInterval(
      () => {
        heartbeat().catch((error) => logger.warn('job lease renewal failed', { ...log, error }));
      },
      Math.max(10, Math.floor(leaseMs / 3)),
    );
    timer.unref();

    const started = Date.now();
    logger.info('job started', log);
    const run = (async (): Promise<RunResult> => {
      try {
        await handler({ job, payload: job.payload, attempt: job.attempts, signal: controller.signal, heartbeat });
      } catch (error) {
        clearInterval(timer);
        const reason = controller.signal.reason;
        if (reason instanceof LeaseLostError) {
          logger.warn('job abandoned: the lease was lost to another worker', { ...log, error });
          return { ...base, ran: true, outcome: 'lost', error: describe(error) };
        }
        if (reason instanceof WorkerStoppingError) {
          const ok = await releaseJob(db, { id: job.id, workerId, now: deps.now() });
          logger.warn('job interrupted by shutdown; back in the queue', { ...log, released: ok });
          return { ...base, ran: true, outcome: ok ? 'released' : 'lost', error: describe(error) };
        }
        const message = describe(error);
        if (job.attempts < job.maxAttempts) {
          const delay = backoff(job.attempts);
          const ok = await retryJob(db, { id: job.id, workerId, error: message, runAt: new Date(deps.now().getTime() + delay) });
          logger.warn('job failed; will retry', { ...log, error, retryInMs: delay });
          return { ...base, ran: true, outcome: ok ? 'retry' : 'lost', error: message };
        }
        const ok = await finish(job, (tx) => failJob(tx, { id: job.id, workerId, error: message, now: deps.now() }));
        logger.error('job failed: no attempts left', { ...log, error });
        return { ...base, ran: true, outcome: ok ? 'failed' : 'lost', error: message };
      } finally {
        clearInterval(timer);
      }
      const ok = await finish(job, (tx) => completeJob(tx, { id: job.id, workerId, now: deps.now() }));
      if (!ok) {
        logger.warn('job finished after its lease was lost; another worker may have run it too', log);
        return { ...base, ran: true, outcome: 'lost' };
      }
      logger.info('job done', { ...log, ms: Date.now() - started });
      return { ...base, ran: true, outcome: 'done' };
    })();
    current = { controller, done: run.catch(() => {}) };
    try {
      return await run;
    } finally {
      current = null;
    }
  }

  async function scheduleRecurring(): Promise<void> {
    for (const r of recurring.values()) {
      await insertJob(db, {
        name: r.name,
        payload: r.payload,
        runAt: deps.now(),
        singletonKey: recurringKey(r.name),
        maxAttempts: r.maxAttempts,
      });
    }
  }

  async function purgeNow(): Promise<void> {
    const now = deps.now().getTime();
    if (now - lastPurge < 60 * 60_000) return;
    lastPurge = now;
    const purged = await purgeFinishedJobs(db, new Date(now - keepFinishedMs));
    if (purged > 0) logger.info('purged finished jobs', { purged });
  }

  async function pollLoop(): Promise<void> {
    while (!stopping) {
      let ran = false;
      try {
        await purgeNow();
        ran = (await runOnce()).ran;
      } catch (error) {
        // A database hiccup must not end the loop; the next poll tries again.
        logger.error('job worker poll failed', { workerId, error });
      }
      if (!ran && !stopping) await pause(pollMs, wake.signal);
    }
  }

  return {
    workerId,
    runOnce,
    scheduleRecurring,
    async start() {
      if (loop) return;
      await scheduleRecurring();
      logger.info('job worker started', { workerId, jobs: names, recurring: [...recurring.keys()] });
      loop = pollLoop();
    },
    async stop({ graceMs = 30_000 } = {}) {
      stopping = true;
      wake.abort();
      const running = current;
      if (running && !(await settlesWithin(running.done, graceMs))) {
        running.controller.abort(new WorkerStoppingError());
        // Putting the job back needs a database write, so allow time for it; a handler that ignores its signal
        // is still not waited for forever: its lease runs out and another worker takes the job over.
        if (!(await settlesWithin(running.done, Math.max(graceMs, 10_000)))) {
          logger.warn('job worker stopped with a job still running; its lease will expire', { workerId });
          loop = null;
          return;
        }
      }
      await loop;
      loop = null;
      logger.info('job worker stopped', { workerId });
    },
  };
}

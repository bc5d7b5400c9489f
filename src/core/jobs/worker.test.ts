import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database.ts';
import type { Database } from '../db/client.ts';
import { jobs } from '../db/schema.ts';
import { createLogger } from '../logger.ts';
import { activeJobsBySingletonKey, claimJob, completeJob, getJob } from './jobs.queries.ts';
import { enqueue, recurringKey } from './queue.ts';
import { createWorker, type JobHandler, type WorkerOptions } from './worker.ts';

let database: Database;
let now: Date;
const lines: Record<string, unknown>[] = [];
const logger = createLogger('debug', (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
const deps = () => ({ database, logger, now: () => now });
const worker = (opts: Partial<WorkerOptions> & Pick<WorkerOptions, 'handlers'>) =>
  createWorker(deps(), { pollMs: 5, backoffMs: 1_000, leaseMs: 60_000, ...opts });
const later = (ms: number) => new Date(now.getTime() + ms);

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.db.delete(jobs);
  now = new Date('2026-03-02T10:00:00Z');
  lines.length = 0;
});

describe('enqueue and runOnce', () => {
  it('runs a due job once with its payload and marks it done', async () => {
    const seen: unknown[] = [];
    const id = await enqueue(database.db, { name: 'greet', payload: { who: 'Kari' }, runAt: now });
    const w = worker({ handlers: { greet: async ({ payload }) => void seen.push(payload) } });
    expect(await w.runOnce()).toMatchObject({ ran: true, jobId: id, outcome: 'done' });
    expect(await w.runOnce()).toEqual({ ran: false });
    expect(seen).toEqual([{ who: 'Kari' }]);
    expect(await getJob(database.db, id!)).toMatchObject({ status: 'done', attempts: 1, lockedBy: null, finishedAt: now });
  });

  it('waits until run_at, and leaves jobs it has no handler for', async () => {
    await enqueue(database.db, { name: 'later', runAt: later(60_000) });
    await enqueue(database.db, { name: 'someone-elses', runAt: now });
    const w = worker({ handlers: { later: async () => {} } });
    expect(await w.runOnce()).toEqual({ ran: false });
    now = later(60_000);
    expect(await w.runOnce()).toMatchObject({ ran: true, name: 'later', outcome: 'done' });
    const [other] = await database.db.select().from(jobs).where(eq(jobs.name, 'someone-elses'));
    expect(other).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('keeps one queued job per singleton key; runSooner moves it forward instead', async () => {
    const first = await enqueue(database.db, { name: 'sync', singletonKey: 'k', runAt: later(600_000) });
    expect(first).toBeTruthy();
    expect(await enqueue(database.db, { name: 'sync', singletonKey: 'k', runAt: now })).toBeNull();
    expect(await enqueue(database.db, { name: 'sync', singletonKey: 'k', runAt: now, runSooner: true })).toBe(first);
    const rows = await database.db.select().from(jobs);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.runAt).toEqual(now);
    // A later time never postpones it.
    await enqueue(database.db, { name: 'sync', singletonKey: 'k', runAt: later(999_000), runSooner: true });
    expect((await getJob(database.db, first!))!.runAt).toEqual(now);
  });

  it('does not move a running singleton job, and frees the key once it is done', async () => {
    const id = await enqueue(database.db, { name: 'sync', singletonKey: 'k', runAt: now });
    await claimJob(database.db, { names: ['sync'], workerId: 'w1', now, leaseMs: 60_000 });
    expect(await enqueue(database.db, { name: 'sync', singletonKey: 'k', runAt: now, runSooner: true })).toBeNull();
    await completeJob(database.db, { id: id!, workerId: 'w1', now });
    expect(await enqueue(database.db, { name: 'sync', singletonKey: 'k', runAt: now })).toBeTruthy();
  });

  it('rejects a job without a name or with a bad maxAttempts', async () => {
    await expect(enqueue(database.db, { name: '' })).rejects.toThrow(/name/);
    await expect(enqueue(database.db, { name: 'x', maxAttempts: 0 })).rejects.toThrow(/maxAttempts/);
    expect(await database.db.select().from(jobs)).toHaveLength(0);
  });
});

describe('retries', () => {
  it('retries a failing job with exponential backoff and succeeds', async () => {
    let calls = 0;
    const id = await enqueue(database.db, { name: 'flaky', runAt: now, maxAttempts: 5 });
    const w = worker({
      handlers: {
        flaky: async () => {
          calls++;
          if (calls < 3) throw new Error(`boom ${calls}`);
        },
      },
    });
    expect(await w.runOnce()).toMatchObject({ outcome: 'retry', error: 'boom 1' });
    expect(await getJob(database.db, id!)).toMatchObject({ status: 'queued', attempts: 1, lastError: 'boom 1', runAt: later(1_000) });
    expect(await w.runOnce()).toEqual({ ran: false });
    now = later(1_000);
    expect(await w.runOnce()).toMatchObject({ outcome: 'retry', error: 'boom 2' });
    // The second retry waits twice as long.
    expect(await getJob(database.db, id!)).toMatchObject({ attempts: 2, runAt: later(2_000) });
    now = later(2_000);
    expect(await w.runOnce()).toMatchObject({ outcome: 'done' });
    expect(await getJob(database.db, id!)).toMatchObject({ status: 'done', attempts: 3, lastError: null });
    expect(lines.filter((l) => l.msg === 'job failed; will retry')).toHaveLength(2);
  });

  it('marks a job failed after maxAttempts and keeps the error', async () => {
    const id = await enqueue(database.db, { name: 'broken', runAt: now, maxAttempts: 2 });
    const w = worker({
      handlers: {
        broken: async () => {
          throw new Error('always');
        },
      },
    });
    expect(await w.runOnce()).toMatchObject({ outcome: 'retry' });
    now = later(1_000);
    expect(await w.runOnce()).toMatchObject({ outcome: 'failed', error: 'always' });
    now = later(10 * 60 * 60_000);
    expect(await w.runOnce()).toEqual({ ran: false });
    expect(await getJob(database.db, id!)).toMatchObject({
      status: 'failed',
      attempts: 2,
      lastError: 'always',
      finishedAt: expect.any(Date),
    });
    expect(lines.some((l) => l.level === 'error' && l.msg === 'job failed: no attempts left')).toBe(true);
  });
});

describe('several workers', () => {
  it('two workers never run the same job', async () => {
    const n = 12;
    for (let i = 0; i < n; i++) await enqueue(database.db, { name: 'count', payload: { i }, runAt: now });
    const runs: { worker: string; i: number }[] = [];
    const running = new Set<number>();
    const handler =
      (name: string): JobHandler =>
      async ({ payload }) => {
        const i = payload.i as number;
        expect(running.has(i)).toBe(false);
        running.add(i);
        await new Promise((r) => setTimeout(r, 2));
        running.delete(i);
        runs.push({ worker: name, i });
      };
    const drain = async (w: ReturnType<typeof worker>) => {
      while ((await w.runOnce()).ran) {}
    };
    const a = worker({ workerId: 'a', handlers: { count: handler('a') } });
    const b = worker({ workerId: 'b', handlers: { count: handler('b') } });
    await Promise.all([drain(a), drain(b), drain(a), drain(b)]);
    expect(runs.map((r) => r.i).sort((x, y) => x - y)).toEqual([...Array(n).keys()]);
    const rows = await database.db.select().from(jobs);
    expect(rows.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true);
  });

  it('concurrent claims (SKIP LOCKED) hand each due job to exactly one claimer', async () => {
    for (let i = 0; i < 4; i++) await enqueue(database.db, { name: 'x', runAt: now });
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, k) => claimJob(database.db, { names: ['x'], workerId: `w${k}`, now, leaseMs: 60_000 })),
    );
    const ids = claims.filter((c) => c !== null).map((c) => c.id);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
  });

  it('another worker takes a job over once the lease of a crashed worker expires', async () => {
    const id = await enqueue(database.db, { name: 'import', runAt: now });
    // Worker "crashed" claims the job and dies: it never renews or settles it.
    const claimed = await claimJob(database.db, { names: ['import'], workerId: 'crashed', now, leaseMs: 60_000 });
    expect(claimed?.id).toBe(id);
    const ran: number[] = [];
    const b = worker({ workerId: 'b', handlers: { import: async ({ attempt }) => void ran.push(attempt) } });
    expect(await b.runOnce()).toEqual({ ran: false });
    now = later(60_001);
    expect(await b.runOnce()).toMatchObject({ ran: true, jobId: id, outcome: 'done' });
    expect(ran).toEqual([2]);
    expect(lines.some((l) => l.msg === 'job taken over after an expired lease' && String(l.reason).includes('crashed'))).toBe(true);
    // The crashed worker, coming back, can no longer settle the job.
    expect(await completeJob(database.db, { id: id!, workerId: 'crashed', now })).toBe(false);
    expect(await getJob(database.db, id!)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('a worker whose lease was taken over is told so and does not settle the job', async () => {
    const id = await enqueue(database.db, { name: 'slow', runAt: now });
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let aborted: unknown;
    const a = worker({
      workerId: 'a',
      handlers: {
        slow: async ({ signal, heartbeat }) => {
          await gate;
          await heartbeat();
          aborted = signal.reason;
          signal.throwIfAborted();
        },
      },
    });
    const runA = a.runOnce();
    await new Promise((r) => setTimeout(r, 20));
    now = later(61_000);
    const taken = await claimJob(database.db, { names: ['slow'], workerId: 'b', now, leaseMs: 60_000 });
    expect(taken?.id).toBe(id);
    release();
    expect(await runA).toMatchObject({ outcome: 'lost' });
    expect(String(aborted)).toMatch(/lease was lost/);
    expect(await getJob(database.db, id!)).toMatchObject({ status: 'running', lockedBy: 'b' });
  });

  it('a job taken over after its last allowed attempt died is marked failed', async () => {
    const id = await enqueue(database.db, { name: 'once', runAt: now, maxAttempts: 1 });
    await claimJob(database.db, { names: ['once'], workerId: 'crashed', now, leaseMs: 60_000 });
    now = later(60_001);
    let ran = false;
    const b = worker({
      handlers: {
        once: async () => {
          ran = true;
        },
      },
    });
    expect(await b.runOnce()).toMatchObject({ outcome: 'failed' });
    expect(ran).toBe(false);
    expect(await getJob(database.db, id!)).toMatchObject({ status: 'failed', lastError: expect.stringContaining('crashed') });
  });
});

describe('recurring jobs', () => {
  it('queues one next run however often it is scheduled, and the next after each run', async () => {
    const recurring = [{ name: 'tick', everyMs: 600_000 }];
    const a = worker({ handlers: { tick: async () => {} }, recurring });
    const b = worker({ handlers: { tick: async () => {} }, recurring });
    await a.scheduleRecurring();
    await b.scheduleRecurring();
    expect(await database.db.select().from(jobs)).toHaveLength(1);
    expect(await a.runOnce()).toMatchObject({ outcome: 'done' });
    const [next] = await activeJobsBySingletonKey(database.db, [recurringKey('tick')]);
    expect(next).toMatchObject({ status: 'queued', runAt: later(600_000) });
    expect(await b.runOnce()).toEqual({ ran: false });
  });

  it('queues the next run after a run that finally failed too', async () => {
    const a = worker({
      handlers: {
        tick: async () => {
          throw new Error('register down');
        },
      },
      recurring: [{ name: 'tick', everyMs: 600_000, maxAttempts: 1 }],
    });
    await a.scheduleRecurring();
    expect(await a.runOnce()).toMatchObject({ outcome: 'failed' });
    const [next] = await activeJobsBySingletonKey(database.db, [recurringKey('tick')]);
    expect(next).toMatchObject({ status: 'queued', runAt: later(600_000) });
  });

  it('refuses a recurring job without a handler', () => {
    expect(() => worker({ handlers: {}, recurring: [{ name: 'x', everyMs: 1 }] })).toThrow(/no handler/);
  });
});

describe('start and stop', () => {
  it('polls until stopped and lets the running job finish', async () => {
    const done: number[] = [];
    const w = worker({
      handlers: {
        quick: async ({ payload }) => {
          await new Promise((r) => setTimeout(r, 10));
          done.push(payload.i as number);
        },
      },
    });
    await w.start();
    await enqueue(database.db, { name: 'quick', payload: { i: 1 }, runAt: now });
    await enqueue(database.db, { name: 'quick', payload: { i: 2 }, runAt: now });
    for (let i = 0; i < 200 && done.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    await w.stop();
    expect(done.sort()).toEqual([1, 2]);
    expect((await database.db.select().from(jobs)).every((j) => j.status === 'done')).toBe(true);
  });

  it('puts a job that outlives the grace period back in the queue without counting the attempt', async () => {
    const id = await enqueue(database.db, { name: 'long', runAt: now });
    let started = false;
    const w = worker({
      handlers: {
        long: ({ signal }) =>
          new Promise((_, reject) => {
            started = true;
            signal.addEventListener('abort', () => reject(signal.reason), { once: true });
          }),
      },
    });
    await w.start();
    for (let i = 0; i < 200 && !started; i++) await new Promise((r) => setTimeout(r, 5));
    expect(started).toBe(true);
    await w.stop({ graceMs: 20 });
    expect(await getJob(database.db, id!)).toMatchObject({ status: 'queued', attempts: 0, lockedBy: null });
    expect(lines.some((l) => l.msg === 'job interrupted by shutdown; back in the queue')).toBe(true);
  });
});

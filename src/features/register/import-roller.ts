import { createHash } from 'node:crypto';
import type { Deps } from '../../core/http/context.ts';
import { isValidOrgnr } from '../../core/validators/orgnr.ts';
import { ACCEPT_JSON, type BrregClient, createBrregClient } from './brreg-client.ts';
import { ImportFailedError } from './import-errors.ts';
import {
  canonicalJson,
  describeIssues,
  flattenRoller,
  hashJson,
  rollerResponseSchema,
  storableRaw,
  unstorableReason,
} from './import-records.ts';
import { type ProgressReporter, silentProgress } from './progress.ts';
import {
  abandonRun,
  advanceRun,
  completeRun,
  countRollerTargets,
  createRun,
  failRun,
  type ImportRun,
  insertQuarantine,
  latestRun,
  type RollerChange,
  reopenRun,
  replaceRoller,
  rollerFetchedSince,
  rollerTargets,
  withImportSession,
} from './register.queries.ts';

/**
 * `frivillig import roller`: the roles of units (`GET /api/enheter/{orgnr}/roller`, brief §1.6) into
 * register_rolle_sett (the raw answer) and register_roller (one row per role), one unit per transaction.
 *
 * - Which units: the given organisation numbers, or by default every FLI unit in register_enheter and every
 *   organisation in register_frivillige (the voluntary sector); `onlyMissing` keeps those never fetched.
 * - 404 (and 410) means the unit has no (public) roles: an empty set is stored, so it counts as fetched.
 * - An answer that is not the documented shape is quarantined; the unit keeps the roles it had.
 * - Resumable: units already fetched since the interrupted run started are skipped when it is run again.
 * - A few requests run at once (default 4) to be quick without hammering an API that publishes no rate
 *   limits (brief §1.1); database writes are serialised because the import holds one connection.
 */

export interface ImportRollerOptions {
  /** Enhetsregisteret's base URL (`/api/…` is appended); defaults to BRREG_ENHETSREGISTERET_URL. */
  baseUrl?: string;
  client?: BrregClient;
  /** Fetch exactly these units instead of the default set. */
  orgnrs?: string[];
  /** Only units whose roles were never fetched. */
  onlyMissing?: boolean;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Aborting stops after the units in flight; the run can be resumed. */
  signal?: AbortSignal;
  progress?: ProgressReporter;
}

export interface RollerCounts {
  units: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Units answered with 404/410: stored as having no roles. */
  noRoles: number;
  quarantined: number;
}

export type ImportRollerResult =
  | ({ status: 'completed'; runId: string; resumed: boolean; durationMs: number } & RollerCounts)
  | ({ status: 'interrupted'; runId: string; resumed: boolean; durationMs: number } & RollerCounts);

type ImportDeps = Pick<Deps, 'database' | 'logger' | 'now' | 'config'>;

const NO_ROLES = { rollegrupper: [] };
const TARGET_PAGE = 500;

/** Serialises async work on the import's single connection (a transaction must not interleave with another). */
function serial() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const next = tail.then(fn, fn);
    tail = next.catch(() => {});
    return next;
  };
}

export async function importRoller(deps: ImportDeps, opts: ImportRollerOptions = {}): Promise<ImportRollerResult> {
  const started = performance.now();
  const base = (opts.baseUrl ?? deps.config.BRREG_ENHETSREGISTERET_URL).replace(/\/+$/, '');
  const client = opts.client ?? createBrregClient({ logger: deps.logger });
  const progress = opts.progress ?? silentProgress;
  const concurrency = Math.max(1, Math.min(16, opts.concurrency ?? 4));
  const { logger } = deps;

  let explicit: string[] | undefined;
  if (opts.orgnrs) {
    const cleaned = [...new Set(opts.orgnrs.map((o) => o.replace(/\s/g, '')))];
    const invalid = cleaned.filter((o) => !isValidOrgnr(o));
    if (invalid.length > 0)
      throw new ImportFailedError(`Not valid organisation numbers (nine digits, MOD11): ${invalid.join(', ')}`, null, 0);
    explicit = cleaned.sort();
  }
  // Identifies the selection, so only a run over the same units is resumed.
  const selection = explicit
    ? `orgnr:${createHash('sha256').update(explicit.join(',')).digest('hex').slice(0, 16)}`
    : opts.onlyMissing
      ? 'missing'
      : 'fli+frr';

  return withImportSession(deps.database, 'roller', async ({ db }) => {
    const last = await latestRun(db, 'roller');
    let run: ImportRun | undefined;
    if (last && last.status !== 'completed') {
      if (last.sourceFingerprint === selection && last.source === base) {
        run = last;
        await reopenRun(db, run.id);
      } else {
        await abandonRun(db, last.id, 'Abandoned: a roles import of other units or another address started.', deps.now());
      }
    }
    const resumed = run !== undefined;
    run ??= await createRun(db, { kind: 'roller', source: base, fingerprint: selection, now: deps.now() });
    const runId = run.id;
    const checkpointBase = run.checkpoint;
    // Units fetched since this run began are done (a resumed run skips them).
    const since = run.startedAt;

    let pending: string[];
    let total: number;
    let after = '';
    let exhausted = false;
    if (explicit) {
      const done = resumed ? new Set(await rollerFetchedSince(db, explicit, since)) : new Set<string>();
      pending = explicit.filter((o) => !done.has(o));
      total = pending.length;
      exhausted = true;
    } else {
      pending = [];
      total = await countRollerTargets(db, { fetchedBefore: since, onlyMissing: opts.onlyMissing });
    }
    const write = serial();
    const nextTarget = async (): Promise<string | undefined> => {
      if (pending.length === 0 && !exhausted) {
        const page = await write(() =>
          rollerTargets(db, { after, limit: TARGET_PAGE, fetchedBefore: since, onlyMissing: opts.onlyMissing }),
        );
        if (page.length < TARGET_PAGE) exhausted = true;
        if (page.length > 0) after = page.at(-1)!;
        pending.push(...page);
      }
      return pending.shift();
    };

    const counts: RollerCounts = { units: 0, inserted: 0, updated: 0, unchanged: 0, noRoles: 0, quarantined: 0 };
    let unsaved: RollerCounts = { ...counts };
    let failure: unknown;
    progress.start({ label: 'roller', totalRecords: total });

    const record = (change: RollerChange | 'quarantined', noRoles: boolean) => {
      for (const c of [counts, unsaved]) {
        c.units++;
        c[change]++;
        if (noRoles) c.noRoles++;
      }
    };
    const saveCounters = () => {
      const u = unsaved;
      unsaved = { units: 0, inserted: 0, updated: 0, unchanged: 0, noRoles: 0, quarantined: 0 };
      return write(() => advanceRun(db, runId, { checkpoint: checkpointBase + counts.units, read: u.units, ...u }));
    };

    const fetchOne = async (orgnr: string) => {
      const url = `${base}/api/enheter/${orgnr}/roller`;
      const res = await client.getJson(url, { accept: ACCEPT_JSON, accept4xx: [400, 404, 410] });
      if (res.status === 404 || res.status === 410) {
        const json = canonicalJson(NO_ROLES);
        const change = await write(() => replaceRoller(db, orgnr, { data: NO_ROLES, hash: hashJson(json), rows: [] }, deps.now()));
        record(change, true);
        return;
      }
      const quarantine = async (reason: string) => {
        await write(() => insertQuarantine(db, [{ runId, source: 'roller', position: orgnr, reason, raw: storableRaw(res.text) }]));
        record('quarantined', false);
      };
      if (res.status === 400) return quarantine('Enhetsregisteret refused the organisation number (HTTP 400)');
      const parsed = rollerResponseSchema.safeParse(res.body);
      if (!parsed.success) {
        return quarantine(res.body === undefined ? 'the answer is not JSON' : `not a valid roles answer: ${describeIssues(parsed.error)}`);
      }
      const json = canonicalJson(res.body);
      const unstorable = unstorableReason(json);
      if (unstorable) return quarantine(unstorable);
      const data = res.body as Record<string, unknown>;
      const change = await write(() =>
        replaceRoller(db, orgnr, { data, hash: hashJson(json), rows: flattenRoller(parsed.data) }, deps.now()),
      );
      record(change, false);
    };

    const worker = async () => {
      for (;;) {
        if (failure || opts.signal?.aborted) return;
        const orgnr = await nextTarget();
        if (!orgnr) return;
        try {
          await fetchOne(orgnr);
        } catch (error) {
          failure ??= error;
          return;
        }
        progress.update({ records: counts.units, note: counts.quarantined ? `${counts.quarantined} quarantined` : undefined });
        if (unsaved.units >= 50) await saveCounters();
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    await saveCounters();
    progress.stop();

    const durationMs = performance.now() - started;
    if (failure) {
      const reason = failure instanceof Error ? failure.message : String(failure);
      const message = `${reason} The roles import stopped after ${counts.units} unit(s); those are stored. Run the same import again to continue with the rest.`;
      await failRun(db, runId, message, deps.now());
      logger.error('roller import failed', { runId, units: counts.units, error: reason });
      throw new ImportFailedError(message, runId, counts.units);
    }
    if (opts.signal?.aborted) {
      await failRun(db, runId, 'Interrupted; run the same import again to continue with the remaining units.', deps.now());
      return { status: 'interrupted', runId, resumed, durationMs, ...counts };
    }
    await completeRun(db, runId, deps.now());
    const result: ImportRollerResult = { status: 'completed', runId, resumed, durationMs, ...counts };
    logger.info('roller import completed', { ...result });
    return result;
  });
}

import type { Deps } from '../../core/http/context.ts';
import { ACCEPT_JSON, type BrregClient, BrregHttpError, createBrregClient } from './brreg-client.ts';
import { ImportFailedError, osloDate } from './import-errors.ts';
import { type FrivilligRecord, type PreparedRecord, prepareFrivillig, storableRaw } from './import-records.ts';
import { type ProgressReporter, silentProgress } from './progress.ts';
import {
  advanceRun,
  analyzeImported,
  completeRun,
  countActiveFrivillige,
  countFrivilligeWithoutEnhet,
  createRun,
  failRun,
  getRun,
  getSyncState,
  type ImportRun,
  insertQuarantine,
  markFrivilligeGone,
  markFrivilligeSeen,
  type QuarantineRow,
  reopenRun,
  saveSyncState,
  upsertFrivillige,
  withImportSession,
} from './register.queries.ts';

/**
 * `frivillig import frivillige`: walks Frivillighetsregisteret's listing
 * `GET /api/frivillige-organisasjoner?size=100` with cursor pagination — `searchAfter`, taken from
 * `_links.next`; size at most 100 and no `page` parameter (brief §2.3) — into register_frivillige.
 *
 * - Each page is stored in one transaction together with the cursor of the next page (register_sync_state
 *   "frivillige-walk"), so a walk that fails mid-way (HTTP 500 after retries, timeout, Ctrl-C) resumes from
 *   the last stored page, with no duplicates and no gaps.
 * - There is no change feed for FRR (brief §7), so leaving FRR shows only as absence from a complete walk.
 *   Only when a walk has reached the last page are organisations it did not see marked as gone: they keep
 *   their row with `slettet_dato` set to the walk's date (a tombstone; deleting would lose history that
 *   pages and grants refer to). One that appears again in a later walk gets its tombstone cleared. A walk
 *   that fails never marks anything.
 * - A bad record is quarantined (reason + raw); if its organisation number is readable, the organisation is
 *   still counted as seen, so a malformed record never makes an organisation look gone.
 * - FRR records have no name or address: they are joined with register_enheter on organisasjonsnummer
 *   when read; the summary counts organisations whose unit is not in register_enheter yet.
 */

export const FRIVILLIGE_WALK = 'frivillige-walk';
/** FRR refuses size > 100 with HTTP 400 (brief §2.3). */
export const MAX_PAGE_SIZE = 100;

export interface ImportFrivilligeOptions {
  /** Frivillighetsregisteret's base URL (`/api/…` is appended); defaults to BRREG_FRIVILLIGHETSREGISTERET_URL. */
  baseUrl?: string;
  client?: BrregClient;
  pageSize?: number;
  /** Aborting stops after the current page; the walk resumes from the stored cursor. */
  signal?: AbortSignal;
  progress?: ProgressReporter;
  /** Called after each page is committed (tests). */
  afterPage?: (info: { page: number; records: number }) => void | Promise<void>;
}

export interface FrivilligeCounts {
  pages: number;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  quarantined: number;
}

export type ImportFrivilligeResult =
  | ({
      status: 'completed';
      runId: string;
      resumed: boolean;
      /** Organisations not seen by this complete walk: marked as having left FRR. */
      gone: number;
      /** Organisations seen whose unit is not in register_enheter (import enheter to join them). */
      withoutEnhet: number;
      durationMs: number;
    } & FrivilligeCounts)
  | ({ status: 'interrupted'; runId: string; resumed: boolean; durationMs: number } & FrivilligeCounts);

type ImportDeps = Pick<Deps, 'database' | 'logger' | 'now' | 'config'>;

interface Page {
  records: unknown[];
  next: string | null;
}

/** The listing's HAL envelope: `_embedded.frivilligeOrganisasjoner` (missing when empty) and `_links.next`. */
function readPage(url: string, body: unknown, text: string): Page {
  const fail = (why: string) =>
    new ImportFailedError(`The answer from ${url} is not a Frivillighetsregisteret listing (${why}): ${text.slice(0, 200)}`, null, 0);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw fail('not a JSON object');
  const page = body as { _embedded?: { frivilligeOrganisasjoner?: unknown }; _links?: { next?: { href?: unknown } } };
  const records = page._embedded?.frivilligeOrganisasjoner ?? [];
  if (!Array.isArray(records)) throw fail('_embedded.frivilligeOrganisasjoner is not an array');
  const href = page._links?.next?.href;
  if (href !== undefined && href !== null && typeof href !== 'string') throw fail('_links.next.href is not a string');
  return { records, next: typeof href === 'string' && href !== '' ? new URL(href, url).toString() : null };
}

export async function importFrivillige(deps: ImportDeps, opts: ImportFrivilligeOptions = {}): Promise<ImportFrivilligeResult> {
  const started = performance.now();
  const base = (opts.baseUrl ?? deps.config.BRREG_FRIVILLIGHETSREGISTERET_URL).replace(/\/+$/, '');
  const pageSize = opts.pageSize ?? MAX_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new ImportFailedError(`The page size must be between 1 and ${MAX_PAGE_SIZE} (Frivillighetsregisteret refuses more).`, null, 0);
  }
  const client = opts.client ?? createBrregClient({ logger: deps.logger });
  const progress = opts.progress ?? silentProgress;
  const { logger } = deps;

  return withImportSession(deps.database, 'frivillige', async ({ db }) => {
    // Resume the walk the stored cursor belongs to, if it is unfinished and against the same register.
    const state = await getSyncState(db, FRIVILLIGE_WALK);
    const stateRunId = typeof state?.details?.runId === 'string' ? state.details.runId : undefined;
    let run: ImportRun | undefined;
    let url = `${base}/api/frivillige-organisasjoner?size=${pageSize}`;
    if (state?.cursor && stateRunId) {
      const previous = await getRun(db, stateRunId);
      if (previous && previous.status !== 'completed' && previous.source === base) {
        run = previous;
        url = state.cursor;
        await reopenRun(db, run.id);
        logger.info('resuming frivillige walk', { runId: run.id, cursor: url, records: run.checkpoint });
      } else if (previous && previous.status !== 'completed') {
        await failRun(db, previous.id, 'Abandoned: a walk against another address started.', deps.now());
      }
    }
    const resumed = run !== undefined;
    run ??= await createRun(db, { kind: 'frivillige', source: base, fingerprint: null, now: deps.now() });
    const runId = run.id;
    await saveSyncState(db, FRIVILLIGE_WALK, { cursor: url, lastRunAt: deps.now(), details: { runId } });

    const counts: FrivilligeCounts = { pages: 0, read: 0, inserted: 0, updated: 0, unchanged: 0, quarantined: 0 };
    let handled = run.checkpoint;
    progress.start({ label: 'frivillige' });

    const fail = async (error: unknown): Promise<never> => {
      progress.stop();
      const reason = error instanceof Error ? error.message : String(error);
      const message = `${reason} The walk stopped after ${counts.pages} page(s) in this session; nothing was marked as gone. Run the same import again to resume from the stored cursor.`;
      const previous = await getSyncState(db, FRIVILLIGE_WALK);
      await saveSyncState(db, FRIVILLIGE_WALK, {
        lastError: reason,
        consecutiveFailures: (previous?.consecutiveFailures ?? 0) + 1,
      }).catch(() => {});
      await failRun(db, runId, message, deps.now()).catch(() => {});
      logger.error('frivillige walk failed', { runId, cursor: url, error: reason });
      throw new ImportFailedError(message, runId, handled);
    };

    for (;;) {
      if (opts.signal?.aborted) {
        progress.stop();
        await failRun(db, runId, 'Interrupted; run the same import again to resume from the stored cursor.', deps.now());
        return { status: 'interrupted', runId, resumed, durationMs: performance.now() - started, ...counts };
      }
      let page: Page;
      try {
        const res = await client.getJson(url, { accept: ACCEPT_JSON });
        page = readPage(url, res.body, res.text);
        if (page.next === url)
          throw new ImportFailedError(`${url} names itself as the next page; stopping instead of looping.`, runId, handled);
      } catch (error) {
        return fail(error instanceof BrregHttpError || error instanceof ImportFailedError ? error : new Error(String(error)));
      }

      const good: PreparedRecord<FrivilligRecord>[] = [];
      const bad: QuarantineRow[] = [];
      const seenButBad: string[] = [];
      page.records.forEach((value, i) => {
        const checked = prepareFrivillig(value);
        if (checked.ok) {
          good.push(checked.value);
          return;
        }
        const orgnr = (value as { organisasjonsnummer?: unknown } | null)?.organisasjonsnummer;
        if (typeof orgnr === 'string' && /^\d{9}$/.test(orgnr)) seenButBad.push(orgnr);
        bad.push({
          runId,
          source: 'frivillige',
          position: typeof orgnr === 'string' ? orgnr : `${url} #${i}`,
          reason: checked.reason,
          raw: storableRaw(JSON.stringify(value) ?? String(value)),
        });
      });

      const now = deps.now();
      const last = page.next === null;
      let gone: string[] = [];
      try {
        const pageCounts = await db.transaction(async (tx) => {
          const c = await upsertFrivillige(tx, good, runId, now);
          await markFrivilligeSeen(tx, seenButBad, runId);
          await insertQuarantine(tx, bad);
          const n = page.records.length;
          await advanceRun(tx, runId, { checkpoint: handled + n, read: n, ...c, quarantined: bad.length });
          if (!last) {
            await saveSyncState(tx, FRIVILLIGE_WALK, { cursor: page.next, details: { runId } });
            return c;
          }
          // The last page: the walk is complete, so absence now means "left FRR" — in the same transaction.
          const total = (await getRun(tx, runId))?.recordsRead ?? 0;
          const active = await countActiveFrivillige(tx);
          if (total === 0 && active > 0) {
            throw new ImportFailedError(
              `The walk found no organisations at all while ${active} are registered here; refusing to mark them all as gone (is the address right?).`,
              runId,
              handled,
            );
          }
          gone = await markFrivilligeGone(tx, runId, osloDate(now), now);
          await completeRun(tx, runId, now);
          await saveSyncState(tx, FRIVILLIGE_WALK, {
            cursor: null,
            lastSuccessAt: now,
            lastError: null,
            consecutiveFailures: 0,
            details: { runId, lastCompletedRunId: runId, gone: gone.length },
          });
          return c;
        });
        counts.inserted += pageCounts.inserted;
        counts.updated += pageCounts.updated;
        counts.unchanged += pageCounts.unchanged;
      } catch (error) {
        return fail(error);
      }
      counts.pages++;
      counts.read += page.records.length;
      counts.quarantined += bad.length;
      handled += page.records.length;
      progress.update({ records: counts.read, note: `${counts.pages} pages` });
      await opts.afterPage?.({ page: counts.pages, records: counts.read });

      if (last) {
        progress.stop();
        await analyzeImported(db, 'frivillige');
        const result: ImportFrivilligeResult = {
          status: 'completed',
          runId,
          resumed,
          gone: gone.length,
          withoutEnhet: await countFrivilligeWithoutEnhet(db, runId),
          durationMs: performance.now() - started,
          ...counts,
        };
        logger.info('frivillige walk completed', { ...result });
        return result;
      }
      url = page.next!;
    }
  });
}

import type { Db } from '../../core/db/client.ts';
import type { Deps } from '../../core/http/context.ts';
import { ACCEPT_JSON, type BrregClient, createBrregClient } from '../register/brreg-client.ts';
import { osloDate } from '../register/import-errors.ts';
import { type EnhetRecord, type PreparedRecord, prepareEnhet, storableRaw } from '../register/import-records.ts';
import { applyEnhetRecords, getSyncState, insertQuarantine, type QuarantineRow, saveSyncState } from '../register/register.queries.ts';
import { type Oppdatering, oppdateringerPageSchema, oppdateringSchema } from './feeds.schema.ts';
import {
  FeedError,
  FeedItemError,
  markRunFailed,
  markRunStarted,
  markRunSucceeded,
  quarantineNow,
  withoutBlocked,
} from './follower-state.ts';
import { mapLimited } from './map-limited.ts';
import {
  type ChangeRow,
  lastCompletedImportStart,
  lockCursor,
  markEnhetDeleted,
  recordChanges,
  removeEnhet,
} from './register-sync.queries.ts';

/**
 * Follows Enhetsregisteret's update feed `GET /api/oppdateringer/enheter` (brief §1.5) into register_enheter.
 *
 * - The cursor (register_sync_state "enheter-feed") is the last oppdateringsid processed; the next request asks
 *   for `oppdateringsid=<last+1>` (from and including). The walk is by id, never by `_links.next`, whose paging
 *   is capped (brief §1.5). Without a cursor it starts at `dato=` a day before the last complete bulk import
 *   began (the nightly file can be a day old; applying a change twice is harmless), or a day ago. A bulk import
 *   completed after the cursor was stored sends it back the same way, since the file may be older than changes
 *   already applied.
 * - Ny, Endring and Ukjent (and any type added later): the unit is fetched (`/enheter/{orgnr}`) and upserted;
 *   410 Gone means it was removed from the open data, so our copy is deleted. Sletting: our copy is kept as a
 *   tombstone with slettedato = the entry's date. Fjernet: copies must delete the unit, so its unit, FRR and
 *   role rows go. Every entry is recorded in register_changes (with `endringer`, from includeChanges=true).
 * - A page is written in one transaction together with the cursor. The units are fetched before it opens
 *   (no transaction waits on the network), so a page that fails anywhere — HTTP 500 or a timeout after the
 *   client's retries, a malformed entry — writes nothing; the job's retry processes the page again, and
 *   because every step is idempotent nothing is duplicated.
 */

export const ENHETER_FEED = 'enheter-feed';

export interface FollowFeedOptions {
  /** Enhetsregisteret's base URL (`/api/…` is appended); defaults to BRREG_ENHETSREGISTERET_URL. */
  baseUrl?: string;
  client?: BrregClient;
  /** Entries per page (the feed allows up to 10 000). */
  pageSize?: number;
  /** Pages per run; the next run continues from the cursor. */
  maxPages?: number;
  /** Units fetched at once. */
  concurrency?: number;
  signal?: AbortSignal;
  /** Called between pages so a long catch-up keeps its job lease. */
  heartbeat?: () => Promise<void>;
}

export interface EnheterFeedResult {
  pages: number;
  entries: number;
  upserted: number;
  unchanged: number;
  tombstoned: number;
  removed: number;
  quarantined: number;
  /** The last page was not full: we have everything the feed has now. */
  caughtUp: boolean;
  cursor: string | null;
  lastEntryAt: string | null;
  lagSeconds: number | null;
}

type FollowDeps = Pick<Deps, 'database' | 'logger' | 'now' | 'config'>;

type Fetched = { kind: 'record'; record: PreparedRecord<EnhetRecord> } | { kind: 'gone' } | { kind: 'bad'; reason: string; raw: string };

type Step =
  | { kind: 'upsert'; entry: Oppdatering; record: PreparedRecord<EnhetRecord> }
  | { kind: 'tombstone'; entry: Oppdatering }
  | { kind: 'remove'; entry: Oppdatering; why: 'Fjernet' | '410' }
  | { kind: 'quarantine'; entry: Oppdatering | null; row: Omit<QuarantineRow, 'runId'> };

const DAY_MS = 24 * 60 * 60_000;

export async function followEnheterFeed(deps: FollowDeps, opts: FollowFeedOptions = {}): Promise<EnheterFeedResult> {
  const { logger } = deps;
  const db: Db = deps.database.db;
  const base = (opts.baseUrl ?? deps.config.BRREG_ENHETSREGISTERET_URL).replace(/\/+$/, '');
  const client = opts.client ?? createBrregClient({ logger, timeoutMs: 30_000, retries: 3 });
  const pageSize = opts.pageSize ?? 500;
  const maxPages = opts.maxPages ?? 20;
  const concurrency = Math.max(1, Math.min(8, opts.concurrency ?? 4));
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 10_000) throw new Error('pageSize must be between 1 and 10000');

  let state = await markRunStarted(db, ENHETER_FEED, deps.now());
  // A bulk import that completed after the cursor was stored wrote a file built up to a day earlier, over changes
  // the feed had applied since: replay the feed from a day before that import (re-applying is harmless).
  const imported = await lastCompletedImportStart(db, 'enheter');
  const importStartedAt = imported?.toISOString() ?? null;
  const alignedTo = typeof state?.details?.importStartedAt === 'string' ? Date.parse(state.details.importStartedAt) : null;
  if (state?.cursor && imported && (alignedTo === null || imported.getTime() > alignedTo)) {
    logger.info('a bulk import completed after the feed cursor was stored; replaying the feed from a day before it', {
      cursor: state.cursor,
      importStartedAt,
    });
    await saveSyncState(db, ENHETER_FEED, { cursor: null });
    state = { ...state, cursor: null };
  }
  const result: EnheterFeedResult = {
    pages: 0,
    entries: 0,
    upserted: 0,
    unchanged: 0,
    tombstoned: 0,
    removed: 0,
    quarantined: 0,
    caughtUp: false,
    cursor: state?.cursor ?? null,
    lastEntryAt: typeof state?.details?.lastEntryAt === 'string' ? state.details.lastEntryAt : null,
    lagSeconds: null,
  };

  const fetchUnit = async (orgnr: string): Promise<Fetched> => {
    const url = `${base}/api/enheter/${orgnr}`;
    const res = await client.getJson(url, { accept: ACCEPT_JSON, accept4xx: [400, 404, 410], signal: opts.signal });
    if (res.status === 410) return { kind: 'gone' };
    if (res.status !== 200) {
      return { kind: 'bad', reason: `GET ${url} answered HTTP ${res.status} for a unit the feed names`, raw: res.text };
    }
    const checked = prepareEnhet(res.body);
    if (!checked.ok) return { kind: 'bad', reason: `the record of ${orgnr} is ${checked.reason}`, raw: res.text };
    if (checked.value.orgnr !== orgnr) return { kind: 'bad', reason: `asked for ${orgnr}, got ${checked.value.orgnr}`, raw: res.text };
    return { kind: 'record', record: checked.value };
  };

  try {
    for (let page = 0; page < maxPages; page++) {
      opts.signal?.throwIfAborted();
      const params = new URLSearchParams({ size: String(pageSize), sort: 'id,ASC', includeChanges: 'true' });
      const cursor = state?.cursor ?? null;
      if (cursor) params.set('oppdateringsid', String(BigInt(cursor) + 1n));
      else params.set('dato', new Date((imported ?? deps.now()).getTime() - DAY_MS).toISOString());
      const url = `${base}/api/oppdateringer/enheter?${params}`;

      const res = await client.getJson(url, { accept: ACCEPT_JSON, signal: opts.signal });
      const envelope = oppdateringerPageSchema.safeParse(res.body);
      if (!envelope.success) throw new FeedError(`The answer from ${url} is not an update page: ${res.text.slice(0, 200)}`);
      const raw = envelope.data._embedded?.oppdaterteEnheter ?? [];

      // Validate every entry first: one bad entry fails the page before anything is fetched or written.
      const steps: Step[] = [];
      const entries: { entry: Oppdatering; index: number }[] = [];
      // A quarantined entry whose id is readable moves the cursor past it too.
      let setAsideId = 0;
      for (const [index, value] of raw.entries()) {
        const parsed = oppdateringSchema.safeParse(value);
        if (parsed.success) {
          entries.push({ entry: parsed.data, index });
          continue;
        }
        const id = (value as { oppdateringsid?: unknown } | null)?.oppdateringsid;
        const itemId = typeof id === 'number' ? String(id) : `after ${cursor ?? 'start'} #${index}`;
        const reason = `not a valid update entry: ${parsed.error.issues
          .slice(0, 5)
          .map((i) => `${i.path.join('.') || '(entry)'}: ${i.message}`)
          .join('; ')}`;
        const rawText = storableRaw(JSON.stringify(value) ?? String(value));
        if (!quarantineNow(state, itemId)) throw new FeedItemError(itemId, reason, rawText);
        if (typeof id === 'number' && Number.isSafeInteger(id) && id > setAsideId) setAsideId = id;
        steps.push({ kind: 'quarantine', entry: null, row: { source: ENHETER_FEED, position: itemId, reason, raw: rawText } });
      }
      entries.sort((a, b) => a.entry.oppdateringsid - b.entry.oppdateringsid);
      const fresh = cursor ? entries.filter((e) => BigInt(e.entry.oppdateringsid) > BigInt(cursor)) : entries;
      if (fresh.length === 0 && steps.length === 0) {
        if (raw.length >= pageSize)
          throw new FeedError(`${url} returned a full page of entries at or before the cursor ${cursor}; the feed is not moving forward.`);
        result.caughtUp = true;
        break;
      }

      // Fetch each unit once per page (its current state), outside any transaction.
      const toFetch = [
        ...new Set(fresh.filter((e) => !['Sletting', 'Fjernet'].includes(e.entry.endringstype)).map((e) => e.entry.organisasjonsnummer)),
      ];
      const fetched = new Map<string, Fetched>();
      const answers = await mapLimited(toFetch, concurrency, fetchUnit);
      for (const [i, orgnr] of toFetch.entries()) fetched.set(orgnr, answers[i]!);

      for (const { entry } of fresh) {
        const id = String(entry.oppdateringsid);
        if (entry.endringstype === 'Sletting') steps.push({ kind: 'tombstone', entry });
        else if (entry.endringstype === 'Fjernet') steps.push({ kind: 'remove', entry, why: 'Fjernet' });
        else {
          const unit = fetched.get(entry.organisasjonsnummer)!;
          if (unit.kind === 'record') steps.push({ kind: 'upsert', entry, record: unit.record });
          else if (unit.kind === 'gone') steps.push({ kind: 'remove', entry, why: '410' });
          else if (quarantineNow(state, id)) {
            steps.push({
              kind: 'quarantine',
              entry,
              row: { source: ENHETER_FEED, position: id, reason: unit.reason, raw: storableRaw(unit.raw) },
            });
          } else throw new FeedItemError(id, unit.reason, storableRaw(unit.raw));
        }
      }

      const last = fresh.at(-1)?.entry;
      const top = Math.max(last?.oppdateringsid ?? 0, setAsideId);
      const newCursor = top > 0 && (!cursor || BigInt(top) > BigInt(cursor)) ? String(top) : cursor;
      const lastEntryAt = last ? new Date(last.dato).toISOString() : result.lastEntryAt;
      const now = deps.now();
      const counts = { upserted: 0, unchanged: 0, tombstoned: 0, removed: 0, quarantined: 0 };
      const applied = await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        if ((await lockCursor(t, ENHETER_FEED)) !== cursor) return false;
        const changes: ChangeRow[] = [];
        for (const step of steps) {
          const entry = step.entry;
          if (entry) {
            changes.push({
              oppdateringsid: entry.oppdateringsid,
              orgnr: entry.organisasjonsnummer,
              endringstype: entry.endringstype,
              dato: new Date(entry.dato),
              endringer: entry.endringer ?? null,
            });
          }
          switch (step.kind) {
            case 'upsert': {
              const c = await applyEnhetRecords(t, [step.record], now);
              if (c.inserted + c.updated > 0) counts.upserted++;
              else counts.unchanged++;
              break;
            }
            case 'tombstone':
              await markEnhetDeleted(t, step.entry.organisasjonsnummer, osloDate(new Date(step.entry.dato)), now);
              counts.tombstoned++;
              break;
            case 'remove': {
              await removeEnhet(t, step.entry.organisasjonsnummer);
              // The removed unit's earlier changes in this page lose their values too.
              for (const c of changes) if (c.orgnr === step.entry.organisasjonsnummer) c.endringer = null;
              counts.removed++;
              break;
            }
            case 'quarantine':
              await insertQuarantine(t, [{ runId: null, ...step.row }]);
              counts.quarantined++;
              break;
          }
        }
        await recordChanges(t, changes);
        await saveSyncState(t, ENHETER_FEED, {
          cursor: newCursor,
          details: { ...withoutBlocked(state?.details), lastEntryAt, importStartedAt },
        });
        return true;
      });
      if (!applied) {
        logger.info('enheter feed page already applied by another runner; continuing from its cursor', { cursor });
        state = await getSyncState(db, ENHETER_FEED);
        continue;
      }

      result.pages++;
      result.entries += fresh.length;
      for (const k of Object.keys(counts) as (keyof typeof counts)[]) result[k] += counts[k];
      result.cursor = newCursor;
      result.lastEntryAt = lastEntryAt;
      logger.info('enheter feed page applied', { cursor: newCursor, entries: fresh.length, ...counts });
      if (state) state = { ...state, cursor: newCursor, details: { ...withoutBlocked(state.details), lastEntryAt, importStartedAt } };
      if (raw.length < pageSize) {
        result.caughtUp = true;
        break;
      }
      await opts.heartbeat?.();
    }
  } catch (error) {
    await markRunFailed(db, ENHETER_FEED, error).catch((e) => logger.error('could not record the feed failure', { error: e }));
    logger.error('enheter feed follow failed; the page will be processed again', {
      cursor: result.cursor,
      error: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }

  const now = deps.now();
  result.lagSeconds = result.lastEntryAt ? Math.max(0, Math.round((now.getTime() - Date.parse(result.lastEntryAt)) / 1000)) : null;
  await markRunSucceeded(db, ENHETER_FEED, now, {
    lastEntryAt: result.lastEntryAt,
    lagSeconds: result.lagSeconds,
    caughtUp: result.caughtUp,
    lastRun: {
      pages: result.pages,
      entries: result.entries,
      upserted: result.upserted,
      removed: result.removed,
      quarantined: result.quarantined,
    },
  });
  logger.info('enheter feed followed', { ...result });
  return result;
}

import type { Db } from '../../core/db/client.ts';
import type { Deps } from '../../core/http/context.ts';
import { ACCEPT_JSON, type BrregClient, createBrregClient } from '../register/brreg-client.ts';
import {
  canonicalJson,
  describeIssues,
  flattenRoller,
  hashJson,
  type RolleRow,
  rollerResponseSchema,
  storableRaw,
  unstorableReason,
} from '../register/import-records.ts';
import { getSyncState, insertQuarantine, type QuarantineRow, replaceRoller, saveSyncState } from '../register/register.queries.ts';
import { type RolleHendelse, rolleHendelserSchema, rolleHendelseSchema } from './feeds.schema.ts';
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
import { lastCompletedImportStart, lockCursor, unitsWithRolesKept } from './register-sync.queries.ts';

/**
 * Follows the roles feed `GET /api/oppdateringer/roller?afterId=…` (brief §1.5): a CloudEvents array that only
 * names the units whose roles changed, so each named unit's roles are fetched again
 * (`GET /api/enheter/{orgnr}/roller`, brief §1.6) and replace what we hold.
 *
 * - The cursor (register_sync_state "roller-feed") is the last event id; the next request asks `afterId=<it>`.
 *   Without a cursor it starts at `afterTime=` a day before the last complete roles import began, or a day ago.
 * - Only units whose roles we keep are fetched: the voluntary sector the roles import covers (FLI units and
 *   FRR organisations) and units fetched before. The feed names every unit in Norway; the others are counted
 *   as out of scope, not fetched.
 * - 404 or 410 on a unit's roles means it has none (public): an empty set is stored, as the import does.
 * - Like the units feed: a page and its cursor are written in one transaction after all fetches succeeded; a
 *   failure writes nothing and the retry repeats the page; an event or answer still bad after three runs is
 *   quarantined (follower-state.ts).
 */

export const ROLLER_FEED = 'roller-feed';
const NO_ROLES = { rollegrupper: [] };
const DAY_MS = 24 * 60 * 60_000;

export interface FollowRollerFeedOptions {
  baseUrl?: string;
  client?: BrregClient;
  /** Events per page (the feed allows up to 10 000). */
  pageSize?: number;
  maxPages?: number;
  concurrency?: number;
  signal?: AbortSignal;
  heartbeat?: () => Promise<void>;
}

export interface RollerFeedResult {
  pages: number;
  events: number;
  /** Units whose roles were fetched. */
  units: number;
  changed: number;
  unchanged: number;
  noRoles: number;
  /** Units named by the feed whose roles we do not keep. */
  outOfScope: number;
  quarantined: number;
  caughtUp: boolean;
  cursor: string | null;
  lastEntryAt: string | null;
  lagSeconds: number | null;
}

type FollowDeps = Pick<Deps, 'database' | 'logger' | 'now' | 'config'>;
type Roles = { data: Record<string, unknown>; hash: string; rows: RolleRow[]; none: boolean };
type Fetched = { kind: 'roles'; roles: Roles } | { kind: 'bad'; reason: string; raw: string };

export async function followRollerFeed(deps: FollowDeps, opts: FollowRollerFeedOptions = {}): Promise<RollerFeedResult> {
  const { logger } = deps;
  const db: Db = deps.database.db;
  const base = (opts.baseUrl ?? deps.config.BRREG_ENHETSREGISTERET_URL).replace(/\/+$/, '');
  const client = opts.client ?? createBrregClient({ logger, timeoutMs: 30_000, retries: 3 });
  const pageSize = opts.pageSize ?? 500;
  const maxPages = opts.maxPages ?? 20;
  const concurrency = Math.max(1, Math.min(8, opts.concurrency ?? 4));
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 10_000) throw new Error('pageSize must be between 1 and 10000');

  let state = await markRunStarted(db, ROLLER_FEED, deps.now());
  const result: RollerFeedResult = {
    pages: 0,
    events: 0,
    units: 0,
    changed: 0,
    unchanged: 0,
    noRoles: 0,
    outOfScope: 0,
    quarantined: 0,
    caughtUp: false,
    cursor: state?.cursor ?? null,
    lastEntryAt: typeof state?.details?.lastEntryAt === 'string' ? state.details.lastEntryAt : null,
    lagSeconds: null,
  };

  const fetchRoles = async (orgnr: string): Promise<Fetched> => {
    const url = `${base}/api/enheter/${orgnr}/roller`;
    const res = await client.getJson(url, { accept: ACCEPT_JSON, accept4xx: [400, 404, 410], signal: opts.signal });
    if (res.status === 404 || res.status === 410) {
      return { kind: 'roles', roles: { data: NO_ROLES, hash: hashJson(canonicalJson(NO_ROLES)), rows: [], none: true } };
    }
    if (res.status !== 200) return { kind: 'bad', reason: `GET ${url} answered HTTP ${res.status}`, raw: res.text };
    const parsed = rollerResponseSchema.safeParse(res.body);
    if (!parsed.success) {
      const why = res.body === undefined ? 'not JSON' : `not a valid roles answer: ${describeIssues(parsed.error)}`;
      return { kind: 'bad', reason: `the roles of ${orgnr} are ${why}`, raw: res.text };
    }
    const json = canonicalJson(res.body);
    const unstorable = unstorableReason(json);
    if (unstorable) return { kind: 'bad', reason: `the roles of ${orgnr}: ${unstorable}`, raw: res.text };
    return {
      kind: 'roles',
      roles: { data: res.body as Record<string, unknown>, hash: hashJson(json), rows: flattenRoller(parsed.data), none: false },
    };
  };

  try {
    for (let page = 0; page < maxPages; page++) {
      opts.signal?.throwIfAborted();
      const cursor = state?.cursor ?? null;
      const params = new URLSearchParams({ size: String(pageSize) });
      if (cursor) params.set('afterId', cursor);
      else params.set('afterTime', (await startTime(db, deps.now())).toISOString());
      const url = `${base}/api/oppdateringer/roller?${params}`;

      const res = await client.getJson(url, { accept: ACCEPT_JSON, signal: opts.signal });
      const envelope = rolleHendelserSchema.safeParse(res.body);
      if (!envelope.success) throw new FeedError(`The answer from ${url} is not a list of role events: ${res.text.slice(0, 200)}`);
      const raw = envelope.data;

      const quarantine: Omit<QuarantineRow, 'runId'>[] = [];
      const events: RolleHendelse[] = [];
      let setAsideId: bigint | null = null;
      for (const [index, value] of raw.entries()) {
        const parsed = rolleHendelseSchema.safeParse(value);
        if (parsed.success) {
          events.push(parsed.data);
          continue;
        }
        const id = (value as { id?: unknown } | null)?.id;
        const readable = (typeof id === 'string' && /^\d+$/.test(id)) || (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0);
        const itemId = readable ? String(id) : `after ${cursor ?? 'start'} #${index}`;
        const reason = `not a valid role event: ${describeIssues(parsed.error)}`;
        const rawText = storableRaw(JSON.stringify(value) ?? String(value));
        if (!quarantineNow(state, itemId)) throw new FeedItemError(itemId, reason, rawText);
        if (readable && (setAsideId === null || BigInt(itemId) > setAsideId)) setAsideId = BigInt(itemId);
        quarantine.push({ source: ROLLER_FEED, position: itemId, reason, raw: rawText });
      }
      events.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : BigInt(a.id) > BigInt(b.id) ? 1 : 0));
      const fresh = cursor ? events.filter((e) => BigInt(e.id) > BigInt(cursor)) : events;
      if (fresh.length === 0 && quarantine.length === 0) {
        if (raw.length >= pageSize)
          throw new FeedError(`${url} returned a full page of events at or before the cursor ${cursor}; the feed is not moving forward.`);
        result.caughtUp = true;
        break;
      }

      // The first event naming each unit stands for it (for the error and the quarantine).
      const named = new Map<string, string>();
      for (const e of fresh) if (!named.has(e.data.organisasjonsnummer)) named.set(e.data.organisasjonsnummer, e.id);
      const kept = await unitsWithRolesKept(db, [...named.keys()]);
      const targets = [...named.keys()].filter((o) => kept.has(o));
      const answers = await mapLimited(targets, concurrency, fetchRoles);
      const replacements: { orgnr: string; roles: Roles }[] = [];
      for (const [i, orgnr] of targets.entries()) {
        const answer = answers[i]!;
        if (answer.kind === 'roles') {
          replacements.push({ orgnr, roles: answer.roles });
          continue;
        }
        const itemId = named.get(orgnr)!;
        if (!quarantineNow(state, itemId)) throw new FeedItemError(itemId, answer.reason, storableRaw(answer.raw));
        quarantine.push({ source: ROLLER_FEED, position: itemId, reason: answer.reason, raw: storableRaw(answer.raw) });
      }

      const lastEvent = fresh.at(-1);
      let top = lastEvent ? BigInt(lastEvent.id) : null;
      if (setAsideId !== null && (top === null || setAsideId > top)) top = setAsideId;
      const newCursor = top !== null && (!cursor || top > BigInt(cursor)) ? top.toString() : cursor;
      const lastEntryAt = lastEvent ? new Date(lastEvent.time).toISOString() : result.lastEntryAt;
      const now = deps.now();
      const counts = { changed: 0, unchanged: 0, noRoles: 0 };
      const applied = await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        if ((await lockCursor(t, ROLLER_FEED)) !== cursor) return false;
        for (const r of replacements) {
          const change = await replaceRoller(t, r.orgnr, { data: r.roles.data, hash: r.roles.hash, rows: r.roles.rows }, now);
          if (change === 'unchanged') counts.unchanged++;
          else counts.changed++;
          if (r.roles.none) counts.noRoles++;
        }
        await insertQuarantine(
          t,
          quarantine.map((q) => ({ runId: null, ...q })),
        );
        await saveSyncState(t, ROLLER_FEED, { cursor: newCursor, details: { ...withoutBlocked(state?.details), lastEntryAt } });
        return true;
      });
      if (!applied) {
        logger.info('roller feed page already applied by another runner; continuing from its cursor', { cursor });
        state = await getSyncState(db, ROLLER_FEED);
        continue;
      }

      result.pages++;
      result.events += fresh.length;
      result.units += replacements.length;
      result.changed += counts.changed;
      result.unchanged += counts.unchanged;
      result.noRoles += counts.noRoles;
      result.outOfScope += named.size - targets.length;
      result.quarantined += quarantine.length;
      result.cursor = newCursor;
      result.lastEntryAt = lastEntryAt;
      logger.info('roller feed page applied', {
        cursor: newCursor,
        events: fresh.length,
        units: replacements.length,
        outOfScope: named.size - targets.length,
        quarantined: quarantine.length,
      });
      if (state) state = { ...state, cursor: newCursor, details: { ...withoutBlocked(state.details), lastEntryAt } };
      if (raw.length < pageSize) {
        result.caughtUp = true;
        break;
      }
      await opts.heartbeat?.();
    }
  } catch (error) {
    await markRunFailed(db, ROLLER_FEED, error).catch((e) => logger.error('could not record the feed failure', { error: e }));
    logger.error('roller feed follow failed; the page will be processed again', {
      cursor: result.cursor,
      error: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }

  const now = deps.now();
  result.lagSeconds = result.lastEntryAt ? Math.max(0, Math.round((now.getTime() - Date.parse(result.lastEntryAt)) / 1000)) : null;
  await markRunSucceeded(db, ROLLER_FEED, now, {
    lastEntryAt: result.lastEntryAt,
    lagSeconds: result.lagSeconds,
    caughtUp: result.caughtUp,
    lastRun: {
      pages: result.pages,
      events: result.events,
      units: result.units,
      outOfScope: result.outOfScope,
      quarantined: result.quarantined,
    },
  });
  logger.info('roller feed followed', { ...result });
  return result;
}

async function startTime(db: Db, now: Date): Promise<Date> {
  const imported = await lastCompletedImportStart(db, 'roller');
  return new Date((imported ?? now).getTime() - DAY_MS);
}

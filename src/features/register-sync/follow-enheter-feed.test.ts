import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database.ts';
import { loadConfig } from '../../core/config.ts';
import type { Database } from '../../core/db/client.ts';
import {
  registerChanges,
  registerEnheter,
  registerFrivillige,
  registerImportRuns,
  registerQuarantine,
  registerRoller,
  registerRolleSett,
  registerSyncState,
} from '../../core/db/schema.ts';
import { createLogger } from '../../core/logger.ts';
import { createBrregClient } from '../register/brreg-client.ts';
import { enhet, frivillig, roller, testOrgnr } from '../register/import-fixtures.ts';
import {
  canonicalJson,
  flattenRoller,
  hashJson,
  prepareEnhet,
  prepareFrivillig,
  rollerResponseSchema,
} from '../register/import-records.ts';
import { applyEnhetRecords, getSyncState, replaceRoller, upsertFrivillige } from '../register/register.queries.ts';
import { type FeedDouble, gone, startFeedDouble } from './feed-double.ts';
import { ENHETER_FEED, type FollowFeedOptions, followEnheterFeed } from './follow-enheter-feed.ts';
import { FeedError, FeedItemError } from './follower-state.ts';

let database: Database;
let double: FeedDouble;
let now: Date;
const lines: Record<string, unknown>[] = [];
const logger = createLogger('debug', (line) => lines.push(JSON.parse(line) as Record<string, unknown>));

const deps = () => ({
  config: loadConfig({ NODE_ENV: 'test', BRREG_ENHETSREGISTERET_URL: double.baseUrl }),
  database,
  logger,
  now: () => now,
});
// Short timeouts and no real waiting between retries: the client's retry logic runs, the test stays quick.
const client = () => createBrregClient({ logger, timeoutMs: 300, retries: 1, sleep: async () => {} });
const follow = (opts: FollowFeedOptions = {}) => followEnheterFeed(deps(), { client: client(), ...opts });

const A = testOrgnr(1);
const B = testOrgnr(2);
const C = testOrgnr(3);
const D = testOrgnr(4);
const E = testOrgnr(5);
const F = testOrgnr(6);

async function store(n: number, overrides: Record<string, unknown> = {}) {
  const checked = prepareEnhet(enhet(n, overrides));
  if (!checked.ok) throw new Error(checked.reason);
  await applyEnhetRecords(database.db, [checked.value], now);
}

function change(id: number, orgnr: string, endringstype: string, dato = '2026-03-02T10:00:00.000Z', extra: Record<string, unknown> = {}) {
  return { oppdateringsid: id, dato, organisasjonsnummer: orgnr, endringstype, ...extra };
}

const unitRow = async (orgnr: string) => (await database.db.select().from(registerEnheter).where(eq(registerEnheter.orgnr, orgnr)))[0];
const changeIds = async () =>
  (await database.db.select().from(registerChanges).orderBy(asc(registerChanges.oppdateringsid))).map((c) => c.oppdateringsid);
const state = () => getSyncState(database.db, ENHETER_FEED);

beforeAll(async () => {
  database = await createTestDatabase();
  double = await startFeedDouble();
});
afterAll(async () => {
  await double.close();
  await database.close();
});
beforeEach(async () => {
  for (const t of [
    registerChanges,
    registerQuarantine,
    registerSyncState,
    registerRolleSett,
    registerFrivillige,
    registerEnheter,
    registerImportRuns,
  ]) {
    await database.db.delete(t);
  }
  double.units.clear();
  double.roles.clear();
  double.changes.length = 0;
  double.fault = null;
  double.requests.length = 0;
  lines.length = 0;
  now = new Date('2026-03-02T12:00:00Z');
});

describe('the units feed', () => {
  it('applies Ny, Endring, Sletting, Fjernet, 410 and Ukjent, and records every entry', async () => {
    await store(1, { navn: 'GAMMELT NAVN' });
    await store(3);
    await store(4);
    await store(5);
    // D also has FRR and role rows, which must go with it.
    const frr = prepareFrivillig(frivillig(4));
    if (!frr.ok) throw new Error(frr.reason);
    await upsertFrivillige(database.db, [frr.value], randomUUID(), now);
    const r = roller(4);
    await replaceRoller(
      database.db,
      D,
      { data: r, hash: hashJson(canonicalJson(r)), rows: flattenRoller(rollerResponseSchema.parse(r)) },
      now,
    );

    double.units.set(A, enhet(1, { navn: 'NYTT NAVN' }));
    double.units.set(B, enhet(2));
    double.units.set(E, gone(E, '2026-02-28'));
    double.units.set(F, enhet(6));
    double.changes.push(
      change(101, B, 'Ny'),
      change(105, A, 'Endring', '2026-03-02T10:00:00.000Z', { endringer: [{ op: 'replace', path: '/navn', value: 'NYTT NAVN' }] }),
      // 23:30 UTC on 1 March is 2 March in Norway: the tombstone carries the Norwegian date.
      change(110, C, 'Sletting', '2026-03-01T23:30:00.000Z'),
      change(111, D, 'Fjernet'),
      change(120, E, 'Endring'),
      change(130, F, 'Ukjent', '2026-03-02T11:00:00.000Z'),
    );

    const result = await follow();
    expect(result).toMatchObject({
      pages: 1,
      entries: 6,
      upserted: 3,
      tombstoned: 1,
      removed: 2,
      quarantined: 0,
      caughtUp: true,
      cursor: '130',
    });

    expect((await unitRow(B))?.navn).toBe('TESTLAGET NUMMER 2');
    expect((await unitRow(A))?.navn).toBe('NYTT NAVN');
    expect(await unitRow(C)).toMatchObject({ slettedato: '2026-03-02', navn: 'TESTLAGET NUMMER 3' });
    expect(await unitRow(D)).toBeUndefined();
    expect(await database.db.select().from(registerFrivillige).where(eq(registerFrivillige.orgnr, D))).toHaveLength(0);
    expect(await database.db.select().from(registerRolleSett).where(eq(registerRolleSett.orgnr, D))).toHaveLength(0);
    expect(await database.db.select().from(registerRoller).where(eq(registerRoller.orgnr, D))).toHaveLength(0);
    expect(await unitRow(E)).toBeUndefined();
    expect((await unitRow(F))?.navn).toBe('TESTLAGET NUMMER 6');
    // Sletting and Fjernet are not fetched; the others are.
    expect(double.requests.some((p) => p.includes(`/enheter/${C}`) || p.includes(`/enheter/${D}`))).toBe(false);

    const changes = await database.db.select().from(registerChanges).orderBy(asc(registerChanges.oppdateringsid));
    expect(changes.map((c) => [c.oppdateringsid, c.orgnr, c.endringstype])).toEqual([
      [101, B, 'Ny'],
      [105, A, 'Endring'],
      [110, C, 'Sletting'],
      [111, D, 'Fjernet'],
      [120, E, 'Endring'],
      [130, F, 'Ukjent'],
    ]);
    expect(changes[1]!.endringer).toEqual([{ op: 'replace', path: '/navn', value: 'NYTT NAVN' }]);
    expect(double.requests[0]).toContain('includeChanges=true');

    expect(await state()).toMatchObject({
      cursor: '130',
      lastRunAt: now,
      lastSuccessAt: now,
      lastError: null,
      consecutiveFailures: 0,
      details: { lastEntryAt: '2026-03-02T11:00:00.000Z', lagSeconds: 3600, caughtUp: true },
    });
  });

  it('a unit that is Fjernet loses the values of its earlier recorded changes', async () => {
    await store(1);
    double.units.set(A, enhet(1, { navn: 'ENDRET' }));
    double.changes.push(change(1, A, 'Endring', undefined, { endringer: [{ op: 'replace', path: '/navn', value: 'ENDRET' }] }));
    await follow();
    double.changes.push(change(2, A, 'Fjernet'));
    await follow();
    const rows = await database.db.select().from(registerChanges).orderBy(asc(registerChanges.oppdateringsid));
    expect(rows.map((r) => [r.endringstype, r.endringer])).toEqual([
      ['Endring', null],
      ['Fjernet', null],
    ]);
  });

  it('stores the cursor and resumes from last+1, walking by id (gaps allowed), never by _links.next', async () => {
    for (const [i, id] of [10, 15, 40, 41, 90].entries()) {
      const orgnr = testOrgnr(20 + i);
      double.units.set(orgnr, enhet(20 + i));
      double.changes.push(change(id, orgnr, 'Ny'));
    }
    // Without a cursor and without a completed bulk import: from a day ago.
    const first = await follow({ pageSize: 2, maxPages: 1 });
    expect(first).toMatchObject({ pages: 1, entries: 2, cursor: '15', caughtUp: false });
    expect(double.requests[0]).toContain(`dato=${encodeURIComponent('2026-03-01T12:00:00.000Z')}`);
    expect((await state())?.cursor).toBe('15');

    double.requests.length = 0;
    const second = await follow({ pageSize: 2 });
    expect(second).toMatchObject({ pages: 2, entries: 3, cursor: '90', caughtUp: true });
    const feedRequests = double.requests.filter((p) => p.includes('/oppdateringer/'));
    expect(feedRequests.map((p) => new URL(p, 'http://x').searchParams.get('oppdateringsid'))).toEqual(['16', '42']);

    double.requests.length = 0;
    const idle = await follow({ pageSize: 2 });
    expect(idle).toMatchObject({ pages: 0, entries: 0, cursor: '90', caughtUp: true });
    expect(double.requests).toEqual([expect.stringContaining('oppdateringsid=91')]);
    expect(await changeIds()).toEqual([10, 15, 40, 41, 90]);
  });

  it('replays the feed from a day before a bulk import that completed after the cursor was stored', async () => {
    double.units.set(A, enhet(1, { navn: 'NYESTE NAVN' }));
    double.changes.push(change(200, A, 'Endring', '2026-03-02T08:00:00.000Z'));
    await follow();
    expect((await state())?.cursor).toBe('200');
    // A bulk file built before that change is imported afterwards and writes the older name back.
    await store(1, { navn: 'NAVN FRA FILEN' });
    await database.db.insert(registerImportRuns).values({
      kind: 'enheter',
      source: 'x',
      status: 'completed',
      startedAt: new Date('2026-03-02T09:00:00Z'),
      finishedAt: new Date('2026-03-02T09:30:00Z'),
    });
    double.requests.length = 0;
    await follow();
    expect(double.requests[0]).toContain(`dato=${encodeURIComponent('2026-03-01T09:00:00.000Z')}`);
    expect((await unitRow(A))?.navn).toBe('NYESTE NAVN');
    expect(await changeIds()).toEqual([200]);
    // Once replayed, the next run goes on from the cursor again.
    double.requests.length = 0;
    await follow();
    expect(double.requests[0]).toContain('oppdateringsid=201');
  });

  it('leaves a page alone that another runner applied first, and continues from its cursor', async () => {
    for (const n of [50, 51, 52]) {
      double.units.set(testOrgnr(n), enhet(n));
      double.changes.push(change(n, testOrgnr(n), 'Ny'));
    }
    await follow({ pageSize: 1, maxPages: 1 });
    let raced = false;
    // While this run fetches the unit of entry 51, "another runner" commits that page (moves the cursor).
    double.fault = async ({ path }) => {
      if (!raced && path.endsWith(`/enheter/${testOrgnr(51)}`)) {
        raced = true;
        await database.db.update(registerSyncState).set({ cursor: '51' }).where(eq(registerSyncState.name, ENHETER_FEED));
      }
      return undefined;
    };
    const result = await follow({ pageSize: 1 });
    expect(result).toMatchObject({ entries: 1, cursor: '52' });
    // Entry 51 was left to the runner that committed it first.
    expect(await changeIds()).toEqual([50, 52]);
    expect(lines.some((l) => String(l.msg).includes('already applied by another runner'))).toBe(true);
  });

  it('starts a day before the last complete bulk import when it has no cursor', async () => {
    await database.db.insert(registerImportRuns).values({
      kind: 'enheter',
      source: 'x',
      status: 'completed',
      startedAt: new Date('2026-02-20T05:30:00Z'),
      finishedAt: new Date('2026-02-20T06:00:00Z'),
    });
    await follow();
    expect(double.requests[0]).toContain(`dato=${encodeURIComponent('2026-02-19T05:30:00.000Z')}`);
  });
});

describe('a page that fails', () => {
  beforeEach(() => {
    for (let n = 30; n < 34; n++) {
      double.units.set(testOrgnr(n), enhet(n));
      double.changes.push(change(n, testOrgnr(n), 'Ny'));
    }
  });

  const countUnits = async () => (await database.db.select().from(registerEnheter)).length;

  it('on HTTP 500 for a unit mid-page writes nothing, records the error, and the retry applies it once', async () => {
    const bad = testOrgnr(32);
    double.fault = ({ path }) => (path.endsWith(`/enheter/${bad}`) ? new Response('oops', { status: 500 }) : undefined);
    await expect(follow()).rejects.toThrow(/HTTP 500/);
    expect(await countUnits()).toBe(0);
    expect(await changeIds()).toEqual([]);
    expect(await state()).toMatchObject({
      cursor: null,
      consecutiveFailures: 1,
      lastSuccessAt: null,
      lastError: expect.stringContaining('500'),
    });
    expect(lines.some((l) => l.level === 'error' && l.msg === 'enheter feed follow failed; the page will be processed again')).toBe(true);
    // The client retried before giving up.
    expect(double.requests.filter((p) => p.endsWith(`/enheter/${bad}`))).toHaveLength(2);

    double.fault = null;
    await expect(follow()).resolves.toMatchObject({ entries: 4, cursor: '33' });
    expect(await countUnits()).toBe(4);
    expect(await changeIds()).toEqual([30, 31, 32, 33]);
    expect(await state()).toMatchObject({ consecutiveFailures: 0, lastError: null });
  });

  it('keeps the pages before a failing page, and re-running finishes without duplicates', async () => {
    let failures = 0;
    double.fault = ({ query }) => {
      if (query.get('oppdateringsid') === '32' && failures < 2) {
        failures++;
        return new Response('busy', { status: 503 });
      }
      return undefined;
    };
    await follow({ pageSize: 2, maxPages: 1 });
    await expect(follow({ pageSize: 2 })).rejects.toThrow(/503/);
    expect(await changeIds()).toEqual([30, 31]);
    expect((await state())?.cursor).toBe('31');
    await follow({ pageSize: 2 });
    expect(await changeIds()).toEqual([30, 31, 32, 33]);
    expect(await countUnits()).toBe(4);
  });

  it('on a timeout of the feed writes nothing and is retried', async () => {
    double.fault = ({ path }) => (path.includes('/oppdateringer/') ? 'hang' : undefined);
    await expect(follow()).rejects.toThrow(/no answer within 300 ms/);
    expect(await countUnits()).toBe(0);
    expect((await state())?.consecutiveFailures).toBe(1);
    double.fault = null;
    await follow();
    expect(await countUnits()).toBe(4);
  });

  it('on an answer that is not a feed page writes nothing', async () => {
    double.fault = ({ path }) => (path.includes('/oppdateringer/') ? new Response('<html>maintenance</html>', { status: 200 }) : undefined);
    await expect(follow()).rejects.toBeInstanceOf(FeedError);
    expect(await countUnits()).toBe(0);
    expect((await state())?.lastError).toMatch(/not an update page/);
  });

  it('on a malformed entry mid-page writes nothing; a corrected page is then applied', async () => {
    double.changes[2] = { oppdateringsid: 32, dato: '2026-03-02T10:00:00.000Z', endringstype: 'Ny' };
    await expect(follow()).rejects.toBeInstanceOf(FeedItemError);
    expect(await countUnits()).toBe(0);
    expect(await state()).toMatchObject({
      cursor: null,
      lastError: expect.stringContaining('organisasjonsnummer'),
      details: { blocked: { id: '32', failures: 1 } },
    });
    double.changes[2] = change(32, testOrgnr(32), 'Ny');
    await follow();
    expect(await countUnits()).toBe(4);
    expect((await state())?.details).not.toHaveProperty('blocked');
  });

  it('quarantines an entry still malformed after three runs, and the feed moves on', async () => {
    double.changes[1] = { oppdateringsid: 31, dato: 'yesterday', organisasjonsnummer: testOrgnr(31), endringstype: 'Ny' };
    await expect(follow()).rejects.toBeInstanceOf(FeedItemError);
    await expect(follow()).rejects.toBeInstanceOf(FeedItemError);
    expect(await countUnits()).toBe(0);
    const result = await follow();
    expect(result).toMatchObject({ entries: 3, quarantined: 1, cursor: '33' });
    const [q] = await database.db.select().from(registerQuarantine);
    expect(q).toMatchObject({ source: ENHETER_FEED, position: '31', reason: expect.stringContaining('dato') });
    expect(JSON.parse(q!.raw)).toMatchObject({ oppdateringsid: 31, dato: 'yesterday' });
    expect(await changeIds()).toEqual([30, 32, 33]);
    expect(await state()).toMatchObject({ consecutiveFailures: 0, lastError: null });
  });

  it('treats a unit record that is not valid like a malformed entry', async () => {
    double.units.set(testOrgnr(31), enhet(31, { navn: '' }));
    await expect(follow()).rejects.toThrow(/navn: must not be empty/);
    expect(await countUnits()).toBe(0);
    await expect(follow()).rejects.toThrow();
    await follow();
    expect(await countUnits()).toBe(3);
    const [q] = await database.db.select().from(registerQuarantine);
    expect(q).toMatchObject({ position: '31', reason: expect.stringContaining('navn') });
    // The entry itself was valid, so it is in the history.
    expect(await changeIds()).toEqual([30, 31, 32, 33]);
  });
});

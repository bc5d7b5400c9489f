import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { asc, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database.ts';
import { loadConfig } from '../../core/config.ts';
import type { Database } from '../../core/db/client.ts';
import { registerFrivillige, registerQuarantine, registerSyncState } from '../../core/db/schema.ts';
import { createLogger } from '../../core/logger.ts';
import { createBrregClient } from './brreg-client.ts';
import { ImportFailedError } from './import-errors.ts';
import { enhet, frivillig, testOrgnr } from './import-fixtures.ts';
import { FRIVILLIGE_WALK, importFrivillige } from './import-frivillige.ts';
import { prepareEnhet } from './import-records.ts';
import { applyEnhetRecords } from './register.queries.ts';

/**
 * A local stand-in for Frivillighetsregisteret that speaks the documented contract (brief §2.3): size at
 * most 100 (400 otherwise), no `page` parameter (400), cursor pagination by `searchAfter` = the last orgnr,
 * `_links.next` on every full page, `_embedded.frivilligeOrganisasjoner`.
 */
function frrDouble() {
  const state = {
    organisations: [] as Record<string, unknown>[],
    requests: [] as URL[],
    /** Answers this status instead of the page while it returns a number. */
    failure: (_url: URL): number | undefined => undefined,
  };
  const app = new Hono();
  app.get('/frivillighetsregisteret/api/frivillige-organisasjoner', (c) => {
    const url = new URL(c.req.url);
    state.requests.push(url);
    const status = state.failure(url);
    if (status) return c.json({ status, feilmelding: 'Intern feil' }, status as 500);
    if (url.searchParams.has('page')) return c.json({ status: 400, feilmelding: 'page is not supported' }, 400);
    const size = Number(url.searchParams.get('size') ?? 20);
    if (size > 100) return c.json({ status: 400, feilmelding: 'size cannot exceed 100' }, 400);
    const after = url.searchParams.get('searchAfter') ?? '';
    const sorted = [...state.organisations].sort((a, b) => String(a.organisasjonsnummer).localeCompare(String(b.organisasjonsnummer)));
    const page = sorted.filter((o) => String(o.organisasjonsnummer) > after).slice(0, size);
    const self = `${url.origin}${url.pathname}`;
    const links: Record<string, { href: string }> = { self: { href: url.toString() } };
    if (page.length === size) links.next = { href: `${self}?size=${size}&searchAfter=${page.at(-1)!.organisasjonsnummer}` };
    return c.json(page.length ? { _embedded: { frivilligeOrganisasjoner: page }, _links: links } : { _links: links });
  });
  return { app, state };
}

let database: Database;
let server: ReturnType<typeof serve>;
let baseUrl: string;
const double = frrDouble();
const logger = createLogger('silent');
const config = loadConfig({ NODE_ENV: 'test' });
let today = new Date('2026-05-10T10:00:00Z');
const deps = () => ({ database, logger, config, now: () => today });
const client = createBrregClient({ logger, retries: 2, backoffMs: 1, sleep: async () => {} });

beforeAll(async () => {
  database = await createTestDatabase();
  await new Promise<void>((resolve) => {
    server = serve({ fetch: double.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/frivillighetsregisteret`;
});
afterAll(async () => {
  server.close();
  await database.close();
});
beforeEach(async () => {
  await database.db.execute(
    sql`truncate register_frivillige, register_import_runs, register_import_staging, register_quarantine, register_sync_state, register_enheter`,
  );
  double.state.organisations = Array.from({ length: 7 }, (_, i) => frivillig(i));
  double.state.requests = [];
  double.state.failure = () => undefined;
  today = new Date('2026-05-10T10:00:00Z');
});

const rows = () => database.db.select().from(registerFrivillige).orderBy(asc(registerFrivillige.orgnr));
const walk = (opts: Parameters<typeof importFrivillige>[1] = {}) => importFrivillige(deps(), { baseUrl, client, pageSize: 3, ...opts });

describe('import frivillige', () => {
  it('walks every page by cursor, storing ranked ICNPO codes, grasrot, status and dates, and quarantining bad records', async () => {
    double.state.organisations.push(frivillig(20, { organisasjonsnummer: '123456789' }), frivillig(21, { innfoertDato: '15.03.2015' }));
    // One of them is in Enhetsregisteret: the join works from either side.
    const unit = prepareEnhet(enhet(0));
    if (unit.ok) await applyEnhetRecords(database.db, [unit.value], today);

    const result = await walk();
    expect(result).toMatchObject({ status: 'completed', resumed: false, read: 9, inserted: 7, quarantined: 2, gone: 0, withoutEnhet: 6 });
    // 9 organisations, 3 a page: 3 full pages and an empty last one; never more than 100, never `page`.
    expect(result.pages).toBe(4);
    expect(double.state.requests.map((u) => u.searchParams.get('searchAfter'))).toEqual([
      null,
      expect.any(String),
      expect.any(String),
      expect.any(String),
    ]);
    expect(double.state.requests.every((u) => u.searchParams.get('size') === '3' && !u.searchParams.has('page'))).toBe(true);

    const stored = await rows();
    expect(stored).toHaveLength(7);
    expect(stored.find((r) => r.orgnr === testOrgnr(0))).toMatchObject({
      icnpo1: '1200', // rekkefoelge 1, although second in the array
      icnpo2: '1300',
      icnpo3: null,
      grasrotandel: true,
      status: 'Registrert',
      innfoertDato: '2015-03-04',
      foersteGangInnfoert: '2010-01-02',
      slettetDato: null,
      lastSeenWalk: result.runId,
    });
    expect(stored.find((r) => r.orgnr === testOrgnr(1))!.grasrotandel).toBe(false);

    const bad = await database.db.select().from(registerQuarantine).orderBy(asc(registerQuarantine.position));
    expect(bad.map((q) => [q.position, q.source])).toEqual([
      ['123456789', 'frivillige'],
      [testOrgnr(21), 'frivillige'],
    ]);
    expect(bad[0]!.reason).toMatch(/MOD11/);
    expect(bad[1]!.reason).toMatch(/innfoertDato/);
    expect(JSON.parse(bad[1]!.raw)).toMatchObject({ innfoertDato: '15.03.2015' });

    const [state] = await database.db.select().from(registerSyncState);
    expect(state).toMatchObject({ name: FRIVILLIGE_WALK, cursor: null, consecutiveFailures: 0, lastError: null });
  });

  it('after a complete walk, organisations not seen are marked as having left FRR; they come back if seen again', async () => {
    await walk();
    const leaving = testOrgnr(3);
    double.state.organisations = double.state.organisations.filter((o) => o.organisasjonsnummer !== leaving);
    // A record that fails validation still proves its organisation is in FRR.
    double.state.organisations[0] = frivillig(0, { innfoertDato: 'i går' });

    today = new Date('2026-05-11T10:00:00Z');
    const second = await walk();
    expect(second).toMatchObject({ status: 'completed', inserted: 0, updated: 0, unchanged: 5, quarantined: 1, gone: 1 });
    const after = await rows();
    expect(after.filter((r) => r.slettetDato !== null).map((r) => [r.orgnr, r.slettetDato])).toEqual([[leaving, '2026-05-11']]);
    expect(after.find((r) => r.orgnr === testOrgnr(0))!.slettetDato).toBeNull();

    double.state.organisations.push(frivillig(3));
    const third = await walk();
    expect(third).toMatchObject({ status: 'completed', updated: 1, gone: 0 });
    expect((await rows()).every((r) => r.slettetDato === null)).toBe(true);
  });

  it('a walk failing mid-way (HTTP 500) marks nothing as gone and resumes from the last stored cursor', async () => {
    await walk();
    const leaving = testOrgnr(6);
    double.state.organisations = double.state.organisations.filter((o) => o.organisasjonsnummer !== leaving);
    double.state.organisations.push(frivillig(30));
    let broken = true;
    double.state.failure = (url) => (broken && url.searchParams.has('searchAfter') ? 500 : undefined);
    double.state.requests = [];

    const error = await walk().catch((e) => e);
    expect(error).toBeInstanceOf(ImportFailedError);
    expect(error.message).toMatch(/HTTP 500/);
    expect(error.message).toMatch(/nothing was marked as gone/);
    expect(double.state.requests).toHaveLength(1 + 3); // the first page, then the second page tried three times
    expect((await rows()).every((r) => r.slettetDato === null)).toBe(true);
    const [state] = await database.db.select().from(registerSyncState);
    expect(state!.cursor).toContain('searchAfter=');
    expect(state).toMatchObject({ consecutiveFailures: 1, lastError: expect.stringMatching(/HTTP 500/) });

    broken = false;
    double.state.requests = [];
    const resumed = await walk();
    expect(resumed).toMatchObject({ status: 'completed', resumed: true, gone: 1 });
    // It went on from the stored cursor instead of starting again.
    expect(double.state.requests[0]!.searchParams.get('searchAfter')).toBe(new URL(state!.cursor!).searchParams.get('searchAfter'));
    expect(resumed.read).toBe(double.state.organisations.length - 3);
    const after = await rows();
    expect(after.filter((r) => r.slettetDato !== null).map((r) => r.orgnr)).toEqual([leaving]);
    expect(after.map((r) => r.orgnr)).toContain(testOrgnr(30));
    const [done] = await database.db.select().from(registerSyncState);
    expect(done).toMatchObject({ cursor: null, consecutiveFailures: 0 });
  });

  it('retries a transient server error, and stops cleanly when interrupted', async () => {
    let failures = 2;
    double.state.failure = () => (failures-- > 0 ? 503 : undefined);
    expect(await walk()).toMatchObject({ status: 'completed', inserted: 7 });

    const controller = new AbortController();
    const interrupted = await walk({
      signal: controller.signal,
      afterPage: () => controller.abort(),
    });
    expect(interrupted).toMatchObject({ status: 'interrupted', pages: 1, read: 3 });
    const resumed = await walk();
    expect(resumed).toMatchObject({ status: 'completed', resumed: true, read: 4, gone: 0 });
  });

  it('refuses to mark everything as gone when a complete walk finds nobody', async () => {
    await walk();
    double.state.organisations = [];
    const error = await walk().catch((e) => e);
    expect(error).toBeInstanceOf(ImportFailedError);
    expect(error.message).toMatch(/found no organisations at all while 7 are registered/);
    expect((await rows()).every((r) => r.slettetDato === null)).toBe(true);
  });

  it('refuses a page size the register does not allow', async () => {
    await expect(walk({ pageSize: 101 })).rejects.toThrow(/between 1 and 100/);
  });
});

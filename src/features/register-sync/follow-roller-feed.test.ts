import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database.ts';
import { loadConfig } from '../../core/config.ts';
import type { Database } from '../../core/db/client.ts';
import {
  registerEnheter,
  registerFrivillige,
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
import { type FeedDouble, startFeedDouble } from './feed-double.ts';
import { type FollowRollerFeedOptions, followRollerFeed, ROLLER_FEED } from './follow-roller-feed.ts';
import { FeedItemError } from './follower-state.ts';

let database: Database;
let double: FeedDouble;
let now: Date;
const logger = createLogger('silent');
const deps = () => ({
  config: loadConfig({ NODE_ENV: 'test', BRREG_ENHETSREGISTERET_URL: double.baseUrl }),
  database,
  logger,
  now: () => now,
});
const client = () => createBrregClient({ logger, timeoutMs: 300, retries: 1, sleep: async () => {} });
const follow = (opts: FollowRollerFeedOptions = {}) => followRollerFeed(deps(), { client: client(), ...opts });

// A and B are foreninger (FLI), C a company outside the voluntary sector, D a company registered in FRR.
const A = testOrgnr(41);
const B = testOrgnr(42);
const C = testOrgnr(43);
const D = testOrgnr(44);

function event(id: number, orgnr: string, time = '2026-03-02T09:00:00.000Z') {
  return {
    specversion: '1.0',
    id: String(id),
    source: `https://data.brreg.no/enhetsregisteret/api/enheter/${orgnr}/roller`,
    type: 'no.brreg.enhetsregisteret.rolle.oppdatert',
    time,
    data: { organisasjonsnummer: orgnr },
  };
}

const rolesOf = async (orgnr: string) =>
  (await database.db.select().from(registerRoller).where(eq(registerRoller.orgnr, orgnr)).orderBy(asc(registerRoller.rolle))).map(
    (r) => `${r.rollegruppe}/${r.rolle}/${r.etternavn ?? r.enhetNavn}`,
  );
const state = () => getSyncState(database.db, ROLLER_FEED);
const rolesRequests = () => double.requests.filter((p) => p.endsWith('/roller') && p.includes('/api/enheter/'));

beforeAll(async () => {
  database = await createTestDatabase();
  double = await startFeedDouble();
});
afterAll(async () => {
  await double.close();
  await database.close();
});
beforeEach(async () => {
  for (const t of [registerQuarantine, registerSyncState, registerRolleSett, registerFrivillige, registerEnheter])
    await database.db.delete(t);
  double.roles.clear();
  double.roleEvents.length = 0;
  double.fault = null;
  double.requests.length = 0;
  now = new Date('2026-03-02T10:00:00Z');
  const units = [
    enhet(41),
    enhet(42),
    enhet(43, { organisasjonsform: { kode: 'AS', beskrivelse: 'Aksjeselskap' } }),
    enhet(44, { organisasjonsform: { kode: 'AS', beskrivelse: 'Aksjeselskap' } }),
  ];
  await applyEnhetRecords(
    database.db,
    units.map((u) => {
      const c = prepareEnhet(u);
      if (!c.ok) throw new Error(c.reason);
      return c.value;
    }),
    now,
  );
  const frr = prepareFrivillig(frivillig(44));
  if (!frr.ok) throw new Error(frr.reason);
  await upsertFrivillige(database.db, [frr.value], randomUUID(), now);
  // B had roles; the register now has none for it.
  const old = roller(42);
  await replaceRoller(
    database.db,
    B,
    { data: old, hash: hashJson(canonicalJson(old)), rows: flattenRoller(rollerResponseSchema.parse(old)) },
    now,
  );
  double.roles.set(A, roller(41));
  double.roles.set(C, roller(43));
  double.roles.set(D, roller(44));
});

describe('the roles feed', () => {
  it('re-fetches the roles of each unit it names (once per page), for the units whose roles we keep', async () => {
    double.roleEvents.push(event(1, A), event(2, B), event(3, C), event(4, A), event(5, D, '2026-03-02T09:30:00.000Z'));
    const result = await follow();
    expect(result).toMatchObject({ pages: 1, events: 5, units: 3, changed: 3, noRoles: 1, outOfScope: 1, caughtUp: true, cursor: '5' });
    expect(await rolesOf(A)).toEqual(['STYR/LEDE/Leder41', 'STYR/MEDL/Medlem', 'REVI/REVI/REVISJON AS']);
    expect(await rolesOf(B)).toEqual([]);
    expect(await database.db.select().from(registerRolleSett).where(eq(registerRolleSett.orgnr, B))).toHaveLength(1);
    expect(await rolesOf(D)).toHaveLength(3);
    expect(await rolesOf(C)).toEqual([]);
    expect(
      rolesRequests()
        .map((p) => p.split('/').at(-2))
        .sort(),
    ).toEqual([A, B, D].sort());
    expect(await state()).toMatchObject({
      cursor: '5',
      lastSuccessAt: now,
      consecutiveFailures: 0,
      details: { lastEntryAt: '2026-03-02T09:30:00.000Z', lagSeconds: 1800, caughtUp: true },
    });
  });

  it('starts a day back without a cursor, then resumes after the stored event id', async () => {
    double.roleEvents.push(event(7, A), event(8, A));
    await follow({ pageSize: 1, maxPages: 1 });
    expect(double.requests[0]).toContain(`afterTime=${encodeURIComponent('2026-03-01T10:00:00.000Z')}`);
    expect((await state())?.cursor).toBe('7');
    double.requests.length = 0;
    const changed = roller(41);
    (changed.rollegrupper as { roller: { person: { navn: { etternavn: string } } }[] }[])[0]!.roller[0]!.person.navn.etternavn = 'Nyleder';
    double.roles.set(A, changed);
    await follow({ pageSize: 1 });
    expect(double.requests[0]).toContain('afterId=7');
    expect(await rolesOf(A)).toContain('STYR/LEDE/Nyleder');
    expect((await state())?.cursor).toBe('8');
  });

  it('a failure mid-page writes nothing, and the retry applies the page', async () => {
    double.roleEvents.push(event(1, A), event(2, D));
    double.fault = ({ path }) => (path.endsWith(`/enheter/${D}/roller`) ? new Response('down', { status: 500 }) : undefined);
    await expect(follow()).rejects.toThrow(/HTTP 500/);
    expect(await rolesOf(A)).toEqual([]);
    expect(await state()).toMatchObject({ cursor: null, consecutiveFailures: 1, lastError: expect.stringContaining('500') });
    double.fault = null;
    await follow();
    expect(await rolesOf(A)).toHaveLength(3);
    expect(await rolesOf(D)).toHaveLength(3);
    expect(await state()).toMatchObject({ cursor: '2', consecutiveFailures: 0, lastError: null });
  });

  it('an answer that is not an array of events fails the run', async () => {
    double.fault = ({ path }) => (path.includes('/oppdateringer/roller') ? Response.json({ _embedded: {} }) : undefined);
    await expect(follow()).rejects.toThrow(/not a list of role events/);
    expect((await state())?.consecutiveFailures).toBe(1);
  });

  it('a malformed event fails the page until, after three runs, it is quarantined', async () => {
    double.roleEvents.push(event(1, A), { ...event(2, B), data: {} }, event(3, D));
    await expect(follow()).rejects.toBeInstanceOf(FeedItemError);
    await expect(follow()).rejects.toBeInstanceOf(FeedItemError);
    expect(await rolesOf(A)).toEqual([]);
    const result = await follow();
    expect(result).toMatchObject({ events: 2, units: 2, quarantined: 1, cursor: '3' });
    const [q] = await database.db.select().from(registerQuarantine);
    expect(q).toMatchObject({ source: ROLLER_FEED, position: '2', reason: expect.stringContaining('data.organisasjonsnummer') });
    expect(await rolesOf(A)).toHaveLength(3);
  });

  it('roles that are not the documented shape are treated the same way', async () => {
    double.roleEvents.push(event(1, A));
    double.roles.set(A, { rollegrupper: [{ roller: 'nei' }] });
    await expect(follow()).rejects.toThrow(/not a valid roles answer/);
    await expect(follow()).rejects.toThrow();
    await follow();
    const [q] = await database.db.select().from(registerQuarantine);
    expect(q).toMatchObject({ position: '1', reason: expect.stringContaining(A) });
    expect((await state())?.cursor).toBe('1');
  });
});

import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { asc, eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database.ts';
import { loadConfig } from '../../core/config.ts';
import type { Database } from '../../core/db/client.ts';
import { registerQuarantine, registerRoller, registerRolleSett } from '../../core/db/schema.ts';
import { createLogger } from '../../core/logger.ts';
import { createBrregClient } from './brreg-client.ts';
import { ImportFailedError } from './import-errors.ts';
import { enhet, frivillig, roller, testOrgnr } from './import-fixtures.ts';
import { prepareEnhet, prepareFrivillig } from './import-records.ts';
import { importRoller } from './import-roller.ts';
import { applyEnhetRecords, upsertFrivillige } from './register.queries.ts';

/** Enhetsregisteret's roles endpoint as documented (brief §1.6): the roles, or 404 when a unit has none. */
const answers = new Map<string, unknown>();
const requests: string[] = [];
const app = new Hono();
app.get('/enhetsregisteret/api/enheter/:orgnr/roller', (c) => {
  const orgnr = c.req.param('orgnr');
  requests.push(orgnr);
  const answer = answers.get(orgnr);
  if (answer === undefined) return c.json({ status: 404, feilmelding: 'Ingen roller' }, 404);
  if (typeof answer === 'number') return c.json({ status: answer, feilmelding: 'Feil' }, answer as 500);
  if (typeof answer === 'string') return c.text(answer);
  return c.json(answer);
});

let database: Database;
let server: ReturnType<typeof serve>;
let baseUrl: string;
const logger = createLogger('silent');
const config = loadConfig({ NODE_ENV: 'test' });
let clock = new Date('2026-05-10T10:00:00Z');
const deps = () => ({ database, logger, config, now: () => clock });
const client = createBrregClient({ logger, retries: 1, backoffMs: 1, sleep: async () => {} });
const run = (opts: Parameters<typeof importRoller>[1] = {}) => importRoller(deps(), { baseUrl, client, concurrency: 3, ...opts });
const tick = () => {
  clock = new Date(clock.getTime() + 60_000);
};

beforeAll(async () => {
  database = await createTestDatabase();
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/enhetsregisteret`;
});
afterAll(async () => {
  server.close();
  await database.close();
});

const prepared = <T>(checked: { ok: true; value: T } | { ok: false; reason: string }): T => {
  if (!checked.ok) throw new Error(checked.reason);
  return checked.value;
};

beforeEach(async () => {
  await database.db.execute(
    sql`truncate register_enheter, register_frivillige, register_rolle_sett, register_roller, register_import_runs, register_import_staging, register_quarantine`,
  );
  // Four FLI units, one AS (not a voluntary form), one deleted FLI, and one FRR organisation not in register_enheter.
  const units = [
    enhet(0),
    enhet(1),
    enhet(2),
    enhet(3),
    enhet(4, { organisasjonsform: { kode: 'AS' } }),
    enhet(5, { slettedato: '2020-01-01' }),
  ].map((e) => prepared(prepareEnhet(e)));
  await applyEnhetRecords(database.db, units, clock);
  await upsertFrivillige(database.db, [prepared(prepareFrivillig(frivillig(10)))], '00000000-0000-4000-8000-000000000000', clock);
  answers.clear();
  answers.set(testOrgnr(0), roller(0));
  answers.set(testOrgnr(1), roller(1));
  answers.set(testOrgnr(3), { rollegrupper: [{ type: { kode: 'STYR' }, roller: 'ikke en liste' }] });
  answers.set(testOrgnr(10), roller(10));
  requests.length = 0;
  clock = new Date('2026-05-10T10:00:00Z');
});

const rolesOf = (orgnr: string) =>
  database.db
    .select()
    .from(registerRoller)
    .where(eq(registerRoller.orgnr, orgnr))
    .orderBy(asc(registerRoller.rollegruppe), asc(registerRoller.rekkefolge));

describe('import roller', () => {
  it('fetches the roles of FLI units and FRR organisations, flattens them, stores 404 as no roles and quarantines bad answers', async () => {
    const result = await run();
    expect(result).toMatchObject({ status: 'completed', units: 5, inserted: 4, noRoles: 1, quarantined: 1 });
    expect([...requests].sort()).toEqual([testOrgnr(0), testOrgnr(1), testOrgnr(2), testOrgnr(3), testOrgnr(10)].sort());

    const rows = await rolesOf(testOrgnr(0));
    expect(rows.map((r) => [r.rollegruppe, r.rolle, r.fornavn, r.etternavn, r.fodselsdato, r.enhetOrgnr, r.enhetNavn])).toEqual([
      ['REVI', 'REVI', null, null, null, '974760673', 'REVISJON AS'],
      ['STYR', 'LEDE', 'Kari', 'Leder0', '1969-08-11', null, null],
      ['STYR', 'MEDL', 'Ola', 'Medlem', '1980-01-02', null, null],
    ]);
    const [none] = await database.db
      .select()
      .from(registerRolleSett)
      .where(eq(registerRolleSett.orgnr, testOrgnr(2)));
    expect(none!.data).toEqual({ rollegrupper: [] });
    expect(await rolesOf(testOrgnr(2))).toEqual([]);
    expect(await rolesOf(testOrgnr(10))).toHaveLength(3);

    const [bad] = await database.db.select().from(registerQuarantine);
    expect(bad).toMatchObject({ source: 'roller', position: testOrgnr(3) });
    expect(bad!.reason).toMatch(/rollegrupper\.0\.roller/);
    expect(JSON.parse(bad!.raw)).toMatchObject({ rollegrupper: [{ type: { kode: 'STYR' } }] });
    expect(
      await database.db
        .select()
        .from(registerRolleSett)
        .where(eq(registerRolleSett.orgnr, testOrgnr(3))),
    ).toEqual([]);
  });

  it("replaces a unit's roles when they change, and leaves unchanged ones alone", async () => {
    await run();
    const before = await rolesOf(testOrgnr(0));
    const changed = roller(1) as { rollegrupper: { roller: unknown[] }[] };
    changed.rollegrupper[0]!.roller.pop();
    answers.set(testOrgnr(1), changed);
    tick();
    const again = await run();
    expect(again).toMatchObject({ status: 'completed', units: 5, inserted: 0, updated: 1, unchanged: 3, quarantined: 1 });
    expect(await rolesOf(testOrgnr(1))).toHaveLength(2);
    expect((await rolesOf(testOrgnr(0))).map((r) => r.id)).toEqual(before.map((r) => r.id));
  });

  it('fetches exactly the given units, and refuses invalid organisation numbers', async () => {
    const result = await run({ orgnrs: [testOrgnr(4), testOrgnr(0)] });
    expect(result).toMatchObject({ units: 2, inserted: 2 });
    expect([...requests].sort()).toEqual([testOrgnr(0), testOrgnr(4)].sort());
    await expect(run({ orgnrs: ['123456789'] })).rejects.toThrow(/Not valid organisation numbers.*123456789/);
  });

  it('stops on a failing server, keeps what was stored, and the next run continues with the rest', async () => {
    answers.set(testOrgnr(2), 500);
    const error = await run({ concurrency: 1 }).catch((e) => e);
    expect(error).toBeInstanceOf(ImportFailedError);
    expect(error.message).toMatch(/HTTP 500/);
    const storedAfterFailure = (await database.db.select({ orgnr: registerRolleSett.orgnr }).from(registerRolleSett)).map((r) => r.orgnr);
    expect(storedAfterFailure.sort()).toEqual([testOrgnr(0), testOrgnr(1)].sort());

    answers.delete(testOrgnr(2));
    requests.length = 0;
    tick();
    const resumed = await run({ concurrency: 1 });
    expect(resumed).toMatchObject({ status: 'completed', resumed: true, units: 3 });
    expect([...requests].sort()).toEqual([testOrgnr(10), testOrgnr(2), testOrgnr(3)].sort());
  });

  it('with onlyMissing, fetches only units never fetched', async () => {
    await run({ orgnrs: [testOrgnr(0), testOrgnr(1)] });
    requests.length = 0;
    const result = await run({ onlyMissing: true });
    expect(result).toMatchObject({ units: 3 });
    expect([...requests].sort()).toEqual([testOrgnr(2), testOrgnr(3), testOrgnr(10)].sort());
  });
});

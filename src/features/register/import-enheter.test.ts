import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database.ts';
import { loadConfig } from '../../core/config.ts';
import type { Database } from '../../core/db/client.ts';
import { registerEnheter, registerImportRuns, registerImportStaging, registerQuarantine } from '../../core/db/schema.ts';
import { createLogger } from '../../core/logger.ts';
import { createBrregClient } from './brreg-client.ts';
import { ImportFailedError, importEnheter } from './import-enheter.ts';
import { bulkFile, enhet, testOrgnr } from './import-fixtures.ts';
import { prepareEnhet } from './import-records.ts';
import { applyEnhetRecords, ImportBusyError } from './register.queries.ts';

let database: Database;
let dir: string;
const logger = createLogger('silent');
const config = loadConfig({ NODE_ENV: 'test' });
const deps = () => ({ database, logger, config, now: () => new Date() });

beforeAll(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'frivillig-import-'));
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await database.db.execute(sql`truncate register_enheter, register_import_runs, register_import_staging, register_quarantine`);
});

let fileCounter = 0;
function writeFile(content: Buffer | string): string {
  const path = join(dir, `file-${++fileCounter}.json.gz`);
  writeFileSync(path, content);
  return path;
}

async function snapshot() {
  return database.db
    .select({ orgnr: registerEnheter.orgnr, hash: registerEnheter.dataHash, updatedAt: registerEnheter.updatedAt })
    .from(registerEnheter)
    .orderBy(asc(registerEnheter.orgnr));
}

async function quarantined() {
  return database.db
    .select({ position: registerQuarantine.position, reason: registerQuarantine.reason, raw: registerQuarantine.raw })
    .from(registerQuarantine)
    .orderBy(asc(sql`${registerQuarantine.position}::int`));
}

async function stagingRows() {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(registerImportStaging);
  return Number(row?.n);
}

const good = (count: number, from = 0) => Array.from({ length: count }, (_, i) => enhet(from + i));

describe('import enheter', () => {
  it('imports valid records with derived columns, and quarantines bad ones with reason and raw text', async () => {
    const foreign = enhet(100, { forretningsadresse: undefined, postadresse: { land: 'Sverige', landkode: 'SE', adresse: ['Gatan 1'] } });
    const postOnly = enhet(101, { forretningsadresse: undefined, antallAnsatte: 12, slettedato: '2024-06-01', underAvvikling: true });
    const elements: (Record<string, unknown> | string)[] = [
      ...good(3),
      foreign,
      postOnly,
      enhet(5, { organisasjonsnummer: '123456789' }), // fails MOD11
      enhet(6, { navn: '' }),
      '{"organisasjonsnummer": "910000000", navn}', // not JSON
      '42',
      enhet(7, { stiftelsesdato: '2023-02-30' }),
      enhet(8, { navn: 'Nul \u0000 tegn' }),
      enhet(2, { navn: 'TESTLAGET NUMMER 2 (SENERE)' }), // the same unit twice: the last one wins
    ];
    const file = writeFile(bulkFile(elements));
    const result = await importEnheter(deps(), { source: file, batchSize: 4 });

    expect(result).toMatchObject({ status: 'completed', read: 12, inserted: 5, updated: 0, unchanged: 0, quarantined: 7 });
    const rows = await database.db.select().from(registerEnheter).orderBy(asc(registerEnheter.orgnr));
    expect(rows.map((r) => r.orgnr).sort()).toEqual([testOrgnr(0), testOrgnr(1), testOrgnr(2), testOrgnr(100), testOrgnr(101)].sort());

    const first = rows.find((r) => r.orgnr === testOrgnr(0))!;
    expect(first).toMatchObject({
      navn: 'TESTLAGET NUMMER 0',
      organisasjonsform: 'FLI',
      kommunenummer: '4601', // forretningsadresse wins over postadresse
      stiftelsesdato: '2000-01-01',
      registreringsdato: '2001-02-03',
      naeringskode1: '94.991',
      antallAnsatte: null, // absent means 0–4 employees, not zero (brief §1.2)
      registrertIFrivillighetsregisteret: true,
      registrertIMvaregisteret: false,
      konkurs: false,
    });
    expect(first.data).toMatchObject({ aktivitet: ['Idrett, "kultur" og {andre} [ting] \\ med tegn'], respons_klasse: 'Enhet' });
    expect(first.dataHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows.find((r) => r.orgnr === testOrgnr(2))!.navn).toBe('TESTLAGET NUMMER 2 (SENERE)');
    expect(rows.find((r) => r.orgnr === testOrgnr(100))!.kommunenummer).toBeNull();
    expect(rows.find((r) => r.orgnr === testOrgnr(101))).toMatchObject({
      kommunenummer: '0301',
      antallAnsatte: 12,
      slettedato: '2024-06-01',
      underAvvikling: true,
    });

    const bad = await quarantined();
    expect(bad.map((q) => q.position)).toEqual(['2', '5', '6', '7', '8', '9', '10']);
    const reasonAt = (p: string) => bad.find((q) => q.position === p)!;
    expect(reasonAt('2').reason).toMatch(/duplicate organisasjonsnummer .* last occurrence \(position 11\)/);
    expect(reasonAt('5').reason).toMatch(/organisasjonsnummer: fails the MOD11 check/);
    expect(reasonAt('5').raw).toContain('"123456789"');
    expect(reasonAt('6').reason).toMatch(/navn: must not be empty/);
    expect(reasonAt('7')).toMatchObject({ raw: '{"organisasjonsnummer": "910000000", navn}' });
    expect(reasonAt('7').reason).toMatch(/not valid JSON/);
    expect(reasonAt('8')).toMatchObject({ raw: '42' });
    expect(reasonAt('8').reason).toMatch(/not a JSON object/);
    expect(reasonAt('9').reason).toMatch(/stiftelsesdato/);
    expect(reasonAt('10').reason).toMatch(/U\+0000/);

    const [run] = await database.db.select().from(registerImportRuns);
    expect(run).toMatchObject({ status: 'completed', checkpoint: 12, recordsRead: 12, recordsInserted: 5, recordsQuarantined: 7 });
    expect(await stagingRows()).toBe(0);
  });

  it('is idempotent: the same file again is a no-op, forced it changes nothing, a newer file updates only what changed', async () => {
    const file = writeFile(bulkFile(good(6)));
    await importEnheter(deps(), { source: file, batchSize: 4 });
    const before = await snapshot();

    const again = await importEnheter(deps(), { source: file });
    expect(again).toMatchObject({ status: 'already-imported', read: 6 });

    const forced = await importEnheter(deps(), { source: file, force: true });
    expect(forced).toMatchObject({ status: 'completed', inserted: 0, updated: 0, unchanged: 6, quarantined: 0 });
    expect(await snapshot()).toEqual(before);

    const newer = writeFile(bulkFile([...good(5), enhet(5, { navn: 'NYTT NAVN' }), enhet(6)]));
    const result = await importEnheter(deps(), { source: newer });
    expect(result).toMatchObject({ status: 'completed', inserted: 1, updated: 1, unchanged: 5 });
    const after = await snapshot();
    expect(after.filter((r) => before.some((b) => b.orgnr === r.orgnr && b.hash === r.hash && +b.updatedAt === +r.updatedAt))).toHaveLength(
      5,
    );
  });

  it('a truncated gzip file ends with a clear error and leaves register_enheter exactly as it was', async () => {
    await importEnheter(deps(), { source: writeFile(bulkFile(good(3))) });
    const before = await snapshot();

    const full = bulkFile(good(50, 10));
    const truncated = writeFile(full.subarray(0, Math.floor(full.length * 0.6)));
    const error = await importEnheter(deps(), { source: truncated, batchSize: 10 }).catch((e) => e);
    expect(error).toBeInstanceOf(ImportFailedError);
    expect(error.message).toMatch(/truncated/);
    expect(error.message).toMatch(/register_enheter was not changed/);
    expect(await snapshot()).toEqual(before);
    const [run] = await database.db.select().from(registerImportRuns).where(eq(registerImportRuns.id, error.runId));
    expect(run).toMatchObject({ status: 'failed' });
    expect(run!.error).toMatch(/truncated/);
  });

  it('corrupt JSON (an unclosed array, or not an array) ends with a clear error and leaves register_enheter unchanged', async () => {
    await importEnheter(deps(), { source: writeFile(bulkFile(good(3))) });
    const before = await snapshot();

    const unclosed = `[${good(20, 10)
      .map((e) => JSON.stringify(e))
      .join(',')},{"organisasjonsnummer":"${testOrgnr(40)}","navn":"ÅPEN`;
    const e1 = await importEnheter(deps(), { source: writeFile(unclosed), batchSize: 5 }).catch((e) => e);
    expect(e1).toBeInstanceOf(ImportFailedError);
    expect(e1.message).toMatch(/ended inside element 20 before the JSON array was closed.*truncated or corrupt/);

    const e2 = await importEnheter(deps(), { source: writeFile('{"organisasjonsnummer": "974760673"}') }).catch((e) => e);
    expect(e2.message).toMatch(/not a JSON array/);

    const e3 = await importEnheter(deps(), { source: writeFile(Buffer.from([0x1f, 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9])) }).catch((e) => e);
    expect(e3).toBeInstanceOf(ImportFailedError);

    const e4 = await importEnheter(deps(), { source: join(dir, 'finnes-ikke.json.gz') }).catch((e) => e);
    expect(e4).toBeInstanceOf(ImportFailedError);
    expect(e4.message).toMatch(/Cannot read .*finnes-ikke\.json\.gz/);

    expect(await snapshot()).toEqual(before);
  });

  it('resumes a crashed import from its checkpoint: no duplicates, no gaps, exactly the file', async () => {
    const elements = [...good(23), 'not json', enhet(30, { navn: '' }), ...good(10, 40)];
    const file = writeFile(bulkFile(elements));
    const crash = new Error('simulated crash');
    const error = await importEnheter(deps(), {
      source: file,
      batchSize: 5,
      afterBatch: ({ batch }) => {
        if (batch === 3) throw crash;
      },
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ImportFailedError);
    expect(await snapshot()).toEqual([]);
    expect(await stagingRows()).toBe(15);

    const result = await importEnheter(deps(), { source: file, batchSize: 5 });
    expect(result).toMatchObject({ status: 'completed', resumedFrom: 15, sessionRecords: 20, read: 35, inserted: 33, quarantined: 2 });
    const rows = await snapshot();
    const expected = [...good(23), ...good(10, 40)].map((e) => e.organisasjonsnummer as string).sort();
    expect(rows.map((r) => r.orgnr)).toEqual(expected);
    expect((await quarantined()).map((q) => q.position)).toEqual(['23', '24']);
    expect(await stagingRows()).toBe(0);
    const runs = await database.db.select().from(registerImportRuns);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'completed', recordsRead: 35, recordsQuarantined: 2 });
  });

  it('a failure inside a batch rolls the whole batch back, and the resume redoes exactly that batch', async () => {
    const elements = [...good(12), 'broken', ...good(7, 20)];
    const file = writeFile(bulkFile(elements));
    const poisoned = testOrgnr(21); // position 14, in the third batch with the quarantined "broken" at 12
    // A trigger that fails the staging insert of one record, as a crash in the middle of a batch would.
    await database.db.execute(
      sql.raw(`create function fail_staging() returns trigger language plpgsql as $$
        begin if new.orgnr = '${poisoned}' then raise exception 'disk full (simulated)'; end if; return new; end $$`),
    );
    await database.db.execute(
      sql`create trigger fail_staging before insert on register_import_staging for each row execute function fail_staging()`,
    );
    try {
      const error = await importEnheter(deps(), { source: file, batchSize: 5 }).catch((e) => e);
      expect(error).toBeInstanceOf(ImportFailedError);
      expect(error.checkpoint).toBe(10);
      expect(error.message).toMatch(/disk full \(simulated\)/);
    } finally {
      await database.db.execute(sql`drop trigger fail_staging on register_import_staging`);
      await database.db.execute(sql`drop function fail_staging()`);
    }
    const [failed] = await database.db.select().from(registerImportRuns);
    expect(failed).toMatchObject({ status: 'failed', checkpoint: 10, recordsRead: 10, recordsQuarantined: 0 });
    expect(await stagingRows()).toBe(10);
    expect(await quarantined()).toEqual([]);

    const result = await importEnheter(deps(), { source: file, batchSize: 5 });
    expect(result).toMatchObject({ status: 'completed', resumedFrom: 10, read: 20, inserted: 19, quarantined: 1 });
    expect((await quarantined()).map((q) => q.position)).toEqual(['12']);
    expect((await snapshot()).map((r) => r.orgnr)).toEqual(
      [...good(12), ...good(7, 20)].map((e) => e.organisasjonsnummer as string).sort(),
    );
  });

  it('stops cleanly after the current batch when interrupted, and resumes', async () => {
    const file = writeFile(bulkFile(good(30)));
    const controller = new AbortController();
    const result = await importEnheter(deps(), {
      source: file,
      batchSize: 4,
      signal: controller.signal,
      afterBatch: ({ batch }) => {
        if (batch === 2) controller.abort();
      },
    });
    // The abort came during batch 2; the import stops once that batch is committed.
    expect(result).toMatchObject({ status: 'interrupted', checkpoint: 8 });
    expect(await snapshot()).toEqual([]);
    const [run] = await database.db.select().from(registerImportRuns);
    expect(run!.error).toMatch(/Interrupted after 8 record\(s\); run the same import again to resume/);

    const resumed = await importEnheter(deps(), { source: file, batchSize: 4 });
    expect(resumed).toMatchObject({ status: 'completed', resumedFrom: 8, read: 30, inserted: 30 });
  });

  it('refuses a second import of the same kind while one is running', async () => {
    const file = writeFile(bulkFile(good(10)));
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started!: () => void;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const first = importEnheter(deps(), {
      source: file,
      batchSize: 5,
      afterBatch: async () => {
        started();
        await held;
      },
    });
    await running;
    await expect(importEnheter(deps(), { source: file })).rejects.toBeInstanceOf(ImportBusyError);
    release();
    expect(await first).toMatchObject({ status: 'completed', inserted: 10 });
  });

  it('starts over (abandoning the unfinished run) when a different file comes', async () => {
    const first = writeFile(bulkFile(good(20)));
    await importEnheter(deps(), {
      source: first,
      batchSize: 5,
      afterBatch: () => {
        throw new Error('crash');
      },
    }).catch(() => {});
    expect(await stagingRows()).toBe(5);

    const second = writeFile(bulkFile(good(3, 50)));
    const result = await importEnheter(deps(), { source: second });
    expect(result).toMatchObject({ status: 'completed', resumedFrom: 0, inserted: 3 });
    expect(await stagingRows()).toBe(0);
    const runs = await database.db.select().from(registerImportRuns).orderBy(asc(registerImportRuns.startedAt));
    expect(runs.map((r) => r.status)).toEqual(['failed', 'completed']);
    expect(runs[0]!.error).toMatch(/Abandoned at record 5: a different source/);
  });

  it('downloads from a URL with the bulk Accept header, retrying a 503, and resumes by ETag', async () => {
    const body = bulkFile(good(8));
    const seen: { accept: string | undefined }[] = [];
    let failures = 1;
    const server: Server = createServer((req, res) => {
      seen.push({ accept: req.headers.accept });
      if (failures-- > 0) {
        res.writeHead(503).end('busy');
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/vnd.brreg.enhetsregisteret.enhet.v2+gzip',
        etag: '"v1"',
        'content-length': body.length,
      });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/enhetsregisteret/api/enheter/lastned`;
      const client = createBrregClient({ logger, backoffMs: 1, sleep: async () => {} });
      const result = await importEnheter(deps(), { source: url, client, batchSize: 3 });
      expect(result).toMatchObject({ status: 'completed', inserted: 8 });
      expect(seen).toHaveLength(2);
      expect(seen[1]!.accept).toBe('application/vnd.brreg.enhetsregisteret.enhet.v2+gzip;charset=UTF-8');
      const again = await importEnheter(deps(), { source: url, client });
      expect(again).toMatchObject({ status: 'already-imported' });
    } finally {
      server.close();
    }
  });
});

describe('applyEnhetRecords (for the change-feed follower)', () => {
  it('inserts, updates only changed rows, and counts unchanged ones', async () => {
    const prepared = (values: Record<string, unknown>[]) =>
      values.map((v) => {
        const checked = prepareEnhet(v);
        if (!checked.ok) throw new Error(checked.reason);
        return checked.value;
      });
    const now = new Date('2026-01-01T00:00:00Z');
    expect(await applyEnhetRecords(database.db, prepared(good(3)), now)).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
    // Key order does not matter: the hash is of canonical JSON.
    const reordered = Object.fromEntries(Object.entries(enhet(0)).reverse());
    const later = new Date('2026-02-01T00:00:00Z');
    expect(await applyEnhetRecords(database.db, prepared([reordered, enhet(1, { konkurs: true }), enhet(2)]), later)).toEqual({
      inserted: 0,
      updated: 1,
      unchanged: 2,
    });
    const rows = await database.db.select().from(registerEnheter).orderBy(asc(registerEnheter.orgnr));
    expect(rows.find((r) => r.orgnr === testOrgnr(1))).toMatchObject({ konkurs: true, updatedAt: later });
    expect(rows.find((r) => r.orgnr === testOrgnr(0))!.updatedAt).toEqual(now);
  });
});

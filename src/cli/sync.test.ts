import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enhet, testOrgnr } from '../features/register/import-fixtures.ts';
import { type FeedDouble, startFeedDouble } from '../features/register-sync/feed-double.ts';

/**
 * `frivillig sync` as an operator runs it: a child process against the local register double, on the embedded
 * database or a fresh database on the PostgreSQL server in TEST_DATABASE_URL.
 */
const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'frivillig.js');
let dir: string;
let env: Record<string, string>;
let double: FeedDouble;
let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  double = await startFeedDouble();
  dir = mkdtempSync(join(tmpdir(), 'frivillig-sync-cli-'));
  env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    LOG_LEVEL: 'warn',
    DATA_DIR: join(dir, 'data'),
    BRREG_ENHETSREGISTERET_URL: double.baseUrl,
    BRREG_FRIVILLIGHETSREGISTERET_URL: double.frivilligeBaseUrl,
  };
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const name = `frivillig_sync_cli_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
});
afterAll(async () => {
  await double.close();
  await dropDatabase?.();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('frivillig sync', () => {
  it('explains itself and refuses unknown followers', async () => {
    const help = await cli(['sync', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: frivillig sync');
    const bad = await cli(['sync', 'everything']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Unknown follower(s): everything');
  }, 60_000);

  it('follows the units feed, reports what it did, and shows the status', async () => {
    expect((await cli(['migrate'])).code).toBe(0);
    const orgnr = testOrgnr(70);
    double.units.set(orgnr, enhet(70));
    double.changes.push({ oppdateringsid: 7, dato: new Date().toISOString(), organisasjonsnummer: orgnr, endringstype: 'Ny' });
    const res = await cli(['sync', 'enheter']);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('enheter: 1 change(s) in 1 page(s): 1 stored');
    expect(res.stdout).toContain('cursor 7, up to date');

    double.fault = ({ path }) => (path.includes('/oppdateringer/') ? new Response('down', { status: 500 }) : undefined);
    const failed = await cli(['sync', 'enheter']);
    double.fault = null;
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('enheter-feed: failed:');
    expect(failed.stderr).toContain('HTTP 500');

    const status = await cli(['sync', '--status']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('enheter-feed: cursor 7');
    expect(status.stdout).toContain('1 failure(s) in a row, last error:');
  }, 180_000);
});

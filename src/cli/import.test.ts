import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPglite, openPostgres, rowsOf } from '../core/db/client.ts';
import { bulkFile, enhet } from '../features/register/import-fixtures.ts';

/**
 * `frivillig import` as an operator runs it: a child process, killed with SIGKILL in the middle of an
 * import and started again. Uses the embedded database, or a fresh database on the PostgreSQL server in
 * TEST_DATABASE_URL (the suite's PostgreSQL run).
 */
const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'frivillig.js');
let dir: string;
let env: Record<string, string>;
let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'frivillig-import-cli-'));
  env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', DATA_DIR: join(dir, 'data') };
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const name = `frivillig_cli_${randomBytes(6).toString('hex')}`;
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

async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const database = env.DATABASE_URL ? await openPostgres(env.DATABASE_URL) : await openPglite(env.DATA_DIR);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

describe('frivillig import (CLI)', { timeout: 240_000 }, () => {
  // No database involved: once is enough, so the PostgreSQL run of the suite skips it.
  it.skipIf(process.env.TEST_DATABASE_URL)('explains itself and rejects wrong usage', async () => {
    const help = await cli(['import', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: frivillig import <enheter|frivillige|roller>');

    const unknown = await cli(['import', 'aksjer']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Unknown import "aksjer"');
    const wrong = await cli(['import', 'enheter', 'fil.json.gz', '--orgnr', '974760673']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('--orgnr does not apply to "import enheter"');
  });

  it('survives SIGKILL and stops cleanly on Ctrl-C in the middle of an import; the last run resumes, with exactly the records of the file', async () => {
    const count = 6_000;
    const file = join(dir, 'enheter.json.gz');
    writeFileSync(file, bulkFile(Array.from({ length: count }, (_, i) => enhet(i))));

    // Killed without warning as soon as it reports progress (record 1,000; batches of 250 are committed).
    const child = spawn(process.execPath, [BIN, 'import', 'enheter', file, '--batch-size', '250', '--progress-every', '1000'], { env });
    let stderr = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/1,000 records/.test(stderr)) child.kill('SIGKILL');
      });
      child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`not killed: ${stderr}`))));
    });
    expect(
      await withDatabase(
        async (d) => rowsOf<{ n: number }>(await d.db.execute(sql`select count(*)::int as n from register_enheter`))[0]!.n,
      ),
    ).toBe(0);

    // Ctrl-C: the next run stops after its current batch, says how to resume, and exits 130.
    const second = spawn(process.execPath, [BIN, 'import', 'enheter', file, '--batch-size', '250', '--progress-every', '3000'], { env });
    let out = '';
    let err = '';
    second.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => {
      second.stderr.on('data', (chunk: Buffer) => {
        err += chunk.toString();
        if (/3,000 records/.test(err) && !second.killed) second.kill('SIGINT');
      });
      second.on('exit', (c) => resolve(c));
    });
    expect(code, err).toBe(130);
    expect(err).toContain('Stopping after the current batch');
    expect(out).toMatch(
      /Interrupted after record [\d,]+; register_enheter was not changed\.\nRun the same command with the same source to resume/,
    );
    const stoppedAt = Number(/Interrupted after record ([\d,]+)/.exec(out)?.[1]?.replaceAll(',', ''));
    expect(stoppedAt).toBeGreaterThanOrEqual(3000);
    expect(stoppedAt).toBeLessThan(count);

    const resumed = await cli(['import', 'enheter', file, '--batch-size', '250']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const at = Number(/resumed at record ([\d,]+)/.exec(resumed.stdout)?.[1]?.replaceAll(',', ''));
    expect(at).toBe(stoppedAt);
    expect(resumed.stdout).toMatch(/read\s+6,000/);
    expect(resumed.stdout).toMatch(/inserted\s+6,000/);

    const stored = await withDatabase(async (d) =>
      rowsOf<{ n: number; distinct: number; staged: number }>(
        await d.db.execute(
          sql`select count(*)::int as n, count(distinct orgnr)::int as distinct, (select count(*)::int from register_import_staging) as staged from register_enheter`,
        ),
      ),
    );
    expect(stored[0]).toEqual({ n: count, distinct: count, staged: 0 });
  }, 180_000);
});

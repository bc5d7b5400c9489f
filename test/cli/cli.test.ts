import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'frivillig.js');
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'frivillig-cli-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
      timeout: 150_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

// Each case starts real CLI processes (tsx compiles the app on start), which is slow on a busy 2-core
// machine; generous limits keep the suite about behaviour, not speed (speed lives in npm run bench).
describe('frivillig CLI', { timeout: 300_000 }, () => {
  it('lists its commands, and each has --help', async () => {
    const top = await cli(['--help']);
    expect(top.code).toBe(0);
    for (const name of ['serve', 'migrate', 'seed', 'doctor']) {
      expect(top.stdout).toContain(name);
      const help = await cli([name, '--help']);
      expect(help.code, name).toBe(0);
      expect(help.stdout).toContain(`Usage: frivillig ${name}`);
    }
    const unknown = await cli(['frobnicate']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
  });

  it('stops with a message naming the bad variable', async () => {
    const res = await cli(['migrate'], { PORT: 'not-a-port' });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('PORT');
    expect(res.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace for a configuration mistake
  });

  it('migrate, seed (twice) and doctor work on a fresh embedded database', async () => {
    const env = { DATA_DIR: join(tempDir(), 'data') };
    const migrate = await cli(['migrate'], env);
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toMatch(/Applied \d+ migration/);
    expect((await cli(['migrate'], env)).stdout).toContain('up to date');
    const seed = await cli(['seed'], env);
    expect(seed.stdout).toContain('Demo data added');
    expect(seed.stdout).toContain('kari@demo.frivillig.no');
    expect((await cli(['seed'], env)).stdout).toContain('nothing changed');
    const doctor = await cli(['doctor'], env);
    expect(doctor.code).toBe(0);
    expect(doctor.stdout).toContain('✓ database: pglite answers');
    expect(doctor.stdout).toContain('✓ migrations: all applied');
  }, 240_000);

  it('doctor says what is wrong and how to fix it', async () => {
    const port = await freePort();
    const res = await cli(['doctor'], { DATABASE_URL: `postgres://nobody@127.0.0.1:${port}/none`, SMTP_URL: 'ftp://x' });
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('✗ configuration: SMTP_URL');
    expect(res.stdout).toContain('→ Set SMTP_URL');
    const db = await cli(['doctor'], { DATABASE_URL: `postgres://nobody@127.0.0.1:${port}/none` });
    expect(db.code).toBe(1);
    expect(db.stdout).toContain('✗ database');
    expect(db.stdout).toContain('→ Check that the PostgreSQL server runs');
  }, 60_000);

  it('serve on an empty embedded database seeds demo data, prints how to sign in and becomes ready', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: join(tempDir(), 'data'), PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    try {
      const deadline = Date.now() + 180_000;
      let ready: Response | null = null;
      while (Date.now() < deadline) {
        ready = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null);
        if (ready?.ok) break;
        await new Promise((r) => setTimeout(r, 300));
      }
      expect(ready?.status).toBe(200);
      expect(output).toContain('kari@demo.frivillig.no');
      expect(output).toContain('frivillig-demo');
      const home = await fetch(`http://127.0.0.1:${port}/`);
      expect(home.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });
});

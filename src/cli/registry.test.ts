import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { FILES, readManifest } from '../features/registry-double/write.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'frivillig.js');
const dir = mkdtempSync(join(tmpdir(), 'frivillig-registry-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn' };

async function cli(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env, timeout: 150_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('frivillig registry', { timeout: 240_000 }, () => {
  it('generates a register into a directory', async () => {
    const out = join(dir, 'generated');
    const res = await cli(['registry', 'generate', '--units', '400', '--seed', 'cli', '--out', out]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('Wrote a register of 400 units (seed "cli")');
    for (const file of Object.values(FILES)) expect(existsSync(join(out, file)), file).toBe(true);
    expect(readManifest(out)).toMatchObject({ seed: 'cli', units: 400 });
  });

  it('serves a generated directory until stopped', async () => {
    const out = join(dir, 'generated');
    const child = spawn(process.execPath, [BIN, 'registry', 'serve', '--dir', out, '--port', '0'], { env });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          const match = /BRREG_ENHETSREGISTERET_URL=(\S+)/.exec(text);
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
      });
      const res = await fetch(`${url}/api/enheter?size=1`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { page: { totalElements: number } };
      expect(body.page.totalElements).toBeGreaterThan(390);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });

  it('explains wrong usage and exits 1', async () => {
    const missing = await cli(['registry', 'generate']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('generate needs --units N');
    const bad = await cli(['registry', 'generate', '--units', 'many']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--units must be a whole number');
    const noDir = await cli(['registry', 'serve', '--dir', join(dir, 'nothing-here')]);
    expect(noDir.code).toBe(1);
    expect(noDir.stderr).toContain('manifest.json not found');
    const help = await cli(['registry', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: frivillig registry generate');
  });
});

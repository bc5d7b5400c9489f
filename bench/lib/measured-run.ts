import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { logTail, onCleanup, ROOT } from './children.ts';

/**
 * Runs `node <args>` to completion while watching it: wall time from spawn to exit, the peak resident set
 * size, and the moment certain output lines appear (e.g. "Merging …", which ends the importer's staging phase).
 *
 * Peak RSS is the kernel's high-water mark (VmHWM in /proc/<pid>/status), read every 100 ms: a spike between
 * two reads is still counted, because the kernel keeps the maximum; only growth in the last 100 ms before
 * exit could be missed. Linux only; elsewhere the peak is reported as unknown (null).
 */

export interface MeasuredRun {
  wallMs: number;
  /** Bytes, or null where /proc is not available. */
  peakRssBytes: number | null;
  /** VmRSS samples (ms since start, bytes), at most one per second, to show whether memory grows over time. */
  rssSamples: { ms: number; bytes: number }[];
  /** Milliseconds since start at which each watched pattern first matched an output line. */
  marks: Record<string, number>;
  stdout: string;
}

const POLL_MS = 100;

function readStatus(pid: number): { hwm: number; rss: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => {
      const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text);
      return m ? Number(m[1]) * 1024 : 0;
    };
    return { hwm: kb('VmHWM'), rss: kb('VmRSS') };
  } catch {
    return null;
  }
}

export async function runMeasured(
  name: string,
  args: string[],
  opts: { env: NodeJS.ProcessEnv; logFile: string; timeoutMs: number; watch?: Record<string, RegExp> },
): Promise<MeasuredRun> {
  const log = createWriteStream(opts.logFile, { flags: 'a' });
  const started = performance.now();
  const proc = spawn(process.execPath, args, { cwd: ROOT, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = () => proc.exitCode !== null || proc.signalCode !== null;
  const stop = onCleanup(
    `stop ${name}`,
    async () => {
      if (!exited()) proc.kill('SIGKILL');
    },
    () => {
      if (!exited()) proc.kill('SIGKILL');
    },
  );

  const marks: Record<string, number> = {};
  let stdout = '';
  const watchLine = (line: string) => {
    for (const [key, pattern] of Object.entries(opts.watch ?? {})) {
      if (marks[key] === undefined && pattern.test(line)) marks[key] = performance.now() - started;
    }
  };
  const lines = (stream: NodeJS.ReadableStream, keep: boolean) =>
    new Promise<void>((resolve) => {
      const rl = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
      rl.on('line', (line) => {
        log.write(`${line}\n`);
        if (keep) stdout += `${line}\n`;
        watchLine(line);
      });
      rl.on('close', resolve);
    });
  const drained = Promise.all([lines(proc.stdout, true), lines(proc.stderr, false)]);

  let peak: number | null = null;
  const rssSamples: MeasuredRun['rssSamples'] = [];
  let lastSample = -Infinity;
  const poll = () => {
    if (proc.pid === undefined || exited()) return;
    const status = readStatus(proc.pid);
    if (!status) return;
    peak = Math.max(peak ?? 0, status.hwm);
    const ms = performance.now() - started;
    if (ms - lastSample >= 1000) {
      rssSamples.push({ ms, bytes: status.rss });
      lastSample = ms;
    }
  };
  const timer = setInterval(poll, POLL_MS);
  poll();

  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const deadline = setTimeout(() => {
        proc.kill('SIGKILL');
        reject(new Error(`${name} did not finish within ${Math.round(opts.timeoutMs / 1000)} s`));
      }, opts.timeoutMs);
      proc.once('error', (error) => {
        clearTimeout(deadline);
        reject(error);
      });
      proc.once('exit', (exitCode) => {
        clearTimeout(deadline);
        resolve(exitCode);
      });
    });
    const wallMs = performance.now() - started;
    await drained;
    await new Promise<void>((resolve) => log.end(resolve));
    if (code !== 0) throw new Error(`${name} failed (exit ${code ?? proc.signalCode})\n${logTail(opts.logFile)}`);
    return { wallMs, peakRssBytes: peak, rssSamples, marks, stdout };
  } finally {
    clearInterval(timer);
    await stop();
  }
}

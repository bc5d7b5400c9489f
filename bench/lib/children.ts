import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (bench/lib/../..). Children run with it as working directory. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// ---------- cleanup registry ----------

interface Cleanup {
  name: string;
  run: () => Promise<void>;
  /** Last resort from process.on('exit'), where nothing asynchronous can run. */
  runSync: () => void;
}

const cleanups: Cleanup[] = [];

/** Registers something to undo; returns a function that undoes it now (and unregisters it). */
export function onCleanup(name: string, run: () => Promise<void>, runSync: () => void): () => Promise<void> {
  const entry: Cleanup = { name, run, runSync };
  cleanups.push(entry);
  return async () => {
    const i = cleanups.indexOf(entry);
    if (i === -1) return;
    cleanups.splice(i, 1);
    await entry.run();
  };
}

/** Undoes everything still registered, newest first. Failures are reported, not thrown, so the rest still runs. */
export async function cleanupAll(): Promise<void> {
  while (cleanups.length > 0) {
    const entry = cleanups.pop()!;
    try {
      await entry.run();
    } catch (error) {
      console.error(`cleanup "${entry.name}" failed:`, error);
    }
  }
}

function cleanupAllSync(): void {
  while (cleanups.length > 0) {
    const entry = cleanups.pop()!;
    try {
      entry.runSync();
    } catch {
      // Nothing more can be done while the process exits.
    }
  }
}

/**
 * Makes sure children and the PostgreSQL cluster go away however the run ends: Ctrl-C / SIGTERM, an uncaught
 * error, or a plain exit. (Only SIGKILL of this process itself cannot be caught.)
 */
export function installExitHandlers(): void {
  let exiting = false;
  const bail = async (code: number, reason: unknown) => {
    if (exiting) return;
    exiting = true;
    if (reason) console.error(reason);
    await cleanupAll();
    process.exit(code);
  };
  process.once('SIGINT', () => void bail(130, 'interrupted (SIGINT); cleaning up'));
  process.once('SIGTERM', () => void bail(143, 'terminated (SIGTERM); cleaning up'));
  process.once('SIGHUP', () => void bail(129, 'hung up (SIGHUP); cleaning up'));
  process.on('uncaughtException', (error) => void bail(1, error));
  process.on('unhandledRejection', (error) => void bail(1, error));
  process.on('exit', cleanupAllSync);
}

// ---------- child processes ----------

export interface Child {
  name: string;
  proc: ChildProcess;
  logFile: string;
  /** SIGTERM, then SIGKILL if it has not exited within a few seconds. Idempotent. */
  stop(): Promise<void>;
}

function exited(proc: ChildProcess): boolean {
  return proc.exitCode !== null || proc.signalCode !== null;
}

function waitForExit(proc: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (exited(proc)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    proc.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export function logTail(logFile: string, lines = 30): string {
  try {
    return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Starts `node <args>` in the repository root with stdout and stderr going to logFile (never to a pipe we could fail to drain). */
export function startNode(name: string, args: string[], opts: { env: NodeJS.ProcessEnv; logFile: string }): Child {
  const fd = openSync(opts.logFile, 'a');
  let proc: ChildProcess;
  try {
    proc = spawn(process.execPath, args, { cwd: ROOT, env: opts.env, stdio: ['ignore', fd, fd] });
  } finally {
    closeSync(fd);
  }
  proc.on('error', (error) => console.error(`${name}: ${error.message}`));
  const stop = onCleanup(
    `stop ${name}`,
    async () => {
      if (exited(proc)) return;
      proc.kill('SIGTERM');
      if (await waitForExit(proc, 8000)) return;
      console.error(`${name} did not exit 8 s after SIGTERM; killing it`);
      proc.kill('SIGKILL');
      await waitForExit(proc, 5000);
    },
    () => {
      if (!exited(proc)) proc.kill('SIGKILL');
    },
  );
  return { name, proc, logFile: opts.logFile, stop };
}

/** Runs a node script to completion (registered for cleanup while it runs); throws with its log when it fails. */
export async function runNode(name: string, args: string[], opts: { env: NodeJS.ProcessEnv; logFile: string; timeoutMs: number }) {
  const child = startNode(name, args, opts);
  try {
    const done = await waitForExit(child.proc, opts.timeoutMs);
    if (!done) throw new Error(`${name} did not finish within ${opts.timeoutMs / 1000} s\n${logTail(opts.logFile)}`);
    if (child.proc.exitCode !== 0) {
      throw new Error(`${name} failed (exit ${child.proc.exitCode ?? child.proc.signalCode})\n${logTail(opts.logFile)}`);
    }
  } finally {
    await child.stop();
  }
}

/** Polls url until it answers 200; fails early with the child's log if the child exits first. */
export async function waitForHttp(child: Child, url: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited(child.proc)) {
      throw new Error(`${child.name} exited (${child.proc.exitCode ?? child.proc.signalCode}) before answering\n${logTail(child.logFile)}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${child.name} did not answer ${url} within ${timeoutMs / 1000} s\n${logTail(child.logFile)}`);
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port'))));
    });
  });
}

// ---------- private PostgreSQL cluster (scripts/pg-cluster.sh) ----------

const PG_CLUSTER = join(ROOT, 'scripts', 'pg-cluster.sh');

function execBash(args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('bash', args, { cwd: ROOT, timeout: timeoutMs }, (error, stdout, stderr) => {
      if (error) reject(new Error(`bash ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/**
 * Starts a throw-away cluster in dir and returns its DATABASE_URL. The stop (and removal of dir) is registered
 * before starting, so a half-started cluster is stopped too; call the returned stop() to end it early.
 */
export async function startPgCluster(dir: string, port: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const stop = onCleanup(
    `stop PostgreSQL cluster in ${dir}`,
    async () => {
      await execBash([PG_CLUSTER, 'stop', dir], 60_000);
      rmSync(dir, { recursive: true, force: true });
    },
    () => {
      spawnSync('bash', [PG_CLUSTER, 'stop', dir], { cwd: ROOT, stdio: 'ignore', timeout: 60_000 });
      rmSync(dir, { recursive: true, force: true });
    },
  );
  try {
    const url = (await execBash([PG_CLUSTER, 'start', dir, String(port)], 120_000)).trim();
    return { url, stop };
  } catch (error) {
    const log = join(dir, 'server.log');
    if (existsSync(log)) console.error(`PostgreSQL log:\n${logTail(log)}`);
    throw error;
  }
}

/**
 * `npm run bench`: throughput and p99 latency of Frivillig's landing page and an organisation workspace, on
 * the embedded PGlite and on PostgreSQL, as ratios to a bare Hono app measured in the same run. Writes
 * bench/README.md and prints the tables. Method and how to read the numbers: bench/lib/report.ts (README text).
 *
 * Knobs for trying it out (the committed README comes from the defaults):
 *   BENCH_DURATION=10  BENCH_WARMUP=2  BENCH_CONNECTIONS=10  BENCH_ENGINES=pglite,postgres
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';
import {
  type Child,
  cleanupAll,
  freePort,
  installExitHandlers,
  onCleanup,
  ROOT,
  runNode,
  startNode,
  startPgCluster,
  waitForHttp,
} from './lib/children.ts';
import { type LoadOptions, type Measurement, measure } from './lib/load.ts';
import { type EngineResult, engineTable, renderReadme } from './lib/report.ts';

type EngineName = 'pglite' | 'postgres';

interface SetupResult {
  engine: EngineName;
  serverVersion: string;
  leaderEmail: string;
  organisationName: string;
  orgId: string;
  cookieValue: string;
}

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return n;
}

const load: LoadOptions = {
  durationSeconds: positiveNumber('BENCH_DURATION', 10),
  warmupSeconds: positiveNumber('BENCH_WARMUP', 2),
  connections: positiveNumber('BENCH_CONNECTIONS', 10),
};
const engineNames = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',').map((s) => s.trim());
for (const e of engineNames) if (e !== 'pglite' && e !== 'postgres') throw new Error(`BENCH_ENGINES: unknown engine "${e}"`);

/**
 * The environment for Frivillig children: ours, minus every setting the app reads (so a developer's .env-style
 * exports cannot change what is measured), plus the benchmark's own.
 */
function appEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    const appSetting =
      /^(OIDC_|SMTP_|BRREG_|SESSION_|FNR_|MASKINPORTEN_)/.test(k) ||
      ['PORT', 'HOST', 'DATABASE_URL', 'DATA_DIR', 'PUBLIC_URL', 'COOKIE_SECURE', 'MAIL_FROM', 'LOG_LEVEL', 'NODE_ENV'].includes(k);
    if (!appSetting) env[k] = v;
  }
  return { ...env, ...settings };
}

function gitCommit(): string {
  try {
    const hash = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'bin', 'drizzle', 'package.json'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${hash} (with uncommitted changes under src/, bin/, drizzle/ or package.json)` : hash;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

async function benchEngine(engine: EngineName, work: string, bareUrl: string): Promise<EngineResult> {
  console.log(`\n== ${engine} ==`);
  const port = await freePort();
  const settings: Record<string, string> = {
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    NODE_ENV: 'production',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    FNR_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    COOKIE_SECURE: 'false',
    LOG_LEVEL: 'warn',
  };
  let stopCluster: (() => Promise<void>) | undefined;
  if (engine === 'pglite') {
    settings.DATA_DIR = join(work, 'pglite-data');
  } else {
    // Its own mkdtemp directory (not inside `work`): pg-cluster.sh hands it to the postgres user, who must reach it.
    const dir = mkdtempSync(join(tmpdir(), 'frivillig-bench-pg-'));
    const cluster = await startPgCluster(dir, await freePort());
    stopCluster = cluster.stop;
    settings.DATABASE_URL = cluster.url;
    console.log(`PostgreSQL cluster in ${dir}`);
  }
  const env = appEnv(settings);

  const setupOut = join(work, `setup-${engine}.json`);
  console.log('migrating, seeding demo data, creating a session …');
  await runNode(`setup (${engine})`, ['--import', 'tsx', 'bench/setup.ts', setupOut], {
    env,
    logFile: join(work, `setup-${engine}.log`),
    timeoutMs: 180_000,
  });
  const setup = JSON.parse(readFileSync(setupOut, 'utf8')) as SetupResult;
  if (setup.engine !== engine) throw new Error(`setup ran on ${setup.engine}, expected ${engine}`);

  const server: Child = startNode(`frivillig (${engine})`, ['bin/frivillig.js', 'serve', '--no-seed'], {
    env,
    logFile: join(work, `server-${engine}.log`),
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(server, `${base}/readyz`);
  console.log(`server ready at ${base} (pid ${server.proc.pid}); organisation ${setup.orgId}`);

  const results: Measurement[] = [];
  const step = async (label: string, run: () => Promise<Measurement>) => {
    process.stdout.write(`${label} … `);
    const m = await run();
    console.log(`${Math.round(m.requestsPerSecond)} req/s, p99 ${m.p99Ms} ms`);
    return m;
  };
  const bareTarget = { label: 'Bare Hono baseline', url: bareUrl };
  const baselineBefore = await step('bare Hono baseline', () => measure(bareTarget, load));
  results.push(await step('landing page', () => measure({ label: 'Landing page (anonymous)', url: `${base}/` }, load)));
  results.push(
    await step('workspace', () =>
      measure(
        {
          label: 'Organisation workspace (signed-in leader)',
          url: `${base}/arbeidsrom/${setup.orgId}`,
          displayPath: '/arbeidsrom/<orgId>',
          headers: { cookie: `frivillig_session=${setup.cookieValue}` },
          expectText: setup.organisationName,
        },
        load,
      ),
    ),
  );

  // Again after the routes: the ratios use the mean of both, and the README shows how far the machine drifted.
  const baselineAfter = await step('bare Hono baseline again', () => measure(bareTarget, load));

  await server.stop();
  if (server.proc.exitCode !== 0)
    console.warn(`note: ${server.name} exited with ${server.proc.exitCode ?? server.proc.signalCode} on SIGTERM`);
  await stopCluster?.();

  return engine === 'pglite'
    ? {
        title: 'PGlite (embedded)',
        description: `PGlite ${pgliteVersion()} (PostgreSQL ${setup.serverVersion} compiled to WebAssembly) inside the server process, data in a temporary DATA_DIR.`,
        baselineBefore,
        baselineAfter,
        routes: results,
      }
    : {
        title: 'PostgreSQL',
        description: `PostgreSQL ${setup.serverVersion}, a private cluster on 127.0.0.1 (fsync off), pool of 10 connections.`,
        baselineBefore,
        baselineAfter,
        routes: results,
      };
}

function pgliteVersion(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadBefore = loadavg()[0] ?? 0;
  if (loadBefore > cpus().length / 2)
    console.warn(`note: the machine is busy (load average ${loadBefore.toFixed(2)}); figures will be rough`);
  const work = mkdtempSync(join(tmpdir(), 'frivillig-bench-'));
  onCleanup(
    `remove ${work}`,
    async () => rmSync(work, { recursive: true, force: true }),
    () => rmSync(work, { recursive: true, force: true }),
  );
  console.log(
    `Benchmark: ${load.connections} connections, ${load.warmupSeconds} s warm-up + ${load.durationSeconds} s per target; engines ${engineNames.join(', ')}`,
  );

  const barePort = await freePort();
  const bare = startNode('bare Hono baseline', ['--import', 'tsx', 'bench/bare-server.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(barePort), NODE_ENV: 'production' },
    logFile: join(work, 'bare.log'),
  });
  const bareUrl = `http://127.0.0.1:${barePort}/`;
  await waitForHttp(bare, bareUrl);

  const engines: EngineResult[] = [];
  for (const name of engineNames) engines.push(await benchEngine(name as EngineName, work, bareUrl));
  await bare.stop();

  const cpuList = cpus();
  const readme = renderReadme(
    {
      date: new Date(),
      cpuCount: cpuList.length,
      cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
      memoryGiB: totalmem() / 2 ** 30,
      os: `${type()} ${release()}`,
      node: process.version,
      commit: gitCommit(),
      totalSeconds: (Date.now() - started) / 1000,
      loadBefore,
      loadAfter: loadavg()[0] ?? 0,
    },
    load,
    engines,
  );
  writeFileSync(join(ROOT, 'bench', 'README.md'), readme);
  console.log(`\n${engines.map(engineTable).join('\n\n')}\n\nWritten to bench/README.md`);
}

installExitHandlers();
try {
  await main();
} catch (error) {
  console.error('\nBenchmark failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await cleanupAll();
}

/**
 * `npm run bench`, in two parts, on the embedded PGlite and on PostgreSQL:
 *
 * - foundation: throughput and p99 latency of the landing page and an organisation workspace, as ratios to a
 *   bare Hono app measured in the same run (bench/lib/report.ts has the README text);
 * - register (bench/register.ts): import throughput and peak memory of `frivillig import enheter` on generated
 *   bulk files up to 1.17 M units against a gunzip + JSON.parse baseline, search latency with concurrent
 *   clients, and the sector-insight queries (bench/lib/register-report.ts has the README text).
 *
 * Writes bench/README.md; each part's results are also stored in bench/results/<part>.json, so a run of one part
 * (--only) rewrites the README with the other part as it was.
 *
 *   npm run bench                                   everything (the committed README comes from this)
 *   npm run bench -- --only register --units 200000 quick iteration on the register part
 *
 * Options: --only foundation|register, --units N (largest register file; smaller sizes 100 000 and 400 000 are
 * imported too when below it), --sizes a,b,c (instead), --engines pglite,postgres, --seed S,
 * --pglite-units N (PGlite imports only files up to N units), --queries N, --clients N.
 * Knobs of the foundation part: BENCH_DURATION=10  BENCH_WARMUP=2  BENCH_CONNECTIONS=10  BENCH_ENGINES=pglite,postgres
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { appEnv, serverSettings } from './lib/app-env.ts';
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
import { type RegisterSection, renderRegisterSection } from './lib/register-report.ts';
import {
  type EngineResult,
  engineTable,
  type FoundationResult,
  type RunFacts,
  renderFoundationSection,
  renderReadme,
} from './lib/report.ts';
import { REGISTER_CACHE_DIR, type RegisterResult, runRegisterBench } from './register.ts';

type EngineName = 'pglite' | 'postgres';
const ENGINES: readonly EngineName[] = ['pglite', 'postgres'];
const PARTS = ['foundation', 'register'] as const;
type Part = (typeof PARTS)[number];

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

/** The real register's size (brief §1.4): the file the register targets are stated for. */
const FULL_UNITS = 1_170_000;
const SMALLER_SIZES = [100_000, 400_000];

function wholeNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.replaceAll('_', '')) || Number(value.replaceAll('_', '')) < 1)
    throw new Error(`--${name} must be a whole number, not "${value}"`);
  return Number(value.replaceAll('_', ''));
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      units: { type: 'string' },
      sizes: { type: 'string' },
      engines: { type: 'string' },
      seed: { type: 'string' },
      'pglite-units': { type: 'string' },
      queries: { type: 'string' },
      clients: { type: 'string' },
    },
  });
  const parts = (values.only ?? PARTS.join(',')).split(',').map((p) => p.trim());
  for (const p of parts)
    if (!(PARTS as readonly string[]).includes(p)) throw new Error(`--only: unknown part "${p}" (say ${PARTS.join(' or ')})`);
  const engines = (values.engines ?? process.env.BENCH_ENGINES ?? ENGINES.join(',')).split(',').map((e) => e.trim());
  for (const e of engines)
    if (!(ENGINES as readonly string[]).includes(e)) throw new Error(`unknown engine "${e}" (say ${ENGINES.join(' or ')})`);
  const units = wholeNumber('units', values.units, FULL_UNITS);
  const sizes = values.sizes
    ? values.sizes.split(',').map((v) => wholeNumber('sizes', v.trim(), 0))
    : [...SMALLER_SIZES.filter((s) => s < units), units];
  sizes.sort((a, b) => a - b);
  return {
    parts: parts as Part[],
    engines: engines as EngineName[],
    units: sizes.at(-1)!,
    sizes: [...new Set(sizes)],
    seed: values.seed ?? 'bench',
    pgliteMaxUnits: wholeNumber('pglite-units', values['pglite-units'], Number.MAX_SAFE_INTEGER),
    queries: wholeNumber('queries', values.queries, 1000),
    clients: wholeNumber('clients', values.clients, 8),
  };
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
  const settings = serverSettings(port);
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

function runFacts(started: number, loadBefore: number): RunFacts {
  const cpuList = cpus();
  return {
    date: new Date(started).toISOString(),
    cpuCount: cpuList.length,
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    memoryGiB: totalmem() / 2 ** 30,
    os: `${type()} ${release()}`,
    node: process.version,
    commit: gitCommit(),
    totalSeconds: (Date.now() - started) / 1000,
    loadBefore,
    loadAfter: loadavg()[0] ?? 0,
  };
}

function startLoad(): number {
  const load = loadavg()[0] ?? 0;
  if (load > cpus().length / 2) console.warn(`note: the machine is busy (load average ${load.toFixed(2)}); figures will be rough`);
  return load;
}

async function runFoundation(work: string, engineNames: EngineName[]): Promise<FoundationResult> {
  const started = Date.now();
  const loadBefore = startLoad();
  console.log(
    `Foundation benchmark: ${load.connections} connections, ${load.warmupSeconds} s warm-up + ${load.durationSeconds} s per target; engines ${engineNames.join(', ')}`,
  );
  const barePort = await freePort();
  const bare = startNode('bare Hono baseline', ['--import', 'tsx', 'bench/bare-server.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(barePort), NODE_ENV: 'production' },
    logFile: join(work, 'bare.log'),
  });
  const bareUrl = `http://127.0.0.1:${barePort}/`;
  await waitForHttp(bare, bareUrl);
  const engines: EngineResult[] = [];
  for (const name of engineNames) engines.push(await benchEngine(name, work, bareUrl));
  await bare.stop();
  console.log(`\n${engines.map(engineTable).join('\n\n')}`);
  return { facts: runFacts(started, loadBefore), load, engines };
}

const RESULTS_DIR = join(ROOT, 'bench', 'results');

function saveResult(part: Part, value: unknown): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${part}.json`), `${JSON.stringify(value, null, 2)}\n`);
}

function loadResult<T>(part: Part): T | null {
  const path = join(RESULTS_DIR, `${part}.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : null;
}

async function main(): Promise<void> {
  const options = parseOptions();
  const work = mkdtempSync(join(tmpdir(), 'frivillig-bench-'));
  // BENCH_KEEP_WORK=1 keeps the children's logs for a look after a failure.
  if (process.env.BENCH_KEEP_WORK) console.log(`logs and scratch files: ${work} (kept)`);
  else
    onCleanup(
      `remove ${work}`,
      async () => rmSync(work, { recursive: true, force: true }),
      () => rmSync(work, { recursive: true, force: true }),
    );

  if (options.parts.includes('foundation')) saveResult('foundation', await runFoundation(work, options.engines));

  if (options.parts.includes('register')) {
    const started = Date.now();
    const loadBefore = startLoad();
    const result: RegisterResult = await runRegisterBench({
      units: options.units,
      sizes: options.sizes,
      pgliteMaxUnits: options.pgliteMaxUnits,
      seed: options.seed,
      engines: options.engines,
      searchRequests: options.queries,
      searchClients: options.clients,
      cacheDir: REGISTER_CACHE_DIR,
      work,
      appEnv,
    });
    saveResult('register', { facts: runFacts(started, loadBefore), result } satisfies RegisterSection);
  }

  const foundation = loadResult<FoundationResult>('foundation');
  const register = loadResult<RegisterSection>('register');
  writeFileSync(
    join(ROOT, 'bench', 'README.md'),
    renderReadme({
      foundation: foundation ? renderFoundationSection(foundation) : null,
      register: register ? renderRegisterSection(register) : null,
    }),
  );
  console.log('\nWritten to bench/README.md');
}

installExitHandlers();
try {
  await main();
} catch (error) {
  const cause = error instanceof Error && error.cause ? ` (${String((error.cause as Error).message ?? error.cause)})` : '';
  console.error('\nBenchmark failed:', error instanceof Error ? `${error.message}${cause}` : error);
  process.exitCode = 1;
} finally {
  await cleanupAll();
}

/**
 * The register part of `npm run bench` (issue 3, item 8): on a generated bulk file of Enhetsregisteret
 * (1.17 M units by default), on each engine,
 *
 * 1. import throughput and the importer's peak memory, at several file sizes, against a baseline measured
 *    right before each import on the same file (bench/import-baseline.ts: gunzip + JSON.parse of every record);
 * 2. search latency: realistic requests (bench/lib/search-queries.ts) with concurrent clients against the
 *    running server's GET /api/v1/organisasjoner, against organisasjonsnummer requests through the same endpoint;
 * 3. the sector-insight queries (bench/insight-timer.ts), each timed on the largest database.
 *
 * Every program measured is the real CLI (`node bin/frivillig.js …`) in its own process.
 */
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readManifest } from '../src/features/registry-double/write.ts';
import { serverSettings } from './lib/app-env.ts';
import { freePort, ROOT, runNode, startNode, startPgCluster, waitForHttp } from './lib/children.ts';
import { type EngineName, freshDatabase } from './lib/databases.ts';
import { type MeasuredRun, runMeasured } from './lib/measured-run.ts';
import { type LoadResult, runSearchLoad } from './lib/search-load.ts';
import { buildOrgnrRequests, buildSearchRequests } from './lib/search-queries.ts';

export interface RegisterBenchOptions {
  /** Units in the largest file (the one searched and counted on). */
  units: number;
  /** Every file size imported, ascending; the last is `units`. */
  sizes: number[];
  /** PGlite imports only sizes up to this (the rest is skipped and the README says why). */
  pgliteMaxUnits: number;
  seed: string;
  engines: EngineName[];
  searchRequests: number;
  searchClients: number;
  /** Where generated files are kept between runs (keyed by seed and size). */
  cacheDir: string;
  /** This run's scratch directory. */
  work: string;
  /** The environment for Frivillig children (see appEnv in run.ts). */
  appEnv: (settings: Record<string, string>) => NodeJS.ProcessEnv;
}

export interface GeneratedFile {
  units: number;
  path: string;
  bytes: number;
  /** Seconds it took to generate, or null when it came from the cache. */
  generatedSeconds: number | null;
  frivillige: number;
}

export interface ImportMeasurement {
  units: number;
  baseline: { seconds: number; peakRssBytes: number | null };
  import: {
    seconds: number;
    /** Until "Merging …": reading, validating and staging every record. */
    stagingSeconds: number | null;
    peakRssBytes: number | null;
    /** RSS at the end of staging (just before the merge), to compare with the peak. */
    rssSamples: MeasuredRun['rssSamples'];
    read: number;
    inserted: number;
    quarantined: number;
  };
}

export interface InsightTiming {
  name: string;
  filters: string;
  medianMs: number;
  maxMs: number;
  runs: number;
  plan?: string;
}

export interface RegisterEngineResult {
  engine: EngineName;
  serverVersion: string;
  imports: ImportMeasurement[];
  /** Sizes not imported on this engine, with the reason. */
  skippedSizes: { units: number; reason: string }[];
  frivillige: { seconds: number; records: number; peakRssBytes: number | null } | null;
  search: { baselineBefore: LoadResult; queries: LoadResult; baselineAfter: LoadResult; units: number } | null;
  insight: { units: number; timings: InsightTiming[]; rebuildMs: number | null } | { units: number; unavailable: string } | null;
}

export interface RegisterResult {
  seed: string;
  files: GeneratedFile[];
  engines: RegisterEngineResult[];
  searchRequests: number;
  searchClients: number;
}

const FRIVILLIG = 'bin/frivillig.js';

/** The generated register of `units` units, from the cache or generated now with the real CLI. */
async function generatedFile(opts: RegisterBenchOptions, units: number): Promise<GeneratedFile> {
  const dir = join(opts.cacheDir, `registry-${opts.seed.replace(/[^A-Za-z0-9_-]/g, '_')}-${units}`);
  const path = join(dir, 'enheter_alle.json.gz');
  const cached = () => {
    // manifest.json is written last, so its presence means the files are complete; readManifest also
    // refuses a file written by an older generator version.
    try {
      const manifest = readManifest(dir);
      if (manifest.seed !== opts.seed || manifest.units !== units || !existsSync(path)) return null;
      if (statSync(path).size !== manifest.files.bulk?.bytes) return null;
      return manifest;
    } catch {
      return null;
    }
  };
  let manifest = cached();
  let generatedSeconds: number | null = null;
  if (!manifest) {
    console.log(`generating a register of ${units.toLocaleString('en')} units (seed "${opts.seed}") in ${dir} …`);
    const started = performance.now();
    await runNode(
      `registry generate ${units}`,
      [FRIVILLIG, 'registry', 'generate', '--units', String(units), '--seed', opts.seed, '--out', dir, '--no-roles'],
      { env: opts.appEnv({}), logFile: join(opts.work, `generate-${units}.log`), timeoutMs: 60 * 60_000 },
    );
    generatedSeconds = (performance.now() - started) / 1000;
    manifest = cached();
    if (!manifest) throw new Error(`generating ${dir} did not leave a complete register`);
  } else {
    console.log(`register of ${units.toLocaleString('en')} units from the cache: ${dir}`);
  }
  return { units, path, bytes: statSync(path).size, generatedSeconds, frivillige: manifest.counts.frivillige };
}

function summaryCount(stdout: string, label: string): number {
  const m = new RegExp(`^\\s+${label}\\s+([\\d,]+)`, 'm').exec(stdout);
  if (!m) throw new Error(`the import summary has no "${label}" line:\n${stdout}`);
  return Number(m[1]!.replaceAll(',', ''));
}

async function measureImport(
  opts: RegisterBenchOptions,
  engine: EngineName,
  file: GeneratedFile,
  env: NodeJS.ProcessEnv,
): Promise<ImportMeasurement> {
  const tag = `${engine}-${file.units}`;
  await runNode(`migrate (${tag})`, [FRIVILLIG, 'migrate'], { env, logFile: join(opts.work, `migrate-${tag}.log`), timeoutMs: 300_000 });

  process.stdout.write(`  baseline (gunzip + JSON.parse), ${file.units.toLocaleString('en')} units … `);
  const baseline = await runMeasured(`baseline ${tag}`, ['--import', 'tsx', 'bench/import-baseline.ts', file.path], {
    env: opts.appEnv({}),
    logFile: join(opts.work, `baseline-${tag}.log`),
    timeoutMs: 60 * 60_000,
  });
  const parsed = JSON.parse(baseline.stdout.trim().split('\n').at(-1) ?? '{}') as { records?: number };
  if (parsed.records !== file.units) throw new Error(`the baseline read ${parsed.records} records, expected ${file.units}`);
  console.log(`${(baseline.wallMs / 1000).toFixed(1)} s`);

  process.stdout.write(`  frivillig import enheter, ${file.units.toLocaleString('en')} units … `);
  const run = await runMeasured(`import ${tag}`, [FRIVILLIG, 'import', 'enheter', file.path, '--progress-every', '100000'], {
    env,
    logFile: join(opts.work, `import-${tag}.log`),
    timeoutMs: 3 * 60 * 60_000,
    watch: { merge: /^Merging / },
  });
  const read = summaryCount(run.stdout, 'read');
  const inserted = summaryCount(run.stdout, 'inserted');
  const quarantined = summaryCount(run.stdout, 'quarantined');
  if (read !== file.units) throw new Error(`the import read ${read} records, expected ${file.units}`);
  if (inserted + quarantined !== file.units)
    throw new Error(`the import inserted ${inserted} and quarantined ${quarantined} of ${file.units}`);
  console.log(
    `${(run.wallMs / 1000).toFixed(1)} s (${(run.wallMs / baseline.wallMs).toFixed(2)}× baseline), peak RSS ${
      run.peakRssBytes === null ? '?' : `${Math.round(run.peakRssBytes / 2 ** 20)} MiB`
    }`,
  );
  return {
    units: file.units,
    baseline: { seconds: baseline.wallMs / 1000, peakRssBytes: baseline.peakRssBytes },
    import: {
      seconds: run.wallMs / 1000,
      stagingSeconds: run.marks.merge === undefined ? null : run.marks.merge / 1000,
      peakRssBytes: run.peakRssBytes,
      rssSamples: run.rssSamples,
      read,
      inserted,
      quarantined,
    },
  };
}

/** Frivillighetsregisteret from the register double serving the same generated register (needed by the filters). */
async function importFrivillige(opts: RegisterBenchOptions, engine: EngineName, file: GeneratedFile, env: NodeJS.ProcessEnv) {
  const port = await freePort();
  const double = startNode(
    'register double',
    [FRIVILLIG, 'registry', 'serve', '--dir', join(file.path, '..'), '--port', String(port), '--host', '127.0.0.1'],
    { env: opts.appEnv({}), logFile: join(opts.work, `double-${engine}.log`) },
  );
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(double, `${base}/enhetsregisteret/api`, 300_000);
    process.stdout.write('  frivillig import frivillige (from the register double) … ');
    const run = await runMeasured(
      `import frivillige ${engine}`,
      [FRIVILLIG, 'import', 'frivillige', '--base-url', `${base}/frivillighetsregisteret`, '--progress-every', '20000'],
      { env, logFile: join(opts.work, `import-frivillige-${engine}.log`), timeoutMs: 60 * 60_000 },
    );
    const records = summaryCount(run.stdout, 'read');
    console.log(`${records.toLocaleString('en')} records in ${(run.wallMs / 1000).toFixed(1)} s`);
    return { seconds: run.wallMs / 1000, records, peakRssBytes: run.peakRssBytes };
  } finally {
    await double.stop();
  }
}

async function timeInsight(opts: RegisterBenchOptions, engine: EngineName, env: NodeJS.ProcessEnv, units: number) {
  const out = join(opts.work, `insight-${engine}.json`);
  process.stdout.write('  sector-insight queries … ');
  try {
    await runNode(`insight (${engine})`, ['--import', 'tsx', 'bench/insight-timer.ts', out], {
      env,
      logFile: join(opts.work, `insight-${engine}.log`),
      timeoutMs: 60 * 60_000,
    });
  } catch (error) {
    // The search part still runs; the README says the insight queries failed and why.
    const reason = `the insight timer failed: ${(error as Error).message.split('\n')[0]}`;
    console.log(reason);
    return { units, unavailable: reason };
  }
  const result = JSON.parse(readFileSync(out, 'utf8')) as { timings: InsightTiming[]; rebuildMs: number | null } | { unavailable: string };
  if ('unavailable' in result) {
    console.log(`not measured: ${result.unavailable}`);
    return { units, unavailable: result.unavailable };
  }
  const slowest = result.timings.reduce((a, b) => (b.medianMs > a.medianMs ? b : a), result.timings[0]!);
  console.log(`${result.timings.length} timed, slowest ${slowest.name} (${slowest.filters}) ${slowest.medianMs.toFixed(0)} ms`);
  return { units, timings: result.timings, rebuildMs: result.rebuildMs };
}

async function measureSearch(opts: RegisterBenchOptions, engine: EngineName, settings: Record<string, string>, file: GeneratedFile) {
  const { Registry } = await import('../src/features/registry-double/registry.ts');
  const registry = new Registry({ seed: opts.seed, units: file.units });
  const requests = buildSearchRequests(registry, opts.searchRequests, opts.seed);
  const warmup = buildSearchRequests(registry, Math.min(200, opts.searchRequests), `${opts.seed}:warm-up`);
  const orgnrs = buildOrgnrRequests(registry, opts.searchRequests, opts.seed);

  const port = await freePort();
  const server = startNode('frivillig serve', [FRIVILLIG, 'serve', '--no-seed'], {
    env: opts.appEnv({ ...settings, ...serverSettings(port) }),
    logFile: join(opts.work, `server-register-${engine}.log`),
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(server, `${base}/readyz`, 300_000);
    const clients = opts.searchClients;
    process.stdout.write(`  search: warm-up (${warmup.length} other requests) … `);
    await runSearchLoad(base, warmup, clients);
    console.log('done');
    const step = async (label: string, list: typeof requests) => {
      process.stdout.write(`  ${label} … `);
      const r = await runSearchLoad(base, list, clients);
      console.log(`p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, ${r.requestsPerSecond.toFixed(0)} req/s`);
      return r;
    };
    const baselineBefore = await step(`baseline: ${orgnrs.length} organisasjonsnummer requests, ${clients} clients`, orgnrs);
    const queries = await step(`${requests.length} search requests, ${clients} clients`, requests);
    const baselineAfter = await step('baseline again', orgnrs);
    return { baselineBefore, queries, baselineAfter, units: file.units };
  } finally {
    await server.stop();
  }
}

async function serverVersion(engine: EngineName, env: NodeJS.ProcessEnv, work: string): Promise<string> {
  const out = join(work, `version-${engine}.json`);
  await runNode(`version (${engine})`, ['--import', 'tsx', 'bench/db-version.ts', out], {
    env,
    logFile: join(work, `version-${engine}.log`),
    timeoutMs: 120_000,
  });
  return (JSON.parse(readFileSync(out, 'utf8')) as { serverVersion: string }).serverVersion;
}

async function benchEngine(opts: RegisterBenchOptions, engine: EngineName, files: GeneratedFile[]): Promise<RegisterEngineResult> {
  console.log(`\n== register, ${engine} ==`);
  let clusterUrl: string | undefined;
  let stopCluster: (() => Promise<void>) | undefined;
  if (engine === 'postgres') {
    const dir = mkdtempSync(join(tmpdir(), 'frivillig-bench-pg-'));
    const cluster = await startPgCluster(dir, await freePort());
    clusterUrl = cluster.url;
    stopCluster = cluster.stop;
    console.log(`PostgreSQL cluster in ${dir}`);
  }
  try {
    const imports: ImportMeasurement[] = [];
    const skippedSizes: RegisterEngineResult['skippedSizes'] = [];
    const cap = engine === 'pglite' ? opts.pgliteMaxUnits : Number.POSITIVE_INFINITY;
    const sizes = files.filter((f) => f.units <= cap);
    for (const f of files) {
      if (f.units > cap)
        skippedSizes.push({
          units: f.units,
          reason: `PGlite imports are limited to ${cap.toLocaleString('en')} units in this run (--pglite-units)`,
        });
    }
    let last: { file: GeneratedFile; settings: Record<string, string> } | undefined;
    let version = 'unknown';
    for (const [i, file] of sizes.entries()) {
      const database = await freshDatabase(engine, { work: opts.work, name: `bench_${file.units}`, clusterUrl });
      const env = opts.appEnv({ ...database.settings, LOG_LEVEL: 'info' });
      imports.push(await measureImport(opts, engine, file, env));
      if (i === 0) version = await serverVersion(engine, env, opts.work);
      if (i < sizes.length - 1) await database.drop();
      else last = { file, settings: database.settings };
    }
    if (!last) return { engine, serverVersion: version, imports, skippedSizes, frivillige: null, search: null, insight: null };

    const env = opts.appEnv({ ...last.settings, LOG_LEVEL: 'info' });
    const frivillige = await importFrivillige(opts, engine, last.file, env);
    const insight = await timeInsight(opts, engine, env, last.file.units);
    const search = await measureSearch(opts, engine, last.settings, last.file);
    return { engine, serverVersion: version, imports, skippedSizes, frivillige, search, insight };
  } finally {
    await stopCluster?.();
  }
}

export async function runRegisterBench(opts: RegisterBenchOptions): Promise<RegisterResult> {
  console.log(
    `\nRegister benchmark: files of ${opts.sizes.map((s) => s.toLocaleString('en')).join(', ')} units (seed "${opts.seed}"), engines ${opts.engines.join(', ')}`,
  );
  const files: GeneratedFile[] = [];
  for (const units of opts.sizes) files.push(await generatedFile(opts, units));
  const engines: RegisterEngineResult[] = [];
  for (const engine of opts.engines) engines.push(await benchEngine(opts, engine, files));
  return { seed: opts.seed, files, engines, searchRequests: opts.searchRequests, searchClients: opts.searchClients };
}

export const REGISTER_CACHE_DIR = join(ROOT, 'tmp', 'bench-cache');

/**
 * Times each sector-insight query function (src/features/insight/insight.queries.ts: every exported
 * `count…` function) on the database the environment points at (DATA_DIR or DATABASE_URL), called directly
 * with the database handle — the queries themselves, without HTTP or rendering — after rebuilding
 * insight_units once with the feature's refreshInsightUnits (its time is reported too). Each (function, filters) pair
 * runs once to warm up, then RUNS times; the median and the maximum are kept. For a pair whose median is over
 * the target, the plan (EXPLAIN ANALYZE) is captured too, for the README.
 *
 * Writes `{ timings, rebuildMs }` (or `{ unavailable }` when the insight feature is not in this checkout) as JSON to the
 * file named in argv[2].
 *
 *   node --import tsx bench/insight-timer.ts <out.json>
 */
import { existsSync, writeFileSync } from 'node:fs';
import { type SQL, sql } from 'drizzle-orm';
import { loadConfig } from '../src/core/config.ts';
import { type Db, openDatabase, rowsOf } from '../src/core/db/client.ts';
import { loadReferenceData } from '../src/features/register-search/register-search.queries.ts';

const RUNS = 5;
/** Issue 3, item 8: each sector-insight query under 200 ms (the README judges the median). */
const INSIGHT_TARGET_MS = 200;

const out = process.argv[2];
if (!out) throw new Error('usage: node --import tsx bench/insight-timer.ts <out.json>');

const queriesPath = new URL('../src/features/insight/insight.queries.ts', import.meta.url);
if (!existsSync(queriesPath)) {
  writeFileSync(out, JSON.stringify({ unavailable: 'src/features/insight/insight.queries.ts does not exist in this checkout' }));
  process.exit(0);
}

type QueryFunction = (db: Db, filters: Record<string, unknown>) => Promise<unknown>;
const module = (await import(queriesPath.href)) as Record<string, unknown>;
const functions = Object.entries(module).filter(
  (entry): entry is [string, QueryFunction] => entry[0].startsWith('count') && typeof entry[1] === 'function',
);

type Refresh = (db: Db, opts: { now: Date; wait: boolean }) => Promise<boolean>;
const refresh = module.refreshInsightUnits as Refresh | undefined;

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  const db = database.db;
  // The counts read insight_units, which the feature rebuilds after an import (insight.queries.ts): rebuild it
  // once, as the feature would, and report how long that took (a batch step after loading, not a request).
  const rebuild: { ms: number } | null = refresh
    ? await (async () => {
        const started = performance.now();
        await refresh(db, { now: new Date(), wait: true });
        return { ms: performance.now() - started };
      })()
    : null;
  if (rebuild) console.log(`refreshInsightUnits: ${rebuild.ms.toFixed(0)} ms`);
  const reference = await loadReferenceData(db);
  const icnpoCodes = (nummer: string) => {
    const category = reference.icnpo.find((k) => k.nummer === nummer);
    if (!category) throw new Error(`ICNPO ${nummer} is not in the reference data`);
    return category.erHovedkategori ? reference.icnpo.filter((k) => k.hovedkategori === nummer).map((k) => k.nummer) : [nummer];
  };
  // The page's defaults (the last 20 years up to this year), then the filters one at a time, as an official
  // would narrow the numbers down: a fylke, a large kommune (Oslo), an ICNPO main category, FRR only, one form.
  const tilAar = new Date().getUTCFullYear();
  const base = { fraAar: tilAar - 19, tilAar, icnpoCodes: null as string[] | null };
  const filterSets: { label: string; filters: Record<string, unknown> }[] = [
    { label: 'no filter', filters: { ...base } },
    { label: 'fylke=46', filters: { ...base, fylke: '46' } },
    { label: 'kommune=0301', filters: { ...base, kommune: '0301' } },
    { label: 'icnpo=1', filters: { ...base, icnpo: '1', icnpoCodes: icnpoCodes('1') } },
    { label: 'frivillighetsregisteret=ja', filters: { ...base, frivillighetsregisteret: true } },
    { label: 'grasrotandel=ja', filters: { ...base, grasrotandel: true } },
    { label: 'form=FLI', filters: { ...base, form: 'FLI' } },
  ];

  /** The same database handle, but every statement is run as EXPLAIN ANALYZE and the plan kept. */
  const explaining = (plans: string[]): Db =>
    new Proxy(db, {
      get(target, property, receiver) {
        if (property !== 'execute') return Reflect.get(target, property, receiver);
        return async (query: SQL) => {
          const rows = rowsOf<Record<string, string>>(await target.execute(sql`explain (analyze, costs off) ${query}`));
          plans.push(rows.map((r) => Object.values(r)[0]).join('\n'));
          return { rows: [] };
        };
      },
    }) as Db;

  const timings = [];
  for (const [name, fn] of functions) {
    for (const { label, filters } of filterSets) {
      await fn(db, filters);
      const ms: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        await fn(db, filters);
        ms.push(performance.now() - started);
      }
      ms.sort((a, b) => a - b);
      const medianMs = ms[Math.floor(ms.length / 2)]!;
      let plan: string | undefined;
      if (medianMs > INSIGHT_TARGET_MS) {
        const plans: string[] = [];
        await fn(explaining(plans), filters).catch(() => {});
        plan = plans.join('\n\n');
      }
      timings.push({ name, filters: label, medianMs, maxMs: ms.at(-1)!, runs: RUNS, plan });
      console.log(`${name} (${label}): median ${medianMs.toFixed(1)} ms, max ${ms.at(-1)!.toFixed(1)} ms`);
    }
  }
  writeFileSync(out, JSON.stringify({ timings, rebuildMs: rebuild?.ms ?? null }));
} finally {
  await database.close();
}

import type { ImportMeasurement, InsightTiming, RegisterEngineResult, RegisterResult } from '../register.ts';
import { factsList, num, type RunFacts } from './report.ts';
import type { LoadResult } from './search-load.ts';
import { SEARCH_KINDS } from './search-queries.ts';

/** The targets of issue 3, item 8. */
export const TARGETS = {
  /** `frivillig import enheter` wall time ÷ the baseline's, on PostgreSQL, for the largest file. */
  importRatio: 3,
  /** Importer peak RSS on PostgreSQL, bytes. */
  importerPeakRss: 400 * 1000 * 1000,
  /** Largest file's importer peak ÷ smallest file's: at most this counts as flat (the file grows ~12×). */
  rssFlatRatio: 1.25,
  searchP99Ms: 50,
  insightMs: 200,
};

export interface RegisterSection {
  facts: RunFacts;
  result: RegisterResult;
}

const ENGINE_TITLE = { pglite: 'PGlite', postgres: 'PostgreSQL' } as const;
const mib = (bytes: number | null) => (bytes === null ? 'unknown' : `${num(bytes / 2 ** 20)} MiB`);
const units = (n: number) => (n >= 1_000_000 ? `${num(n / 1_000_000, 2)} M` : `${num(n / 1000)} k`);
const ms = (v: number) => num(v, v < 10 ? 1 : 0);
const yes = (ok: boolean) => (ok ? '**yes**' : '**no**');

function largestImport(e: RegisterEngineResult): ImportMeasurement | undefined {
  return e.imports.at(-1);
}

function flatness(e: RegisterEngineResult): { ratio: number; text: string } | null {
  const measured = e.imports.filter((i) => i.import.peakRssBytes !== null);
  if (measured.length < 2) return null;
  const first = measured[0]!;
  const last = measured.at(-1)!;
  const ratio = last.import.peakRssBytes! / first.import.peakRssBytes!;
  const text = measured.map((i) => `${mib(i.import.peakRssBytes)} (${units(i.units)})`).join(' → ');
  return { ratio, text };
}

function targetRows(r: RegisterResult): string[] {
  const rows: string[] = [];
  for (const e of r.engines) {
    const engine = ENGINE_TITLE[e.engine];
    const judged = e.engine === 'postgres';
    const verdict = (ok: boolean) => (judged ? yes(ok) : `${ok ? 'yes' : 'no'} (target is for PostgreSQL)`);
    const big = largestImport(e);
    if (big) {
      const ratio = big.import.seconds / big.baseline.seconds;
      rows.push(
        `| Import within ${TARGETS.importRatio}× of the baseline (${units(big.units)} units) | ${engine} | ${num(ratio, 2)}× (${num(big.import.seconds)} s vs ${num(big.baseline.seconds)} s) | ${verdict(ratio <= TARGETS.importRatio)} |`,
      );
      const peak = big.import.peakRssBytes;
      rows.push(
        `| Importer peak RSS under ${num(TARGETS.importerPeakRss / 1e6)} MB (${units(big.units)} units) | ${engine} | ${mib(peak)} (${peak === null ? '?' : num(peak / 1e6)} MB) | ${peak === null ? 'unknown' : verdict(peak < TARGETS.importerPeakRss)} |`,
      );
      const flat = flatness(e);
      if (flat) {
        rows.push(
          `| Importer peak RSS flat as the file grows (largest ÷ smallest ≤ ${num(TARGETS.rssFlatRatio, 2)}) | ${engine} | ${flat.text}: ×${num(flat.ratio, 2)} | ${verdict(flat.ratio <= TARGETS.rssFlatRatio)} |`,
        );
      }
    }
    if (e.search) {
      const p99 = e.search.queries.p99Ms;
      rows.push(
        `| Search p99 under ${TARGETS.searchP99Ms} ms (${num(r.searchRequests)} requests, ${r.searchClients} clients, ${units(e.search.units)} units) | ${engine} | ${ms(p99)} ms | ${verdict(p99 < TARGETS.searchP99Ms)} |`,
      );
    }
    if (e.insight && 'timings' in e.insight && e.insight.timings.length > 0) {
      const slowest = e.insight.timings.reduce((a, b) => (b.medianMs > a.medianMs ? b : a));
      const over = e.insight.timings.filter((t) => t.medianMs >= TARGETS.insightMs).length;
      rows.push(
        `| Each sector-insight query under ${TARGETS.insightMs} ms (${units(e.insight.units)} units) | ${engine} | slowest median ${ms(slowest.medianMs)} ms (\`${slowest.name}\`, ${slowest.filters}); ${over} of ${e.insight.timings.length} over | ${verdict(over === 0)} |`,
      );
    } else if (e.insight && 'unavailable' in e.insight) {
      rows.push(`| Each sector-insight query under ${TARGETS.insightMs} ms | ${engine} | not measured: ${e.insight.unavailable} | – |`);
    }
  }
  return rows;
}

function importTable(e: RegisterEngineResult): string {
  const lines = [
    `#### ${ENGINE_TITLE[e.engine]} ${e.serverVersion}`,
    '',
    '| Units | Baseline s | Baseline units/s | Import s | staging s | merge s | Import units/s | Import ÷ baseline | Importer peak RSS | Baseline peak RSS | Quarantined |',
    '|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const m of e.imports) {
    const staging = m.import.stagingSeconds;
    lines.push(
      `| ${num(m.units)} | ${num(m.baseline.seconds, 1)} | ${num(m.units / m.baseline.seconds)} | ${num(m.import.seconds, 1)} | ${staging === null ? '?' : num(staging, 1)} | ${
        staging === null ? '?' : num(m.import.seconds - staging, 1)
      } | ${num(m.units / m.import.seconds)} | ${num(m.import.seconds / m.baseline.seconds, 2)}× | ${mib(m.import.peakRssBytes)} | ${mib(
        m.baseline.peakRssBytes,
      )} | ${num(m.import.quarantined)} |`,
    );
  }
  for (const s of e.skippedSizes) lines.push(`| ${num(s.units)} | not imported: ${s.reason} | | | | | | | | | |`);
  const big = largestImport(e);
  if (big && big.import.rssSamples.length > 2) {
    // RSS over time for the largest file: flat while staging is what "memory does not grow with the file" means.
    const samples = big.import.rssSamples;
    const pick = [0.1, 0.25, 0.5, 0.75, 0.95].map((f) => samples[Math.min(samples.length - 1, Math.floor(f * samples.length))]!);
    lines.push(
      '',
      `Importer RSS during the ${units(big.units)} import (sampled): ${pick.map((s) => `${num(s.ms / 1000)} s: ${mib(s.bytes)}`).join(' · ')}.`,
    );
  }
  if (e.frivillige) {
    lines.push(
      '',
      `Frivillighetsregisteret (\`frivillig import frivillige\`, from the register double over HTTP, 100 per page): ${num(e.frivillige.records)} records in ${num(
        e.frivillige.seconds,
        1,
      )} s (${num(e.frivillige.records / e.frivillige.seconds)} records/s), peak RSS ${mib(e.frivillige.peakRssBytes)}.`,
    );
  }
  return lines.join('\n');
}

function searchRow(label: string, r: LoadResult, baseline: LoadResult | null): string {
  const ratio = baseline ? `${num(r.p99Ms / Math.max(baseline.p99Ms, 0.1), 1)}×` : '1 (baseline)';
  return `| ${label} | ${num(r.count)} | ${ms(r.p50Ms)} | ${ms(r.p90Ms)} | ${ms(r.p99Ms)} | ${ms(r.maxMs)} | ${num(r.requestsPerSecond)} | ${ratio} | ${num(r.withoutHits)} |`;
}

function searchTables(r: RegisterResult): string {
  const withSearch = r.engines.filter((e) => e.search);
  if (withSearch.length === 0) return 'Not measured in this run.';
  const parts: string[] = [];
  for (const e of withSearch) {
    const s = e.search!;
    const baseline: LoadResult = {
      ...s.baselineBefore,
      p50Ms: (s.baselineBefore.p50Ms + s.baselineAfter.p50Ms) / 2,
      p90Ms: (s.baselineBefore.p90Ms + s.baselineAfter.p90Ms) / 2,
      p99Ms: (s.baselineBefore.p99Ms + s.baselineAfter.p99Ms) / 2,
      maxMs: Math.max(s.baselineBefore.maxMs, s.baselineAfter.maxMs),
      requestsPerSecond: (s.baselineBefore.requestsPerSecond + s.baselineAfter.requestsPerSecond) / 2,
      withoutHits: s.baselineBefore.withoutHits,
    };
    parts.push(
      [
        `#### ${ENGINE_TITLE[e.engine]} ${e.serverVersion} (${units(s.units)} units)`,
        '',
        '| Requests | Count | p50 ms | p90 ms | p99 ms | max ms | Requests/s | p99 ÷ baseline | Without hits |',
        '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
        searchRow('Baseline: `?q=<organisasjonsnummer>` (mean of before and after)', baseline, null),
        searchRow('Realistic search requests', s.queries, baseline),
        '',
        `Baseline before: p50 ${ms(s.baselineBefore.p50Ms)} ms, p99 ${ms(s.baselineBefore.p99Ms)} ms; after: p50 ${ms(s.baselineAfter.p50Ms)} ms, p99 ${ms(s.baselineAfter.p99Ms)} ms. ` +
          `Connections reset by the server and the request sent again: ${num((s.baselineBefore.connectionErrors ?? 0) + (s.queries.connectionErrors ?? 0) + (s.baselineAfter.connectionErrors ?? 0))}.`,
        '',
        `Slowest requests: ${s.queries.slowest
          .slice(0, 5)
          .map((q) => `\`${q.query}\` ${ms(q.ms)} ms`)
          .join(' · ')}.`,
      ].join('\n'),
    );
  }
  const kindRows = SEARCH_KINDS.filter((k) => withSearch.some((e) => e.search!.queries.byKind[k])).map((kind) => {
    const cells = withSearch.map((e) => {
      const st = e.search!.queries.byKind[kind];
      return st ? `${num(st.count)} | ${ms(st.p50Ms)} | ${ms(st.p99Ms)}` : '– | – | –';
    });
    return `| ${kind} | ${cells.join(' | ')} |`;
  });
  parts.push(
    [
      '#### By kind of request',
      '',
      `| Kind | ${withSearch.map((e) => `${ENGINE_TITLE[e.engine]} count | p50 ms | p99 ms`).join(' | ')} |`,
      `|---|${withSearch.map(() => '--:|--:|--:').join('|')}|`,
      ...kindRows,
    ].join('\n'),
  );
  return parts.join('\n\n');
}

function insightTable(r: RegisterResult): string {
  const withTimings = r.engines.filter((e) => e.insight && 'timings' in e.insight);
  if (withTimings.length === 0) {
    const reasons = r.engines
      .map((e) => (e.insight && 'unavailable' in e.insight ? `${ENGINE_TITLE[e.engine]}: ${e.insight.unavailable}` : null))
      .filter(Boolean);
    return `Not measured in this run${reasons.length ? ` (${reasons.join('; ')})` : ''}.`;
  }
  const keyOf = (t: InsightTiming) => `${t.name}\u0000${t.filters}`;
  const keys = [...new Set(withTimings.flatMap((e) => (e.insight as { timings: InsightTiming[] }).timings.map(keyOf)))];
  const rows = keys.map((key) => {
    const [name, filters] = key.split('\u0000') as [string, string];
    const cells = withTimings.map((e) => {
      const t = (e.insight as { timings: InsightTiming[] }).timings.find((x) => keyOf(x) === key);
      if (!t) return '– | –';
      const over = t.medianMs >= TARGETS.insightMs;
      return `${over ? '**' : ''}${ms(t.medianMs)}${over ? '**' : ''} | ${ms(t.maxMs)}`;
    });
    return `| \`${name}\` | ${filters} | ${cells.join(' | ')} |`;
  });
  const plans = withTimings.flatMap((e) =>
    (e.insight as { timings: InsightTiming[] }).timings
      .filter((t) => t.plan)
      .map(
        (t) =>
          `<details><summary>${ENGINE_TITLE[e.engine]}: plan of <code>${t.name}</code> (${t.filters}), median ${ms(t.medianMs)} ms</summary>\n\n\`\`\`\n${t.plan}\n\`\`\`\n\n</details>`,
      ),
  );
  const rebuilds = withTimings
    .map((e) => {
      const ms = (e.insight as { rebuildMs: number | null }).rebuildMs;
      return ms === null || ms === undefined ? null : `${ENGINE_TITLE[e.engine]} ${num(ms / 1000, 1)} s`;
    })
    .filter(Boolean);
  return [
    ...(rebuilds.length > 0
      ? [
          `The counts read \`insight_units\`, which the feature rebuilds from the register tables after an import or sync (\`refreshInsightUnits\`); that rebuild took ${rebuilds.join(', ')} — once after loading, not per request, so it is not held to the ${TARGETS.insightMs} ms of a query.`,
          '',
        ]
      : []),
    `| Query function | Filters | ${withTimings.map((e) => `${ENGINE_TITLE[e.engine]} median ms | max ms`).join(' | ')} |`,
    `|---|---|${withTimings.map(() => '--:|--:').join('|')}|`,
    ...rows,
    '',
    `Medians of ${withTimings[0] && 'timings' in withTimings[0].insight! ? (withTimings[0].insight as { timings: InsightTiming[] }).timings[0]?.runs : '?'} runs after one warm-up run; **bold** is at or over ${TARGETS.insightMs} ms.`,
    ...(plans.length > 0 ? ['', 'Plans (EXPLAIN ANALYZE) of the queries over the target:', '', ...plans] : []),
  ].join('\n');
}

export function renderRegisterSection({ facts, result: r }: RegisterSection): string {
  const files = r.files
    .map(
      (f) =>
        `${num(f.units)} units (${mib(f.bytes)} gzip, ${num(f.frivillige)} in Frivillighetsregisteret; ${
          f.generatedSeconds === null ? 'from the cache' : `generated in ${num(f.generatedSeconds)} s`
        })`,
    )
    .join('; ');
  const busy = Math.max(facts.loadBefore, facts.loadAfter) > facts.cpuCount / 2;
  return `## Register: import, search and sector insight

### Latest run

${factsList(facts)}
- Generated register (seed "${r.seed}"): ${files}.
- This part took ${num(facts.totalSeconds / 60, 1)} minutes.${
    busy
      ? `
- **The machine was shared with other engineers running tests and builds while this ran** (see the load
  averages): absolute times are inflated and noisy. The ratios to baselines measured in the same run, right
  before each measurement, are the figures to compare.`
      : ''
  }

### Targets (issue 3, item 8)

| Target | Engine | Measured | Met |
|---|---|---|---|
${targetRows(r).join('\n')}

### Import: \`frivillig import enheter <file>\`

${r.engines.map(importTable).join('\n\n')}

### Search: \`GET /api/v1/organisasjoner\`, ${num(r.searchRequests)} requests, ${r.searchClients} concurrent clients

${searchTables(r)}

### Sector insight: each query function of \`src/features/insight/insight.queries.ts\`

${insightTable(r)}

### Method

- **Data**: \`frivillig registry generate --units N --seed ${r.seed} --no-roles\` (the real CLI) writes the bulk file
  in Brønnøysund's shape (a gzip-compressed JSON array of \`enhet\` v2 records). Files are cached in
  \`tmp/bench-cache/registry-<seed>-<units>/\` and reused when their manifest matches, so reruns skip generation.
- **Databases**: for each file size a fresh, empty database (PGlite: a new \`DATA_DIR\`; PostgreSQL: a new database
  in a private throw-away cluster from \`scripts/pg-cluster.sh\`, fsync off), migrated before anything is timed.
  The largest one is kept for the search and insight measurements.
- **Import baseline**: right before each import, \`node --import tsx bench/import-baseline.ts <file>\` reads the same
  file as a stream, gunzips it, cuts the array into its elements with a plain byte loop and \`JSON.parse\`s every
  one — nothing else. It is the floor for any importer that has to read every record.
- **Import**: \`node bin/frivillig.js import enheter <file> --progress-every 100000\` as a child process; its wall time
  from spawn to exit (including Node's start, the sha256 fingerprint of the file, staging and the final merge into
  \`register_enheter\`). "staging" ends when it prints "Merging …"; the merge is the rest. Peak RSS is the kernel's
  high-water mark of the process (VmHWM from \`/proc/<pid>/status\`, read every 100 ms), for both programs. On
  PostgreSQL the database server's memory is not the importer's and is not counted; PGlite runs inside the
  importer, so there the figure includes the database.
- **Frivillighetsregisteret**: \`frivillig import frivillige\` walks the register double (\`frivillig registry serve
  --dir …\`, the same generated register) over HTTP, so the ICNPO and Grasrotandelen filters and the insight
  counts have their data. Roles are not imported: \`frivillig import roller\` fetches one unit at a time over HTTP
  (about 150 000 FLI units), which is not cheap, and neither search nor insight reads them.
- **Search**: \`node bin/frivillig.js serve --no-seed\` on the largest database (\`NODE_ENV=production\`,
  \`LOG_LEVEL=warn\`, \`REGISTER_SYNC_ENABLED=false\`). ${r.searchClients} clients in the benchmark's process, each with
  a keep-alive connection, send the next request when the previous answer has been read; latency is from sending
  to the last byte. Measured through HTTP rather than by calling the search function, because that is what a user
  waits for (parsing, both SQL statements — page and count — and the JSON answer), and because on PGlite the
  requests queue for its single connection, which is part of the answer.
  - The ${num(r.searchRequests)} requests (\`bench/lib/search-queries.ts\`) are deterministic by seed and drawn from
    units in the generated file (70–100 % from the voluntary sector: FLI units and units in Frivillighetsregisteret):
    whole names, single words, prefixes as typed (three requests per name: 3, 4–6 and 8–12 characters), typing
    mistakes (a wrong, missing, doubled or swapped letter, or æøå written as ASCII), a word with a kommune or fylke,
    ICNPO categories (main or sub) with a kommune, fylke or word, a word in Frivillighetsregisteret, Grasrotandelen
    in a kommune or fylke, and filters alone (a kommune, FLI in a fylke, a kommune sorted by newest). Every answer
    must be 200.
  - First ${Math.min(200, r.searchRequests)} other requests (another seed) warm the server and the database's cache and are
    not counted. The baseline — the same endpoint asked for ${num(r.searchRequests)} organisasjonsnumre (\`?q=<orgnr>\`),
    the cheapest search there is — is measured right before and right after the realistic requests.
- **Sector insight**: \`node --import tsx bench/insight-timer.ts\` calls every exported \`count…\` function of
  \`insight.queries.ts\` directly on the largest database (after the Frivillighetsregisteret import), with the page's
  default years and with single filters (a fylke, Oslo, an ICNPO main category, Frivillighetsregisteret only, form
  FLI): one warm-up call, then 5 timed calls; the target is judged on the median. For a query over the target the
  README shows its plan (EXPLAIN ANALYZE).
- **Targets** are judged on PostgreSQL, the production engine; PGlite's figures are reported for comparison (it
  runs the database on the importer's or server's own thread, in WebAssembly).
`;
}

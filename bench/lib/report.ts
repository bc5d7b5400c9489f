import type { LoadOptions, Measurement } from './load.ts';

export interface EngineResult {
  /** e.g. "PGlite (embedded)". */
  title: string;
  /** What the database is, e.g. "PostgreSQL 18.6 compiled to wasm, inside the server process". */
  description: string;
  /** The bare app measured right before this engine's routes … */
  baselineBefore: Measurement;
  /** … and right after them. */
  baselineAfter: Measurement;
  routes: Measurement[];
}

export interface RunFacts {
  /** ISO timestamp of the start of the run (a string, so results can be stored as JSON and rendered again). */
  date: string;
  cpuCount: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
  commit: string;
  totalSeconds: number;
  /** 1-minute load averages when the run started and ended (other work on the machine skews everything). */
  loadBefore: number;
  loadAfter: number;
}

export const num = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Two significant digits, so a small share stays readable (0.15, 0.0049). */
const ratio = (r: number) => (r >= 1 ? num(r, 2) : r.toPrecision(2));

function row(m: Measurement, baseline: Measurement, isBaseline: boolean): string {
  const rps = isBaseline ? '1 (baseline)' : ratio(m.requestsPerSecond / baseline.requestsPerSecond);
  // Latencies are whole milliseconds; against a baseline p99 under 1 ms, dividing by 1 ms gives a lower bound.
  const p99 = isBaseline ? '1 (baseline)' : `${baseline.p99Ms < 1 ? '≥ ' : ''}${num(m.p99Ms / Math.max(baseline.p99Ms, 1), 1)}×`;
  return `| ${m.label} | \`${m.path}\` | ${num(m.requestsPerSecond)} | ${num(m.p50Ms, isBaseline ? 1 : 0)} | ${num(m.p99Ms, isBaseline ? 1 : 0)} | ${rps} | ${p99} | ${num(m.bodyBytes)} |`;
}

/** The baseline row: the mean of the runs before and after the engine's routes. */
export function combinedBaseline(e: EngineResult): Measurement {
  const { baselineBefore: a, baselineAfter: b } = e;
  return {
    ...a,
    requestsPerSecond: (a.requestsPerSecond + b.requestsPerSecond) / 2,
    p50Ms: (a.p50Ms + b.p50Ms) / 2,
    p99Ms: (a.p99Ms + b.p99Ms) / 2,
    totalRequests: a.totalRequests + b.totalRequests,
    seconds: a.seconds + b.seconds,
  };
}

export function engineTable(e: EngineResult): string {
  const baseline = combinedBaseline(e);
  const { baselineBefore: a, baselineAfter: b } = e;
  const drift = (b.requestsPerSecond / a.requestsPerSecond - 1) * 100;
  return [
    `### ${e.title}`,
    '',
    e.description,
    '',
    '| Target | Path | Requests/s | p50 ms | p99 ms | Requests/s ÷ baseline | p99 ÷ baseline | Body bytes |',
    '|---|---|--:|--:|--:|--:|--:|--:|',
    row(baseline, baseline, true),
    ...e.routes.map((m) => row(m, baseline, false)),
    '',
    `Baseline measured before the routes: ${num(a.requestsPerSecond)} req/s, p99 ${num(a.p99Ms)} ms; after: ` +
      `${num(b.requestsPerSecond)} req/s, p99 ${num(b.p99Ms)} ms (${drift >= 0 ? '+' : ''}${num(drift, 1)} %). ` +
      'The baseline row is the mean of the two.',
  ].join('\n');
}

export function busyNote(facts: RunFacts): string {
  const busy = Math.max(facts.loadBefore, facts.loadAfter) > facts.cpuCount / 2;
  return busy ? ' (**other work was running on the machine: treat these figures as rough**)' : '';
}

/** The facts every section starts with. */
export function factsList(facts: RunFacts): string {
  return [
    `- Date: ${facts.date}`,
    `- Machine: ${facts.cpuCount} × ${facts.cpuModel}, ${num(facts.memoryGiB, 1)} GiB RAM, ${facts.os}`,
    `- Node: ${facts.node}`,
    `- Commit: ${facts.commit}`,
    `- 1-minute load average: ${num(facts.loadBefore, 2)} at the start, ${num(facts.loadAfter, 2)} at the end${busyNote(facts)}`,
  ].join('\n');
}

export interface FoundationResult {
  facts: RunFacts;
  load: LoadOptions;
  engines: EngineResult[];
}

/** The foundation benchmark: landing page and workspace against a bare Hono app. */
export function renderFoundationSection({ facts, load, engines }: FoundationResult): string {
  return `## Foundation: pages and a signed-in workspace

### Latest run

${factsList(facts)}
- Load: autocannon, ${load.connections} connection${load.connections === 1 ? '' : 's'} (keep-alive, HTTP/1.1), per target ${load.warmupSeconds} s warm-up
  (discarded) then ${load.durationSeconds} s measured; one target at a time. This part took ${num(facts.totalSeconds)} s.

${engines.map(engineTable).join('\n\n')}

### Method

- Each server is a separate Node process started by \`bench/run.ts\`, so the load generator (autocannon, in the
  benchmark's own process) does not share an event loop with it:
  - **Frivillig**: the real CLI, \`node bin/frivillig.js serve --no-seed\`, with \`NODE_ENV=production\`,
    \`LOG_LEVEL=warn\` (no per-request access log line, so the figures are the app, not stdout),
    \`COOKIE_SECURE=false\` (plain http on 127.0.0.1) and \`REGISTER_SYNC_ENABLED=false\` (no background sync).
  - **Baseline**: \`node --import tsx bench/bare-server.ts\`: a bare Hono app with one route returning a
    ~170-byte HTML string through \`@hono/node-server\` (no middleware, no database). It is measured right
    before and right after each engine's routes, so every table carries its own baseline from the same run,
    and the difference between the two shows how steady the machine was.
- Before a Frivillig server starts, \`node --import tsx bench/setup.ts\` applies the migrations, seeds the demo
  data, creates a session for the demo leader (kari@demo.frivillig.no) and looks up the id of the organisation
  she leads ("Tromsø Sjakklubb"). The server then only has to read.
- Engines:
  - **PGlite**: a fresh \`DATA_DIR\` in a temporary directory (PGlite is one connection inside the server process).
  - **PostgreSQL**: a private throw-away cluster (\`scripts/pg-cluster.sh\`, fsync off) on a free port; the app
    uses its normal pool of 10 connections. The cluster is stopped and deleted at the end, also on failure.
- Targets:
  - \`GET /\`: the landing page, anonymous: the middleware chain and the page layout, no database query (no
    session cookie). A new CSRF cookie is issued on every response, as for a first visit, because the load
    generator keeps no cookies.
  - \`GET /arbeidsrom/<orgId>\`: the organisation's workspace with the leader's session cookie (session lookup,
    membership check and workspace queries, then the page).
- Every target is fetched once first and must answer 200 with the expected page (the workspace must contain
  the organisation's name, so a redirect to sign-in cannot be measured by mistake). Any error, timeout or
  non-2xx response during the measurement fails the run.

### How to read it

- **Requests/s** is the mean of autocannon's one-second samples; **p50/p99** are latencies of the responses
  in milliseconds (whole milliseconds, so small values are coarse).
- **Requests/s ÷ baseline** is the share of the bare Hono throughput a route keeps: 0.25 means a quarter of
  the requests per second of a do-nothing Hono app on the same machine in the same run. It is the number to
  compare across runs and machines; the absolute numbers are not.
- **p99 ÷ baseline** says how much slower the slowest 1 % of responses are than the bare app's (with a 1–2 ms
  baseline this ratio moves in big steps).
- The machine has ${facts.cpuCount} cores shared by the load generator, the server and (for PostgreSQL) the
  database processes, so these are figures of a busy small machine, not of the server alone. With more cores,
  PostgreSQL gains more than PGlite, which always runs the queries on the server's own thread.
`;
}

/** The whole README: each section from its own latest run (a run with --only keeps the other section as it was). */
export function renderReadme(sections: { foundation: string | null; register: string | null }): string {
  const missing = (what: string, only: string) =>
    `## ${what}\n\nNot measured yet: run \`npm run bench\` (or \`npm run bench -- --only ${only}\`).\n`;
  return `# Benchmarks

Generated by \`npm run bench\` (\`bench/run.ts\`); the whole file is rewritten on every run, so edit the
generator, not this file. Numbers are only comparable within one run on one machine: compare the ratios.

Two parts, each with its own latest run: \`npm run bench\` runs both; \`npm run bench -- --only foundation\` or
\`--only register\` runs one and keeps the other's section (its results are stored in \`bench/results/\`).

${sections.foundation ?? missing('Foundation: pages and a signed-in workspace', 'foundation')}
${sections.register ?? missing('Register: import, search and sector insight', 'register')}`;
}

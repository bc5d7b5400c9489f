import autocannon, { type Result } from 'autocannon';

export interface LoadOptions {
  /** Seconds of load whose results are thrown away (JIT, caches, connection pools). */
  warmupSeconds: number;
  /** Seconds measured. */
  durationSeconds: number;
  connections: number;
}

export interface Target {
  label: string;
  url: string;
  headers?: Record<string, string>;
  /** How the README shows the path (e.g. with the id replaced by a placeholder); the URL's path by default. */
  displayPath?: string;
  /** The page must contain this text, so a redirect to sign-in or an error page is not measured by mistake. */
  expectText?: string;
}

export interface Measurement {
  label: string;
  path: string;
  /** Mean of autocannon's one-second samples of completed requests. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  totalRequests: number;
  /** Size of the response body (one request before the warm-up). */
  bodyBytes: number;
  seconds: number;
}

function problems(result: Result): string | null {
  if (result.errors === 0 && result.timeouts === 0 && result.non2xx === 0) return null;
  const codes = Object.entries(result.statusCodeStats)
    .map(([code, { count }]) => `${code}×${count}`)
    .join(', ');
  return `errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx} (status codes: ${codes})`;
}

async function run(target: Target, connections: number, duration: number): Promise<Result> {
  const result = await autocannon({ url: target.url, headers: target.headers, connections, duration, timeout: 10 });
  const bad = problems(result);
  if (bad) throw new Error(`${target.label} (${target.url}): ${bad}`);
  return result;
}

/** One request to check the target answers 200 with the expected page, then warm-up, then the measured run. */
export async function measure(target: Target, opts: LoadOptions): Promise<Measurement> {
  const res = await fetch(target.url, { headers: target.headers, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${target.label}: GET ${target.url} answered ${res.status}, expected 200`);
  if (target.expectText && !body.includes(target.expectText)) {
    throw new Error(`${target.label}: GET ${target.url} does not contain "${target.expectText}"`);
  }
  if (opts.warmupSeconds > 0) await run(target, opts.connections, opts.warmupSeconds);
  const result = await run(target, opts.connections, opts.durationSeconds);
  return {
    label: target.label,
    path: target.displayPath ?? new URL(target.url).pathname,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    totalRequests: result.requests.total,
    bodyBytes: Buffer.byteLength(body),
    seconds: result.duration,
  };
}

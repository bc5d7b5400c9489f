import type { SearchKind, SearchRequest } from './search-queries.ts';

/**
 * Sends a fixed list of search requests with N concurrent clients (each client one keep-alive connection,
 * sending its next request when the previous answer has been read: a closed loop, like people waiting for
 * their results) and records the latency of every request, from sending it to the last byte of the answer.
 */

export interface LatencyStats {
  count: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
}

export interface LoadResult extends LatencyStats {
  concurrency: number;
  seconds: number;
  requestsPerSecond: number;
  byKind: Partial<Record<SearchKind, LatencyStats>>;
  /** The slowest requests, slowest first (query string and ms). */
  slowest: { query: string; ms: number }[];
  /** Requests that found nothing (a sanity check: most drawn names must be found). */
  withoutHits: number;
  /**
   * Connections the server closed under a request (ECONNRESET: a keep-alive connection closed by the server while
   * the client reused it — it happens when the server's event loop is blocked past its keep-alive timeout, as with
   * PGlite answering in the server's own thread). Such a request is sent again, and its latency counts from the
   * first attempt; the number is reported so it is never hidden.
   */
  connectionErrors: number;
}

/** Nearest-rank percentile of ascending values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function latencyStats(values: number[]): LatencyStats {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50Ms: percentile(sorted, 50),
    p90Ms: percentile(sorted, 90),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1) ?? 0,
    meanMs: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
  };
}

export async function runSearchLoad(baseUrl: string, requests: SearchRequest[], concurrency: number): Promise<LoadResult> {
  const latencies: number[] = new Array(requests.length);
  const totals: number[] = new Array(requests.length);
  let next = 0;
  let connectionErrors = 0;
  const started = performance.now();
  const client = async () => {
    for (;;) {
      const i = next++;
      if (i >= requests.length) return;
      const query = new URLSearchParams(requests[i]!.params).toString();
      const url = `${baseUrl}/api/v1/organisasjoner?${query}`;
      const t0 = performance.now();
      let res: Response | undefined;
      let body = '';
      for (let attempt = 1; !res; attempt++) {
        try {
          const answer = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(30_000) });
          body = await answer.text();
          res = answer;
        } catch (error) {
          // Only a transport failure (fetch's TypeError) is retried, and only twice; a timeout or a third failure ends the run.
          if (!(error instanceof TypeError) || attempt >= 3) throw error;
          connectionErrors++;
        }
      }
      latencies[i] = performance.now() - t0;
      if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${body.slice(0, 300)}`);
      totals[i] = (JSON.parse(body) as { paging: { total: number } }).paging.total;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = (performance.now() - started) / 1000;

  const byKindValues = new Map<SearchKind, number[]>();
  requests.forEach((r, i) => {
    const list = byKindValues.get(r.kind) ?? [];
    list.push(latencies[i]!);
    byKindValues.set(r.kind, list);
  });
  const byKind: LoadResult['byKind'] = {};
  for (const [kind, values] of byKindValues) byKind[kind] = latencyStats(values);
  const slowest = requests
    .map((r, i) => ({ query: new URLSearchParams(r.params).toString(), ms: latencies[i]! }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 8);
  return {
    ...latencyStats(latencies),
    concurrency,
    seconds,
    requestsPerSecond: requests.length / seconds,
    byKind,
    slowest,
    withoutHits: totals.filter((t) => t === 0).length,
    connectionErrors,
  };
}

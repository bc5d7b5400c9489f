// The part of autocannon 8's programmatic API the benchmark uses (the package ships no type declarations).
declare module 'autocannon' {
  export interface Options {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    method?: string;
    headers?: Record<string, string>;
    /** Seconds before a request counts as timed out. */
    timeout?: number;
    pipelining?: number;
  }

  /** Percentiles as autocannon names them (p97_5 is the 97.5th). Latency in milliseconds, whole numbers. */
  export interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
    p99_9: number;
  }

  export interface Result {
    url: string;
    connections: number;
    /** Seconds actually measured. */
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    resets: number;
    '2xx': number;
    statusCodeStats: Record<string, { count: number }>;
    /** Latency of 2xx responses only, in ms. */
    latency: Histogram & { totalCount: number };
    /** Completed requests per one-second sample; `total` is all completed requests. */
    requests: Histogram & { sent: number };
    /** Bytes per one-second sample (headers and bodies). */
    throughput: Histogram;
  }

  export interface Instance extends PromiseLike<Result> {
    stop(): void;
  }

  export default function autocannon(options: Options): Instance;
}

import type { Logger } from '../../core/logger.ts';

/**
 * HTTP client for Brønnøysundregistrene's open APIs (Enhetsregisteret, Frivillighetsregisteret).
 *
 * Every request has a timeout; 5xx answers, 429 and network failures are retried with exponential backoff
 * and jitter (honouring Retry-After), because the registers publish no rate limits and ask heavy users to be
 * gentle (brief §1.1). Other 4xx answers are returned to the caller, which decides what they mean (a 404 on
 * roles is "no roles", brief §1.6). Each retry and each final failure is logged with the URL and reason.
 *
 * The sync engineer reuses this for the change feeds: `getJson` for pages, `getStream` for the bulk file.
 */

export const ACCEPT_ENHET_BULK = 'application/vnd.brreg.enhetsregisteret.enhet.v2+gzip;charset=UTF-8';
export const ACCEPT_JSON = 'application/json';

export class BrregHttpError extends Error {
  constructor(
    message: string,
    readonly url: string,
    /** HTTP status, or undefined when no answer came (timeout, connection refused). */
    readonly status?: number,
    readonly body?: string,
  ) {
    super(message);
    this.name = 'BrregHttpError';
  }
}

export interface BrregClientOptions {
  logger: Logger;
  fetch?: typeof fetch;
  /** Time allowed for an answer (headers and, for JSON, the body); for streams, the longest pause between chunks. */
  timeoutMs?: number;
  /** Retries after the first attempt for retryable failures. */
  retries?: number;
  /** First backoff delay; doubled per retry, with up to 50 % jitter, capped at maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  userAgent?: string;
  /** Injected in tests so retries do not wait for real. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface JsonResponse {
  status: number;
  url: string;
  headers: Headers;
  /** Parsed body; undefined for a body that is empty or not JSON (then see `text`). */
  body: unknown;
  text: string;
}

export interface StreamResponse {
  url: string;
  headers: Headers;
  /** Content-Length when the server sent one. */
  size: number | undefined;
  body: AsyncIterable<Buffer>;
  /** Releases the connection when the body will not be read (or was read only in part). */
  cancel(): Promise<void>;
}

export interface BrregClient {
  /**
   * GET a JSON resource. Resolves for 2xx and for the statuses in `accept4xx` (e.g. 404); throws
   * BrregHttpError for other answers once retries are used up.
   */
  getJson(url: string, opts?: { accept?: string; accept4xx?: number[]; signal?: AbortSignal }): Promise<JsonResponse>;
  /** GET a large body as a stream of chunks (the bulk download); only the request itself is retried. */
  getStream(url: string, opts?: { accept?: string; signal?: AbortSignal }): Promise<StreamResponse>;
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 429 || status === 408;
}

/** Retry-After in seconds or as an HTTP date; capped so a strange header cannot stall an import for hours. */
function retryAfterMs(headers: Headers, cap: number): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, cap) : undefined;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const causeText = cause instanceof Error ? `: ${cause.message}` : '';
    return `${error.message}${causeText}`;
  }
  return String(error);
}

export function createBrregClient(opts: BrregClientOptions): BrregClient {
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const retries = opts.retries ?? 4;
  const backoffMs = opts.backoffMs ?? 500;
  const maxBackoffMs = opts.maxBackoffMs ?? 30_000;
  const sleep = opts.sleep ?? defaultSleep;
  const userAgent = opts.userAgent ?? 'frivillig/0.1 (open data import)';
  const { logger } = opts;

  const delayFor = (attempt: number) => {
    const base = Math.min(maxBackoffMs, backoffMs * 2 ** attempt);
    return Math.round(base / 2 + (Math.random() * base) / 2);
  };

  /**
   * One request with retries. `read` consumes the response inside the attempt's timeout (so a body that
   * stalls is retried too); it is skipped for streams, whose body is read later under an idle timeout.
   */
  async function request<T>(
    url: string,
    accept: string,
    signal: AbortSignal | undefined,
    handle: (res: Response, attemptSignal: AbortSignal, clearTimer: () => void) => Promise<T | 'retry'>,
  ): Promise<T> {
    let lastProblem = '';
    let lastStatus: number | undefined;
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw signal.reason;
      const controller = new AbortController();
      const onAbort = () => controller.abort(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      const timer = setTimeout(() => controller.abort(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      const clearTimer = () => clearTimeout(timer);
      let retryDelay: number | undefined;
      try {
        const res = await doFetch(url, { headers: { accept, 'user-agent': userAgent }, signal: controller.signal });
        lastStatus = res.status;
        const result = await handle(res, controller.signal, clearTimer);
        if (result !== 'retry') return result;
        lastProblem = `HTTP ${res.status}`;
        retryDelay = retryAfterMs(res.headers, maxBackoffMs);
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (error instanceof BrregHttpError) throw error;
        lastStatus = undefined;
        lastProblem = controller.signal.aborted ? describe(controller.signal.reason) : describe(error);
      } finally {
        clearTimer();
        signal?.removeEventListener('abort', onAbort);
      }
      if (attempt >= retries) {
        logger.error('brreg request failed', { url, attempts: attempt + 1, problem: lastProblem });
        throw new BrregHttpError(`GET ${url} failed after ${attempt + 1} attempt(s): ${lastProblem}`, url, lastStatus);
      }
      const delay = retryDelay ?? delayFor(attempt);
      logger.warn('brreg request failed; retrying', { url, attempt: attempt + 1, problem: lastProblem, retryInMs: delay });
      await sleep(delay, signal);
    }
  }

  return {
    getJson(url, { accept = ACCEPT_JSON, accept4xx = [], signal } = {}) {
      return request(url, accept, signal, async (res) => {
        if (isRetryableStatus(res.status)) {
          await res.body?.cancel().catch(() => {});
          return 'retry';
        }
        const text = await res.text();
        if (!res.ok && !accept4xx.includes(res.status)) {
          throw new BrregHttpError(`GET ${url} answered HTTP ${res.status}: ${text.slice(0, 300)}`, url, res.status, text);
        }
        let body: unknown;
        try {
          body = text === '' ? undefined : JSON.parse(text);
        } catch {
          body = undefined;
        }
        return { status: res.status, url: res.url || url, headers: res.headers, body, text };
      });
    },

    getStream(url, { accept = ACCEPT_JSON, signal } = {}) {
      return request(url, accept, signal, async (res, attemptSignal, clearTimer) => {
        if (isRetryableStatus(res.status)) {
          await res.body?.cancel().catch(() => {});
          return 'retry';
        }
        if (!res.ok || !res.body) {
          const text = await res.text().catch(() => '');
          throw new BrregHttpError(`GET ${url} answered HTTP ${res.status}: ${text.slice(0, 300)}`, url, res.status, text);
        }
        // From here the body is read by the caller; the request timeout becomes an idle timeout per chunk.
        clearTimer();
        const length = Number(res.headers.get('content-length'));
        return {
          url: res.url || url,
          headers: res.headers,
          size: Number.isFinite(length) && length > 0 ? length : undefined,
          body: withIdleTimeout(res.body, timeoutMs, url, attemptSignal),
          cancel: async () => {
            // Locked once the body is being read; then ending the iteration releases it instead.
            if (!res.body?.locked) await res.body?.cancel().catch(() => {});
          },
        };
      });
    },
  };
}

/** Chunks of a web stream as Buffers; fails when no chunk arrives for `idleMs` (a stalled download). */
async function* withIdleTimeout(
  body: ReadableStream<Uint8Array>,
  idleMs: number,
  url: string,
  signal: AbortSignal,
): AsyncGenerator<Buffer> {
  const reader = body.getReader();
  try {
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const stalled = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new BrregHttpError(`GET ${url}: the download stalled (no data for ${idleMs} ms)`, url)), idleMs);
      });
      let next: Awaited<ReturnType<typeof reader.read>>;
      try {
        next = await Promise.race([reader.read(), stalled]);
      } catch (error) {
        if (signal.aborted && !(error instanceof BrregHttpError)) throw signal.reason ?? error;
        if (error instanceof BrregHttpError) throw error;
        throw new BrregHttpError(`GET ${url}: the download broke off: ${describe(error)}`, url);
      } finally {
        clearTimeout(timer);
      }
      if (next.done) return;
      yield Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

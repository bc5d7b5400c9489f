import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Deps } from '../../core/http/context.ts';
import { ACCEPT_ENHET_BULK, type BrregClient, BrregHttpError, createBrregClient } from './brreg-client.ts';
import { ImportFailedError } from './import-errors.ts';
import { prepareBulkEnhet, storableRaw } from './import-records.ts';
import { JsonArraySplitter, JsonStreamError, splitJsonArray } from './json-array-stream.ts';
import { type ProgressReporter, silentProgress } from './progress.ts';
import {
  abandonRun,
  analyzeImported,
  countStaged,
  createRun,
  failRun,
  getRun,
  type ImportRun,
  latestRun,
  mergeStagedEnheter,
  type QuarantineRow,
  reopenRun,
  type StagedEnhet,
  stageEnheterBatch,
  withImportSession,
} from './register.queries.ts';

/**
 * `frivillig import enheter <file|url>`: Enhetsregisteret's bulk download (a gzip-compressed JSON array of
 * `enhet` v2 objects, brief §1.4) into register_enheter.
 *
 * - Streaming: the file is read in chunks, decompressed and split into elements (json-array-stream.ts);
 *   memory does not grow with the file.
 * - Quarantine: a record that is not valid UTF-8, not JSON or not a valid enhet goes to register_quarantine
 *   with the reason and its raw text; the import goes on and counts it.
 * - All or nothing: records are staged in batches (COPY), each batch and the run's checkpoint in one
 *   transaction; register_enheter changes only in the final merge transaction. A truncated or corrupt file
 *   ends with a clear error and register_enheter exactly as it was.
 * - Resumable: running again with the same source (same fingerprint) continues from the checkpoint of the
 *   interrupted run (crash, Ctrl-C, network failure). A different source abandons that run and starts over.
 * - Idempotent: the merge writes only rows whose data changed (compared as jsonb, so key order and whitespace
 *   do not count); a source already imported completely
 *   is not imported again unless `force` is set.
 */

export interface ImportEnheterOptions {
  /** A file path or an http(s) URL. */
  source: string;
  /** Import even if the latest completed run imported the same source. */
  force?: boolean;
  /** Records per staging transaction (and checkpoint). */
  batchSize?: number;
  /** Aborting stops cleanly after the current batch; the run can be resumed. */
  signal?: AbortSignal;
  progress?: ProgressReporter;
  /** HTTP client for URLs (defaults to one with the standard timeouts and retries). */
  client?: BrregClient;
  /** Largest record accepted, in bytes; a bigger element means the file's structure is broken. */
  maxElementBytes?: number;
  /** Called when all records are staged and the merge into register_enheter starts. */
  onMerge?: (staged: number) => void;
  /** Called after each batch is committed (tests use it to simulate a crash after K batches). */
  afterBatch?: (info: { batch: number; checkpoint: number }) => void | Promise<void>;
}

export interface EnheterCounts {
  /** Records in the file handled so far (valid and quarantined), across resumed sessions. */
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  quarantined: number;
}

export type ImportEnheterResult =
  | ({ status: 'completed'; runId: string; resumedFrom: number; durationMs: number; sessionRecords: number } & EnheterCounts)
  | { status: 'interrupted'; runId: string; checkpoint: number; durationMs: number; sessionRecords: number; quarantined: number }
  | { status: 'already-imported'; runId: string; finishedAt: Date | null; read: number };

export { ImportFailedError };

type ImportDeps = Pick<Deps, 'database' | 'logger' | 'now' | 'config'>;

export const DEFAULT_BATCH_SIZE = 1000;

interface OpenedSource {
  label: string;
  /** Identifies this version of the source; null when it cannot be known (then no resume). */
  fingerprint: string | null;
  size: number | undefined;
  chunks: AsyncIterable<Buffer>;
  close(): Promise<void>;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** sha256 of the whole file: a truncated or corrupted copy must not resume a run of the good one. */
async function fileFingerprint(path: string, size: number): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return `sha256:${hash.digest('hex')};size:${size}`;
}

async function openSource(source: string, client: BrregClient): Promise<OpenedSource> {
  if (isUrl(source)) {
    const res = await client.getStream(source, { accept: ACCEPT_ENHET_BULK });
    const etag = res.headers.get('etag');
    const lastModified = res.headers.get('last-modified');
    // Brreg builds a new file every night and marks it with etag and last-modified (brief §1.4).
    const fingerprint = etag ? `etag:${etag}` : lastModified ? `last-modified:${lastModified};size:${res.size ?? '?'}` : null;
    return { label: source, fingerprint, size: res.size, chunks: res.body, close: res.cancel };
  }
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(source);
  } catch (error) {
    throw new ImportFailedError(`Cannot read ${source}: ${(error as Error).message}`, null, 0);
  }
  if (!info.isFile()) throw new ImportFailedError(`${source} is not a file.`, null, 0);
  // Fail early on an unreadable file, before any run is created.
  await (await open(source, 'r')).close();
  const fingerprint = await fileFingerprint(source, info.size);
  const stream = createReadStream(source, { highWaterMark: 256 * 1024 });
  return {
    label: source,
    fingerprint,
    size: info.size,
    chunks: stream,
    close: async () => {
      stream.destroy();
    },
  };
}

async function* countBytes(source: AsyncIterable<Buffer>, counter: { bytes: number }): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    counter.bytes += chunk.length;
    yield chunk;
  }
}

/** Decompresses when the data starts with the gzip magic bytes; plain JSON passes through. */
async function* maybeGunzip(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const replay = (async function* () {
    yield first.value;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  })();
  if (first.value[0] !== 0x1f || first.value[1] !== 0x8b) {
    yield* replay;
    return;
  }
  const gunzip = createGunzip();
  pipeline(Readable.from(replay), gunzip, (error) => {
    if (error) gunzip.destroy(error);
  });
  for await (const chunk of gunzip) yield chunk as Buffer;
}

/** Turns low-level failures into a sentence an operator can act on. */
function explain(error: unknown): string {
  if (error instanceof JsonStreamError) return error.message;
  if (error instanceof BrregHttpError) return error.message;
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(e?.message ?? '')) {
    return 'The gzip data ends unexpectedly: the file is truncated (an incomplete download?).';
  }
  if (e?.code === 'Z_DATA_ERROR') return `The file is not valid gzip data: ${e.message}.`;
  return e?.message ?? String(error);
}

export async function importEnheter(deps: ImportDeps, opts: ImportEnheterOptions): Promise<ImportEnheterResult> {
  const started = performance.now();
  const progress = opts.progress ?? silentProgress;
  const batchSize = Math.max(1, opts.batchSize ?? DEFAULT_BATCH_SIZE);
  const client = opts.client ?? createBrregClient({ logger: deps.logger });
  const { logger } = deps;

  const source = await openSource(opts.source, client);
  try {
    return await withImportSession(deps.database, 'enheter', async (session) => {
      const { db } = session;
      const now = deps.now();

      // Only the latest run can be resumed: a newer run supersedes older unfinished ones. While we hold the
      // import session nobody else runs an enheter import, so a "running" run here was interrupted.
      const last = await latestRun(db, 'enheter');
      if (last?.status === 'completed' && source.fingerprint && last.sourceFingerprint === source.fingerprint && !opts.force) {
        return { status: 'already-imported', runId: last.id, finishedAt: last.finishedAt, read: last.recordsRead };
      }
      let run: ImportRun | undefined;
      if (last && last.status !== 'completed') {
        if (source.fingerprint && last.sourceFingerprint === source.fingerprint) {
          run = last;
          await reopenRun(db, run.id);
          logger.info('resuming enheter import', { runId: run.id, checkpoint: run.checkpoint });
        } else {
          await abandonRun(db, last.id, `Abandoned at record ${last.checkpoint}: a different source was imported after it.`, now);
          logger.info('abandoned unfinished enheter import for a different source', { runId: last.id });
        }
      }
      run ??= await createRun(db, { kind: 'enheter', source: source.label, fingerprint: source.fingerprint, now });
      const runId = run.id;
      const resumedFrom = run.checkpoint;

      const counter = { bytes: 0 };
      const splitter = new JsonArraySplitter({ maxElementBytes: opts.maxElementBytes });
      const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
      let position = 0;
      let staged: StagedEnhet[] = [];
      let quarantine: QuarantineRow[] = [];
      let batches = 0;
      /** The checkpoint of the last committed batch: where a resume continues. */
      let committed = resumedFrom;
      let sessionRecords = 0;
      let sessionQuarantined = 0;

      // One batch is written while the next is read and checked: on PostgreSQL the database parses and stores
      // a batch on the other core meanwhile (the import is bound by this process's CPU, bench/README.md). Only
      // one batch is ever in flight, and the next waits for it, so batches commit in order; a failure of the
      // batch in flight surfaces at the next settle(), before anything else is written.
      //
      // Interrupted (Ctrl-C): what has been read is written as a last batch and the import stops there, as
      // without the overlap. Interrupted from afterBatch (the hook after each commit): the import stops at that
      // batch's checkpoint, and the records read meanwhile are read again on resume — as if they had not been
      // read yet, which without the overlap they would not have been.
      let inFlight: Promise<void> | null = null;
      let stopAtCheckpoint = false;
      const settle = async () => {
        const pending = inFlight;
        inFlight = null;
        await pending;
      };
      const flush = async () => {
        await settle();
        if (stopAtCheckpoint) return;
        if (staged.length === 0 && quarantine.length === 0) return;
        const batch = { staged, quarantine, checkpoint: position, read: staged.length + quarantine.length };
        staged = [];
        quarantine = [];
        const writing = (async () => {
          await stageEnheterBatch(session, runId, batch);
          committed = batch.checkpoint;
          sessionQuarantined += batch.quarantine.length;
          batches++;
          const abortedBefore = opts.signal?.aborted === true;
          await opts.afterBatch?.({ batch: batches, checkpoint: batch.checkpoint });
          if (!abortedBefore && opts.signal?.aborted) stopAtCheckpoint = true;
        })();
        // Handled when settled; this only keeps Node from reporting a rejection that is about to be handled.
        writing.catch(() => {});
        inFlight = writing;
      };
      const reject = (reason: string, raw: string) => {
        quarantine.push({ runId, source: 'enheter', position: String(position), reason, raw: storableRaw(raw) });
      };

      progress.start({ label: 'enheter', totalBytes: source.size });
      let interrupted = false;
      try {
        for await (const element of splitJsonArray(maybeGunzip(countBytes(source.chunks, counter)), splitter)) {
          if (position < resumedFrom) {
            // Already staged by the interrupted run: skip without parsing.
            position++;
            progress.update({ records: position, bytes: counter.bytes, note: 'skipping records staged before' });
            continue;
          }
          let text: string | undefined;
          try {
            text = decoder.decode(element);
          } catch {
            reject('not valid UTF-8 (invalid bytes are shown as U+FFFD in raw)', element.toString('utf8'));
          }
          if (text !== undefined) {
            const trimmed = text.trim();
            if (trimmed === '') reject('empty element (two commas in a row, or a comma before "]")', text);
            else {
              let value: unknown;
              let parsed = true;
              try {
                value = JSON.parse(trimmed);
              } catch (error) {
                parsed = false;
                reject(`not valid JSON: ${(error as Error).message}`, trimmed);
              }
              if (parsed) {
                const checked = prepareBulkEnhet(value, trimmed);
                if (checked.ok) staged.push({ position, ...checked.value });
                else reject(checked.reason, trimmed);
              }
            }
          }
          position++;
          sessionRecords++;
          progress.update({ records: position, bytes: counter.bytes });
          if (staged.length + quarantine.length >= batchSize) await flush();
          if (opts.signal?.aborted) {
            // Ctrl-C: stop after the current batch (see above); its checkpoint is where a resume starts.
            await flush();
            await settle();
            interrupted = true;
            break;
          }
        }
        if (!interrupted) {
          await flush();
          await settle();
          // Interrupted while the last batch was written: stop there too (a resume goes straight to the merge).
          if (opts.signal?.aborted) interrupted = true;
        }
      } catch (error) {
        progress.stop();
        // The batch in flight (if any) finishes or fails first, so `committed` is what is really staged.
        await settle().catch(() => {});
        const reason = explain(error);
        const message = `${reason} The import stopped at record ${position} (${committed} staged); register_enheter was not changed.`;
        await failRun(db, runId, message, deps.now()).catch(() => {});
        logger.error('enheter import failed', { runId, checkpoint: committed, error: reason });
        throw new ImportFailedError(message, runId, committed);
      }

      const durationMs = performance.now() - started;
      if (interrupted) {
        progress.stop();
        await failRun(db, runId, `Interrupted after ${committed} record(s); run the same import again to resume.`, deps.now());
        logger.info('enheter import interrupted', { runId, checkpoint: committed });
        return { status: 'interrupted', runId, checkpoint: committed, durationMs, sessionRecords, quarantined: sessionQuarantined };
      }

      progress.stop();
      opts.onMerge?.(await countStaged(db, runId));
      let merged: Awaited<ReturnType<typeof mergeStagedEnheter>>;
      try {
        merged = await mergeStagedEnheter(db, runId, deps.now());
      } catch (error) {
        const message = `Merging the staged records into register_enheter failed: ${explain(error)} register_enheter was not changed; run the same import again to retry the merge.`;
        await failRun(db, runId, message, deps.now()).catch(() => {});
        logger.error('enheter merge failed', { runId, error: explain(error) });
        throw new ImportFailedError(message, runId, committed);
      }
      await analyzeImported(db, 'enheter');
      const finished = await getRun(db, runId);
      const result = {
        status: 'completed' as const,
        runId,
        resumedFrom,
        read: position,
        inserted: merged.inserted,
        updated: merged.updated,
        unchanged: merged.unchanged,
        quarantined: finished?.recordsQuarantined ?? sessionQuarantined + merged.duplicates,
        durationMs: performance.now() - started,
        sessionRecords,
      };
      logger.info('enheter import completed', { ...result, mergeStepsMs: merged.stepsMs });
      return result;
    });
  } finally {
    await source.close();
  }
}

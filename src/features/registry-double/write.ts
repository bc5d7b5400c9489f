import { createHash } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { bulkJsonChunks, gzipStream, jsonArrayChunks } from './bulk.ts';
import { GENERATOR_VERSION, Registry, type RegistryOptions } from './registry.ts';

/**
 * `frivillig registry generate`: writes a generated register to a directory, every file streamed so that
 * 1.17 million units take bounded memory, and the same seed gives the same bytes:
 *
 *   enheter_alle.json.gz              the bulk file (brief §1.4): gzip JSON array of enhet v2 records
 *   frivillige-organisasjoner.json.gz  Frivillighetsregisteret records at the snapshot (brief §2.3), by orgnr
 *   roller.json.gz                     roles at the snapshot: an array of `{organisasjonsnummer, rollegrupper,
 *                                      _links}` — the /roller answer (brief §1.6) with its unit's number; our
 *                                      own layout, Brønnøysund's bulk of roles is not documented
 *   oppdateringer-enheter.json.gz      the whole change feed with `endringer` (brief §1.5)
 *   oppdateringer-roller.json.gz       the whole roles feed (CloudEvents, brief §1.5)
 *   manifest.json                      options, counts, and size and sha256 of each file
 *
 * `frivillig registry serve --dir` rebuilds the same register from the manifest and serves the bulk file
 * from disk.
 */

export const FILES = {
  bulk: 'enheter_alle.json.gz',
  frivillige: 'frivillige-organisasjoner.json.gz',
  roller: 'roller.json.gz',
  oppdateringerEnheter: 'oppdateringer-enheter.json.gz',
  oppdateringerRoller: 'oppdateringer-roller.json.gz',
  manifest: 'manifest.json',
} as const;

export interface FileInfo {
  bytes: number;
  sha256: string;
  records: number;
}

export interface Manifest {
  generator: 'frivillig registry generate';
  generatorVersion: number;
  seed: string;
  units: number;
  snapshot: string;
  feedBefore: number;
  feedAfter: number;
  recordBaseUrl: string;
  counts: ReturnType<Registry['counts']> & { frivillige: number; enheterMedRoller: number };
  files: Partial<Record<keyof typeof FILES, FileInfo>>;
}

export interface GenerateOptions extends RegistryOptions {
  dir: string;
  /** Skip roller.json.gz (the largest file after the bulk). */
  roles?: boolean;
  /** Called now and then with the number of bulk units written. */
  onProgress?: (written: number, total: number) => void;
}

/** Streams text chunks through gzip into a file, counting bytes and hashing them on the way. */
async function writeGzipFile(path: string, chunks: Iterable<string>): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  // Written under a temporary name and renamed at the end, so an interrupted run leaves no half file behind.
  const partial = `${path}.partial`;
  try {
    await pipeline(gzipStream(chunks), tap, createWriteStream(partial));
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { bytes, sha256: hash.digest('hex') };
}

function* counted<T>(items: Iterable<T>, counter: { n: number }): Generator<T> {
  for (const item of items) {
    counter.n++;
    yield item;
  }
}

export async function generateRegistryFiles(opts: GenerateOptions): Promise<Manifest> {
  const registry = new Registry(opts);
  await mkdir(opts.dir, { recursive: true });
  const { timeline } = registry;
  const files: Manifest['files'] = {};

  const progressEvery = Math.max(1, Math.floor(registry.units / 100));
  const onProgress = opts.onProgress;
  const bulkChunks = bulkJsonChunks(registry, {
    onRecord: onProgress
      ? (written) => (written % progressEvery === 0 || written === registry.units) && onProgress(written, registry.units)
      : undefined,
  });
  files.bulk = { ...(await writeGzipFile(join(opts.dir, FILES.bulk), bulkChunks)), records: registry.units };

  // Frivillighetsregisteret at the snapshot, sorted by organisasjonsnummer like the listing.
  const frivillige: number[] = [];
  for (let i = 0; i < registry.units; i++) if (registry.core(i).frr) frivillige.push(i);
  frivillige.sort((a, b) => registry.ctx.space.orgnrNumberOf(a) - registry.ctx.space.orgnrNumberOf(b));
  const frivilligCount = { n: 0 };
  const frivilligRecords = counted(
    (function* () {
      for (const i of frivillige) {
        const record = registry.frivillig(i, 'snapshot');
        if (record) yield record;
      }
    })(),
    frivilligCount,
  );
  files.frivillige = {
    ...(await writeGzipFile(
      join(opts.dir, FILES.frivillige),
      jsonArrayChunks(frivilligRecords, (r) => JSON.stringify(r)),
    )),
    records: 0,
  };
  files.frivillige.records = frivilligCount.n;

  const rollerCount = { n: 0 };
  if (opts.roles !== false) {
    const rollerRecords = counted(
      (function* () {
        for (let i = 0; i < registry.units; i++) {
          const roller = registry.roller(i, 'snapshot');
          if (roller) yield { organisasjonsnummer: registry.orgnrOf(i), ...roller };
        }
      })(),
      rollerCount,
    );
    files.roller = {
      ...(await writeGzipFile(
        join(opts.dir, FILES.roller),
        jsonArrayChunks(rollerRecords, (r) => JSON.stringify(r)),
      )),
      records: 0,
    };
    files.roller.records = rollerCount.n;
  }

  const linkBase = `${registry.recordBaseUrl}/enhetsregisteret/api`;
  const feedPositions = (function* () {
    for (let k = 0; k < timeline.feed.count; k++) yield k;
  })();
  files.oppdateringerEnheter = {
    ...(await writeGzipFile(
      join(opts.dir, FILES.oppdateringerEnheter),
      jsonArrayChunks(feedPositions, (k) => JSON.stringify(registry.feedEntry(k, { includeChanges: true, linkBase }))),
    )),
    records: timeline.feed.count,
  };
  const rolePositions = (function* () {
    for (let k = 0; k < timeline.roles.count; k++) yield k;
  })();
  files.oppdateringerRoller = {
    ...(await writeGzipFile(
      join(opts.dir, FILES.oppdateringerRoller),
      jsonArrayChunks(rolePositions, (k) => JSON.stringify(registry.roleEvent(k, linkBase))),
    )),
    records: timeline.roles.count,
  };

  const manifest: Manifest = {
    generator: 'frivillig registry generate',
    generatorVersion: GENERATOR_VERSION,
    seed: registry.seed,
    units: registry.units,
    snapshot: new Date(registry.snapshotMs).toISOString(),
    feedBefore: timeline.feed.before,
    feedAfter: timeline.feed.count - timeline.feed.before,
    recordBaseUrl: registry.recordBaseUrl,
    counts: { ...registry.counts(), frivillige: frivilligCount.n, enheterMedRoller: rollerCount.n },
    files,
  };
  await writeFile(join(opts.dir, FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** A directory that is not (or no longer) a register written by this generator. */
export class ManifestError extends Error {}

/** Reads and checks a manifest written by generateRegistryFiles (synchronously: it is read once at start). */
export function readManifest(dir: string): Manifest {
  const path = join(dir, FILES.manifest);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ManifestError(`${path} not found: generate the register first with "frivillig registry generate --out ${dir}"`);
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch {
    throw new ManifestError(`${path} is not valid JSON`);
  }
  if (manifest.generator !== 'frivillig registry generate' || typeof manifest.seed !== 'string' || !Number.isInteger(manifest.units)) {
    throw new ManifestError(`${path} is not a manifest written by "frivillig registry generate"`);
  }
  if (manifest.generatorVersion !== GENERATOR_VERSION) {
    throw new Error(
      `${path} was written by generator version ${manifest.generatorVersion}; this is version ${GENERATOR_VERSION}. Generate it again.`,
    );
  }
  return manifest;
}

/** The registry a manifest describes. */
export function registryFromManifest(manifest: Manifest): Registry {
  return new Registry({
    seed: manifest.seed,
    units: manifest.units,
    snapshot: manifest.snapshot,
    feedBefore: manifest.feedBefore,
    feedAfter: manifest.feedAfter,
    recordBaseUrl: manifest.recordBaseUrl,
  });
}

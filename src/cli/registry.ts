import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SNAPSHOT } from '../features/registry-double/registry.ts';
import { startRegistryDouble } from '../features/registry-double/server.ts';
import { generateRegistryFiles, ManifestError } from '../features/registry-double/write.ts';

/**
 * `frivillig registry generate|serve`: the generated register and the local stand-in for Brønnøysund's open
 * APIs (src/features/registry-double). For tests, demos and benchmarks on machines that cannot reach
 * Brønnøysund; production never uses it.
 */

export const REGISTRY_HELP = `Usage: frivillig registry generate --units N [--seed S] [--out DIR] [--no-roles]
       frivillig registry serve [--dir DIR | --units N [--seed S]] [--port P] [--host H]

generate  Writes a generated register, the same bytes for the same seed, in Brønnøysund's shapes:
          enheter_alle.json.gz (the bulk file: gzip JSON array of enhet v2 records),
          frivillige-organisasjoner.json.gz, roller.json.gz, oppdateringer-enheter.json.gz,
          oppdateringer-roller.json.gz and manifest.json. Streams, so 1.17 million units fit in memory.
serve     Serves a register over HTTP like data.brreg.no: /enhetsregisteret/api/... and
          /frivillighetsregisteret/api/... (search, single units, roles, the bulk download, the change
          feeds, Frivillighetsregisteret). Point Frivillig at it with the printed BRREG_* variables.

Options:
  --units N         Units in the bulk file (generate: required; serve: instead of --dir)
  --seed S          Any text; the same seed gives the same register (default "frivillig")
  --out DIR         Where generate writes (default ./brreg-data)
  --no-roles        generate: skip roller.json.gz, the slowest file after the bulk
  --snapshot TIME   When the bulk file was built, ISO timestamp (default ${DEFAULT_SNAPSHOT})
  --feed-before N   Change feed entries before the snapshot (default: about a week's worth)
  --feed-after N    Change feed entries after the snapshot (default: about a week's worth)
  --dir DIR         serve: a directory written by generate (its bulk file is sent as is)
  --port P          serve: port (default 3010; 0 picks a free one)
  --host H          serve: address to listen on (default 127.0.0.1)
  --help            Show this help`;

function positiveInt(value: string | undefined, name: string, min = 1): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min)
    throw new UsageError(`${name} must be a whole number of at least ${min}, not "${value}"`);
  return Number(value);
}

class UsageError extends Error {}

const OPTIONS = {
  units: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string' },
  'no-roles': { type: 'boolean', default: false },
  snapshot: { type: 'string' },
  'feed-before': { type: 'string' },
  'feed-after': { type: 'string' },
  dir: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
} as const;

export async function runRegistry(args: string[]): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true });
    const [sub, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const snapshot = values.snapshot;
    if (snapshot !== undefined && !Number.isFinite(Date.parse(snapshot)))
      throw new UsageError(`--snapshot "${snapshot}" is not a timestamp`);
    const common = {
      seed: values.seed ?? 'frivillig',
      snapshot,
      feedBefore: positiveInt(values['feed-before'], '--feed-before', 0),
      feedAfter: positiveInt(values['feed-after'], '--feed-after', 0),
    };
    if (sub === 'generate') {
      const units = positiveInt(values.units, '--units');
      if (units === undefined) throw new UsageError('generate needs --units N');
      if (values.dir !== undefined || values.port !== undefined)
        throw new UsageError('--dir and --port belong to serve; generate writes to --out');
      const dir = resolve(values.out ?? 'brreg-data');
      const started = Date.now();
      let lastReported = -1;
      const manifest = await generateRegistryFiles({
        ...common,
        units,
        dir,
        roles: !values['no-roles'],
        onProgress: (written, total) => {
          const percent = Math.floor((written / total) * 10) * 10;
          if (percent !== lastReported) {
            lastReported = percent;
            process.stderr.write(`  bulk file: ${written.toLocaleString('en')} of ${total.toLocaleString('en')} units (${percent} %)\n`);
          }
        },
      });
      const seconds = (Date.now() - started) / 1000;
      console.log(`Wrote a register of ${units.toLocaleString('en')} units (seed "${manifest.seed}") to ${dir} in ${seconds.toFixed(1)} s`);
      console.log(
        `  ${manifest.counts.frivillige.toLocaleString('en')} in Frivillighetsregisteret, ${manifest.counts.feed.Ny} + ${manifest.counts.feed.Endring} + ${manifest.counts.feed.Sletting} + ${manifest.counts.feed.Fjernet} feed entries (Ny, Endring, Sletting, Fjernet)`,
      );
      console.log(`Serve it with: frivillig registry serve --dir ${dir}`);
      return 0;
    }
    if (sub === 'serve') {
      if (values.out !== undefined || values['no-roles']) throw new UsageError('--out and --no-roles belong to generate');
      if (values.dir !== undefined && values.units !== undefined) throw new UsageError('give either --dir or --units, not both');
      const units = positiveInt(values.units, '--units');
      if (values.dir === undefined && units === undefined) throw new UsageError('serve needs --dir DIR or --units N');
      const port = positiveInt(values.port, '--port', 0) ?? 3010;
      if (port > 65535) throw new UsageError(`--port ${port} is not a port`);
      const double = await startRegistryDouble(
        values.dir !== undefined
          ? { dir: resolve(values.dir), port, hostname: values.host }
          : { ...common, units, port, hostname: values.host },
      );
      console.log(
        `Register double (${double.registry.units.toLocaleString('en')} units, seed "${double.registry.seed}") at ${double.baseUrl}`,
      );
      console.log(`  BRREG_ENHETSREGISTERET_URL=${double.enhetsregisteretUrl}`);
      console.log(`  BRREG_FRIVILLIGHETSREGISTERET_URL=${double.frivillighetsregisteretUrl}`);
      await new Promise<void>((done) => {
        const stop = () => void double.close().then(done);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      return 0;
    }
    throw new UsageError(sub ? `unknown subcommand "${sub}"` : 'say generate or serve');
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`frivillig registry: ${(error as Error).message}\n\n${REGISTRY_HELP}`);
      return 1;
    }
    // A directory that holds no register, or a size that does not fit the number space.
    if (error instanceof ManifestError || error instanceof RangeError) {
      console.error(`frivillig registry: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

import { parseArgs } from 'node:util';
import { loadConfig } from '../core/config.ts';
import { createDeps } from '../core/deps.ts';
import { createLogger } from '../core/logger.ts';
import { DEFAULT_BATCH_SIZE, type ImportEnheterResult, importEnheter } from '../features/register/import-enheter.ts';
import { ImportFailedError } from '../features/register/import-errors.ts';
import { importFrivillige } from '../features/register/import-frivillige.ts';
import { importRoller } from '../features/register/import-roller.ts';
import { createProgressReporter, formatCount, formatDuration, formatRate } from '../features/register/progress.ts';
import { ImportBusyError } from '../features/register/register.queries.ts';

export const IMPORT_HELP = `Usage: frivillig import <enheter|frivillige|roller> [options]

Copies Brønnøysundregistrene's open data (NLOD) into the database. Every import can be stopped (Ctrl-C
stops after the current batch) and run again to resume; running it again after it finished changes
only what changed. Records that are not valid are kept in register_quarantine with the reason.

  frivillig import enheter [<file|url>] [--force] [--batch-size N] [--progress-every N]
      Enhetsregisteret's bulk download: a gzip-compressed JSON array of units. A file path or a URL;
      default $BRREG_ENHETSREGISTERET_URL/api/enheter/lastned. register_enheter changes only when the
      whole file has been read: a truncated or corrupt file leaves it as it was. The same file (same
      content, or for a URL the same ETag) resumes an interrupted import, and is not imported again
      once complete unless --force is given.

  frivillig import frivillige [--base-url URL] [--progress-every N]
      Walks Frivillighetsregisteret's listing page by page (cursor, 100 a page). After a complete walk,
      organisations no longer listed get slettet_dato set (they have left the register). A walk that
      fails resumes from the last page stored and never marks anything as gone.
      Default base URL: $BRREG_FRIVILLIGHETSREGISTERET_URL.

  frivillig import roller [--base-url URL] [--orgnr N[,N…]] [--only-missing] [--concurrency N]
      Roles (board, daglig leder, auditor …) of every FLI unit and every organisation in
      Frivillighetsregisteret, or of the units given with --orgnr. A unit without roles (404) is
      stored as having none. --only-missing fetches only units never fetched.
      Default base URL: $BRREG_ENHETSREGISTERET_URL.

Options:
  --force             import the same bulk file again (changes nothing unless the data differ)
  --batch-size N      records per transaction and checkpoint (default ${DEFAULT_BATCH_SIZE})
  --progress-every N  when not on a terminal, print progress every N records (default 100000)
  --base-url URL      the register's address, instead of the configured one
  --orgnr N[,N…]      organisation numbers (repeatable)
  --only-missing      roles only for units never fetched
  --concurrency N     roles requests at once, 1–16 (default 4)
  --help              show this help

Exit status: 0 done, 1 failed (the message says what to do), 130 interrupted (run again to resume).`;

const KINDS = ['enheter', 'frivillige', 'roller'] as const;
type Kind = (typeof KINDS)[number];

class UsageError extends Error {}

function positiveInt(name: string, value: string | undefined, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max}.`);
  return n;
}

function httpUrl(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^https?:\/\/[^/]/i.test(value) || !URL.canParse(value)) throw new UsageError(`--${name} must be an http:// or https:// URL.`);
  return value;
}

function parse(kind: Kind, args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      force: { type: 'boolean' },
      'batch-size': { type: 'string' },
      'progress-every': { type: 'string' },
      'base-url': { type: 'string' },
      orgnr: { type: 'string', multiple: true },
      'only-missing': { type: 'boolean' },
      concurrency: { type: 'string' },
    },
  });
  const allowed: Record<Kind, string[]> = {
    enheter: ['force', 'batch-size', 'progress-every'],
    frivillige: ['base-url', 'progress-every'],
    roller: ['base-url', 'orgnr', 'only-missing', 'concurrency', 'progress-every'],
  };
  for (const key of Object.keys(values)) {
    if (!allowed[kind].includes(key)) throw new UsageError(`--${key} does not apply to "import ${kind}".`);
  }
  if (positionals.length > (kind === 'enheter' ? 1 : 0)) throw new UsageError(`Unexpected argument "${positionals.at(-1)}".`);
  return {
    source: positionals[0],
    force: values.force === true,
    batchSize: positiveInt('batch-size', values['batch-size'], 100_000),
    progressEvery: positiveInt('progress-every', values['progress-every']),
    baseUrl: httpUrl('base-url', values['base-url']),
    orgnrs: values.orgnr?.flatMap((v) => v.split(',')).filter((v) => v.trim() !== ''),
    onlyMissing: values['only-missing'] === true,
    concurrency: positiveInt('concurrency', values.concurrency, 16),
  };
}

const line = (label: string, value: number, note = '') => `  ${label.padEnd(12)} ${formatCount(value).padStart(12)}${note}`;
const rate = (records: number, ms: number) => formatRate(ms > 0 ? (records / ms) * 1000 : 0);

function printEnheter(result: ImportEnheterResult, source: string): number {
  if (result.status === 'already-imported') {
    console.log(
      `This source was already imported completely (run ${result.runId}, ${formatCount(result.read)} records${result.finishedAt ? `, finished ${result.finishedAt.toISOString()}` : ''}). Nothing changed.\nUse --force to import it again.`,
    );
    return 0;
  }
  if (result.status === 'interrupted') {
    console.log(
      `Interrupted after record ${formatCount(result.checkpoint)}; register_enheter was not changed.\nRun the same command with the same source to resume from there.`,
    );
    return 130;
  }
  console.log(
    [
      `Imported enheter from ${source} in ${formatDuration(result.durationMs)} (${rate(result.sessionRecords, result.durationMs)}).`,
      ...(result.resumedFrom > 0 ? [`  resumed at record ${formatCount(result.resumedFrom)}`] : []),
      line('read', result.read),
      line('inserted', result.inserted),
      line('updated', result.updated),
      line('unchanged', result.unchanged),
      line('quarantined', result.quarantined, result.quarantined ? `   (register_quarantine, run ${result.runId})` : ''),
    ].join('\n'),
  );
  return 0;
}

export async function runImport(args: string[]): Promise<number> {
  const [kind, ...rest] = args;
  if (!KINDS.includes(kind as Kind)) {
    console.error(`${kind ? `Unknown import "${kind}".` : 'Say what to import.'}\n\n${IMPORT_HELP}`);
    return 1;
  }
  let options: ReturnType<typeof parse>;
  try {
    options = parse(kind as Kind, rest);
  } catch (error) {
    console.error(`${(error as Error).message}\n\nRun "frivillig import --help" for the options.`);
    return 1;
  }

  const config = loadConfig();
  const stderr = process.stderr;
  // Logs and progress go to stderr, the summary to stdout; a log line first clears the progress line.
  const logger = createLogger(config.LOG_LEVEL, (text) => stderr.write(`${stderr.isTTY ? '\r\x1b[2K' : ''}${text}\n`));
  const deps = await createDeps(config, { logger });
  const progress = createProgressReporter(stderr, { everyRecords: options.progressEvery });
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = () => {
    interrupts++;
    if (interrupts === 1) {
      stderr.write('\nStopping after the current batch … (press Ctrl-C again to stop at once; the import can be resumed either way)\n');
      controller.abort();
    } else {
      process.exit(130);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await deps.database.migrate();
    if (kind === 'enheter') {
      const source = options.source ?? `${config.BRREG_ENHETSREGISTERET_URL}/api/enheter/lastned`;
      const result = await importEnheter(deps, {
        source,
        force: options.force,
        batchSize: options.batchSize,
        signal: controller.signal,
        progress,
        onMerge: (staged) => stderr.write(`Merging ${formatCount(staged)} records into register_enheter …\n`),
      });
      return printEnheter(result, source);
    }
    if (kind === 'frivillige') {
      const result = await importFrivillige(deps, { baseUrl: options.baseUrl, signal: controller.signal, progress });
      const head =
        result.status === 'completed'
          ? `Walked Frivillighetsregisteret in ${formatDuration(result.durationMs)}${result.resumed ? ' (resumed from the stored cursor)' : ''}: ${formatCount(result.pages)} pages.`
          : 'Interrupted; run the same command again to resume from the stored cursor.';
      console.log(
        [
          head,
          line('read', result.read),
          line('inserted', result.inserted),
          line('updated', result.updated),
          line('unchanged', result.unchanged),
          line('quarantined', result.quarantined, result.quarantined ? `   (register_quarantine, run ${result.runId})` : ''),
          ...(result.status === 'completed'
            ? [
                line('left FRR', result.gone, result.gone ? '   (slettet_dato set)' : ''),
                ...(result.withoutEnhet
                  ? [line('not in enheter', result.withoutEnhet, '   (run "frivillig import enheter" to join them)')]
                  : []),
              ]
            : []),
        ].join('\n'),
      );
      return result.status === 'completed' ? 0 : 130;
    }
    const result = await importRoller(deps, {
      baseUrl: options.baseUrl,
      orgnrs: options.orgnrs,
      onlyMissing: options.onlyMissing,
      concurrency: options.concurrency,
      signal: controller.signal,
      progress,
    });
    console.log(
      [
        result.status === 'completed'
          ? `Fetched the roles of ${formatCount(result.units)} units in ${formatDuration(result.durationMs)}${result.resumed ? ' (resumed)' : ''}.`
          : `Interrupted after ${formatCount(result.units)} units; run the same command again to continue with the rest.`,
        line('inserted', result.inserted),
        line('updated', result.updated),
        line('unchanged', result.unchanged),
        line('no roles', result.noRoles),
        line('quarantined', result.quarantined, result.quarantined ? `   (register_quarantine, run ${result.runId})` : ''),
      ].join('\n'),
    );
    return result.status === 'completed' ? 0 : 130;
  } catch (error) {
    progress.stop();
    if (error instanceof ImportFailedError || error instanceof ImportBusyError) {
      console.error(`Import failed: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await deps.database.close();
  }
}

import { parseArgs } from 'node:util';
import { loadConfig } from '../core/config.ts';
import { createDeps } from '../core/deps.ts';
import { createLogger } from '../core/logger.ts';
import { followEnheterFeed } from '../features/register-sync/follow-enheter-feed.ts';
import { followRollerFeed } from '../features/register-sync/follow-roller-feed.ts';
import { syncStates } from '../features/register-sync/register-sync.queries.ts';
import { rewalkFrivillige } from '../features/register-sync/rewalk-frivillige.ts';
import { FOLLOWERS, type Follower } from '../features/register-sync/sync-jobs.ts';

export const SYNC_HELP = `Usage: frivillig sync [enheter] [roller] [frivillige] [--status]

Brings the register copy up to date now, in this process, and says what each step did:
  enheter     follow Enhetsregisteret's update feed (/api/oppdateringer/enheter) from the stored cursor:
              new and changed units are fetched and stored, deleted ones marked, removed ones deleted
  roller      follow the roles feed (/api/oppdateringer/roller) and fetch again the roles of the
              voluntary organisations it names
  frivillige  walk Frivillighetsregisteret again (it has no change feed)
Without names, all three run. A server does the same in the background when REGISTER_SYNC_ENABLED is on
(status page: /admin/registersynk); running this at the same time is safe.

Options:
  --status    print each follower's cursor, last success, failures in a row and last error; run nothing
  --help      show this help

Exit status: 0 all succeeded, 1 a step failed (its error is kept in the status; run again to retry).`;

const NAMES: Record<string, Follower> = { enheter: 'enheter-feed', roller: 'roller-feed', frivillige: 'frivillige-walk' };

export async function runSync(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${SYNC_HELP}`);
    return 1;
  }
  const config = loadConfig();
  // Log lines go to stderr so stdout holds only the summaries.
  const deps = await createDeps(config, { logger: createLogger(config.LOG_LEVEL, (line) => process.stderr.write(`${line}\n`)) });
  try {
    if ((await deps.database.pendingMigrations()) > 0) {
      console.error('The database has pending migrations. Run "frivillig migrate" first.');
      return 1;
    }
    if (parsed.status) {
      for (const s of await syncStates(deps.database.db, FOLLOWERS)) {
        console.log(
          `${s.name}: cursor ${s.cursor ?? '–'}, last success ${s.lastSuccessAt?.toISOString() ?? 'never'}, ` +
            `${s.consecutiveFailures} failure(s) in a row${s.lastError ? `, last error: ${s.lastError}` : ''}`,
        );
      }
      return 0;
    }
    let failed = false;
    const controller = new AbortController();
    const onSignal = () => controller.abort(new Error('interrupted'));
    process.once('SIGINT', onSignal);
    try {
      for (const follower of parsed.followers) {
        try {
          if (follower === 'enheter-feed') {
            const r = await followEnheterFeed(deps, { signal: controller.signal });
            console.log(
              `enheter: ${r.entries} change(s) in ${r.pages} page(s): ${r.upserted} stored, ${r.unchanged} unchanged, ${r.tombstoned} marked deleted, ` +
                `${r.removed} removed, ${r.quarantined} quarantined; cursor ${r.cursor ?? '–'}${r.caughtUp ? ', up to date' : ', more to fetch (run again)'}`,
            );
          } else if (follower === 'roller-feed') {
            const r = await followRollerFeed(deps, { signal: controller.signal });
            console.log(
              `roller: ${r.events} event(s): roles of ${r.units} unit(s) fetched (${r.changed} changed), ${r.outOfScope} outside the voluntary sector, ` +
                `${r.quarantined} quarantined; cursor ${r.cursor ?? '–'}${r.caughtUp ? ', up to date' : ', more to fetch (run again)'}`,
            );
          } else {
            const r = await rewalkFrivillige(deps, { signal: controller.signal });
            console.log(
              `frivillige: ${r.read} organisation(s) in ${r.pages} page(s): ${r.inserted} new, ${r.updated} changed, ${r.quarantined} quarantined` +
                (r.status === 'completed' ? `, ${r.gone} left the register` : ''),
            );
          }
        } catch (error) {
          failed = true;
          console.error(`${follower}: failed: ${error instanceof Error ? error.message : String(error)}`);
          if (controller.signal.aborted) break;
        }
      }
    } finally {
      process.off('SIGINT', onSignal);
    }
    return failed ? 1 : 0;
  } finally {
    await deps.database.close();
  }
}

function parse(args: string[]) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: { status: { type: 'boolean' } } });
  const unknown = positionals.filter((p) => !(p in NAMES));
  if (unknown.length > 0) throw new Error(`Unknown follower(s): ${unknown.join(', ')}. Use enheter, roller or frivillige.`);
  const followers = positionals.length === 0 ? [...FOLLOWERS] : [...new Set(positionals.map((p) => NAMES[p]!))];
  return { status: values.status === true, followers };
}

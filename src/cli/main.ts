import { ConfigError } from '../core/config.ts';
import { runDoctor } from './doctor.ts';
import { IMPORT_HELP, runImport } from './import.ts';
import { runMigrate } from './migrate.ts';
import { REGISTRY_HELP, runRegistry } from './registry.ts';
import { runSeed } from './seed.ts';
import { runServe } from './serve.ts';
import { runSync, SYNC_HELP } from './sync.ts';

/**
 * `npx frivillig <command>`. Each command validates configuration first and exits non-zero with a
 * message naming the bad variable when something is wrong.
 */
const COMMANDS: Record<string, { summary: string; help: string; run: (args: string[]) => Promise<number> }> = {
  serve: {
    summary: 'Start the web server (applies migrations; seeds demo data into an empty embedded database)',
    help: `Usage: frivillig serve [--no-seed]

Starts Frivillig on HOST:PORT (default 127.0.0.1:3000). Pending database migrations are applied first.
On an empty embedded database (no DATABASE_URL) demo data is added and the demo sign-in is printed.

Options:
  --no-seed   Do not add demo data, even to an empty database
  --help      Show this help`,
    run: runServe,
  },
  migrate: {
    summary: 'Apply pending database migrations',
    help: `Usage: frivillig migrate

Applies every pending migration in drizzle/ to the configured database (DATABASE_URL, or the embedded
database in DATA_DIR). Safe to run while other instances start: PostgreSQL migrations take an advisory lock.`,
    run: runMigrate,
  },
  seed: {
    summary: 'Add demo people and organisations',
    help: `Usage: frivillig seed

Adds demo people (one per role) and organisations in different life-event phases. Running it again
changes nothing. Demo passwords only work with the built-in local sign-in (when OIDC is not configured).`,
    run: runSeed,
  },
  import: {
    summary: 'Import register data: Enhetsregisteret bulk file, Frivillighetsregisteret, roles (resumable)',
    help: IMPORT_HELP,
    run: runImport,
  },
  sync: {
    summary: 'Bring the register copy up to date now from the update feeds (what the server does in the background)',
    help: SYNC_HELP,
    run: runSync,
  },
  registry: {
    summary: 'Generate a Brønnøysund-like register, or serve one like data.brreg.no (tests and demos)',
    help: REGISTRY_HELP,
    run: runRegistry,
  },
  doctor: {
    summary: 'Check configuration, database and data directory, and say how to fix problems',
    help: `Usage: frivillig doctor

Checks the environment variables, that the data directory is writable (embedded database), that the
database answers and its migrations are applied, and the sign-in and e-mail settings. Exits 1 if any
check fails.`,
    run: runDoctor,
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return `Usage: frivillig <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
  .join('\n')}

Run "frivillig <command> --help" for a command's options. Configuration is read from environment
variables; see README.md.`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${usage()}`);
    return 1;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.help);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`${error.message}\n\nFix the variable(s) above and try again. "frivillig doctor" checks the whole setup.`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));

import { accessSync, constants, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { type Config, ConfigError, loadConfig } from '../core/config.ts';
import { type Database, openDatabase } from '../core/db/client.ts';

interface Check {
  name: string;
  ok: boolean;
  detail: string;
  fix?: string;
}

/** Runs every check it can (a failed one does not stop the rest) and prints what to do about failures. */
export async function runDoctor(): Promise<number> {
  const checks: Check[] = [];
  let config: Config | null = null;
  try {
    config = loadConfig();
    checks.push({ name: 'configuration', ok: true, detail: 'all environment variables are valid' });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const p of error.problems) {
      checks.push({
        name: `configuration: ${p.variable}`,
        ok: false,
        detail: p.message,
        fix: `Set ${p.variable} to a valid value, or unset it to use the default (see README.md, "Configuration").`,
      });
    }
  }
  if (config) {
    if (!config.DATABASE_URL) {
      const dir = resolve(config.DATA_DIR);
      try {
        mkdirSync(dir, { recursive: true });
        accessSync(dir, constants.W_OK);
        checks.push({ name: 'data directory', ok: true, detail: `${dir} is writable (embedded PGlite database)` });
      } catch (error) {
        checks.push({
          name: 'data directory',
          ok: false,
          detail: `${dir}: ${(error as Error).message}`,
          fix: 'Point DATA_DIR at a directory this user can write, or set DATABASE_URL to use a PostgreSQL server.',
        });
      }
    }
    let database: Database | null = null;
    try {
      database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
      await database.db.execute(sql`select 1`);
      checks.push({ name: 'database', ok: true, detail: `${database.engine} answers` });
      const pending = await database.pendingMigrations();
      checks.push(
        pending === 0
          ? { name: 'migrations', ok: true, detail: 'all applied' }
          : {
              name: 'migrations',
              ok: false,
              detail: `${pending} pending`,
              fix: 'Run "npx frivillig migrate" (serve also applies them at start).',
            },
      );
    } catch (error) {
      checks.push({
        name: 'database',
        ok: false,
        detail: (error as Error).message,
        fix: config.DATABASE_URL
          ? 'Check that the PostgreSQL server runs and that DATABASE_URL has the right host, port, user, password and database.'
          : 'The embedded database could not open. Another Frivillig process may be using DATA_DIR; stop it, or use another DATA_DIR.',
      });
    } finally {
      await database?.close().catch(() => {});
    }
    if (config.NODE_ENV === 'production' && !config.PUBLIC_URL) {
      checks.push({
        name: 'public URL',
        ok: false,
        detail: 'PUBLIC_URL is not set',
        fix: 'Set PUBLIC_URL to the https address users reach, e.g. https://frivillig.example.no',
      });
    }
    if (config.oidcEnabled) {
      try {
        const res = await fetch(new URL('.well-known/openid-configuration', `${config.OIDC_ISSUER!.replace(/\/$/, '')}/`), {
          signal: AbortSignal.timeout(5000),
        });
        checks.push(
          res.ok
            ? { name: 'sign-in (OIDC)', ok: true, detail: `${config.OIDC_ISSUER} publishes its configuration` }
            : {
                name: 'sign-in (OIDC)',
                ok: false,
                detail: `discovery answered ${res.status}`,
                fix: 'Check OIDC_ISSUER: it must be the issuer URL without /.well-known/….',
              },
        );
      } catch (error) {
        checks.push({
          name: 'sign-in (OIDC)',
          ok: false,
          detail: (error as Error).message,
          fix: 'Check OIDC_ISSUER and that this machine can reach the provider.',
        });
      }
    } else {
      checks.push({
        name: 'sign-in',
        ok: true,
        detail: 'built-in local sign-in (demo mode); set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET for ID-porten',
      });
    }
    if (config.SMTP_URL) {
      try {
        await nodemailer.createTransport(config.SMTP_URL).verify();
        checks.push({ name: 'e-mail', ok: true, detail: 'SMTP server accepts connections' });
      } catch (error) {
        checks.push({
          name: 'e-mail',
          ok: false,
          detail: (error as Error).message,
          fix: 'Check SMTP_URL (smtp://user:password@host:port).',
        });
      }
    } else {
      checks.push({ name: 'e-mail', ok: true, detail: 'no SMTP_URL: e-mails are written to the log (fine for demos, not for production)' });
    }
    // Registration packages hold fødselsnummer until Brønnøysund has received them (src/features/registration).
    checks.push(
      config.fnrKeyIsDevelopmentDefault && config.DATABASE_URL
        ? {
            name: 'fødselsnummer key',
            ok: false,
            detail: 'FNR_ENCRYPTION_KEY is not set: the built-in development key is in use with a PostgreSQL server',
            fix: 'Set FNR_ENCRYPTION_KEY to 32 random bytes (openssl rand -hex 32) and keep it secret.',
          }
        : {
            name: 'fødselsnummer key',
            ok: true,
            detail: config.fnrKeyIsDevelopmentDefault ? 'development key (embedded demo only)' : 'FNR_ENCRYPTION_KEY is set',
          },
    );
    checks.push({
      name: 'electronic intake',
      ok: true,
      detail: config.maskinporten
        ? `registration packages are sent to ${config.mottakUrl} (Maskinporten client ${config.maskinporten.clientId})`
        : 'Maskinporten is not configured: registration packages are prepared and downloaded, not sent',
    });
  }
  for (const c of checks) {
    console.log(`${c.ok ? '✓' : '✗'} ${c.name}: ${c.detail}`);
    if (!c.ok && c.fix) console.log(`    → ${c.fix}`);
  }
  const failed = checks.filter((c) => !c.ok).length;
  console.log(failed === 0 ? '\nEverything looks fine.' : `\n${failed} problem(s) found.`);
  return failed === 0 ? 0 : 1;
}

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isValidOrgnr, normaliseOrgnr } from './validators/orgnr.ts';

/**
 * Configuration comes only from environment variables (twelve-factor), validated once at start-up so a
 * bad value stops the process with a message naming the variable instead of failing later at random.
 */
const booleanFromEnv = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

/** An http(s) base URL without a trailing slash, so callers can append `/api/…`. */
const httpBaseUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).transform((v) => v.replace(/\/+$/, ''));

const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    PUBLIC_URL: z.url().optional(),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    COOKIE_SECURE: booleanFromEnv.default(true),
    /** Reverse proxies in front of the app that append to X-Forwarded-For (0: clients connect directly). */
    /** Local accounts one client address may create per hour (built-in sign-in only). */
    REGISTRATIONS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).default(10),
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(60),
    SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_SCOPES: z.string().default('openid profile'),
    OIDC_ALLOW_HTTP_ISSUER: booleanFromEnv.default(false),
    OIDC_NAME: z.string().default('ID-porten'),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    MAIL_FROM: z.string().default('Frivillig <ikke-svar@frivillig.localhost>'),
    // Brønnøysundregistrene's open APIs (NLOD). Paths such as /api/enheter are appended, so a local double or a
    // mirror can stand in for the real registers by changing only these (brief §1, §2.3).
    BRREG_ENHETSREGISTERET_URL: httpBaseUrl.default('https://data.brreg.no/enhetsregisteret'),
    BRREG_FRIVILLIGHETSREGISTERET_URL: httpBaseUrl.default('https://data.brreg.no/frivillighetsregisteret'),
    // Background sync from the registers' update feeds (register-sync). Unset, it is on with a PostgreSQL server
    // (production) and off for the embedded demo, which should not call out to Brønnøysund by itself.
    REGISTER_SYNC_ENABLED: booleanFromEnv.optional(),
    REGISTER_SYNC_INTERVAL_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(10),
    // ---------- årshjul reminders (src/features/calendar) ----------
    // Days before each deadline that a member who asked for reminders is e-mailed, e.g. "14,3".
    CALENDAR_REMINDER_DAYS: z
      .string()
      .regex(/^\s*\d{1,3}(\s*,\s*\d{1,3})*\s*$/, 'must be whole numbers of days separated by commas, e.g. 14,3')
      .transform((v) => [...new Set(v.split(',').map((n) => Number(n.trim())))].sort((a, b) => b - a))
      .refine((days) => days.every((d) => d <= 365), 'each number of days must be at most 365')
      .default([14, 3]),
    // ---------- registration package (src/features/registration) ----------
    // Key for fødselsnummer at rest (AES-256-GCM): 32 random bytes as 64 hex digits or base64 (`openssl rand -hex 32`).
    FNR_ENCRYPTION_KEY: z
      .string()
      .refine((v) => parseFnrKey(v) !== null, 'must be 32 random bytes written as 64 hex digits or as base64 (openssl rand -hex 32)')
      .optional(),
    // Brønnøysundregistrene's electronic intake (brief §4.4); `/inbound/upload` and `/outbound/…` are appended.
    // Unset: production (NODE_ENV=production) uses https://mottak.brreg.no, everything else the test environment.
    BRREG_MOTTAK_URL: httpBaseUrl.optional(),
    // The Melding's tjeneste/tjenestehandling for Samordnet registermelding. UNVERIFIED (brief §4.4, §8 item 10):
    // the public sources do not name the values, so they are configuration, to be set from Brønnøysund's answer.
    BRREG_MOTTAK_TJENESTE: z.string().min(1).max(64).default('samordnetregistermelding'),
    BRREG_MOTTAK_TJENESTEHANDLING: z.string().min(1).max(64).default('nyregistrering'),
    // Avsender: the organisation number of whoever runs this service (the Maskinporten client's organisation).
    BRREG_MOTTAK_AVSENDER_ORGNR: z
      .string()
      .refine((v) => isValidOrgnr(v), 'must be a valid organisasjonsnummer (9 digits, MOD11)')
      .transform(normaliseOrgnr)
      .optional(),
    // Maskinporten (scope brreg:mottak): JWT grant with a registered RSA key. All of client id, kid and a key are
    // needed to send packages electronically; without them packages are prepared and downloaded only.
    MASKINPORTEN_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
    MASKINPORTEN_TOKEN_URL: z.url({ protocol: /^https?$/ }).optional(),
    MASKINPORTEN_CLIENT_ID: z.string().min(1).optional(),
    MASKINPORTEN_KID: z.string().min(1).optional(),
    MASKINPORTEN_PRIVATE_KEY: z.string().min(1).optional(),
    MASKINPORTEN_PRIVATE_KEY_FILE: z.string().min(1).optional(),
    MASKINPORTEN_SCOPE: z.string().min(1).default('brreg:mottak'),
    REGISTRATION_POLL_INTERVAL_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  })
  .superRefine((c, ctx) => {
    const oidc = [c.OIDC_ISSUER, c.OIDC_CLIENT_ID, c.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      for (const key of ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const) {
        if (!c[key]) {
          ctx.addIssue({ code: 'custom', path: [key], message: 'is required when any OIDC_* variable is set' });
        }
      }
    }
    if (c.NODE_ENV === 'production' && !c.SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'is required in production' });
    }
    // The development key only protects the embedded demo's made-up numbers; real ones need a real key.
    if (c.NODE_ENV === 'production' && !c.FNR_ENCRYPTION_KEY) {
      ctx.addIssue({ code: 'custom', path: ['FNR_ENCRYPTION_KEY'], message: 'is required in production' });
    }
    const maskinporten = ['MASKINPORTEN_CLIENT_ID', 'MASKINPORTEN_KID'] as const;
    const keyGiven = Boolean(c.MASKINPORTEN_PRIVATE_KEY || c.MASKINPORTEN_PRIVATE_KEY_FILE);
    if (c.MASKINPORTEN_PRIVATE_KEY && c.MASKINPORTEN_PRIVATE_KEY_FILE) {
      ctx.addIssue({
        code: 'custom',
        path: ['MASKINPORTEN_PRIVATE_KEY_FILE'],
        message: 'set either MASKINPORTEN_PRIVATE_KEY or MASKINPORTEN_PRIVATE_KEY_FILE, not both',
      });
    }
    if (maskinporten.some((k) => c[k]) || keyGiven) {
      for (const key of maskinporten) {
        if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when any MASKINPORTEN_* variable is set' });
      }
      if (!keyGiven)
        ctx.addIssue({
          code: 'custom',
          path: ['MASKINPORTEN_PRIVATE_KEY'],
          message: 'is required (or MASKINPORTEN_PRIVATE_KEY_FILE) when any MASKINPORTEN_* variable is set',
        });
      if (!c.BRREG_MOTTAK_AVSENDER_ORGNR) {
        ctx.addIssue({ code: 'custom', path: ['BRREG_MOTTAK_AVSENDER_ORGNR'], message: 'is required when Maskinporten is configured' });
      }
    }
    if (c.NODE_ENV === 'production') {
      for (const key of ['BRREG_MOTTAK_URL', 'MASKINPORTEN_ISSUER', 'MASKINPORTEN_TOKEN_URL'] as const) {
        if (c[key]?.startsWith('http://')) ctx.addIssue({ code: 'custom', path: [key], message: 'must use https in production' });
      }
    }
  });

export type RawConfig = z.infer<typeof configSchema>;

export interface Config extends Omit<RawConfig, 'SESSION_SECRET'> {
  SESSION_SECRET: string;
  /** Where users reach the service; used for absolute links in e-mails and OIDC redirect URIs. */
  publicUrl: string;
  oidcEnabled: boolean;
  /** The built-in e-mail + password sign-in is for demos and the embedded default only. */
  localSignInEnabled: boolean;
  /** REGISTER_SYNC_ENABLED, or by default: on with DATABASE_URL, off for the embedded database. */
  registerSyncEnabled: boolean;
  /** FNR_ENCRYPTION_KEY as bytes, or the development key (never in production). */
  fnrEncryptionKey: Buffer;
  fnrKeyIsDevelopmentDefault: boolean;
  /** The electronic intake's base URL (BRREG_MOTTAK_URL or the default for NODE_ENV). */
  mottakUrl: string;
  /** Set when Maskinporten is configured: packages can then be sent electronically. */
  maskinporten: { issuer: string; tokenUrl: string; clientId: string; kid: string; privateKeyPem: string; scope: string } | null;
}

export class ConfigError extends Error {
  constructor(public readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** A development secret is derived from the data dir so restarts keep sessions; production must set one. */
const DEV_SECRET = 'frivillig-development-secret-not-for-production-use';

/** FNR_ENCRYPTION_KEY: 32 bytes as 64 hex digits or base64 (standard or URL-safe). Null when it is neither. */
export function parseFnrKey(text: string): Buffer | null {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    const bytes = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    return bytes.length === 32 ? bytes : null;
  }
  return null;
}

/** Only for the embedded demo and tests: production refuses to start without FNR_ENCRYPTION_KEY. */
const DEV_FNR_KEY = createHash('sha256').update('frivillig-development-fnr-key-not-for-production-use').digest();

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Treat empty strings as unset: `FOO= npx frivillig serve` should not be "invalid".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? '(unknown)'), message: issue.message })));
  }
  const c = parsed.data;
  const oidcEnabled = Boolean(c.OIDC_ISSUER && c.OIDC_CLIENT_ID && c.OIDC_CLIENT_SECRET);
  return {
    ...c,
    SESSION_SECRET: c.SESSION_SECRET ?? DEV_SECRET,
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    oidcEnabled,
    localSignInEnabled: !oidcEnabled,
    registerSyncEnabled: c.REGISTER_SYNC_ENABLED ?? Boolean(c.DATABASE_URL),
    fnrEncryptionKey: c.FNR_ENCRYPTION_KEY ? parseFnrKey(c.FNR_ENCRYPTION_KEY)! : DEV_FNR_KEY,
    fnrKeyIsDevelopmentDefault: !c.FNR_ENCRYPTION_KEY,
    mottakUrl: c.BRREG_MOTTAK_URL ?? (c.NODE_ENV === 'production' ? 'https://mottak.brreg.no' : 'https://mottak.ppe.brreg.no'),
    maskinporten: maskinportenSettings(c),
  };
}

/** Maskinporten's issuer identifier (the JWT grant's `aud`) and token endpoint; the key read once at start-up. */
function maskinportenSettings(c: RawConfig): Config['maskinporten'] {
  if (!c.MASKINPORTEN_CLIENT_ID || !c.MASKINPORTEN_KID) return null;
  const issuer = c.MASKINPORTEN_ISSUER ?? (c.NODE_ENV === 'production' ? 'https://maskinporten.no/' : 'https://test.maskinporten.no/');
  let privateKeyPem = c.MASKINPORTEN_PRIVATE_KEY?.replace(/\\n/g, '\n') ?? '';
  if (c.MASKINPORTEN_PRIVATE_KEY_FILE) {
    try {
      privateKeyPem = readFileSync(c.MASKINPORTEN_PRIVATE_KEY_FILE, 'utf8');
    } catch (error) {
      throw new ConfigError([{ variable: 'MASKINPORTEN_PRIVATE_KEY_FILE', message: `cannot be read: ${(error as Error).message}` }]);
    }
  }
  if (!/-----BEGIN (RSA )?PRIVATE KEY-----/.test(privateKeyPem)) {
    const variable = c.MASKINPORTEN_PRIVATE_KEY_FILE ? 'MASKINPORTEN_PRIVATE_KEY_FILE' : 'MASKINPORTEN_PRIVATE_KEY';
    throw new ConfigError([{ variable, message: 'must be a PEM RSA private key (-----BEGIN PRIVATE KEY-----)' }]);
  }
  return {
    issuer,
    tokenUrl: c.MASKINPORTEN_TOKEN_URL ?? new URL('token', issuer.endsWith('/') ? issuer : `${issuer}/`).toString(),
    clientId: c.MASKINPORTEN_CLIENT_ID,
    kid: c.MASKINPORTEN_KID,
    privateKeyPem,
    scope: c.MASKINPORTEN_SCOPE,
  };
}

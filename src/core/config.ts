import { z } from 'zod';

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
}

export class ConfigError extends Error {
  constructor(public readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** A development secret is derived from the data dir so restarts keep sessions; production must set one. */
const DEV_SECRET = 'frivillig-development-secret-not-for-production-use';

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
  };
}

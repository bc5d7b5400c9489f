import { randomBytes } from 'node:crypto';

/**
 * The environment for Frivillig children: ours, minus every setting the app reads (so a developer's .env-style
 * exports cannot change what is measured), plus the benchmark's own.
 */
export function appEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    const appSetting =
      /^(OIDC_|SMTP_|BRREG_|SESSION_|FNR_|MASKINPORTEN_|REGISTER_)/.test(k) ||
      ['PORT', 'HOST', 'DATABASE_URL', 'DATA_DIR', 'PUBLIC_URL', 'COOKIE_SECURE', 'MAIL_FROM', 'LOG_LEVEL', 'NODE_ENV'].includes(k);
    if (!appSetting) env[k] = v;
  }
  return { ...env, ...settings };
}

/**
 * Settings of a measured `frivillig serve` on 127.0.0.1:port: production mode with throw-away secrets (the
 * settings production requires), no per-request log line (the figures are the app, not stdout), plain http,
 * and no background register sync (it would call Brønnøysund, and compete with what is measured).
 */
export function serverSettings(port: number): Record<string, string> {
  return {
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    NODE_ENV: 'production',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    FNR_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    COOKIE_SECURE: 'false',
    LOG_LEVEL: 'warn',
    REGISTER_SYNC_ENABLED: 'false',
  };
}

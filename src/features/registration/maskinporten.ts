import { createPrivateKey, type KeyObject, randomUUID, sign } from 'node:crypto';

/**
 * Access tokens for Brønnøysundregistrene's electronic intake, which is protected by the Maskinporten scope
 * `brreg:mottak` (brief §4.4; brreg/docs "Elektronisk mottak"). The submission adapter asks a `TokenProvider`
 * for a token and never knows how it was obtained.
 *
 * The real provider is Maskinporten's JWT grant (RFC 7523; docs.digdir.no "JWT grant"): the client signs a short
 * JWT with its registered key — header {alg: RS256, kid}, claims {aud: Maskinporten's issuer identifier, iss: the
 * client id, scope, iat, exp ≤ 120 s later, jti} — and POSTs it to the token endpoint as
 * `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=…`. The answer is {access_token, expires_in}.
 * The token endpoint, the issuer and the key come from configuration, so tests run against a local token endpoint
 * (maskinporten-double.ts) with a key made for the test.
 */

export interface TokenProvider {
  /** A bearer token for the scope; cached until shortly before it expires. */
  getToken(opts?: { signal?: AbortSignal; forceRefresh?: boolean }): Promise<string>;
}

export class TokenError extends Error {
  constructor(
    message: string,
    public readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'TokenError';
  }
}

export interface MaskinportenOptions {
  tokenUrl: string;
  /** Maskinporten's issuer identifier, the grant's `aud` (production `https://maskinporten.no/`). */
  audience: string;
  clientId: string;
  /** Key id of the client's registered public key (Maskinporten needs `kid` or `x5c`). */
  kid: string;
  /** PEM (PKCS#8 or PKCS#1) RSA private key. */
  privateKeyPem: string;
  scope: string;
  fetch?: typeof fetch;
  now?: () => Date;
  timeoutMs?: number;
}

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** Builds and signs the JWT grant (RS256). Exported for the test that checks its claims. */
export function buildJwtGrant(opts: { key: KeyObject; kid: string; audience: string; clientId: string; scope: string; now: Date }): string {
  const iat = Math.floor(opts.now.getTime() / 1000);
  const header = { alg: 'RS256', kid: opts.kid };
  // Only the documented claims: Maskinporten answers 400 "Invalid assertion" to unknown ones.
  const claims = { aud: opts.audience, iss: opts.clientId, scope: opts.scope, iat, exp: iat + 100, jti: randomUUID() };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  const signature = sign('sha256', Buffer.from(input), opts.key);
  return `${input}.${b64url(signature)}`;
}

export function createMaskinportenTokenProvider(opts: MaskinportenOptions): TokenProvider {
  const key = createPrivateKey(opts.privateKeyPem);
  if (key.asymmetricKeyType !== 'rsa') throw new Error('the Maskinporten key must be an RSA private key (RS256)');
  const doFetch = opts.fetch ?? fetch;
  const now = opts.now ?? (() => new Date());
  let cached: { token: string; expiresAt: number } | null = null;
  let inFlight: Promise<string> | null = null;

  const fetchToken = async (signal?: AbortSignal): Promise<string> => {
    const assertion = buildJwtGrant({
      key,
      kid: opts.kid,
      audience: opts.audience,
      clientId: opts.clientId,
      scope: opts.scope,
      now: now(),
    });
    const timeout = AbortSignal.timeout(opts.timeoutMs ?? 15_000);
    let res: Response;
    try {
      res = await doFetch(opts.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      throw new TokenError(`Maskinporten could not be reached: ${(error as Error).message}`, true);
    }
    const text = await res.text();
    if (!res.ok) {
      // 400/401 mean our grant was refused (client, key or scope): retrying the same grant does not help.
      let detail = text.slice(0, 300);
      try {
        const body = JSON.parse(text) as { error?: string; error_description?: string };
        detail = [body.error, body.error_description].filter(Boolean).join(': ') || detail;
      } catch {}
      throw new TokenError(`Maskinporten refused the token request (${res.status}): ${detail}`, res.status >= 500 || res.status === 429);
    }
    let body: { access_token?: unknown; expires_in?: unknown };
    try {
      body = JSON.parse(text);
    } catch {
      throw new TokenError('Maskinporten answered with something that is not JSON', true);
    }
    if (typeof body.access_token !== 'string' || body.access_token === '') {
      throw new TokenError('Maskinporten answered without an access_token', true);
    }
    const lifetime = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 120;
    // Renew a minute early (or halfway for short tokens) so a token never expires on its way to the intake.
    const margin = Math.min(60, lifetime / 2);
    cached = { token: body.access_token, expiresAt: now().getTime() + (lifetime - margin) * 1000 };
    return body.access_token;
  };

  return {
    async getToken(o = {}) {
      if (!o.forceRefresh && cached && cached.expiresAt > now().getTime()) return cached.token;
      // Concurrent callers share one request.
      if (!inFlight) inFlight = fetchToken(o.signal).finally(() => (inFlight = null));
      return inFlight;
    },
  };
}

import { createPublicKey, type KeyObject, randomBytes, verify } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/**
 * For tests and local development only: a token endpoint on loopback that checks JWT grants the way Maskinporten
 * documents them (docs.digdir.no "JWT grant" and "/token": form POST with grant_type
 * urn:ietf:params:oauth:grant-type:jwt-bearer and the signed assertion; RS256 with a registered `kid`; `aud` equal to
 * the issuer identifier; `iss` the client id; `scope`; `iat`, and `exp` at most 120 s later; no replayed `jti`) and
 * answers {access_token, token_type, expires_in, scope} or 400 {error, error_description}. The intake double asks it
 * whether a bearer token is valid for `brreg:mottak`. Production never starts it.
 */

export interface MaskinportenDouble {
  /** The issuer identifier (the grant's `aud`), with a trailing slash like Maskinporten's. */
  issuer: string;
  tokenUrl: string;
  /** Every grant received, decoded (valid or not). */
  grants: { header: Record<string, unknown>; claims: Record<string, unknown>; accepted: boolean; reason?: string }[];
  isValidToken(token: string, scope: string): boolean;
  /** Makes every issued token invalid (as if expired), to test the client's refresh. */
  revokeAll(): void;
  /** Lifetime of issued tokens in seconds (default 120). */
  tokenLifetimeSeconds: number;
  /** Answer the next requests with this status instead (e.g. 503), once per entry. */
  faults: number[];
  close(): Promise<void>;
}

export async function startMaskinportenDouble(opts: {
  clientId: string;
  kid: string;
  publicKeyPem: string;
  scopes?: string[];
  now?: () => Date;
}): Promise<MaskinportenDouble> {
  const publicKey: KeyObject = createPublicKey(opts.publicKeyPem);
  const allowedScopes = new Set(opts.scopes ?? ['brreg:mottak']);
  const now = opts.now ?? (() => new Date());
  const tokens = new Map<string, { scope: Set<string>; expiresAt: number }>();
  const seenJti = new Set<string>();
  const app = new Hono();
  const double: MaskinportenDouble = {
    issuer: '',
    tokenUrl: '',
    grants: [],
    tokenLifetimeSeconds: 120,
    faults: [],
    isValidToken(token, scope) {
      const t = tokens.get(token);
      return Boolean(t && t.expiresAt > now().getTime() && t.scope.has(scope));
    },
    revokeAll() {
      tokens.clear();
    },
    close: async () => {},
  };

  const refuse = (c: { json: (b: unknown, s: 400) => Response }, description: string) =>
    c.json({ error: 'invalid_grant', error_description: description }, 400);

  app.post('/token', async (c) => {
    const fault = double.faults.shift();
    if (fault) return c.json({ error: 'server_error', error_description: 'injected fault' }, fault as 500);
    const form = await c.req.parseBody();
    if (form.grant_type !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      return c.json({ error: 'unsupported_grant_type', error_description: 'grant_type must be jwt-bearer' }, 400);
    }
    const assertion = typeof form.assertion === 'string' ? form.assertion : '';
    const parts = assertion.split('.');
    if (parts.length !== 3) return refuse(c, 'Invalid assertion: not a JWT');
    let header: Record<string, unknown>;
    let claims: Record<string, unknown>;
    try {
      header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'));
      claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
    } catch {
      return refuse(c, 'Invalid assertion: not a JWT');
    }
    const record = (accepted: boolean, reason?: string) => double.grants.push({ header, claims, accepted, reason });
    const fail = (reason: string) => {
      record(false, reason);
      return refuse(c, `Invalid assertion: ${reason}`);
    };
    if (header.alg !== 'RS256') return fail('alg must be RS256');
    if (header.kid !== opts.kid) return fail('unknown kid');
    const signatureOk = verify('sha256', Buffer.from(`${parts[0]}.${parts[1]}`), publicKey, Buffer.from(parts[2]!, 'base64url'));
    if (!signatureOk) return fail('signature does not verify');
    const allowed = new Set(['aud', 'iss', 'scope', 'iat', 'exp', 'jti', 'resource', 'consumer_org']);
    const unknown = Object.keys(claims).filter((k) => !allowed.has(k));
    if (unknown.length) return fail(`unknown claims ${unknown.join(', ')}`);
    if (claims.aud !== double.issuer) return fail(`aud must be ${double.issuer}`);
    if (claims.iss !== opts.clientId) return fail('unknown client');
    const nowSeconds = Math.floor(now().getTime() / 1000);
    if (typeof claims.iat !== 'number' || typeof claims.exp !== 'number') return fail('iat and exp are required');
    if (claims.iat > nowSeconds + 10) return fail('iat is in the future');
    if (claims.exp <= nowSeconds) return fail('the grant has expired');
    if (claims.exp - claims.iat > 120) return fail('exp may be at most 120 seconds after iat');
    if (typeof claims.jti !== 'string' || seenJti.has(claims.jti)) return fail('jti missing or replayed');
    seenJti.add(claims.jti);
    const scopes = String(claims.scope ?? '')
      .split(' ')
      .filter(Boolean);
    if (scopes.length === 0 || scopes.some((s) => !allowedScopes.has(s))) return fail('the client may not use this scope');
    record(true);
    const token = randomBytes(24).toString('base64url');
    tokens.set(token, { scope: new Set(scopes), expiresAt: now().getTime() + double.tokenLifetimeSeconds * 1000 });
    return c.json({ access_token: token, token_type: 'Bearer', expires_in: double.tokenLifetimeSeconds, scope: scopes.join(' ') });
  });

  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve, reject) => {
    if (server.listening) return resolve();
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  double.issuer = `http://127.0.0.1:${port}/`;
  double.tokenUrl = `http://127.0.0.1:${port}/token`;
  double.close = () =>
    new Promise<void>((resolve) => {
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      server.close(() => resolve());
    });
  return double;
}

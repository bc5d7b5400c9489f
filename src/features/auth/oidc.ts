import { eq, lt } from 'drizzle-orm';
import * as client from 'openid-client';
import { safeEqual } from '../../core/crypto.ts';
import type { Db } from '../../core/db/client.ts';
import { oidcLoginStates, users } from '../../core/db/schema.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';

/**
 * OpenID Connect sign-in (authorization code + PKCE), configured by issuer URL, client id and secret so
 * ID-porten — or any certified provider — can be plugged in without code changes.
 */
export const CALLBACK_PATH = '/logg-inn/oidc/callback';
/** A login must complete within this time; older state rows are refused and purged. */
export const STATE_TTL_MS = 10 * 60_000;

const discovered = new Map<string, Promise<client.Configuration>>();

/** The provider's metadata; a provider that cannot be reached is a 503 with a message, not a crash. */
async function configuration(deps: Deps): Promise<client.Configuration> {
  try {
    return await discover(deps);
  } catch (error) {
    if (error instanceof AppError) throw error;
    deps.logger.error('oidc: discovery failed', { error });
    throw new AppError('unavailable', 'auth.error.oidcUnavailable', { provider: deps.config.OIDC_NAME });
  }
}

function discover(deps: Deps): Promise<client.Configuration> {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_ALLOW_HTTP_ISSUER } = deps.config;
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) throw new AppError('not_found', 'error.notFound.body');
  const key = `${OIDC_ISSUER}|${OIDC_CLIENT_ID}`;
  let config = discovered.get(key);
  if (!config) {
    config = client.discovery(
      new URL(OIDC_ISSUER),
      OIDC_CLIENT_ID,
      OIDC_CLIENT_SECRET,
      undefined,
      // Plain http is only for a provider on loopback in tests and local development.
      OIDC_ALLOW_HTTP_ISSUER ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    // A failed discovery (provider down) must be retried on the next sign-in, not cached forever.
    config.catch(() => discovered.delete(key));
    discovered.set(key, config);
  }
  return config;
}

/**
 * Starts a sign-in: returns the provider URL and the state, which the caller also binds to the browser
 * (a cookie), so a callback URL made by someone else cannot sign this browser in.
 */
export async function beginOidcSignIn(deps: Deps, opts: { returnTo: string }): Promise<{ url: string; state: string }> {
  const config = await configuration(deps);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  // Each visit to the sign-in start writes a row; abandoned ones are purged here so the table stays small.
  await deps.database.db.delete(oidcLoginStates).where(lt(oidcLoginStates.createdAt, new Date(deps.now().getTime() - STATE_TTL_MS)));
  await deps.database.db.insert(oidcLoginStates).values({
    state,
    codeVerifier,
    nonce,
    returnTo: opts.returnTo,
    createdAt: deps.now(),
  });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: `${deps.config.publicUrl}${CALLBACK_PATH}`,
    scope: deps.config.OIDC_SCOPES,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, state };
}

/**
 * Completes the flow: the state must be the one this browser started with (`browserState`, from its
 * cookie) and is single use (deleted as it is read), the code is exchanged with the PKCE verifier, the
 * id_token's nonce is checked, and the person is found or created by issuer+subject.
 */
export async function completeOidcSignIn(
  deps: Deps,
  opts: { callbackUrl: URL; browserState: string | undefined },
): Promise<{ userId: string; idToken: string | null; returnTo: string }> {
  const state = opts.callbackUrl.searchParams.get('state');
  if (!state) throw new AppError('validation', 'auth.error.oidcFailed');
  if (!opts.browserState || !safeEqual(opts.browserState, state)) {
    deps.logger.warn('oidc: callback state does not belong to this browser');
    throw new AppError('validation', 'auth.error.oidcFailed');
  }
  const { db } = deps.database;
  const [saved] = await db.delete(oidcLoginStates).where(eq(oidcLoginStates.state, state)).returning();
  if (!saved || deps.now().getTime() - saved.createdAt.getTime() > STATE_TTL_MS) {
    throw new AppError('validation', 'auth.error.oidcFailed');
  }
  const config = await configuration(deps);
  // The provider redirected to our public URL; rebuild it so redirect_uri matches exactly.
  const external = new URL(`${deps.config.publicUrl}${CALLBACK_PATH}${opts.callbackUrl.search}`);
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, external, {
      pkceCodeVerifier: saved.codeVerifier,
      expectedState: state,
      expectedNonce: saved.nonce,
    });
  } catch (error) {
    deps.logger.warn('oidc: code exchange failed', { error });
    throw new AppError('validation', 'auth.error.oidcFailed');
  }
  const claims = tokens.claims();
  if (!claims) throw new AppError('validation', 'auth.error.oidcFailed');
  const subject = `${claims.iss}|${claims.sub}`;
  const name =
    (typeof claims.name === 'string' && claims.name) ||
    [claims.given_name, claims.family_name].filter((p) => typeof p === 'string' && p).join(' ') ||
    (typeof claims.email === 'string' && claims.email) ||
    claims.sub;
  const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : null;
  const userId = await findOrCreateOidcUser(db, { subject, name, email });
  return { userId, idToken: tokens.id_token ?? null, returnTo: saved.returnTo };
}

/**
 * The person is identified by issuer+subject only. An e-mail address that already belongs to another
 * account (say a local one) is not a reason to link the two: the new account is made without it.
 */
async function findOrCreateOidcUser(db: Db, v: { subject: string; name: string; email: string | null }): Promise<string> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.oidcSubject, v.subject));
  if (existing) {
    await db.update(users).set({ name: v.name }).where(eq(users.id, existing.id));
    return existing.id;
  }
  if (v.email) {
    const [created] = await db
      .insert(users)
      .values({ name: v.name, email: v.email, oidcSubject: v.subject })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (created) return created.id;
  }
  // No e-mail, the e-mail is taken, or the same person is signing in twice at once (subject conflict).
  const [row] = await db
    .insert(users)
    .values({ name: v.name, email: null, oidcSubject: v.subject })
    .onConflictDoUpdate({ target: users.oidcSubject, set: { name: v.name } })
    .returning({ id: users.id });
  return row!.id;
}

/** RP-initiated logout at the provider, when it offers an end_session_endpoint. */
export async function endSessionUrl(deps: Deps, idToken: string): Promise<string | null> {
  const config = await configuration(deps);
  if (!config.serverMetadata().end_session_endpoint) return null;
  return client.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: `${deps.config.publicUrl}/` }).toString();
}

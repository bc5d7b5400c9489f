import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../http/context.ts';
import { createSession, destroySession, SESSION_COOKIE } from './sessions.ts';

/** RFC 6265bis: user agents cap a cookie's lifetime at 400 days. */
const MAX_COOKIE_AGE_SECONDS = 400 * 24 * 3600;

/** Starts a session for a user who has just proved who they are, and sets the cookie. */
export async function startSession(c: Context<AppEnv>, opts: { userId: string; idToken?: string | null }) {
  const deps = c.get('deps');
  // A previous session in this browser is ended first (no session fixation).
  const previous = c.get('user');
  if (previous) await destroySession(deps, previous.sessionIdHash);
  const { cookieValue } = await createSession(deps, opts);
  setCookie(c, SESSION_COOKIE, cookieValue, {
    httpOnly: true,
    secure: deps.config.COOKIE_SECURE,
    sameSite: 'Lax',
    path: '/',
    // Max-Age, not Expires: relative to the browser's clock, so it neither depends on the two clocks
    // agreeing nor on the injected clock. Browsers cap cookies at 400 days (and Hono refuses more).
    // The database row's expiry is what really ends the session.
    maxAge: Math.min(deps.config.SESSION_ABSOLUTE_HOURS * 3600, MAX_COOKIE_AGE_SECONDS),
  });
}

/** Ends the current session; returns the OIDC id_token if the session came from OIDC. */
export async function endSession(c: Context<AppEnv>): Promise<string | null> {
  const user = c.get('user');
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: c.get('deps').config.COOKIE_SECURE });
  if (!user) return null;
  return destroySession(c.get('deps'), user.sessionIdHash);
}

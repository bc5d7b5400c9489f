import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { startSession } from '../../core/auth/session-cookie.ts';
import { AppError } from '../../core/errors.ts';
import type { AppEnv, Deps } from '../../core/http/context.ts';
import { beginOidcSignIn, CALLBACK_PATH, completeOidcSignIn, STATE_TTL_MS } from './oidc.ts';
import { returnPath } from './return-path.ts';

/**
 * Binds a sign-in to the browser that started it. Without this, someone could start a sign-in with
 * their own account and send the callback link to a victim, who would then work in the attacker's
 * account (login CSRF). SameSite=Lax still sends it on the provider's top-level redirect back to us.
 */
export const OIDC_STATE_COOKIE = 'frivillig_oidc_state';
const COOKIE_PATH = '/logg-inn/oidc';

export function oidcRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const cookieOptions = () => ({ path: COOKIE_PATH, secure: deps.config.COOKIE_SECURE });

  app.get('/logg-inn/oidc', async (c) => {
    if (!deps.config.oidcEnabled) throw new AppError('not_found', 'error.notFound.body');
    const { url, state } = await beginOidcSignIn(c.get('deps'), { returnTo: returnPath(c.req.query('tilbake'), '/arbeidsrom') });
    setCookie(c, OIDC_STATE_COOKIE, state, {
      ...cookieOptions(),
      httpOnly: true,
      sameSite: 'Lax',
      maxAge: Math.floor(STATE_TTL_MS / 1000),
    });
    c.header('cache-control', 'no-store');
    return c.redirect(url, 302);
  });

  app.get(CALLBACK_PATH, async (c: Context<AppEnv>) => {
    if (!deps.config.oidcEnabled) throw new AppError('not_found', 'error.notFound.body');
    const browserState = getCookie(c, OIDC_STATE_COOKIE);
    const { userId, idToken, returnTo } = await completeOidcSignIn(c.get('deps'), { callbackUrl: new URL(c.req.url), browserState });
    deleteCookie(c, OIDC_STATE_COOKIE, cookieOptions());
    await startSession(c, { userId, idToken });
    return c.redirect(returnPath(returnTo, '/arbeidsrom'), 303);
  });
  return app;
}

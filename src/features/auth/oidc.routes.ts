import { Hono } from 'hono';
import { startSession } from '../../core/auth/session-cookie.ts';
import { AppError } from '../../core/errors.ts';
import type { AppEnv, Deps } from '../../core/http/context.ts';
import { safeReturnPath } from '../../core/http/render.tsx';
import { beginOidcSignIn, CALLBACK_PATH, completeOidcSignIn } from './oidc.ts';

export function oidcRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.get('/logg-inn/oidc', async (c) => {
    if (!deps.config.oidcEnabled) throw new AppError('not_found', 'error.notFound.body');
    const url = await beginOidcSignIn(c.get('deps'), { returnTo: safeReturnPath(c.req.query('tilbake'), '/arbeidsrom') });
    return c.redirect(url, 302);
  });
  app.get(CALLBACK_PATH, async (c) => {
    if (!deps.config.oidcEnabled) throw new AppError('not_found', 'error.notFound.body');
    const { userId, idToken, returnTo } = await completeOidcSignIn(c.get('deps'), { callbackUrl: new URL(c.req.url) });
    await startSession(c, { userId, idToken });
    return c.redirect(safeReturnPath(returnTo, '/arbeidsrom'), 303);
  });
  return app;
}

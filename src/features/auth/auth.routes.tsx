import { Hono } from 'hono';
import { endSession, startSession } from '../../core/auth/session-cookie.ts';
import { AppError } from '../../core/errors.ts';
import { parseForm } from '../../core/forms.ts';
import { clientAddress } from '../../core/http/client-address.ts';
import type { AppEnv, Deps } from '../../core/http/context.ts';
import { redirectAfterPost, renderPage } from '../../core/http/render.tsx';
import { registerSchema, signInSchema } from './auth.schema.ts';
import { RegisterView, SignInView } from './auth.views.tsx';
import { oidcRoutes } from './oidc.routes.ts';
import { registerLocalUser } from './register-local.ts';
import { returnPath } from './return-path.ts';
import { signInLocal } from './sign-in-local.ts';

export function authRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const oidcName = deps.config.OIDC_NAME;

  app.get('/logg-inn', (c) => {
    const returnTo = returnPath(c.req.query('tilbake'), '/arbeidsrom');
    if (c.get('user')) return c.redirect(returnTo, 303);
    return renderPage(c, {
      title: (v) => v.t('auth.signIn.title'),
      body: (v) => <SignInView v={v} returnTo={returnTo} oidcName={oidcName} />,
    });
  });

  /** With OIDC configured the local forms are gone; a posted one is refused before it is validated. */
  const refuseWhenLocalDisabled = () => {
    if (!deps.config.localSignInEnabled) throw new AppError('forbidden', 'auth.error.localDisabled');
  };

  app.post('/logg-inn', async (c) => {
    refuseWhenLocalDisabled();
    const form = await parseForm(c, signInSchema);
    const returnTo = returnPath(form.values.tilbake, '/arbeidsrom');
    const rerender = (errors: Record<string, string>) =>
      renderPage(c, {
        title: (v) => v.t('auth.signIn.title'),
        status: 422,
        body: (v) => <SignInView v={v} returnTo={returnTo} oidcName={oidcName} values={form.values} errors={errors} />,
      });
    if (!form.ok) return rerender(form.errors);
    try {
      const { userId } = await signInLocal(c.get('deps'), { ...form.data, clientAddress: clientAddress(c) });
      await startSession(c, { userId });
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation') return rerender({ email: c.get('t')('auth.error.wrongCredentials') });
      throw error;
    }
    return redirectAfterPost(c, returnTo);
  });

  app.get('/registrer', (c) => {
    if (!c.get('deps').config.localSignInEnabled) throw new AppError('not_found', 'error.notFound.body');
    const returnTo = returnPath(c.req.query('tilbake'), '/arbeidsrom');
    return renderPage(c, { title: (v) => v.t('auth.register.title'), body: (v) => <RegisterView v={v} returnTo={returnTo} /> });
  });

  app.post('/registrer', async (c) => {
    refuseWhenLocalDisabled();
    const form = await parseForm(c, registerSchema);
    const returnTo = returnPath(form.values.tilbake, '/arbeidsrom');
    const rerender = (errors: Record<string, string>) =>
      renderPage(c, {
        title: (v) => v.t('auth.register.title'),
        status: 422,
        body: (v) => <RegisterView v={v} returnTo={returnTo} values={form.values} errors={errors} />,
      });
    if (!form.ok) return rerender(form.errors);
    try {
      const { userId } = await registerLocalUser(c.get('deps'), { ...form.data, clientAddress: clientAddress(c) });
      await startSession(c, { userId });
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return rerender({ email: c.get('t')('auth.error.emailTaken') });
      throw error;
    }
    return redirectAfterPost(c, returnTo);
  });

  app.post('/logg-ut', async (c) => {
    const idToken = await endSession(c);
    const providerLogout = idToken ? await oidcLogoutUrl(deps, idToken) : null;
    return redirectAfterPost(c, providerLogout ?? '/?utlogget=1');
  });

  app.route('/', oidcRoutes(deps));
  return app;
}

/**
 * Lazily imported so the OIDC client is only loaded when OIDC is configured. The local session is already
 * gone when this runs, so a provider that cannot be reached must not turn signing out into an error page.
 */
async function oidcLogoutUrl(deps: Deps, idToken: string): Promise<string | null> {
  if (!deps.config.oidcEnabled) return null;
  try {
    const { endSessionUrl } = await import('./oidc.ts');
    return await endSessionUrl(deps, idToken);
  } catch (error) {
    deps.logger.warn('oidc: no provider logout, signed out locally only', { error });
    return null;
  }
}

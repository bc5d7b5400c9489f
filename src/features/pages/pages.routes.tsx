import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import type { AppEnv } from '../../core/http/context.ts';
import { LANG_COOKIE } from '../../core/http/middleware.ts';
import { renderPage, safeReturnPath } from '../../core/http/render.tsx';
import { isLang } from '../../core/i18n/i18n.ts';
import { ContentPage, HomeView } from './pages.views.tsx';

export function pagesRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/', (c) => renderPage(c, { title: (v) => v.t('home.title'), body: (v) => <HomeView v={v} /> }));

  app.get('/om', (c) =>
    renderPage(c, {
      title: (v) => v.t('about.title'),
      body: (v) => <ContentPage v={v} title="about.title" intro={['about.body1', 'about.body2', 'about.body3']} />,
    }),
  );

  app.get('/personvern', (c) =>
    renderPage(c, {
      title: (v) => v.t('privacy.title'),
      body: (v) => (
        <ContentPage
          v={v}
          title="privacy.title"
          intro={[]}
          sections={[
            ['privacy.controller', 'privacy.controllerBody'],
            ['privacy.what', 'privacy.whatBody'],
            ['privacy.why', 'privacy.whyBody'],
            ['privacy.cookies', 'privacy.cookiesBody'],
            ['privacy.rights', 'privacy.rightsBody'],
          ]}
        />
      ),
    }),
  );

  app.get('/tilgjengelighet', (c) =>
    renderPage(c, {
      title: (v) => v.t('a11y.title'),
      body: (v) => (
        <ContentPage v={v} title="a11y.title" intro={['a11y.body1', 'a11y.body2']} sections={[['a11y.feedback', 'a11y.feedbackBody']]} />
      ),
    }),
  );

  // A plain link (GET) so the switch works without JavaScript; it only sets a preference cookie.
  app.get('/sprak', (c) => {
    const lang = c.req.query('lang');
    const back = safeReturnPath(c.req.query('tilbake'));
    if (isLang(lang)) {
      setCookie(c, LANG_COOKIE, lang, {
        path: '/',
        sameSite: 'Lax',
        httpOnly: true,
        secure: c.get('deps').config.COOKIE_SECURE,
        maxAge: 60 * 60 * 24 * 365,
      });
    }
    return c.redirect(back, 303);
  });

  return app;
}

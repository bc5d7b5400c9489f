import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { parseForm } from '../../core/forms.ts';
import type { AppEnv } from '../../core/http/context.ts';
import { setFlash } from '../../core/http/flash.ts';
import { redirectAfterPost, renderPage } from '../../core/http/render.tsx';
import { remindersSchema } from './calendar.schema.ts';
import { CalendarView, UnsubscribeView } from './calendar.views.tsx';
import { readFeedIcs, rotateFeed } from './calendar-feed.ts';
import { readCalendar } from './read-calendar.ts';
import { readUnsubscribe, setReminders, unsubscribeByToken } from './reminder-subscriptions.ts';

/**
 * The årshjul. /arbeidsrom/:orgId/arshjul* is organisation-scoped (every domain function checks the role first).
 * /kalender/* is not: the .ics address's token and the unsubscribe link's signature are the capability, so these
 * routes live outside /arbeidsrom/:orgId and need no session.
 */

/**
 * A new feed address is shown once, on the page the POST redirects to: the token travels in a short-lived,
 * HttpOnly cookie limited to that page's path, and is dropped as soon as it is read. It is never stored.
 */
const NEW_FEED_COOKIE = 'frivillig_calendar_feed';
const pagePath = (organisationId: string) => `/arbeidsrom/${organisationId}/arshjul`;

function keepNewFeedToken(c: Context<AppEnv>, organisationId: string, token: string) {
  setCookie(c, NEW_FEED_COOKIE, token, {
    httpOnly: true,
    secure: c.get('deps').config.COOKIE_SECURE,
    sameSite: 'Strict',
    path: pagePath(organisationId),
    maxAge: 120,
  });
}

function takeNewFeedToken(c: Context<AppEnv>, organisationId: string): string | null {
  const token = getCookie(c, NEW_FEED_COOKIE);
  if (!token) return null;
  deleteCookie(c, NEW_FEED_COOKIE, { path: pagePath(organisationId), secure: c.get('deps').config.COOKIE_SECURE });
  return token;
}

export function calendarRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/arbeidsrom/:orgId/arshjul', async (c) => {
    const organisationId = c.req.param('orgId');
    const data = await readCalendar(c.get('deps'), {
      user: c.get('user'),
      organisationId,
      newFeedToken: takeNewFeedToken(c, organisationId),
    });
    // The page may carry a one-time secret address: keep it out of shared caches and browser history caches.
    c.header('cache-control', 'no-store');
    return renderPage(c, { title: (v) => v.t('calendar.title'), body: (v) => <CalendarView v={v} {...data} /> });
  });

  app.post('/arbeidsrom/:orgId/arshjul/abonnement', async (c) => {
    const organisationId = c.req.param('orgId');
    const { token, rotated } = await rotateFeed(c.get('deps'), { user: c.get('user'), organisationId, lang: c.get('lang') });
    keepNewFeedToken(c, organisationId, token);
    setFlash(c, { key: rotated ? 'calendar.feed.rotated' : 'calendar.feed.created', kind: 'success' });
    return redirectAfterPost(c, `${pagePath(organisationId)}#abonnement`);
  });

  app.post('/arbeidsrom/:orgId/arshjul/paaminnelser', async (c) => {
    const organisationId = c.req.param('orgId');
    const form = await parseForm(c, remindersSchema);
    const { organisationName, on } = await setReminders(c.get('deps'), {
      user: c.get('user'),
      organisationId,
      on: form.ok ? form.data.paaminnelser === 'pa' : null,
    });
    setFlash(c, {
      key: on ? 'calendar.reminders.subscribed' : 'calendar.reminders.unsubscribed',
      params: { name: organisationName },
      kind: 'success',
    });
    return redirectAfterPost(c, `${pagePath(organisationId)}#paaminnelser`);
  });

  // The subscription feed. Calendar programs fetch it without cookies; the token in the path is the key.
  app.get('/kalender/:file{[^/]+\\.ics}', async (c) => {
    const file = c.req.param('file');
    const { ics } = await readFeedIcs(c.get('deps'), { token: file.slice(0, -'.ics'.length) });
    return c.body(ics, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'inline; filename="arshjul.ics"',
      'cache-control': 'private, max-age=900',
      'x-robots-tag': 'noindex, nofollow',
    });
  });

  app.get('/kalender/avmelding/:token', async (c) => {
    const token = c.req.param('token');
    const state = await readUnsubscribe(c.get('deps'), { token });
    c.header('x-robots-tag', 'noindex, nofollow');
    return renderPage(c, {
      title: (v) => v.t(state.subscribed ? 'calendar.unsubscribe.title' : 'calendar.unsubscribe.doneTitle'),
      body: (v) => <UnsubscribeView v={v} token={token} {...state} />,
    });
  });

  app.post('/kalender/avmelding/:token', async (c) => {
    const token = c.req.param('token');
    const { organisationName } = await unsubscribeByToken(c.get('deps'), { token });
    setFlash(c, { key: 'calendar.reminders.unsubscribed', params: { name: organisationName }, kind: 'success' });
    return redirectAfterPost(c, `/kalender/avmelding/${token}`);
  });

  return app;
}

import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, type AppErrorCode, statusForCode } from '../errors.ts';
import type { MessageKey } from '../i18n/catalogue.ts';
import { translator } from '../i18n/catalogue.ts';
import type { AppEnv } from './context.ts';
import { renderPage } from './render.tsx';

const TITLES: Record<AppErrorCode, MessageKey> = {
  not_signed_in: 'error.notSignedIn.title',
  forbidden: 'error.forbidden.title',
  not_found: 'error.notFound.title',
  validation: 'error.validation.title',
  conflict: 'error.conflict.title',
  rate_limited: 'error.rateLimited.title',
  csrf: 'error.csrf.title',
  gone: 'error.gone.title',
  unavailable: 'error.unavailable.title',
};

function wantsJson(c: Context<AppEnv>): boolean {
  return new URL(c.req.url).pathname.startsWith('/api/');
}

function ensureBasics(c: Context<AppEnv>) {
  // An error thrown before the language middleware ran still gets a translated page.
  if (!c.get('t')) {
    c.set('lang', 'nb');
    c.set('t', translator('nb'));
  }
  if (c.get('user') === undefined) c.set('user', null);
  if (c.get('csrfToken') === undefined) c.set('csrfToken', '');
}

export function handleNotFound(c: Context<AppEnv>) {
  ensureBasics(c);
  const t = c.get('t');
  if (wantsJson(c)) return c.json({ error: { code: 'not_found', message: t('error.notFound.title') } }, 404);
  return renderPage(c, {
    title: t('error.notFound.title'),
    status: 404,
    body: (v) => (
      <>
        <h1 class="ds-heading" data-size="lg">
          {v.t('error.notFound.title')}
        </h1>
        <p class="ds-paragraph">{v.t('error.notFound.body')}</p>
        <p class="ds-paragraph">
          <a class="ds-link" href="/">
            {v.t('error.backHome')}
          </a>
        </p>
      </>
    ),
  });
}

export function handleError(err: Error, c: Context<AppEnv>) {
  ensureBasics(c);
  const t = c.get('t');
  if (err instanceof AppError) {
    const status = statusForCode(err.code);
    const message = t(err.messageKey as MessageKey, err.details as Record<string, string | number> | undefined);
    if (wantsJson(c)) return c.json({ error: { code: err.code, message, details: err.details } }, status);
    if (err.code === 'not_signed_in' && c.req.method === 'GET') {
      const url = new URL(c.req.url);
      return c.redirect(`/logg-inn?tilbake=${encodeURIComponent(url.pathname + url.search)}`, 303);
    }
    if (err.code === 'not_found') return handleNotFound(c);
    return renderPage(c, {
      title: t(TITLES[err.code]),
      status,
      body: (v) => (
        <>
          <h1 class="ds-heading" data-size="lg">
            {v.t(TITLES[err.code])}
          </h1>
          <p class="ds-paragraph">{message}</p>
          <p class="ds-paragraph">
            <a class="ds-link" href="/">
              {v.t('error.backHome')}
            </a>
          </p>
        </>
      ),
    });
  }
  if (err instanceof HTTPException && err.status < 500) {
    // Malformed bodies and similar client errors from Hono itself.
    if (wantsJson(c)) return c.json({ error: { code: 'bad_request', message: err.message } }, err.status);
    return handleNotFound(c);
  }
  const requestId = c.get('requestId') ?? 'unknown';
  c.get('deps')?.logger.error('unhandled error', { error: err });
  if (wantsJson(c)) {
    return c.json({ error: { code: 'internal', message: t('error.server.title'), requestId } }, 500);
  }
  return renderPage(c, {
    title: t('error.server.title'),
    status: 500,
    body: (v) => (
      <>
        <h1 class="ds-heading" data-size="lg">
          {v.t('error.server.title')}
        </h1>
        <p class="ds-paragraph">{v.t('error.server.body')}</p>
        <p class="ds-paragraph">{v.t('error.reference', { id: requestId })}</p>
      </>
    ),
  });
}

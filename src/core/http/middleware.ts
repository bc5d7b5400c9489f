import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { loadSessionUser, SESSION_COOKIE } from '../auth/sessions.ts';
import { randomToken, safeEqual } from '../crypto.ts';
import { AppError } from '../errors.ts';
import { translator } from '../i18n/catalogue.ts';
import { DEFAULT_LANG, isLang, langFromAcceptLanguage } from '../i18n/i18n.ts';
import { runWithRequestId } from '../logger.ts';
import type { AppEnv, Deps } from './context.ts';

export const LANG_COOKIE = 'frivillig_lang';
export const CSRF_COOKIE = 'frivillig_csrf';
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Some addresses are capabilities: the token in the path is the only key (the årshjul's .ics feed and its
 * unsubscribe links, invitation links). Only their hashes are stored, so the request log must not keep them either.
 */
const SECRET_PATHS: [RegExp, string][] = [
  [/^\/kalender\/avmelding\/[^/]+$/, '/kalender/avmelding/[redacted]'],
  [/^\/kalender\/[^/]+\.ics$/, '/kalender/[redacted].ics'],
  [/^\/invitasjon\/[^/]+$/, '/invitasjon/[redacted]'],
];

export function redactSecretPath(path: string): string {
  for (const [pattern, replacement] of SECRET_PATHS) if (pattern.test(path)) return replacement;
  return path;
}

/** Request id from a trusted proxy header when it looks sane, else a fresh one; echoed on the response. */
export function requestIdAndLogging(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[A-Za-z0-9._-]{8,100}$/.test(incoming) ? incoming : randomToken(12);
    c.set('deps', deps);
    c.set('requestId', requestId);
    c.header('x-request-id', requestId);
    await runWithRequestId(requestId, async () => {
      const started = performance.now();
      await next();
      const path = redactSecretPath(new URL(c.req.url).pathname);
      if (!path.startsWith('/static/')) {
        deps.logger.info('request', {
          method: c.req.method,
          path,
          status: c.res.status,
          ms: Math.round((performance.now() - started) * 10) / 10,
        });
      }
    });
  };
}

/**
 * Security headers. The CSP allows no inline script or style: every script and stylesheet is a file
 * under /static, so an injected <script> or style attribute is inert.
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'strict-origin-when-cross-origin',
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    xFrameOptions: 'DENY',
    crossOriginEmbedderPolicy: false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });
}

/** Language: explicit cookie choice first, then the browser's Accept-Language, then bokmål. */
export function language(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const cookie = getCookie(c, LANG_COOKIE);
    const lang = isLang(cookie) ? cookie : (langFromAcceptLanguage(c.req.header('accept-language')) ?? DEFAULT_LANG);
    c.set('lang', lang);
    c.set('t', translator(lang));
    c.header('content-language', lang);
    c.header('vary', 'Cookie, Accept-Language', { append: true });
    await next();
  };
}

export function session(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const cookie = getCookie(c, SESSION_COOKIE);
    const user = cookie ? await loadSessionUser(deps, cookie) : null;
    c.set('user', user);
    // A cookie whose session has ended (expired, signed out elsewhere, unknown) is cleared, so the browser
    // stops sending a dead credential and the person is plainly signed out.
    if (cookie && !user) deleteCookie(c, SESSION_COOKIE, { path: '/', secure: deps.config.COOKIE_SECURE });
    // Pages that show personal data must not be stored by shared caches.
    if (cookie) c.header('cache-control', 'no-store');
    await next();
  };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF protection for every state-changing request: a double-submit token (random value in an HttpOnly
 * SameSite=Lax cookie, echoed in a hidden form field or the x-csrf-token header) plus an Origin check
 * when the browser sends one. Form bodies parsed here are cached by Hono for the handler.
 */
export function csrf(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let token = getCookie(c, CSRF_COOKIE);
    if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) {
      token = randomToken();
      setCookie(c, CSRF_COOKIE, token, {
        httpOnly: true,
        secure: deps.config.COOKIE_SECURE,
        sameSite: 'Lax',
        path: '/',
      });
      // A fresh token means the request cannot carry a matching one; unsafe requests fail below.
      c.set('csrfToken', token);
      if (UNSAFE.has(c.req.method)) throw new AppError('csrf', 'error.csrf.body');
      return next();
    }
    c.set('csrfToken', token);
    if (UNSAFE.has(c.req.method)) {
      const origin = c.req.header('origin');
      if (origin && origin !== 'null') {
        const allowed = new Set([new URL(c.req.url).origin, new URL(deps.config.publicUrl).origin]);
        if (!allowed.has(origin)) throw new AppError('csrf', 'error.csrf.body');
      }
      let sent = c.req.header(CSRF_HEADER);
      if (!sent) {
        const type = c.req.header('content-type') ?? '';
        if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
          // all: true so repeated fields (checkbox groups) survive; Hono caches this parse for the handler.
          const body = await c.req.parseBody({ all: true });
          const field = body[CSRF_FIELD];
          sent = typeof field === 'string' ? field : undefined;
        }
      }
      if (!sent || !safeEqual(sent, token)) throw new AppError('csrf', 'error.csrf.body');
    }
    return next();
  };
}

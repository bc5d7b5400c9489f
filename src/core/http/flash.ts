import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { hasMessage, type MessageKey } from '../i18n/catalogue.ts';
import type { Params } from '../i18n/i18n.ts';
import type { AppEnv } from './context.ts';

/**
 * One-shot confirmation message carried across POST–redirect–GET in a short-lived cookie, shown by the
 * layout on the next page and then removed. Only catalogue keys are accepted, so nothing user-written is
 * ever rendered as the message template.
 */
const FLASH_COOKIE = 'frivillig_flash';

export interface Flash {
  key: MessageKey;
  params?: Params;
  kind: 'success' | 'warning';
}

export function setFlash(c: Context<AppEnv>, flash: Flash) {
  setCookie(c, FLASH_COOKIE, Buffer.from(JSON.stringify(flash)).toString('base64url'), {
    httpOnly: true,
    secure: c.get('deps').config.COOKIE_SECURE,
    sameSite: 'Lax',
    path: '/',
    maxAge: 60,
  });
}

export function takeFlash(c: Context<AppEnv>): Flash | null {
  const raw = getCookie(c, FLASH_COOKIE);
  if (!raw) return null;
  deleteCookie(c, FLASH_COOKIE, { path: '/', secure: c.get('deps').config.COOKIE_SECURE });
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Flash;
    if (!hasMessage(parsed.key)) return null;
    return { key: parsed.key, params: parsed.params, kind: parsed.kind === 'warning' ? 'warning' : 'success' };
  } catch {
    return null;
  }
}

import type { Context } from 'hono';
import type { CurrentUser } from '../auth/current-user.ts';
import type { Translate } from '../i18n/catalogue.ts';
import type { Lang } from '../i18n/i18n.ts';
import type { AppEnv } from './context.ts';

/** What a view needs to render: language, translator, the signed-in user and the CSRF token for forms. */
export interface ViewContext {
  lang: Lang;
  t: Translate;
  user: CurrentUser | null;
  csrfToken: string;
  /** Path and query of the current request, for the language switch's return address. */
  currentPath: string;
  localSignInEnabled: boolean;
  oidcEnabled: boolean;
}

export function viewContext(c: Context<AppEnv>): ViewContext {
  const url = new URL(c.req.url);
  const { config } = c.get('deps');
  return {
    lang: c.get('lang'),
    t: c.get('t'),
    user: c.get('user'),
    csrfToken: c.get('csrfToken'),
    currentPath: url.pathname + url.search,
    localSignInEnabled: config.localSignInEnabled,
    oidcEnabled: config.oidcEnabled,
  };
}

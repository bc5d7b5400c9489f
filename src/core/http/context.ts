import type { CurrentUser } from '../auth/current-user.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { Translate } from '../i18n/catalogue.ts';
import type { Lang } from '../i18n/i18n.ts';
import type { Logger } from '../logger.ts';
import type { Mailer } from '../mail/mailer.ts';

/** What every handler can reach. Built once in createApp and passed to domain functions explicitly. */
export interface Deps {
  config: Config;
  database: Database;
  logger: Logger;
  mailer: Mailer;
  /** Injectable clock so tests can move time (session expiry, invitation expiry). */
  now: () => Date;
}

export interface AppEnv {
  Variables: {
    deps: Deps;
    requestId: string;
    lang: Lang;
    t: Translate;
    user: CurrentUser | null;
    csrfToken: string;
  };
}

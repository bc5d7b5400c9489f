import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { countRecentFailures, findUserByEmail, recordAttempts } from './auth.queries.ts';
import { verifyPassword } from './password.ts';

/** Failures allowed per e-mail and per client address within the window before sign-in is refused. */
export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;

/**
 * Checks e-mail and password for the built-in local sign-in. Attempts are counted in the database, so
 * the limit holds across app instances. Returns the user id; throws AppError otherwise.
 */
export async function signInLocal(
  deps: Deps,
  opts: { email: string; password: string; clientAddress: string },
): Promise<{ userId: string }> {
  if (!deps.config.localSignInEnabled) throw new AppError('forbidden', 'auth.error.localDisabled');
  const { db } = deps.database;
  const now = deps.now();
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const keys = [`email:${opts.email.toLowerCase()}`, `ip:${opts.clientAddress}`];
  for (const key of keys) {
    if ((await countRecentFailures(db, key, since)) >= MAX_FAILURES) {
      deps.logger.warn('sign-in rate limited', { key: key.startsWith('ip:') ? key : 'email:<redacted>' });
      throw new AppError('rate_limited', 'error.rateLimited.body', { minutes: WINDOW_MINUTES });
    }
  }
  const user = await findUserByEmail(db, opts.email);
  const ok = await verifyPassword(user?.passwordHash, opts.password);
  await recordAttempts(db, keys, ok, now);
  if (!ok || !user) throw new AppError('validation', 'auth.error.wrongCredentials');
  return { userId: user.id };
}

import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { countRecentFailures, insertLocalUser, recordAttempts } from './auth.queries.ts';
import { hashPassword } from './password.ts';

/** Registrations are limited per client address per hour (REGISTRATIONS_PER_ADDRESS_PER_HOUR). */
const REGISTRATION_WINDOW_MINUTES = 60;

/** Creates a person for the built-in local sign-in (demo and embedded default only). */
export async function registerLocalUser(
  deps: Deps,
  opts: { name: string; email: string; password: string; clientAddress: string },
): Promise<{ userId: string }> {
  if (!deps.config.localSignInEnabled) throw new AppError('forbidden', 'auth.error.localDisabled');
  const { db } = deps.database;
  const now = deps.now();
  // Registrations are counted in the same attempts table as sign-in failures (so the limit holds across
  // app instances), under their own key; every registration attempt counts, successful or not.
  const key = `register-ip:${opts.clientAddress}`;
  const since = new Date(now.getTime() - REGISTRATION_WINDOW_MINUTES * 60_000);
  if ((await countRecentFailures(db, key, since)) >= deps.config.REGISTRATIONS_PER_ADDRESS_PER_HOUR) {
    deps.logger.warn('registration rate limited', { key });
    throw new AppError('rate_limited', 'error.rateLimited.body', { minutes: REGISTRATION_WINDOW_MINUTES });
  }
  await recordAttempts(db, [key], false, now);
  const row = await insertLocalUser(db, {
    name: opts.name,
    email: opts.email.toLowerCase(),
    passwordHash: await hashPassword(opts.password),
  });
  if (!row) throw new AppError('conflict', 'auth.error.emailTaken');
  return { userId: row.id };
}

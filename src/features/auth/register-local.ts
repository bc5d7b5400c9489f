import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { insertLocalUser } from './auth.queries.ts';
import { hashPassword } from './password.ts';

/** Creates a person for the built-in local sign-in (demo and embedded default only). */
export async function registerLocalUser(deps: Deps, opts: { name: string; email: string; password: string }): Promise<{ userId: string }> {
  if (!deps.config.localSignInEnabled) throw new AppError('forbidden', 'auth.error.localDisabled');
  const row = await insertLocalUser(deps.database.db, {
    name: opts.name,
    email: opts.email.toLowerCase(),
    passwordHash: await hashPassword(opts.password),
  });
  if (!row) throw new AppError('conflict', 'auth.error.emailTaken');
  return { userId: row.id };
}

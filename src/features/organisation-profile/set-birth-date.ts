import { recordAudit } from '../../core/audit.ts';
import { requireUser } from '../../core/auth/access.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { findUserIdentity, updateBirthDate } from './organisation-profile.queries.ts';

/**
 * A local sign-in user states their birth date, used only to match a board role when claiming a workspace.
 * People signed in with ID-porten (OIDC) cannot type one: theirs is to come from the pid claim. The audit
 * entry records that it was set, not the date (data minimisation).
 */
export async function setBirthDate(deps: Deps, opts: { user: CurrentUser | null; birthDate: string }): Promise<void> {
  const user = requireUser(opts.user);
  const identity = await findUserIdentity(deps.database.db, user.id);
  if (!identity) throw new AppError('not_signed_in', 'error.notSignedIn.body');
  if (identity.oidcSubject) throw new AppError('forbidden', 'profile.birthDate.fromIdPorten');
  const today = deps.now().toISOString().slice(0, 10);
  if (opts.birthDate > today) throw new AppError('validation', 'profile.birthDate.future');
  await deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await updateBirthDate(db, user.id, opts.birthDate);
    await recordAudit(db, { organisationId: null, actorUserId: user.id, action: 'user.birth_date_set', at: deps.now() });
  });
}

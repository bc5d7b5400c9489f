import { recordAudit } from '../../core/audit.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { requireEditor } from './package-access.ts';
import { eraseFnr, findCurrentPackage, invalidateConfirmations, lockPackage, markDiscarded } from './registration.queries.ts';

/**
 * Discards the package: the fødselsnummer are erased at once (they are no longer needed, issue 4), confirmations
 * stop counting, and the package is kept only as a discarded record (its audit trail stays). A package on its way
 * to Brønnøysund or already received cannot be discarded: it exists there.
 */
export async function discardPackage(deps: Deps, opts: { user: CurrentUser | null; organisationId: string }): Promise<void> {
  const { user } = await requireEditor(deps, opts);
  const now = deps.now();
  await deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const current = await findCurrentPackage(db, opts.organisationId);
    if (!current) throw new AppError('not_found', 'reg.error.noPackage');
    const pkg = await lockPackage(db, current.id);
    if (!pkg || pkg.status === 'submitted' || pkg.status === 'received' || pkg.status === 'discarded') {
      throw new AppError('conflict', 'reg.error.cannotDiscard');
    }
    await eraseFnr(db, pkg.id, now);
    await invalidateConfirmations(db, pkg.id, { at: now, reason: 'discarded' });
    await markDiscarded(db, pkg.id, now);
    await recordAudit(db, {
      organisationId: opts.organisationId,
      actorUserId: user.id,
      action: 'registration.discarded',
      details: { packageId: pkg.id, previousStatus: pkg.status, fnrErased: true },
      at: now,
    });
  });
}

import { recordAudit } from '../../core/audit.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { BOARD_ROLES, requireOrgRole } from '../../core/auth/org-access.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { deletePolitiattestCheck, insertPolitiattestCheck } from './plan.queries.ts';

/**
 * The politiattest log (brief §5.6): the organisation records who showed an attest, for which role, and
 * when — never the attest itself. Board roles keep the log; every change is audited.
 */
export async function addPolitiattest(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string; check: { person: string; role: string; shownOn: string } },
): Promise<void> {
  const { user } = await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: BOARD_ROLES });
  const at = deps.now();
  await deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const row = await insertPolitiattestCheck(db, { organisationId: opts.organisationId, ...opts.check, createdBy: user.id, at });
    await recordAudit(db, {
      organisationId: opts.organisationId,
      actorUserId: user.id,
      action: 'plan.politiattest_added',
      // "assignment", not "role": the audit log reads a "role" detail as an organisation role.
      details: { id: row.id, person: opts.check.person, assignment: opts.check.role, shownOn: opts.check.shownOn },
      at,
    });
  });
}

export async function removePolitiattest(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string; id: string },
): Promise<void> {
  const { user } = await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: BOARD_ROLES });
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(opts.id)) {
    throw new AppError('not_found', 'facts.politiattest.error.notFound');
  }
  const at = deps.now();
  await deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const removed = await deletePolitiattestCheck(db, opts.organisationId, opts.id);
    if (!removed) throw new AppError('not_found', 'facts.politiattest.error.notFound');
    await recordAudit(db, {
      organisationId: opts.organisationId,
      actorUserId: user.id,
      action: 'plan.politiattest_removed',
      details: { id: opts.id, person: removed.person, assignment: removed.role, shownOn: removed.shownOn },
      at,
    });
  });
}

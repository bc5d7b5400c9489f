import { recordAudit } from '../../core/audit.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { requireOrgRole } from '../../core/auth/org-access.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { lockAndAssertLeaderRemains } from './leader-guard.ts';
import { findMembership, findUserName, updateMembershipRole } from './organisations.queries.ts';
import type { OrgRole } from './organisations.schema.ts';

export async function changeMemberRole(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string; memberUserId: string; role: OrgRole | null },
): Promise<void> {
  const { user } = await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: ['leader'] });
  // Validation after the access check: a stranger learns nothing, not even that the form was wrong.
  const role = opts.role;
  if (!role) throw new AppError('validation', 'orgs.error.roleInvalid');
  await deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const membership = /^[0-9a-f-]{36}$/i.test(opts.memberUserId) ? await findMembership(db, opts.organisationId, opts.memberUserId) : null;
    if (!membership) throw new AppError('not_found', 'orgs.error.notMember');
    if (membership.role === role) return;
    await lockAndAssertLeaderRemains(db, { organisationId: opts.organisationId, currentRole: membership.role, nextRole: role });
    await updateMembershipRole(db, opts.organisationId, opts.memberUserId, role);
    await recordAudit(db, {
      organisationId: opts.organisationId,
      actorUserId: user.id,
      action: 'membership.role_changed',
      details: { userId: opts.memberUserId, name: await findUserName(db, opts.memberUserId), from: membership.role, to: role },
      at: deps.now(),
    });
  });
}

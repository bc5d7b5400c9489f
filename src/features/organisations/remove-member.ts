import { recordAudit } from '../../core/audit.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { ANY_ORG_ROLE, requireOrgRole } from '../../core/auth/org-access.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { lockAndAssertLeaderRemains } from './leader-guard.ts';
import { deleteMembership, findMembership, findOrganisation, findUserName } from './organisations.queries.ts';

/** A leader removes someone. Removing yourself is "leave" and goes through leaveOrganisation. */
export async function removeMember(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string; memberUserId: string },
): Promise<{ name: string }> {
  const { user } = await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: ['leader'] });
  return removeMembership(deps, {
    actorUserId: user.id,
    organisationId: opts.organisationId,
    memberUserId: opts.memberUserId,
    action: 'membership.removed',
  });
}

/** Any member may leave, except the last leader. */
export async function leaveOrganisation(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string },
): Promise<{ organisationName: string }> {
  const { user } = await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: ANY_ORG_ROLE });
  await removeMembership(deps, {
    actorUserId: user.id,
    organisationId: opts.organisationId,
    memberUserId: user.id,
    action: 'membership.left',
  });
  const org = await findOrganisation(deps.database.db, opts.organisationId);
  return { organisationName: org?.name ?? '' };
}

async function removeMembership(
  deps: Deps,
  opts: { actorUserId: string; organisationId: string; memberUserId: string; action: 'membership.removed' | 'membership.left' },
): Promise<{ name: string }> {
  return deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const membership = /^[0-9a-f-]{36}$/i.test(opts.memberUserId) ? await findMembership(db, opts.organisationId, opts.memberUserId) : null;
    if (!membership) throw new AppError('not_found', 'orgs.error.notMember');
    await lockAndAssertLeaderRemains(db, { organisationId: opts.organisationId, currentRole: membership.role, nextRole: null });
    const name = (await findUserName(db, opts.memberUserId)) ?? '';
    await deleteMembership(db, opts.organisationId, opts.memberUserId);
    await recordAudit(db, {
      organisationId: opts.organisationId,
      actorUserId: opts.actorUserId,
      action: opts.action,
      details: { userId: opts.memberUserId, name, role: membership.role },
      at: deps.now(),
    });
    return { name };
  });
}

import { and, eq } from 'drizzle-orm';
import { memberships } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import type { Deps } from '../http/context.ts';
import type { CurrentUser } from './current-user.ts';

export type OrgRole = 'leader' | 'board_member' | 'treasurer' | 'member';
export const ANY_ORG_ROLE: readonly OrgRole[] = ['leader', 'board_member', 'treasurer', 'member'];
export const BOARD_ROLES: readonly OrgRole[] = ['leader', 'board_member', 'treasurer'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The access check every organisation-scoped domain function makes first. A signed-out caller gets
 * not_signed_in; anyone without one of the roles — including a stranger, and whether or not the
 * organisation exists — gets forbidden, so ids cannot be probed.
 */
export async function requireOrgRole(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string; roles: readonly OrgRole[] },
): Promise<{ user: CurrentUser; role: OrgRole }> {
  if (!opts.user) throw new AppError('not_signed_in', 'error.notSignedIn.body');
  if (!UUID.test(opts.organisationId)) throw new AppError('forbidden', 'error.forbidden.body');
  const [row] = await deps.database.db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organisationId, opts.organisationId), eq(memberships.userId, opts.user.id)));
  if (!row || !opts.roles.includes(row.role)) {
    deps.logger.warn('access refused', { organisationId: opts.organisationId, userId: opts.user.id, needed: opts.roles });
    throw new AppError('forbidden', 'error.forbidden.body');
  }
  return { user: opts.user, role: row.role };
}

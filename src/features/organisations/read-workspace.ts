import { requireUser } from '../../core/auth/access.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { ANY_ORG_ROLE, requireOrgRole } from '../../core/auth/org-access.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import {
  findOrganisation,
  listAuditEvents,
  listMembers,
  listOrganisationsForUser,
  listPendingInvitations,
} from './organisations.queries.ts';

/** The signed-in person's own workspaces (not organisation-scoped: it lists only their memberships). */
export async function listMyOrganisations(deps: Deps, opts: { user: CurrentUser | null }) {
  const user = requireUser(opts.user);
  return listOrganisationsForUser(deps.database.db, user.id);
}

/** Overview of one workspace, for any member. */
export async function readWorkspace(deps: Deps, opts: { user: CurrentUser | null; organisationId: string }) {
  const { role } = await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: ANY_ORG_ROLE });
  const organisation = await findOrganisation(deps.database.db, opts.organisationId);
  if (!organisation) throw new AppError('not_found', 'error.notFound.body');
  return { organisation, role };
}

/** Members and roles are visible to every member; pending invitations only to leaders. */
export async function readMembers(deps: Deps, opts: { user: CurrentUser | null; organisationId: string }) {
  const { organisation, role } = await readWorkspace(deps, opts);
  const members = await listMembers(deps.database.db, opts.organisationId);
  const invitations = role === 'leader' ? await listPendingInvitations(deps.database.db, opts.organisationId, deps.now()) : [];
  return { organisation, role, members, invitations };
}

/** The audit log is for the organisation's leaders. */
export async function readAuditLog(deps: Deps, opts: { user: CurrentUser | null; organisationId: string }) {
  await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: ['leader'] });
  const organisation = await findOrganisation(deps.database.db, opts.organisationId);
  if (!organisation) throw new AppError('not_found', 'error.notFound.body');
  return { organisation, events: await listAuditEvents(deps.database.db, opts.organisationId) };
}

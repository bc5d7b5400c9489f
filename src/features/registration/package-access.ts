import { recordAudit } from '../../core/audit.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { BOARD_ROLES, requireOrgRole } from '../../core/auth/org-access.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { invalidateConfirmations, lockOpenPackage, type PackageRow, updatePackageContent } from './registration.queries.ts';
import type { PackageData } from './registration.schema.ts';

/**
 * Who may do what with the registration package (issue 4): the leader, board members and the treasurer edit,
 * send and discard; every member reads (fødselsnummer masked, and only to editors and the person); a confirmation
 * comes only from the listed board member; strangers are refused by requireOrgRole before anything is read.
 */
export const EDIT_ROLES = BOARD_ROLES;

/** Content can change until the package is on its way to Brønnøysund. */
const EDITABLE = new Set<PackageRow['status']>(['draft', 'awaiting-confirmation', 'confirmed']);

export async function requireEditor(deps: Deps, opts: { user: CurrentUser | null; organisationId: string }) {
  return requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: EDIT_ROLES });
}

/** Locks the open package for a change, or says why there is nothing to change. */
export async function lockEditablePackage(db: Db, organisationId: string): Promise<PackageRow> {
  const pkg = await lockOpenPackage(db, organisationId);
  if (!pkg) throw new AppError('not_found', 'reg.error.noPackage');
  if (!EDITABLE.has(pkg.status)) throw new AppError('conflict', 'reg.error.notEditable');
  return pkg;
}

/**
 * Every change to the content goes through here: a new version, back to draft, and confirmations already
 * given no longer count (the audit entry and the returned count say so, and the page tells the editor).
 */
export async function commitContentChange(
  db: Db,
  opts: { pkg: PackageRow; data?: PackageData; userId: string; at: Date; action: string; details: Record<string, unknown> },
): Promise<{ invalidated: number }> {
  await updatePackageContent(db, opts.pkg.id, { data: opts.data, at: opts.at });
  const invalidated = await invalidateConfirmations(db, opts.pkg.id, { at: opts.at, reason: 'changed' });
  await recordAudit(db, {
    organisationId: opts.pkg.organisationId,
    actorUserId: opts.userId,
    action: opts.action,
    details: { packageId: opts.pkg.id, version: opts.pkg.version + 1, confirmationsInvalidated: invalidated, ...opts.details },
    at: opts.at,
  });
  return { invalidated };
}

import { recordAudit } from '../../core/audit.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { requireOrgRole } from '../../core/auth/org-access.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { revokeInvitationRow } from './organisations.queries.ts';

export async function revokeInvitation(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string; invitationId: string },
): Promise<{ email: string }> {
  const { user } = await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: ['leader'] });
  if (!/^[0-9a-f-]{36}$/i.test(opts.invitationId)) throw new AppError('not_found', 'error.notFound.body');
  return deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const row = await revokeInvitationRow(db, opts.organisationId, opts.invitationId, deps.now());
    if (!row) throw new AppError('not_found', 'error.notFound.body');
    await recordAudit(db, {
      organisationId: opts.organisationId,
      actorUserId: user.id,
      action: 'invitation.revoked',
      details: { email: row.email, invitationId: opts.invitationId },
      at: deps.now(),
    });
    return { email: row.email };
  });
}

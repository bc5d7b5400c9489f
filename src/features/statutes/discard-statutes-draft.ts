import { recordAudit } from '../../core/audit.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { requireOrgRole } from '../../core/auth/org-access.ts';
import type { Db } from '../../core/db/client.ts';
import type { Deps } from '../../core/http/context.ts';
import { EDIT_ROLES } from './read-statutes.ts';
import { deleteDraft, lockDraft } from './statutes.queries.ts';

/** Throws the draft away (the adopted versions are untouched). Logged, since others may have typed in it. */
export async function discardStatutesDraft(deps: Deps, opts: { user: CurrentUser | null; organisationId: string }): Promise<void> {
  const { user } = await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: EDIT_ROLES });
  await deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    if (!(await lockDraft(db, opts.organisationId))) return;
    await deleteDraft(db, opts.organisationId);
    await recordAudit(db, {
      organisationId: opts.organisationId,
      actorUserId: user.id,
      action: 'statutes.draft_discarded',
      at: deps.now(),
    });
  });
}

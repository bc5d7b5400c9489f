import { recordAudit } from '../../core/audit.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { requireOrgRole } from '../../core/auth/org-access.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { EDIT_ROLES, readFoundingState } from './founding.context.ts';
import { insertDraft, lockOrganisationRow, nextVersion } from './founding.queries.ts';

/**
 * Reopens the finalised protocol for changes: its answers are copied into a new draft with the next
 * version number. The finalised protocol itself is never changed and stays the valid one until the new
 * draft is finalised. With a draft already open, nothing new is made (the person is sent to it).
 */
export async function reopenFoundingMeeting(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string },
): Promise<{ created: boolean; version: number; fromVersion: number | null }> {
  const access = await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: EDIT_ROLES });
  return deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await lockOrganisationRow(db, opts.organisationId);
    const state = await readFoundingState(deps, db, { ...access, organisationId: opts.organisationId });
    if (state.draft) return { created: false, version: state.draft.version, fromVersion: null };
    const finalised = state.finalised;
    if (!finalised) throw new AppError('not_found', 'founding.error.nothingToReopen');
    const now = deps.now();
    const version = await nextVersion(db, opts.organisationId);
    await insertDraft(db, {
      organisationId: opts.organisationId,
      version,
      language: finalised.language,
      data: finalised.data,
      answeredPages: finalised.answeredPages,
      userId: state.user.id,
      now,
    });
    await recordAudit(db, {
      organisationId: opts.organisationId,
      actorUserId: state.user.id,
      action: 'founding.reopened',
      details: { fromVersion: finalised.version, version },
      at: now,
    });
    return { created: true, version, fromVersion: finalised.version };
  });
}

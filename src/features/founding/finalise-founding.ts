import { recordAudit } from '../../core/audit.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { requireOrgRole } from '../../core/auth/org-access.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { EDIT_ROLES, protocolName, readFoundingState } from './founding.context.ts';
import { finaliseDraft, lockOrganisationRow } from './founding.queries.ts';
import { type Problem, validateMeeting } from './founding.rules.ts';

export type FinaliseResult =
  | { ok: true; version: number }
  | { ok: false; reason: 'changed' }
  | { ok: false; reason: 'problems'; problems: Problem[] };

/**
 * Finalises the draft as the founding protocol. Only the revision the person checked is finalised (a save
 * made meanwhile sends them back to check again), only when the whole meeting passes validateMeeting —
 * checked again here against the statutes and attendees as they are now — and the organisation's name
 * and statutes version are written into it. From then on the row is immutable (migration 0012).
 */
export async function finaliseFoundingMeeting(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string; revision: number },
): Promise<FinaliseResult> {
  const access = await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: EDIT_ROLES });
  return deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await lockOrganisationRow(db, opts.organisationId);
    const state = await readFoundingState(deps, db, { ...access, organisationId: opts.organisationId });
    const draft = state.draft;
    if (!draft) throw new AppError('conflict', 'founding.error.noDraft');
    if (draft.revision !== opts.revision) return { ok: false, reason: 'changed' };
    const problems = validateMeeting({ data: draft.data, answeredPages: draft.answeredPages, rules: state.rules, today: state.today });
    if (problems.length > 0) return { ok: false, reason: 'problems', problems };
    const now = deps.now();
    const finalised = await finaliseDraft(db, {
      id: draft.id,
      revision: opts.revision,
      organisationName: protocolName(state),
      statutesVersion: state.rules.statutesVersion,
      userId: state.user.id,
      userName: state.user.name,
      now,
    });
    if (!finalised) return { ok: false, reason: 'changed' };
    await recordAudit(db, {
      organisationId: opts.organisationId,
      actorUserId: state.user.id,
      action: 'founding.finalised',
      details: { version: finalised.version, statutesVersion: finalised.statutesVersion, heldOn: draft.data.heldOn },
      at: now,
    });
    return { ok: true, version: finalised.version };
  });
}

import { recordAudit } from '../../core/audit.ts';
import { requireUser } from '../../core/auth/access.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { sha256 } from '../../core/crypto.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { claimInvitation, findInvitationByTokenHash, findMembership, insertMembership } from './organisations.queries.ts';

/** Looks up an invitation that can still be used; anything else is "gone" (410) with one message. */
export async function findUsableInvitation(deps: Deps, opts: { token: string }) {
  const invitation = await findInvitationByTokenHash(deps.database.db, sha256(opts.token));
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= deps.now()) {
    throw new AppError('gone', 'orgs.accept.invalid');
  }
  return invitation;
}

/**
 * The signed-in person accepts. The link is the credential (ID-porten does not give us an e-mail to
 * compare with), so it is single use: claiming it and adding the membership happen in one transaction.
 * Someone who is already a member keeps their role; an invitation never demotes.
 */
export async function acceptInvitation(
  deps: Deps,
  opts: { user: CurrentUser | null; token: string },
): Promise<{ organisationId: string; organisationName: string; alreadyMember: boolean }> {
  const user = requireUser(opts.user);
  const invitation = await findUsableInvitation(deps, { token: opts.token });
  return deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const now = deps.now();
    const claimed = await claimInvitation(db, invitation.id, user.id, now);
    if (!claimed) throw new AppError('gone', 'orgs.accept.invalid');
    const existing = await findMembership(db, invitation.organisationId, user.id);
    if (!existing) {
      await insertMembership(db, { organisationId: invitation.organisationId, userId: user.id, role: invitation.role });
    }
    await recordAudit(db, {
      organisationId: invitation.organisationId,
      actorUserId: user.id,
      action: 'invitation.accepted',
      details: { invitationId: invitation.id, name: user.name, role: existing?.role ?? invitation.role, alreadyMember: Boolean(existing) },
      at: now,
    });
    return { organisationId: invitation.organisationId, organisationName: invitation.organisationName, alreadyMember: Boolean(existing) };
  });
}

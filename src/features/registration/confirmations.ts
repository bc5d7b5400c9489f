import { recordAudit } from '../../core/audit.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { ANY_ORG_ROLE, requireOrgRole } from '../../core/auth/org-access.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { translator } from '../../core/i18n/catalogue.ts';
import type { Lang } from '../../core/i18n/i18n.ts';
import { inviteMember } from '../organisations/invite-member.ts';
import type { OrgRole } from '../organisations/organisations.schema.ts';
import { lockEditablePackage, requireEditor } from './package-access.ts';
import { loadPackageState } from './package-state.ts';
import { findUserContact, insertConfirmation, lockOpenPackage, setPackageStatus, updatePerson } from './registration.queries.ts';
import type { BoardRole } from './registration.schema.ts';

/**
 * Board confirmation in the app (issue 4; brief §4.1: the whole board is listed, and in practice every newly
 * listed member signs). An editor sends the checked package to the board; each listed board member confirms it
 * themselves — a confirmation records who, when and the keyed hash of the content — and when every member's
 * confirmation counts, the package is confirmed and can be sent. A board member without an account gets the
 * workspace's ordinary invitation (organisations/invite-member.ts) and can confirm once they have joined.
 */

export async function requestConfirmations(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string; lang: Lang },
): Promise<{ notified: number }> {
  const { user } = await requireEditor(deps, opts);
  const now = deps.now();
  const { recipients, organisationName } = await deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const pkg = await lockEditablePackage(db, opts.organisationId);
    const state = await loadPackageState(deps, db, { organisationId: opts.organisationId, pkg });
    if (!state) throw new AppError('not_found', 'reg.error.noPackage');
    if (!state.check.ready) throw new AppError('validation', 'reg.error.notReady');
    if (pkg.status === 'draft') await setPackageStatus(db, pkg.id, state.allConfirmed ? 'confirmed' : 'awaiting-confirmation', now);
    await recordAudit(db, {
      organisationId: opts.organisationId,
      actorUserId: user.id,
      action: 'registration.confirmation_requested',
      details: { packageId: pkg.id, version: pkg.version, boardMembers: state.board.length },
      at: now,
    });
    const recipients: { email: string; name: string }[] = [];
    for (const p of state.board) {
      if (!p.userId || p.userId === user.id || p.confirmation?.valid) continue;
      const contact = await findUserContact(db, p.userId);
      if (contact?.email) recipients.push({ email: contact.email, name: contact.name });
    }
    return { recipients, organisationName: state.organisation.name };
  });
  // E-mail after the commit: the outbox records each one, and a failed delivery does not undo the request.
  const t = translator(opts.lang);
  for (const r of recipients) {
    await deps.mailer.send({
      to: r.email,
      subject: t('reg.mail.confirmSubject', { name: organisationName }),
      text: t('reg.mail.confirmBody', {
        person: r.name,
        inviter: user.name,
        name: organisationName,
        link: `${deps.config.publicUrl}/arbeidsrom/${opts.organisationId}/registrering/bekreft`,
      }),
    });
  }
  return { notified: recipients.length };
}

export async function confirmPackage(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string; version: number },
): Promise<{ allConfirmed: boolean }> {
  const { user } = await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: ANY_ORG_ROLE });
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const pkg = await lockOpenPackage(db, opts.organisationId);
    if (!pkg) throw new AppError('not_found', 'reg.error.noPackage');
    const state = await loadPackageState(deps, db, { organisationId: opts.organisationId, pkg });
    if (!state) throw new AppError('not_found', 'reg.error.noPackage');
    const me = state.board.find((p) => p.userId === user.id);
    // Only the listed board member confirms for themselves; confirming is personal and cannot be delegated.
    if (!me) throw new AppError('forbidden', 'reg.error.notOnBoard');
    if (pkg.status !== 'awaiting-confirmation' && pkg.status !== 'confirmed')
      throw new AppError('conflict', 'reg.error.notAwaitingConfirmation');
    if (opts.version !== pkg.version) throw new AppError('conflict', 'reg.error.changedWhileReading');
    if (!state.check.ready) throw new AppError('conflict', 'reg.error.notReady');
    if (!me.confirmation?.valid) {
      await insertConfirmation(db, {
        packageId: pkg.id,
        personId: me.id,
        userId: user.id,
        packageVersion: pkg.version,
        contentHash: state.contentHash,
        at: now,
      });
      await recordAudit(db, {
        organisationId: opts.organisationId,
        actorUserId: user.id,
        action: 'registration.confirmed',
        details: { packageId: pkg.id, personId: me.id, version: pkg.version, contentHash: state.contentHash },
        at: now,
      });
    }
    const allConfirmed = state.board.every((p) => p.id === me.id || p.confirmation?.valid);
    if (allConfirmed && pkg.status !== 'confirmed') await setPackageStatus(db, pkg.id, 'confirmed', now);
    return { allConfirmed };
  });
}

/** The workspace role an invited board member gets: the elected leader leads the workspace too. */
const INVITE_ROLE: Record<BoardRole, OrgRole> = {
  leader: 'leader',
  deputy_leader: 'board_member',
  board_member: 'board_member',
  treasurer: 'treasurer',
  deputy: 'member',
};

/**
 * Invites a listed board member who has no account yet, with the ordinary workspace invitation (only a leader may
 * invite: inviteMember checks that). The invitation is remembered on the person, so whoever accepts it is the
 * member who confirms.
 */
export async function inviteBoardMember(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string; personId: string; lang: Lang },
): Promise<{ email: string; delivered: boolean }> {
  await requireEditor(deps, opts);
  const now = deps.now();
  const state = await loadPackageState(deps, deps.database.db, { organisationId: opts.organisationId });
  const person = state?.board.find((p) => p.id === opts.personId);
  if (!state || !person) throw new AppError('not_found', 'reg.error.personMissing');
  if (person.userId) throw new AppError('conflict', 'reg.error.alreadyMember');
  if (!person.email) throw new AppError('validation', 'reg.error.emailForInvitation');
  const { invitationId, delivered } = await inviteMember(deps, {
    user: opts.user,
    organisationId: opts.organisationId,
    email: person.email,
    role: INVITE_ROLE[person.boardRole!],
    lang: opts.lang,
  });
  await deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    // Linking the invitation is not a content change: the confirmations already given still count.
    await updatePerson(db, person.id, { invitationId, at: now });
    await recordAudit(db, {
      organisationId: opts.organisationId,
      actorUserId: opts.user!.id,
      action: 'registration.board_member_invited',
      details: { packageId: state.pkg.id, personId: person.id, invitationId },
      at: now,
    });
  });
  return { email: person.email, delivered };
}

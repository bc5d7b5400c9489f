import { recordAudit } from '../../core/audit.ts';
import { requireUser } from '../../core/auth/access.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { translator } from '../../core/i18n/catalogue.ts';
import { isLang, type Lang } from '../../core/i18n/i18n.ts';
import {
  findEnhet,
  findMembershipRole,
  findPendingAccessRequest,
  findUserIdentity,
  findWorkspaceByOrgnr,
  insertAccessRequest,
  listLeaderContacts,
} from './organisation-profile.queries.ts';

/**
 * "Ask its leader for access": for someone who is not (or cannot be shown to be) on the board. The request
 * is stored (one pending per person and organisation), audited in the organisation's log, and e-mailed to
 * every leader in their own language. The leader then invites the person from the members page.
 */
export async function requestAccess(
  deps: Deps,
  opts: { user: CurrentUser | null; orgnr: string; message: string | null; lang: Lang },
): Promise<{ organisationName: string; alreadyRequested: boolean; leadersNotified: number }> {
  const user = requireUser(opts.user);
  const db = deps.database.db;
  const enhet = await findEnhet(db, opts.orgnr);
  if (!enhet) throw new AppError('not_found', 'profile.notFound');
  const workspace = await findWorkspaceByOrgnr(db, opts.orgnr);
  if (!workspace) throw new AppError('conflict', 'profile.access.noWorkspace');
  if (await findMembershipRole(db, workspace.id, user.id)) throw new AppError('conflict', 'profile.access.alreadyMember');
  const identity = await findUserIdentity(db, user.id);
  const now = deps.now();

  const created = await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const row = await insertAccessRequest(t, { organisationId: workspace.id, userId: user.id, message: opts.message, createdAt: now });
    if (!row) return false;
    await recordAudit(t, {
      organisationId: workspace.id,
      actorUserId: user.id,
      action: 'access.requested',
      details: { name: user.name, requestId: row.id },
      at: now,
    });
    return true;
  });
  // A repeated request changes nothing and does not e-mail the leaders again.
  if (!created) return { organisationName: workspace.name, alreadyRequested: true, leadersNotified: 0 };

  let leadersNotified = 0;
  for (const leader of await listLeaderContacts(db, workspace.id)) {
    if (!leader.email) continue;
    const t = translator(isLang(leader.preferredLanguage) ? leader.preferredLanguage : opts.lang);
    const { delivered } = await deps.mailer.send({
      to: leader.email,
      subject: t('profile.access.emailSubject', { name: workspace.name }),
      text: t('profile.access.emailBody', {
        leader: leader.name,
        requester: user.name,
        email: identity?.email ?? user.email ?? '',
        name: workspace.name,
        message: opts.message ?? t('profile.access.emailNoMessage'),
        link: `${deps.config.publicUrl}/arbeidsrom/${workspace.id}/invitasjoner/ny`,
      }),
    });
    if (delivered) leadersNotified++;
  }
  return { organisationName: workspace.name, alreadyRequested: false, leadersNotified };
}

/** For the confirmation page: the organisation's name, and whether this person has a pending request. */
export async function readAccessRequestStatus(
  deps: Deps,
  opts: { user: CurrentUser | null; orgnr: string },
): Promise<{ organisationName: string; pending: boolean }> {
  const user = requireUser(opts.user);
  const db = deps.database.db;
  const enhet = await findEnhet(db, opts.orgnr);
  if (!enhet) throw new AppError('not_found', 'profile.notFound');
  const workspace = await findWorkspaceByOrgnr(db, opts.orgnr);
  const pending = workspace ? (await findPendingAccessRequest(db, workspace.id, user.id)) !== null : false;
  return { organisationName: workspace?.name ?? enhet.navn, pending };
}

import { recordAudit } from '../../core/audit.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { requireOrgRole } from '../../core/auth/org-access.ts';
import { randomToken, sha256 } from '../../core/crypto.ts';
import type { Db } from '../../core/db/client.ts';
import type { Deps } from '../../core/http/context.ts';
import { type MessageKey, translator } from '../../core/i18n/catalogue.ts';
import type { Lang } from '../../core/i18n/i18n.ts';
import { findOrganisation, insertInvitation } from './organisations.queries.ts';
import type { OrgRole } from './organisations.schema.ts';

export const INVITATION_DAYS = 7;

/**
 * A leader invites someone by e-mail. The link carries a random token; only its hash is stored, it
 * expires after INVITATION_DAYS and can be used once. The e-mail is written in the inviter's language.
 */
export async function inviteMember(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string; email: string; role: OrgRole; lang: Lang },
): Promise<{ invitationId: string; delivered: boolean }> {
  const { user } = await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: ['leader'] });
  const token = randomToken();
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  const { invitationId, organisationName } = await deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const org = await findOrganisation(db, opts.organisationId);
    const row = await insertInvitation(db, {
      organisationId: opts.organisationId,
      email: opts.email,
      role: opts.role,
      tokenHash: sha256(token),
      invitedBy: user.id,
      expiresAt,
    });
    await recordAudit(db, {
      organisationId: opts.organisationId,
      actorUserId: user.id,
      action: 'invitation.created',
      details: { email: opts.email, role: opts.role, invitationId: row.id },
      at: now,
    });
    return { invitationId: row.id, organisationName: org?.name ?? '' };
  });
  const t = translator(opts.lang);
  const { delivered } = await deps.mailer.send({
    to: opts.email,
    subject: t('orgs.invite.emailSubject', { name: organisationName }),
    text: t('orgs.invite.emailBody', {
      inviter: user.name,
      name: organisationName,
      role: t(`role.${opts.role}` as MessageKey),
      link: `${deps.config.publicUrl}/invitasjon/${token}`,
      expires: expiresAt.toLocaleDateString(opts.lang === 'en' ? 'en-GB' : 'nb-NO', { dateStyle: 'long', timeZone: 'Europe/Oslo' }),
    }),
  });
  return { invitationId, delivered };
}

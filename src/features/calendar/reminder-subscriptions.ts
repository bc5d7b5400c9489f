import { recordAudit } from '../../core/audit.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { ANY_ORG_ROLE, requireOrgRole } from '../../core/auth/org-access.ts';
import { hmac, safeEqual } from '../../core/crypto.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import {
  deleteSubscription,
  deleteSubscriptionById,
  findOrganisationName,
  findSubscriptionById,
  insertSubscription,
} from './calendar.queries.ts';

/**
 * Members opt in to reminder e-mails per organisation, and opt out in the årshjul or with the link in every
 * reminder. The link is signed (HMAC with SESSION_SECRET) over the subscription's id and organisation, so it works
 * without signing in, cannot be forged for someone else, and stops meaning anything once that subscription ends
 * (a later opt-in gets a new id, which an old e-mail's link does not name).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function unsubscribeToken(deps: Pick<Deps, 'config'>, subscriptionId: string, organisationId: string): string {
  return `${subscriptionId}.${organisationId}.${hmac(deps.config.SESSION_SECRET, `calendar-unsubscribe:${subscriptionId}:${organisationId}`)}`;
}

export function unsubscribeUrl(deps: Pick<Deps, 'config'>, subscriptionId: string, organisationId: string): string {
  return `${deps.config.publicUrl}/kalender/avmelding/${unsubscribeToken(deps, subscriptionId, organisationId)}`;
}

/** The subscription and organisation a link names, or a 404 when it is malformed or its signature is wrong. */
function verifyToken(deps: Pick<Deps, 'config'>, token: string): { subscriptionId: string; organisationId: string } {
  const [subscriptionId = '', organisationId = '', signature = '', ...rest] = token.split('.');
  if (rest.length > 0 || !UUID.test(subscriptionId) || !UUID.test(organisationId)) throw new AppError('not_found', 'error.notFound.body');
  const expected = unsubscribeToken(deps, subscriptionId, organisationId).split('.')[2]!;
  if (!safeEqual(signature, expected)) throw new AppError('not_found', 'error.notFound.body');
  return { subscriptionId, organisationId };
}

/** Turns the signed-in member's reminders for one organisation on or off (audited). */
export async function setReminders(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string; on: boolean | null },
): Promise<{ organisationName: string; on: boolean }> {
  const { user } = await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: ANY_ORG_ROLE });
  if (opts.on === null) throw new AppError('validation', 'calendar.reminders.invalid');
  if (opts.on && !user.email) throw new AppError('validation', 'calendar.reminders.noEmail');
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const organisationName = (await findOrganisationName(db, opts.organisationId)) ?? '';
    const changed = opts.on
      ? (await insertSubscription(db, { organisationId: opts.organisationId, userId: user.id, createdAt: now })) !== null
      : await deleteSubscription(db, opts.organisationId, user.id);
    // Pressing the same button twice changes nothing and logs nothing.
    if (changed) {
      await recordAudit(db, {
        organisationId: opts.organisationId,
        actorUserId: user.id,
        action: opts.on ? 'calendar.reminders_on' : 'calendar.reminders_off',
        details: { name: user.name },
        at: now,
      });
    }
    return { organisationName, on: opts.on! };
  });
}

/** What the unsubscribe link's confirmation page shows. */
export async function readUnsubscribe(deps: Deps, opts: { token: string }): Promise<{ organisationName: string; subscribed: boolean }> {
  const { subscriptionId, organisationId } = verifyToken(deps, opts.token);
  const db = deps.database.db;
  const organisationName = await findOrganisationName(db, organisationId);
  if (organisationName === null) throw new AppError('not_found', 'error.notFound.body');
  const subscription = await findSubscriptionById(db, subscriptionId);
  return { organisationName, subscribed: subscription !== null && subscription.organisationId === organisationId };
}

/** The one-click opt-out (POST from the confirmation page): ends the subscription the link names, audited. */
export async function unsubscribeByToken(deps: Deps, opts: { token: string }): Promise<{ organisationName: string }> {
  const { subscriptionId, organisationId } = verifyToken(deps, opts.token);
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const organisationName = await findOrganisationName(db, organisationId);
    if (organisationName === null) throw new AppError('not_found', 'error.notFound.body');
    const subscription = await findSubscriptionById(db, subscriptionId);
    if (subscription && subscription.organisationId === organisationId && (await deleteSubscriptionById(db, subscriptionId))) {
      await recordAudit(db, {
        organisationId,
        actorUserId: subscription.userId,
        action: 'calendar.reminders_off',
        details: { name: subscription.userName, via: 'email-link' },
        at: now,
      });
    }
    return { organisationName };
  });
}

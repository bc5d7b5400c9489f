import type { CurrentUser } from '../../core/auth/current-user.ts';
import { ANY_ORG_ROLE, requireOrgRole } from '../../core/auth/org-access.ts';
import { sha256 } from '../../core/crypto.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { readCalendarInputs } from './calendar.inputs.ts';
import { findFeed, findOrganisationName, findSubscription } from './calendar.queries.ts';
import { upcomingDeadlines } from './calendar.rules.ts';

/**
 * The årshjul page for any member: the coming twelve months of deadlines, what the årsmøte dates rest on, the
 * feed's state (leaders manage it) and the reader's own reminder choice. `newFeedToken` is the token a leader
 * just made (carried once from the POST); it is shown only when it is still the organisation's current one.
 */
export async function readCalendar(deps: Deps, opts: { user: CurrentUser | null; organisationId: string; newFeedToken?: string | null }) {
  const { user, role } = await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: ANY_ORG_ROLE });
  const db = deps.database.db;
  const name = await findOrganisationName(db, opts.organisationId);
  if (name === null) throw new AppError('not_found', 'error.notFound.body');
  const [input, feed, subscription] = await Promise.all([
    readCalendarInputs(db, opts.organisationId, deps.now()),
    findFeed(db, opts.organisationId),
    findSubscription(db, opts.organisationId, user.id),
  ]);
  const showToken =
    role === 'leader' &&
    feed &&
    opts.newFeedToken &&
    /^[A-Za-z0-9_-]{43}$/.test(opts.newFeedToken) &&
    sha256(opts.newFeedToken) === feed.tokenHash;
  return {
    organisation: { id: opts.organisationId, name },
    role,
    today: input.today,
    deadlines: upcomingDeadlines(input),
    statutes: { source: input.statutes.source, version: input.statutes.version },
    feed: feed ? { createdAt: feed.createdAt } : null,
    feedUrl: showToken ? feedUrl(deps, opts.newFeedToken!) : null,
    reminders: { subscribed: subscription !== null, email: user.email ?? null, days: deps.config.CALENDAR_REMINDER_DAYS },
  };
}

export function feedUrl(deps: Pick<Deps, 'config'>, token: string): string {
  return `${deps.config.publicUrl}/kalender/${token}.ics`;
}

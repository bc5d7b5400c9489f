import { and, eq, inArray } from 'drizzle-orm';
import { requireUser } from '../../core/auth/access.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import type { OrgRole } from '../../core/auth/org-access.ts';
import { memberships, organisations } from '../../core/db/schema.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { actorsOfUser, isOrchestrator } from '../ecosystem/ecosystem-access.ts';

/**
 * Co-creation in the portfolio (issue 5, item 5: "actors and organisations comment, support and propose
 * initiatives"): the people of ecosystem actors, and leaders and board members of organisation workspaces.
 * Editing and moving initiatives stays with the core group (requireCoreGroup).
 */
export const CO_CREATOR_ORG_ROLES: readonly OrgRole[] = ['leader', 'board_member'];

export interface CoCreator {
  user: CurrentUser;
  /** The actors and organisations the person speaks for, as shown beside a proposal or comment. */
  affiliation: string;
  actorIds: string[];
}

async function boardOrganisations(deps: Deps, userId: string) {
  return deps.database.db
    .select({ id: organisations.id, name: organisations.name })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, userId), inArray(memberships.role, [...CO_CREATOR_ORG_ROLES])))
    .orderBy(organisations.name);
}

/** The co-creator behind the user, or null when the user is signed out or neither actor person nor board. */
export async function coCreatorOf(deps: Deps, opts: { user: CurrentUser | null }): Promise<CoCreator | null> {
  if (!opts.user) return null;
  const [actors, orgs] = await Promise.all([actorsOfUser(deps, { user: opts.user }), boardOrganisations(deps, opts.user.id)]);
  if (actors.length === 0 && orgs.length === 0 && !isOrchestrator(opts.user)) return null;
  const affiliation = [...actors.map((a) => a.name), ...orgs.map((o) => o.name)].join(', ');
  return { user: opts.user, affiliation, actorIds: actors.map((a) => a.actorId) };
}

export async function requireCoCreator(deps: Deps, opts: { user: CurrentUser | null }): Promise<CoCreator> {
  const user = requireUser(opts.user);
  const who = await coCreatorOf(deps, { user });
  if (who) return who;
  deps.logger.warn('access refused', { userId: user.id, needed: 'portfolio_co_creator' });
  throw new AppError('forbidden', 'error.forbidden.body');
}

import { eq, inArray } from 'drizzle-orm';
import { requirePlatformRole, requireUser } from '../../core/auth/access.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { ecosystemActorPeople, ecosystemActors } from '../../core/db/schema.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';

/**
 * The ecosystem's access model (issue 5: "the orchestrator administers; core-group members edit the portfolio
 * and decisions; suppliers manage only their own listings and proposals; everyone reads what is public").
 * Every ecosystem feature calls these guards first, before it looks at any input. Errors follow
 * requirePlatformRole/requireOrgRole: not_signed_in (401) without a user, forbidden (403) otherwise.
 */

export type ActorKind = (typeof ecosystemActors.$inferSelect)['kind'];
export type EcosystemRole = (typeof ecosystemActors.$inferSelect)['ecosystemRole'];

export const ACTOR_KINDS: readonly ActorKind[] = [
  'state_agency',
  'county',
  'municipality',
  'umbrella_body',
  'voluntary_organisation',
  'supplier',
  'research',
];
export const ECOSYSTEM_ROLES: readonly EcosystemRole[] = ['orchestrator', 'core_group', 'participant', 'observer'];
/** Actors whose people sit in the core group (the orchestrator's own people included). */
export const CORE_GROUP_ROLES: readonly EcosystemRole[] = ['orchestrator', 'core_group'];

export interface ActorOfUser {
  actorId: string;
  name: string;
  kind: ActorKind;
  ecosystemRole: EcosystemRole;
  supplierSector: 'private' | 'public' | 'voluntary' | null;
  title: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The platform's orchestrator (or an administrator) administers the ecosystem. */
export function isOrchestrator(user: CurrentUser | null): boolean {
  return !!user && user.platformRoles.some((r) => r === 'orchestrator' || r === 'administrator');
}

export function requireOrchestrator(user: CurrentUser | null): CurrentUser {
  return requirePlatformRole(user, 'orchestrator', 'administrator');
}

/** The actors the user belongs to, with the user's title at each. Empty when signed out. */
export async function actorsOfUser(deps: Deps, opts: { user: CurrentUser | null }): Promise<ActorOfUser[]> {
  if (!opts.user) return [];
  return deps.database.db
    .select({
      actorId: ecosystemActors.id,
      name: ecosystemActors.name,
      kind: ecosystemActors.kind,
      ecosystemRole: ecosystemActors.ecosystemRole,
      supplierSector: ecosystemActors.supplierSector,
      title: ecosystemActorPeople.title,
    })
    .from(ecosystemActorPeople)
    .innerJoin(ecosystemActors, eq(ecosystemActors.id, ecosystemActorPeople.actorId))
    .where(eq(ecosystemActorPeople.userId, opts.user.id))
    .orderBy(ecosystemActors.name);
}

/** Orchestrator, or a person of an actor whose ecosystem role is orchestrator or core group. */
export async function isCoreGroupMember(deps: Deps, opts: { user: CurrentUser | null }): Promise<boolean> {
  if (!opts.user) return false;
  if (isOrchestrator(opts.user)) return true;
  const mine = await actorsOfUser(deps, opts);
  return mine.some((a) => CORE_GROUP_ROLES.includes(a.ecosystemRole));
}

export async function requireCoreGroup(deps: Deps, opts: { user: CurrentUser | null }): Promise<CurrentUser> {
  const user = requireUser(opts.user);
  if (await isCoreGroupMember(deps, { user })) return user;
  deps.logger.warn('access refused', { userId: user.id, needed: 'core_group' });
  throw new AppError('forbidden', 'error.forbidden.body');
}

/**
 * The user belongs to the actor (e.g. a supplier's person managing the supplier's own listings); the
 * orchestrator passes too. An unknown or malformed actor id is refused the same way, so ids cannot be probed.
 */
export async function requireActorPerson(deps: Deps, opts: { user: CurrentUser | null; actorId: string }): Promise<CurrentUser> {
  const user = requireUser(opts.user);
  if (isOrchestrator(user)) return user;
  if (UUID.test(opts.actorId)) {
    const mine = await actorsOfUser(deps, { user });
    if (mine.some((a) => a.actorId === opts.actorId)) return user;
  }
  deps.logger.warn('access refused', { userId: user.id, actorId: opts.actorId, needed: 'actor_person' });
  throw new AppError('forbidden', 'error.forbidden.body');
}

/** Ids of the given actors that exist (used by forms that link to actors). */
export async function existingActorIds(deps: Deps, ids: readonly string[]): Promise<Set<string>> {
  const valid = ids.filter((id) => UUID.test(id));
  if (valid.length === 0) return new Set();
  const rows = await deps.database.db.select({ id: ecosystemActors.id }).from(ecosystemActors).where(inArray(ecosystemActors.id, valid));
  return new Set(rows.map((r) => r.id));
}

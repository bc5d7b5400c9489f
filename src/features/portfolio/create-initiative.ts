import { recordAudit } from '../../core/audit.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { existingActorIds, isCoreGroupMember, requireCoreGroup } from '../ecosystem/ecosystem-access.ts';
import { readNeeds } from '../needs/needs.domain.ts';
import { insertHistory, insertInitiative, replaceLinks } from './portfolio.queries.ts';
import type { InitiativeInput, OriginKind } from './portfolio.schema.ts';
import { requireCoCreator } from './portfolio-access.ts';

/**
 * How an initiative enters the portfolio: proposed by a co-creator (an actor's person or an organisation's
 * leader/board member), handed over from a marketplace challenge proposal (`ref` = that proposal's id), or
 * added by the core group.
 */
export interface InitiativeOrigin {
  kind: OriginKind;
  ref?: string;
}

/**
 * Every referenced need and actor must exist; a proposer who is not in the core group may name only one of
 * their own actors as owner. Throws AppError('validation', key, { field }) — the caller shows it on that field.
 */
export async function checkInitiativeReferences(deps: Deps, opts: { input: InitiativeInput; ownActorIds: string[] | null }): Promise<void> {
  const { input } = opts;
  const { needs } = await readNeeds(deps);
  const known = new Set(needs.map((n) => n.id));
  if (!input.needIds.every((id) => known.has(id))) throw new AppError('validation', 'portfolio.error.needs', { field: 'needIds' });
  const actorIds = [...input.participantActorIds, ...(input.ownerActorId ? [input.ownerActorId] : [])];
  const existing = await existingActorIds(deps, actorIds);
  if (!input.participantActorIds.every((id) => existing.has(id))) {
    throw new AppError('validation', 'portfolio.error.participants', { field: 'participantActorIds' });
  }
  if (input.ownerActorId && (!existing.has(input.ownerActorId) || (opts.ownActorIds && !opts.ownActorIds.includes(input.ownerActorId)))) {
    throw new AppError('validation', 'portfolio.error.owner', { field: 'ownerActorId' });
  }
}

/**
 * Creates an initiative at stage idé (issue 5, item 5) and returns its id. Guards first: origin 'core-group'
 * needs the core group; 'proposal' and 'marketplace-proposal' need a co-creator (requireCoCreator — the core
 * group's people and the orchestrator pass too), and a marketplace hand-over must name its proposal (`ref`).
 * The initiative is flagged as proposed by the user; a history row and an audit event are written in the same
 * transaction. Stable signature: the marketplace calls it when a challenge proposal enters the portfolio.
 */
export async function createInitiative(
  deps: Deps,
  opts: { user: CurrentUser | null; input: InitiativeInput; origin: InitiativeOrigin },
): Promise<string> {
  const { input, origin } = opts;
  let user: CurrentUser;
  let ownActorIds: string[] | null = null;
  if (origin.kind === 'core-group') {
    user = await requireCoreGroup(deps, { user: opts.user });
  } else {
    const who = await requireCoCreator(deps, { user: opts.user });
    user = who.user;
    if (!(await isCoreGroupMember(deps, { user }))) ownActorIds = who.actorIds;
  }
  const ref = origin.ref?.trim() || null;
  if (origin.kind === 'marketplace-proposal' && !ref) throw new AppError('validation', 'portfolio.error.originRef', { field: 'origin' });
  await checkInitiativeReferences(deps, { input, ownActorIds });
  const at = deps.now();
  const { needIds, participantActorIds, ...fields } = input;
  return deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const id = await insertInitiative(db, {
      ...fields,
      stage: 'idea',
      stopReason: null,
      origin: origin.kind,
      originRef: ref,
      proposedByUserId: user.id,
      proposedByName: user.name,
      createdAt: at,
      updatedAt: at,
    });
    await replaceLinks(db, id, { needIds, actorIds: participantActorIds });
    await insertHistory(db, {
      initiativeId: id,
      action: 'created',
      changes: { ...input, stage: 'idea', origin: origin.kind, originRef: ref },
      actorUserId: user.id,
      actorName: user.name,
      createdAt: at,
    });
    await recordAudit(db, {
      organisationId: null,
      actorUserId: user.id,
      action: 'portfolio.initiative_created',
      details: { initiativeId: id, origin: origin.kind, originRef: ref },
      at,
    });
    return id;
  });
}

import { requireUser } from '../../core/auth/access.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { changedFields } from '../../core/changes.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { actorsOfUser, isCoreGroupMember, isOrchestrator, requireActorPerson, requireCoreGroup } from '../ecosystem/ecosystem-access.ts';
import { todayInNorway } from '../plan/facts-form.ts';
import {
  findActor,
  findChallenge,
  findProposal,
  insertChallenge,
  insertProposal,
  listChallenges,
  listProposals,
  type ProposalRow,
  updateChallenge,
  updateProposal,
} from './marketplace.queries.ts';
import type { ChallengeForm, ProposalForm } from './marketplace.schema.ts';
import { inTransaction, recordChange, requireKnownLinks, UUID } from './marketplace-history.ts';

/**
 * Challenges (issue 5, item 6): the core group publishes needs from the needs register that lack a good
 * solution as open challenges (requireCoreGroup); anyone who belongs to an actor answers with a proposal for
 * that actor (requireActorPerson — a person of another actor is refused with 403); the core group accepts a
 * proposal into the innovation portfolio.
 */

export async function readChallenges(deps: Deps) {
  return listChallenges(deps.database.db);
}

async function challengeOrThrow(deps: Deps, id: string) {
  const challenge = UUID.test(id) ? await findChallenge(deps.database.db, id) : undefined;
  if (!challenge) throw new AppError('not_found', 'error.notFound.body');
  return challenge;
}

async function proposalOrThrow(deps: Deps, id: string): Promise<ProposalRow> {
  const proposal = UUID.test(id) ? await findProposal(deps.database.db, id) : undefined;
  if (!proposal) throw new AppError('not_found', 'error.notFound.body');
  return proposal;
}

export async function createChallenge(deps: Deps, opts: { user: CurrentUser | null; input: ChallengeForm }): Promise<string> {
  const user = await requireCoreGroup(deps, { user: opts.user });
  await requireKnownLinks(deps, opts.input);
  const at = deps.now();
  return inTransaction(deps, async (db) => {
    const id = await insertChallenge(db, { ...opts.input, createdBy: user.id, createdAt: at, updatedAt: at });
    await recordChange(db, { entity: 'challenge', entityId: id, action: 'created', changes: changedFields({}, opts.input), user, at });
    return id;
  });
}

export async function editChallenge(
  deps: Deps,
  opts: { user: CurrentUser | null; challengeId: string; input: ChallengeForm },
): Promise<void> {
  const user = await requireCoreGroup(deps, { user: opts.user });
  const challenge = await challengeOrThrow(deps, opts.challengeId);
  await requireKnownLinks(deps, opts.input);
  const { title, needIds, requirements, deadline, status } = challenge;
  const changes = changedFields({ title, needIds, requirements, deadline, status }, opts.input);
  if (Object.keys(changes).length === 0) return;
  const at = deps.now();
  await inTransaction(deps, async (db) => {
    await updateChallenge(db, challenge.id, { ...opts.input, updatedAt: at });
    await recordChange(db, { entity: 'challenge', entityId: challenge.id, action: 'updated', changes, user, at });
  });
}

/** A challenge takes proposals while it is open and its deadline (a Norwegian date) has not passed. */
export function acceptsProposals(challenge: { status: string; deadline: string }, now: Date): boolean {
  return challenge.status === 'open' && todayInNorway(now) <= challenge.deadline;
}

export async function readChallenge(deps: Deps, opts: { user: CurrentUser | null; challengeId: string }) {
  const challenge = await challengeOrThrow(deps, opts.challengeId);
  const [proposals, mine, coreGroup] = await Promise.all([
    listProposals(deps.database.db, challenge.id),
    actorsOfUser(deps, { user: opts.user }),
    isCoreGroupMember(deps, { user: opts.user }),
  ]);
  return { challenge, proposals, actors: mine.map((a) => ({ value: a.actorId, name: a.name })), coreGroup };
}

export async function createProposal(
  deps: Deps,
  opts: { user: CurrentUser | null; challengeId: string; input: ProposalForm },
): Promise<string> {
  requireUser(opts.user);
  const challenge = await challengeOrThrow(deps, opts.challengeId);
  const user = await requireActorPerson(deps, { user: opts.user, actorId: opts.input.actorId });
  if (!(await findActor(deps.database.db, opts.input.actorId))) throw new AppError('validation', 'mkt.error.actor', { field: 'actorId' });
  if (!acceptsProposals(challenge, deps.now())) throw new AppError('conflict', 'mkt.error.challengeClosed');
  await requireKnownLinks(deps, opts.input);
  const at = deps.now();
  return inTransaction(deps, async (db) => {
    const id = await insertProposal(db, { ...opts.input, challengeId: challenge.id, createdBy: user.id, createdAt: at, updatedAt: at });
    await recordChange(db, { entity: 'proposal', entityId: id, action: 'created', changes: changedFields({}, opts.input), user, at });
    return id;
  });
}

/** Whether the user may edit the proposal: a person of the actor it was written for (or the orchestrator). */
export async function canEditProposal(deps: Deps, user: CurrentUser | null, proposal: ProposalRow): Promise<boolean> {
  if (!user) return false;
  if (isOrchestrator(user)) return true;
  return (await actorsOfUser(deps, { user })).some((a) => a.actorId === proposal.actorId);
}

export async function readProposal(deps: Deps, opts: { user: CurrentUser | null; proposalId: string }) {
  const proposal = await proposalOrThrow(deps, opts.proposalId);
  const challenge = await challengeOrThrow(deps, proposal.challengeId);
  const [canEdit, coreGroup] = await Promise.all([
    canEditProposal(deps, opts.user, proposal),
    isCoreGroupMember(deps, { user: opts.user }),
  ]);
  return { proposal, challenge, canEdit, coreGroup };
}

/** The edit form and its POST: a person of the proposal's actor (or the orchestrator); 403 for anyone else. */
export async function requireProposalEditor(deps: Deps, opts: { user: CurrentUser | null; proposalId: string }): Promise<ProposalRow> {
  requireUser(opts.user);
  const proposal = await proposalOrThrow(deps, opts.proposalId);
  await requireActorPerson(deps, { user: opts.user, actorId: proposal.actorId });
  return proposal;
}

/** The proposal's own actor edits it (the actor itself cannot be changed); an accepted proposal is kept as accepted. */
export async function editProposal(
  deps: Deps,
  opts: { user: CurrentUser | null; proposalId: string; input: Omit<ProposalForm, 'actorId'> },
): Promise<void> {
  const user = requireUser(opts.user);
  const proposal = await requireProposalEditor(deps, opts);
  if (proposal.status === 'accepted') throw new AppError('conflict', 'mkt.error.proposalAccepted');
  await requireKnownLinks(deps, opts.input);
  const { summary, approach, blockIds, priceIndication } = proposal;
  const input = {
    summary: opts.input.summary,
    approach: opts.input.approach,
    blockIds: opts.input.blockIds,
    priceIndication: opts.input.priceIndication,
  };
  const changes = changedFields({ summary, approach, blockIds, priceIndication }, input);
  if (Object.keys(changes).length === 0) return;
  const at = deps.now();
  await inTransaction(deps, async (db) => {
    await updateProposal(db, proposal.id, { ...input, updatedAt: at });
    await recordChange(db, { entity: 'proposal', entityId: proposal.id, action: 'updated', changes, user, at });
  });
}

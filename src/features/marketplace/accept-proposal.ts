import { and, eq } from 'drizzle-orm';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { marketplaceProposals } from '../../core/db/schema.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { requireCoreGroup } from '../ecosystem/ecosystem-access.ts';
import { createInitiative } from '../portfolio/create-initiative.ts';
import { findChallenge, findProposal, listNeedChoices, updateProposal } from './marketplace.queries.ts';
import { inTransaction, recordChange, UUID } from './marketplace-history.ts';

/**
 * The core group accepts a challenge proposal into the innovation portfolio (issue 5, item 6: proposals "can
 * enter the portfolio"). The portfolio's own use case creates the initiative (origin 'marketplace-proposal',
 * ref = the proposal's id) at stage idé: a solution for the challenge's needs, in their phases, owned by the
 * proposing actor. The proposal is claimed first (submitted → accepted in one conditional update), so two
 * clicks cannot create two initiatives; if creating the initiative fails, the claim is released.
 */
export async function acceptProposal(deps: Deps, opts: { user: CurrentUser | null; proposalId: string }): Promise<string> {
  const user = await requireCoreGroup(deps, { user: opts.user });
  const db = deps.database.db;
  const proposal = UUID.test(opts.proposalId) ? await findProposal(db, opts.proposalId) : undefined;
  if (!proposal) throw new AppError('not_found', 'error.notFound.body');
  const challenge = await findChallenge(db, proposal.challengeId);
  if (!challenge) throw new AppError('not_found', 'error.notFound.body');
  const needs = (await listNeedChoices(db)).filter((n) => challenge.needIds.includes(n.id));
  if (needs.length === 0) throw new AppError('validation', 'mkt.error.challengeNeeds', { field: 'form' });

  const claimed = await db
    .update(marketplaceProposals)
    .set({ status: 'accepted' })
    .where(and(eq(marketplaceProposals.id, proposal.id), eq(marketplaceProposals.status, 'submitted')))
    .returning({ id: marketplaceProposals.id });
  if (claimed.length === 0) throw new AppError('conflict', 'mkt.error.proposalAccepted');

  let initiativeId: string;
  try {
    initiativeId = await createInitiative(deps, {
      user,
      input: {
        kind: 'solution',
        title: `${challenge.title} – ${proposal.actorName}`.slice(0, 200),
        description: `${proposal.summary}\n\n${proposal.approach}`.slice(0, 4000),
        phases: [...new Set(needs.map((n) => n.phase))].sort(),
        gains: [],
        needIds: needs.map((n) => n.id),
        ownerActorId: proposal.actorId,
        participantActorIds: [proposal.actorId],
      },
      origin: { kind: 'marketplace-proposal', ref: proposal.id },
    });
  } catch (err) {
    await updateProposal(db, proposal.id, { status: 'submitted' });
    throw err;
  }
  const at = deps.now();
  await inTransaction(deps, async (tx) => {
    await updateProposal(tx, proposal.id, { initiativeId, updatedAt: at });
    await recordChange(tx, {
      entity: 'proposal',
      entityId: proposal.id,
      action: 'accepted',
      changes: { status: ['submitted', 'accepted'], initiativeId: [null, initiativeId] },
      user,
      at,
    });
  });
  return initiativeId;
}

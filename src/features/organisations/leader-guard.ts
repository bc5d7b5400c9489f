import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import { countLeaders, lockOrganisation } from './organisations.queries.ts';

/**
 * An organisation always keeps at least one leader (styreleder). Call inside the transaction that
 * changes the membership: the organisation row is locked first, so two leaders demoting each other at
 * the same moment cannot leave the organisation without one.
 */
export async function lockAndAssertLeaderRemains(
  db: Db,
  opts: { organisationId: string; currentRole: string; nextRole: string | null },
): Promise<void> {
  const org = await lockOrganisation(db, opts.organisationId);
  if (!org) throw new AppError('not_found', 'error.notFound.body');
  const losesLeader = opts.currentRole === 'leader' && opts.nextRole !== 'leader';
  if (losesLeader && (await countLeaders(db, opts.organisationId)) <= 1) {
    throw new AppError('conflict', 'orgs.error.lastLeader');
  }
}

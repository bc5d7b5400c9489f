import { recordAudit } from '../../core/audit.ts';
import { requireUser } from '../../core/auth/access.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { insertMembership, insertOrganisation } from './organisations.queries.ts';

/**
 * Creates a workspace; the creator becomes its leader. A registered organisation (with orgnr) starts in
 * phase 3 "drive"; a group without one starts in phase 1 "idea". One workspace per organisasjonsnummer:
 * a second person must be invited (or, later, claim it through the register).
 */
export async function createOrganisation(
  deps: Deps,
  opts: { user: CurrentUser | null; name: string; orgnr: string | null },
): Promise<{ organisationId: string }> {
  const user = requireUser(opts.user);
  return deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const org = await insertOrganisation(db, { name: opts.name, orgnr: opts.orgnr, phase: opts.orgnr ? 3 : 1 });
    if (!org) throw new AppError('conflict', 'orgs.error.orgnrTaken');
    await insertMembership(db, { organisationId: org.id, userId: user.id, role: 'leader' });
    await recordAudit(db, {
      organisationId: org.id,
      actorUserId: user.id,
      action: 'organisation.created',
      details: { name: opts.name, orgnr: opts.orgnr },
      at: deps.now(),
    });
    return { organisationId: org.id };
  });
}

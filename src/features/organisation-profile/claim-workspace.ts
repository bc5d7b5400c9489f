import { recordAudit } from '../../core/audit.ts';
import { requireUser } from '../../core/auth/access.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import type { OrgRole } from '../organisations/organisations.schema.ts';
import {
  findEnhet,
  findMembershipRole,
  findUserIdentity,
  insertWorkspace,
  lockWorkspaceByOrgnr,
  upsertMembership,
} from './organisation-profile.queries.ts';
import { findMatchingBoardRole } from './read-claim.ts';

const RANK: Record<OrgRole, number> = { member: 1, treasurer: 2, board_member: 2, leader: 3 };

/**
 * "Is this your organisation?": a signed-in person whose name and birth date match a current board role in
 * Enhetsregisteret (LEDE, NEST or MEDL; not resigned) takes the organisation's workspace into use.
 * - No workspace for the orgnr yet: it is created (phase 3, "drive") with them as leader.
 * - A workspace exists: they become a member as leader (if they are styrets leder) or board member; a role
 *   they already hold is never lowered.
 * Either way it is audited in the same transaction. The person's birth date comes from the form on the
 * claim page for local sign-in, and will come from ID-porten's pid claim with OIDC.
 */
export async function claimWorkspace(
  deps: Deps,
  opts: { user: CurrentUser | null; orgnr: string },
): Promise<{ organisationId: string; organisationName: string; created: boolean; role: OrgRole; changed: boolean }> {
  const user = requireUser(opts.user);
  const db = deps.database.db;
  const enhet = await findEnhet(db, opts.orgnr);
  if (!enhet) throw new AppError('not_found', 'profile.notFound');
  if (enhet.slettedato) throw new AppError('conflict', 'profile.claim.deleted');
  const identity = await findUserIdentity(db, user.id);
  if (!identity?.birthDate) throw new AppError('validation', 'profile.claim.needBirthDate');
  const match = await findMatchingBoardRole(deps, { orgnr: opts.orgnr, name: identity.name, birthDate: identity.birthDate });
  if (!match) {
    deps.logger.warn('workspace claim refused: no matching board role', { orgnr: opts.orgnr, userId: user.id });
    throw new AppError('forbidden', 'profile.claim.noMatch');
  }
  const now = deps.now();
  const details = { orgnr: opts.orgnr, rolle: match.role, rolleNavn: match.roleName };

  return deps.database.db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    let workspace = await lockWorkspaceByOrgnr(t, opts.orgnr);
    if (!workspace) {
      const purpose = Array.isArray(enhet.data.vedtektsfestetFormaal)
        ? (enhet.data.vedtektsfestetFormaal as unknown[]).filter((s) => typeof s === 'string').join(' ') || null
        : null;
      const created = await insertWorkspace(t, { name: enhet.navn, orgnr: opts.orgnr, kommunenummer: enhet.kommunenummer, purpose });
      if (created) {
        await upsertMembership(t, { organisationId: created.id, userId: user.id, role: 'leader' });
        await recordAudit(t, { organisationId: created.id, actorUserId: user.id, action: 'organisation.claimed', details, at: now });
        return { organisationId: created.id, organisationName: enhet.navn, created: true, role: 'leader' as OrgRole, changed: true };
      }
      // Someone created it between our look and our insert: join it like any existing workspace.
      workspace = await lockWorkspaceByOrgnr(t, opts.orgnr);
      if (!workspace) throw new AppError('conflict', 'profile.claim.retry');
    }
    const wanted: OrgRole = match.role === 'LEDE' ? 'leader' : 'board_member';
    const current = await findMembershipRole(t, workspace.id, user.id);
    if (current && RANK[current] >= RANK[wanted]) {
      return { organisationId: workspace.id, organisationName: workspace.name, created: false, role: current, changed: false };
    }
    await upsertMembership(t, { organisationId: workspace.id, userId: user.id, role: wanted });
    await recordAudit(t, {
      organisationId: workspace.id,
      actorUserId: user.id,
      action: 'membership.claimed',
      details: { ...details, role: wanted, ...(current ? { from: current } : {}) },
      at: now,
    });
    return { organisationId: workspace.id, organisationName: workspace.name, created: false, role: wanted, changed: true };
  });
}

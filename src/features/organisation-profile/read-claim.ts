import { requireUser } from '../../core/auth/access.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import type { OrgRole } from '../organisations/organisations.schema.ts';
import { BOARD_ROLE_CODES, namesMatch } from './board-match.ts';
import {
  findEnhet,
  findMembershipRole,
  findPendingAccessRequest,
  findUserIdentity,
  findWorkspaceByOrgnr,
  listBoardRolesBornOn,
} from './organisation-profile.queries.ts';

export interface ClaimView {
  orgnr: string;
  name: string;
  deleted: boolean;
  person: {
    name: string;
    birthDate: string | null;
    /** Local sign-in users state their birth date here; with ID-porten it will come from the pid claim. */
    canStateBirthDate: boolean;
  };
  /** The current board role in Enhetsregisteret that matches the person's name and birth date. */
  match: { role: string; roleName: string } | null;
  workspace: { id: string; yourRole: OrgRole | null; pendingRequest: boolean } | null;
}

/** The board role matching this person, if any: same birth date, same first given name and last surname. */
export async function findMatchingBoardRole(deps: Deps, opts: { orgnr: string; name: string; birthDate: string | null }) {
  if (!opts.birthDate) return null;
  const candidates = await listBoardRolesBornOn(deps.database.db, opts.orgnr, opts.birthDate, BOARD_ROLE_CODES);
  // LEDE first, so the chair of the board who also appears as an ordinary member becomes leader.
  const order = (r: string) => (BOARD_ROLE_CODES as readonly string[]).indexOf(r);
  const match = candidates.sort((a, b) => order(a.rolle) - order(b.rolle)).find((r) => namesMatch(opts.name, r));
  return match ? { role: match.rolle, roleName: match.rolleNavn ?? match.rolle } : null;
}

/** What the "Is this your organisation?" page shows the signed-in person. */
export async function readClaim(deps: Deps, opts: { user: CurrentUser | null; orgnr: string }): Promise<ClaimView> {
  const user = requireUser(opts.user);
  const db = deps.database.db;
  const enhet = await findEnhet(db, opts.orgnr);
  if (!enhet) throw new AppError('not_found', 'profile.notFound');
  const identity = await findUserIdentity(db, user.id);
  if (!identity) throw new AppError('not_signed_in', 'error.notSignedIn.body');
  const workspaceRow = await findWorkspaceByOrgnr(db, opts.orgnr);
  const workspace = workspaceRow
    ? {
        id: workspaceRow.id,
        yourRole: await findMembershipRole(db, workspaceRow.id, user.id),
        pendingRequest: (await findPendingAccessRequest(db, workspaceRow.id, user.id)) !== null,
      }
    : null;
  return {
    orgnr: enhet.orgnr,
    name: enhet.navn,
    deleted: enhet.slettedato !== null,
    person: { name: identity.name, birthDate: identity.birthDate, canStateBirthDate: identity.oidcSubject === null },
    match: await findMatchingBoardRole(deps, { orgnr: opts.orgnr, name: identity.name, birthDate: identity.birthDate }),
    workspace,
  };
}

import { recordAudit } from '../../core/audit.ts';
import { requireUser } from '../../core/auth/access.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { BOARD_ROLES, requireOrgRole } from '../../core/auth/org-access.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { actorsOfUser, requireActorPerson, requireCoreGroup } from '../ecosystem/ecosystem-access.ts';
import { listMyOrganisations } from '../organisations/read-workspace.ts';
import {
  findNeed,
  groupNeed,
  insertConfirmation,
  insertNeed,
  insertNeedHistory,
  listAllConfirmations,
  listAllNeeds,
  type NeedRow,
  setNeedStatus,
} from './needs.queries.ts';
import type { NeedForm, NeedOwner, NeedStatus } from './needs.schema.ts';

/**
 * The needs register (issue 5, item 4). "Organisations manage only their own needs": a need recorded for a
 * workspace needs a board role there (requireOrgRole); one recorded for an ecosystem actor needs a person of
 * that actor (requireActorPerson). Grouping duplicates is for the core group (requireCoreGroup).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface OwnerOption {
  value: string;
  name: string;
}

/** Whom the user may record needs for: workspaces where they sit on the board, and their actors. */
export async function ownerOptions(deps: Deps, opts: { user: CurrentUser | null }): Promise<OwnerOption[]> {
  const user = requireUser(opts.user);
  const orgs = (await listMyOrganisations(deps, { user })).filter((o) => BOARD_ROLES.includes(o.role));
  const actors = await actorsOfUser(deps, { user });
  return [
    ...orgs.map((o) => ({ value: `org:${o.id}`, name: o.name })),
    ...actors.map((a) => ({ value: `actor:${a.actorId}`, name: a.name })),
  ];
}

async function requireOwner(deps: Deps, user: CurrentUser | null, owner: NeedOwner): Promise<CurrentUser> {
  if (owner.kind === 'org') return (await requireOrgRole(deps, { user, organisationId: owner.id, roles: BOARD_ROLES })).user;
  return requireActorPerson(deps, { user, actorId: owner.id });
}

const ownerColumns = (owner: NeedOwner) =>
  owner.kind === 'org' ? { organisationId: owner.id, actorId: null } : { organisationId: null, actorId: owner.id };

export async function recordNeed(deps: Deps, opts: { user: CurrentUser | null; input: NeedForm }): Promise<string> {
  const user = await requireOwner(deps, opts.user, opts.input.owner);
  const at = deps.now();
  const { owner, ...fields } = opts.input;
  return deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const id = await insertNeed(db, { ...fields, ...ownerColumns(owner), createdBy: user.id, createdAt: at, updatedAt: at });
    await insertNeedHistory(db, {
      needId: id,
      action: 'created',
      changes: { ...fields, owner },
      actorUserId: user.id,
      actorName: user.name,
      createdAt: at,
    });
    await recordAudit(db, {
      organisationId: owner.kind === 'org' ? owner.id : null,
      actorUserId: user.id,
      action: 'need.recorded',
      details: { needId: id, actorId: owner.kind === 'actor' ? owner.id : null },
      at,
    });
    return id;
  });
}

/** "We have this too" — once per organisation or actor and need; the owner of the need is already counted. */
export async function confirmNeed(
  deps: Deps,
  opts: { user: CurrentUser | null; needId: string; input: { owner: NeedOwner; evidence: string } },
): Promise<void> {
  const user = await requireOwner(deps, opts.user, opts.input.owner);
  const need = UUID.test(opts.needId) ? await findNeed(deps.database.db, opts.needId) : undefined;
  if (!need) throw new AppError('not_found', 'error.notFound.body');
  const { owner, evidence } = opts.input;
  if ((owner.kind === 'org' && need.organisationId === owner.id) || (owner.kind === 'actor' && need.actorId === owner.id)) {
    throw new AppError('conflict', 'needs.error.ownNeed');
  }
  const at = deps.now();
  await deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const inserted = await insertConfirmation(db, { needId: need.id, ...ownerColumns(owner), evidence, createdBy: user.id, createdAt: at });
    if (!inserted) throw new AppError('conflict', 'needs.error.alreadyConfirmed');
    await insertNeedHistory(db, {
      needId: need.id,
      action: 'confirmed',
      changes: { owner, evidence },
      actorUserId: user.id,
      actorName: user.name,
      createdAt: at,
    });
    await recordAudit(db, {
      organisationId: owner.kind === 'org' ? owner.id : null,
      actorUserId: user.id,
      action: 'need.confirmed',
      details: { needId: need.id, actorId: owner.kind === 'actor' ? owner.id : null },
      at,
    });
  });
}

/**
 * The core group marks a need as a duplicate of another. Groups stay one level deep: the target's own root is
 * used, and needs already grouped under the duplicate move along, so counts roll up to one need.
 */
export async function markDuplicate(
  deps: Deps,
  opts: { user: CurrentUser | null; needId: string; duplicateOfId: string },
): Promise<string> {
  const user = await requireCoreGroup(deps, { user: opts.user });
  const need = UUID.test(opts.needId) ? await findNeed(deps.database.db, opts.needId) : undefined;
  if (!need) throw new AppError('not_found', 'error.notFound.body');
  const target = UUID.test(opts.duplicateOfId) ? await findNeed(deps.database.db, opts.duplicateOfId) : undefined;
  if (!target) throw new AppError('validation', 'needs.error.duplicateTarget');
  const rootId = target.duplicateOfId ?? target.id;
  if (rootId === need.id) throw new AppError('validation', 'needs.error.duplicateTarget');
  const at = deps.now();
  await deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await groupNeed(db, { id: need.id, rootId, at });
    await insertNeedHistory(db, {
      needId: need.id,
      action: 'marked_duplicate',
      changes: { duplicateOfId: [need.duplicateOfId, rootId] },
      actorUserId: user.id,
      actorName: user.name,
      createdAt: at,
    });
    await recordAudit(db, {
      organisationId: null,
      actorUserId: user.id,
      action: 'need.marked_duplicate',
      details: { needId: need.id, duplicateOfId: rootId },
      at,
    });
  });
  return rootId;
}

/** The core group sets a need's status (open → being lifted → lifted); history row + audit. */
export async function changeNeedStatus(deps: Deps, opts: { user: CurrentUser | null; needId: string; status: NeedStatus }): Promise<void> {
  const user = await requireCoreGroup(deps, { user: opts.user });
  const need = UUID.test(opts.needId) ? await findNeed(deps.database.db, opts.needId) : undefined;
  if (!need) throw new AppError('not_found', 'error.notFound.body');
  if (need.status === opts.status) return;
  const at = deps.now();
  await deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await setNeedStatus(db, { id: need.id, status: opts.status, at });
    await insertNeedHistory(db, {
      needId: need.id,
      action: 'status_changed',
      changes: { status: [need.status, opts.status] },
      actorUserId: user.id,
      actorName: user.name,
      createdAt: at,
    });
    await recordAudit(db, {
      organisationId: null,
      actorUserId: user.id,
      action: 'need.status_changed',
      details: { needId: need.id, from: need.status, to: opts.status },
      at,
    });
  });
}

export interface NeedSummary extends NeedRow {
  owner: string;
  /** Distinct organisations and actors that have this need, across the need and its grouped duplicates. */
  count: number;
}

const ownerKey = (r: { organisationId: string | null; actorId: string | null }) =>
  r.organisationId ? `o${r.organisationId}` : `a${r.actorId}`;

/** Every need with its rolled-up count (owner + "we have this too", distinct, over the group). */
export async function readNeeds(deps: Deps) {
  const [rows, confirmations] = await Promise.all([listAllNeeds(deps.database.db), listAllConfirmations(deps.database.db)]);
  const rootOf = new Map(rows.map((r) => [r.id, r.duplicateOfId ?? r.id]));
  const owners = new Map<string, Set<string>>();
  const add = (root: string | undefined, key: string) => {
    if (!root) return;
    if (!owners.has(root)) owners.set(root, new Set());
    owners.get(root)!.add(key);
  };
  for (const r of rows) add(rootOf.get(r.id), ownerKey(r));
  for (const c of confirmations) add(rootOf.get(c.needId), ownerKey(c));
  const summaries: NeedSummary[] = rows.map((r) => ({
    ...r,
    owner: r.ownerName ?? r.actorName ?? '',
    count: owners.get(rootOf.get(r.id)!)?.size ?? 0,
  }));
  return { needs: summaries, confirmations };
}

export async function listNeeds(deps: Deps, opts: { phase?: number; status?: NeedStatus }) {
  const { needs } = await readNeeds(deps);
  return needs.filter((n) => !n.duplicateOfId && (!opts.phase || n.phase === opts.phase) && (!opts.status || n.status === opts.status));
}

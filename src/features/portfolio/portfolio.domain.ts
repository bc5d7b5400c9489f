import { recordAudit } from '../../core/audit.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { changedFields } from '../../core/changes.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { isCoreGroupMember, requireCoreGroup } from '../ecosystem/ecosystem-access.ts';
import { type NeedSummary, readNeeds } from '../needs/needs.domain.ts';
import { checkInitiativeReferences } from './create-initiative.ts';
import {
  actorNames,
  findInitiative,
  findInitiativeForUpdate,
  hasSupported,
  type InitiativeRow,
  insertComment,
  insertHistory,
  listActorLinks,
  listComments,
  listHistory,
  listInitiativeRows,
  listNeedLinks,
  replaceLinks,
  supportCounts,
  toggleSupport,
  updateInitiative,
} from './portfolio.queries.ts';
import type { InitiativeInput, ListQuery, Stage, StageInput } from './portfolio.schema.ts';
import { coCreatorOf, requireCoCreator } from './portfolio-access.ts';
import { priorityScore } from './priority.ts';

/**
 * The innovation portfolio (issue 5, item 5). Public to read; co-creators (actors' people, organisation
 * leaders and board members) comment, support and propose (create-initiative.ts); the core group edits and
 * moves initiatives between stages. Every change writes a history row with before/after, plus recordAudit.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface InitiativeSummary extends InitiativeRow {
  ownerName: string | null;
  participants: { actorId: string; name: string }[];
  /** Linked needs through their duplicate group's root, each with the group's count. */
  needs: NeedSummary[];
  supports: number;
  priority: number;
}

/** Every initiative with its links, supports and priority score, highest priority first. */
export async function readPortfolio(deps: Deps): Promise<{ initiatives: InitiativeSummary[]; allNeeds: NeedSummary[] }> {
  const db = deps.database.db;
  const [rows, needLinks, actorLinks, supports, { needs }] = await Promise.all([
    listInitiativeRows(db),
    listNeedLinks(db),
    listActorLinks(db),
    supportCounts(db),
    readNeeds(deps),
  ]);
  const byId = new Map(needs.map((n) => [n.id, n]));
  const initiatives = rows.map(({ initiative, ownerName }) => {
    const linked = new Map<string, NeedSummary>();
    for (const link of needLinks.filter((l) => l.initiativeId === initiative.id)) {
      const need = byId.get(link.needId);
      const root = need?.duplicateOfId ? byId.get(need.duplicateOfId) : need;
      if (root) linked.set(root.id, root);
    }
    const linkedNeeds = [...linked.values()];
    const supportCount = supports.get(initiative.id) ?? 0;
    return {
      ...initiative,
      ownerName,
      participants: actorLinks.filter((l) => l.initiativeId === initiative.id).map((l) => ({ actorId: l.actorId, name: l.name })),
      needs: linkedNeeds,
      supports: supportCount,
      priority: priorityScore({
        needCounts: linkedNeeds.map((n) => n.count),
        supports: supportCount,
        gains: initiative.gains.length,
        phases: initiative.phases.length,
      }),
    };
  });
  initiatives.sort((a, b) => b.priority - a.priority || a.title.localeCompare(b.title, 'nb'));
  return { initiatives, allNeeds: needs.filter((n) => !n.duplicateOfId) };
}

export function filterInitiatives(list: InitiativeSummary[], q: ListQuery): InitiativeSummary[] {
  return list.filter(
    (i) =>
      (!q.fase || i.phases.includes(q.fase)) &&
      (!q.steg || i.stage === q.steg) &&
      (!q.gevinst || i.gains.includes(q.gevinst)) &&
      (!q.behov || i.needs.some((n) => n.id === q.behov)) &&
      (!q.eier || i.ownerActorId === q.eier),
  );
}

/** Phase × stage counts: an initiative serving several phases counts in each of them. */
export function phaseStageMatrix(list: InitiativeSummary[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const i of list) {
    for (const p of i.phases) counts.set(`${p}:${i.stage}`, (counts.get(`${p}:${i.stage}`) ?? 0) + 1);
  }
  return counts;
}

async function loadInitiative(db: Db, id: string, forUpdate = false) {
  const row = UUID.test(id) ? await (forUpdate ? findInitiativeForUpdate(db, id) : findInitiative(db, id)) : undefined;
  if (!row) throw new AppError('not_found', 'error.notFound.body');
  return row;
}

/** The initiative's page: summary, comments, history, and what the viewer may do. */
export async function readInitiative(deps: Deps, opts: { user: CurrentUser | null; id: string }) {
  await loadInitiative(deps.database.db, opts.id);
  const { initiatives, allNeeds } = await readPortfolio(deps);
  const initiative = initiatives.find((i) => i.id === opts.id)!;
  const [comments, history, coCreator, canEdit] = await Promise.all([
    listComments(deps.database.db, opts.id),
    listHistory(deps.database.db, opts.id),
    coCreatorOf(deps, { user: opts.user }),
    isCoreGroupMember(deps, { user: opts.user }),
  ]);
  const supported = opts.user ? await hasSupported(deps.database.db, opts.id, opts.user.id) : false;
  return { initiative, allNeeds, comments, history, canCoCreate: !!coCreator, canEdit, supported };
}

/**
 * The history names linked needs and actors by title and name as they were, not by id, so old rows stay
 * readable after a need or an actor is renamed or deleted.
 */
async function namedChanges(deps: Deps, changes: Record<string, [unknown, unknown]>): Promise<Record<string, [unknown, unknown]>> {
  const { needs } = await readNeeds(deps);
  const titles = new Map(needs.map((n) => [n.id, n.title]));
  const actorIds = [changes.ownerActorId, changes.participantActorIds]
    .flatMap((c) => (c ? c.flat() : []))
    .filter((x): x is string => typeof x === 'string');
  const names = await actorNames(deps.database.db, [...new Set(actorIds)]);
  const name = (map: Map<string, string>) => (v: unknown) =>
    Array.isArray(v) ? v.map((id: string) => map.get(id) ?? id) : typeof v === 'string' ? (map.get(v) ?? v) : v;
  const out = { ...changes };
  if (changes.needIds) out.needIds = changes.needIds.map(name(titles)) as [unknown, unknown];
  if (changes.participantActorIds) out.participantActorIds = changes.participantActorIds.map(name(names)) as [unknown, unknown];
  if (changes.ownerActorId) out.ownerActorId = changes.ownerActorId.map(name(names)) as [unknown, unknown];
  return out;
}

/** The core group edits an initiative's content and links; a history row keeps each field's before/after. */
export async function editInitiative(deps: Deps, opts: { user: CurrentUser | null; id: string; input: InitiativeInput }): Promise<void> {
  const user = await requireCoreGroup(deps, { user: opts.user });
  await loadInitiative(deps.database.db, opts.id);
  await checkInitiativeReferences(deps, { input: opts.input, ownActorIds: null });
  const { initiatives } = await readPortfolio(deps);
  const current = initiatives.find((i) => i.id === opts.id)!;
  const at = deps.now();
  const { needIds, participantActorIds, ...fields } = opts.input;
  const before = {
    ...current,
    needIds: current.needs.map((n) => n.id).sort(),
    participantActorIds: current.participants.map((p) => p.actorId).sort(),
  };
  const ids = changedFields(before, { ...fields, needIds: [...needIds].sort(), participantActorIds: [...participantActorIds].sort() });
  if (Object.keys(ids).length === 0) return;
  const changes = await namedChanges(deps, ids);
  await deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await loadInitiative(db, opts.id, true);
    await updateInitiative(db, opts.id, { ...fields, updatedAt: at });
    await replaceLinks(db, opts.id, { needIds, actorIds: participantActorIds });
    await insertHistory(db, {
      initiativeId: opts.id,
      action: 'updated',
      changes,
      actorUserId: user.id,
      actorName: user.name,
      createdAt: at,
    });
    await recordAudit(db, {
      organisationId: null,
      actorUserId: user.id,
      action: 'portfolio.initiative_updated',
      details: { initiativeId: opts.id, changes },
      at,
    });
  });
}

/**
 * Moves an initiative to a stage inside the caller's transaction (the core group's stage form, and a
 * demonstrator's decision). A stop keeps its reason; leaving 'stopped' clears it. `via` names what caused it.
 */
export async function moveStage(
  db: Db,
  opts: { id: string; stage: Stage; reason: string; user: CurrentUser; at: Date; via?: Record<string, unknown> },
): Promise<void> {
  const row = await loadInitiative(db, opts.id, true);
  const stopReason = opts.stage === 'stopped' ? opts.reason : null;
  if (row.stage === opts.stage && row.stopReason === stopReason) return;
  const changes = changedFields({ stage: row.stage, stopReason: row.stopReason }, { stage: opts.stage, stopReason });
  await updateInitiative(db, opts.id, { stage: opts.stage, stopReason, updatedAt: opts.at });
  await insertHistory(db, {
    initiativeId: opts.id,
    action: 'stage_changed',
    changes: { ...changes, ...(opts.reason ? { reason: opts.reason } : {}), ...(opts.via ?? {}) },
    actorUserId: opts.user.id,
    actorName: opts.user.name,
    createdAt: opts.at,
  });
  await recordAudit(db, {
    organisationId: null,
    actorUserId: opts.user.id,
    action: 'portfolio.stage_changed',
    details: { initiativeId: opts.id, from: row.stage, to: opts.stage, reason: opts.reason || null, ...(opts.via ?? {}) },
    at: opts.at,
  });
}

/** The core group's stage form. */
export async function changeStage(deps: Deps, opts: { user: CurrentUser | null; id: string; input: StageInput }): Promise<void> {
  const user = await requireCoreGroup(deps, { user: opts.user });
  await loadInitiative(deps.database.db, opts.id);
  const at = deps.now();
  await deps.database.db.transaction(async (tx) => {
    await moveStage(tx as unknown as Db, { id: opts.id, stage: opts.input.stage, reason: opts.input.reason, user, at });
  });
}

/** A co-creator comments; the comment shows their name and whom they speak for. */
export async function commentOnInitiative(deps: Deps, opts: { user: CurrentUser | null; id: string; body: string }): Promise<void> {
  const who = await requireCoCreator(deps, { user: opts.user });
  await loadInitiative(deps.database.db, opts.id);
  const at = deps.now();
  await deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await insertComment(db, {
      initiativeId: opts.id,
      userId: who.user.id,
      authorName: who.user.name,
      affiliation: who.affiliation,
      body: opts.body,
      createdAt: at,
    });
    await insertHistory(db, {
      initiativeId: opts.id,
      action: 'commented',
      changes: { comment: [null, opts.body] },
      actorUserId: who.user.id,
      actorName: who.user.name,
      createdAt: at,
    });
    await recordAudit(db, {
      organisationId: null,
      actorUserId: who.user.id,
      action: 'portfolio.commented',
      details: { initiativeId: opts.id },
      at,
    });
  });
}

/** Support once per person: a second time withdraws it. Returns whether the person now supports it. */
export async function toggleInitiativeSupport(deps: Deps, opts: { user: CurrentUser | null; id: string }): Promise<boolean> {
  const who = await requireCoCreator(deps, { user: opts.user });
  await loadInitiative(deps.database.db, opts.id);
  const at = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const now = await toggleSupport(db, { initiativeId: opts.id, userId: who.user.id, at });
    await insertHistory(db, {
      initiativeId: opts.id,
      action: now ? 'supported' : 'support_withdrawn',
      changes: { support: [!now, now] },
      actorUserId: who.user.id,
      actorName: who.user.name,
      createdAt: at,
    });
    await recordAudit(db, {
      organisationId: null,
      actorUserId: who.user.id,
      action: now ? 'portfolio.supported' : 'portfolio.support_withdrawn',
      details: { initiativeId: opts.id },
      at,
    });
    return now;
  });
}

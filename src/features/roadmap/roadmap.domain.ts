import { isDeepStrictEqual } from 'node:util';
import { recordAudit } from '../../core/audit.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { requireCoreGroup } from '../ecosystem/ecosystem-access.ts';
import {
  actorChoices,
  blockChoices,
  findItemRow,
  insertItem,
  insertItemHistory,
  linksOf,
  listItemHistory,
  listItemRows,
  namesOf,
  needChoices,
  type RoadmapItemRow,
  replaceLinks,
  updateItemAtVersion,
} from './roadmap.queries.ts';
import { type RoadmapFilter, type RoadmapForm, targetSortKey } from './roadmap.schema.ts';

/**
 * The roadmap of simplifications (veikart, issue 5 item 2). Everyone reads it; the orchestrator and the core
 * group write it (requireCoreGroup, which lets the orchestrator through). Every save writes a history row with
 * each changed field's before and after, and an audit entry, in the same transaction. An edit names the
 * version it was made from; if the item was saved in between, the edit is refused (nobody overwrites unseen work).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface RoadmapItem extends RoadmapItemRow {
  ownerName: string | null;
  needs: { id: string; title: string }[];
  blocks: { id: string; slug: string; name: string }[];
}

/** The items that pass the filter, ordered by target (quarter or date), then title. */
export async function listRoadmap(deps: Deps, filter: RoadmapFilter): Promise<RoadmapItem[]> {
  const db = deps.database.db;
  const rows = await listItemRows(db, { phase: filter.fase, gain: filter.gevinst, ownerActorId: filter.eier, status: filter.status });
  const links = await linksOf(
    db,
    rows.map((r) => r.item.id),
  );
  return rows
    .map((r) => ({
      ...r.item,
      ownerName: r.ownerName,
      needs: links.needs.filter((n) => n.itemId === r.item.id).map(({ id, title }) => ({ id, title })),
      blocks: links.blocks.filter((b) => b.itemId === r.item.id).map(({ id, slug, name }) => ({ id, slug, name })),
    }))
    .sort((a, b) => targetSortKey(a.target).localeCompare(targetSortKey(b.target)) || a.title.localeCompare(b.title, 'nb'));
}

export async function readRoadmapItem(deps: Deps, opts: { id: string }) {
  if (!UUID.test(opts.id)) throw new AppError('not_found', 'error.notFound.body');
  const db = deps.database.db;
  const row = await findItemRow(db, opts.id);
  if (!row) throw new AppError('not_found', 'error.notFound.body');
  const links = await linksOf(db, [row.item.id]);
  const item: RoadmapItem = {
    ...row.item,
    ownerName: row.ownerName,
    needs: links.needs.map(({ id, title }) => ({ id, title })),
    blocks: links.blocks.map(({ id, slug, name }) => ({ id, slug, name })),
  };
  return { item, history: await listItemHistory(db, item.id) };
}

/** What the form offers: actors (owner), needs and building blocks (links). */
export async function roadmapChoices(deps: Deps) {
  const db = deps.database.db;
  return { actors: await actorChoices(db), needs: await needChoices(db), blocks: await blockChoices(db) };
}

/** The item as the history shows it: names rather than ids, so old rows stay readable. */
type Snapshot = Record<string, unknown>;

async function snapshotOf(db: Db, form: RoadmapForm): Promise<Snapshot> {
  const names = await namesOf(db, { actorId: form.ownerActorId, needIds: form.needIds, blockIds: form.blockIds });
  if (!names.actorName) throw new AppError('validation', 'roadmap.error.owner', { field: 'ownerActorId' });
  if (names.needs.length !== form.needIds.length) throw new AppError('validation', 'roadmap.error.needs', { field: 'needIds' });
  if (names.blocks.length !== form.blockIds.length) throw new AppError('validation', 'roadmap.error.blocks', { field: 'blockIds' });
  return {
    title: form.title,
    description: form.description,
    phases: form.phases,
    gains: form.gains,
    owner: names.actorName,
    target: form.target,
    status: form.status,
    statusReason: form.statusReason,
    needs: names.needs.map((n) => n.title).sort(),
    blocks: names.blocks.map((b) => b.name).sort(),
  };
}

function itemSnapshot(item: RoadmapItem): Snapshot {
  return {
    title: item.title,
    description: item.description,
    phases: item.phases,
    gains: item.gains,
    owner: item.ownerName,
    target: item.target,
    status: item.status,
    statusReason: item.statusReason,
    needs: item.needs.map((n) => n.title).sort(),
    blocks: item.blocks.map((b) => b.name).sort(),
  };
}

const columns = (form: RoadmapForm) => ({
  title: form.title,
  description: form.description,
  phases: form.phases,
  gains: form.gains,
  ownerActorId: form.ownerActorId,
  target: form.target,
  status: form.status,
  statusReason: form.statusReason,
});

export async function createRoadmapItem(deps: Deps, opts: { user: CurrentUser | null; form: RoadmapForm }): Promise<{ id: string }> {
  const user = await requireCoreGroup(deps, { user: opts.user });
  return deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const after = await snapshotOf(db, opts.form);
    const now = deps.now();
    const id = await insertItem(db, { ...columns(opts.form), createdBy: user.id, createdAt: now, updatedAt: now });
    await replaceLinks(db, id, opts.form);
    const changes = Object.fromEntries(Object.entries(after).map(([k, v]) => [k, [null, v]]));
    await insertItemHistory(db, { itemId: id, action: 'created', changes, actorUserId: user.id, actorName: user.name, createdAt: now });
    await recordAudit(db, { organisationId: null, actorUserId: user.id, action: 'roadmap.item.created', details: { itemId: id }, at: now });
    return { id };
  });
}

export async function updateRoadmapItem(
  deps: Deps,
  opts: { user: CurrentUser | null; itemId: string; version: number; form: RoadmapForm },
): Promise<void> {
  const user = await requireCoreGroup(deps, { user: opts.user });
  const { item } = await readRoadmapItem(deps, { id: opts.itemId });
  await deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const after = await snapshotOf(db, opts.form);
    // Checked against the row as it is now (the update below re-checks inside the statement).
    if (item.version !== opts.version) throw new AppError('conflict', 'roadmap.error.stale', { field: 'form' });
    const before = itemSnapshot(item);
    const changes: Record<string, [unknown, unknown]> = {};
    for (const [k, v] of Object.entries(after)) if (!isDeepStrictEqual(before[k], v)) changes[k] = [before[k], v];
    if (Object.keys(changes).length === 0) return;
    const now = deps.now();
    const updated = await updateItemAtVersion(db, {
      id: item.id,
      version: opts.version,
      values: { ...columns(opts.form), updatedAt: now },
    });
    if (!updated) throw new AppError('conflict', 'roadmap.error.stale', { field: 'form' });
    await replaceLinks(db, item.id, opts.form);
    await insertItemHistory(db, {
      itemId: item.id,
      action: 'updated',
      changes,
      actorUserId: user.id,
      actorName: user.name,
      createdAt: now,
    });
    await recordAudit(db, {
      organisationId: null,
      actorUserId: user.id,
      action: 'roadmap.item.updated',
      details: { itemId: item.id, fields: Object.keys(changes) },
      at: now,
    });
  });
}

import { recordAudit } from '../../core/audit.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { existingActorIds, requireCoreGroup } from '../ecosystem/ecosystem-access.ts';
import { type NeedSummary, readNeeds } from '../needs/needs.domain.ts';
import {
  findBlockBySlug,
  insertBlock,
  listBlockNeedLinks,
  listBlockRows,
  replaceBlockNeeds,
  updateBlock,
} from './building-blocks.queries.ts';
import type { BlockForm } from './building-blocks.schema.ts';

/**
 * The building blocks catalogue (issue 5, item 4): each block states the needs it lifts (with their rolled-up
 * "we have this too" counts), the phases it serves and how it is realised. Public to read; the orchestrator
 * and the core group edit (requireCoreGroup).
 */

export interface BlockSummary {
  id: string;
  slug: string;
  name: string;
  description: string;
  realisation: BlockForm['realisation'];
  status: BlockForm['status'];
  phases: number[];
  ownerActorId: string | null;
  ownerName: string | null;
  documentationUrl: string | null;
  apiDescription: string;
  listsOwnApi: boolean;
  /** Needs it lifts, each shown through its group's root (duplicates roll up), with the group's count. */
  needs: NeedSummary[];
}

export async function readCatalogue(deps: Deps): Promise<{ blocks: BlockSummary[]; allNeeds: NeedSummary[] }> {
  const [rows, links, { needs }] = await Promise.all([
    listBlockRows(deps.database.db),
    listBlockNeedLinks(deps.database.db),
    readNeeds(deps),
  ]);
  const byId = new Map(needs.map((n) => [n.id, n]));
  const blocks = rows.map(({ block, ownerName }) => {
    const lifted = new Map<string, NeedSummary>();
    for (const link of links.filter((l) => l.blockId === block.id)) {
      const need = byId.get(link.needId);
      const root = need?.duplicateOfId ? byId.get(need.duplicateOfId) : need;
      if (root) lifted.set(root.id, root);
    }
    return { ...block, ownerName, needs: [...lifted.values()].sort((a, b) => b.count - a.count) };
  });
  return { blocks, allNeeds: needs.filter((n) => !n.duplicateOfId) };
}

/** Creates a block (no `slug` given) or updates the block at `slug`; returns the block's (new) slug. */
export async function saveBlock(deps: Deps, opts: { user: CurrentUser | null; slug?: string; input: BlockForm }): Promise<string> {
  const user = await requireCoreGroup(deps, { user: opts.user });
  const { input } = opts;
  if (input.ownerActorId && !(await existingActorIds(deps, [input.ownerActorId])).has(input.ownerActorId)) {
    throw new AppError('validation', 'blocks.error.owner', { field: 'ownerActorId' });
  }
  const { needs } = await readNeeds(deps);
  const known = new Set(needs.map((n) => n.id));
  if (!input.needIds.every((id) => known.has(id))) throw new AppError('validation', 'blocks.error.needs', { field: 'needIds' });
  const at = deps.now();
  const { needIds, ...fields } = input;
  return deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const existing = opts.slug ? await findBlockBySlug(db, opts.slug) : undefined;
    if (opts.slug && !existing) throw new AppError('not_found', 'error.notFound.body');
    const clash = await findBlockBySlug(db, input.slug);
    if (clash && clash.id !== existing?.id) throw new AppError('conflict', 'blocks.error.slugTaken', { field: 'slug' });
    let id: string;
    if (existing) {
      id = existing.id;
      await updateBlock(db, id, { ...fields, updatedAt: at });
    } else {
      id = await insertBlock(db, { ...fields, createdAt: at, updatedAt: at });
    }
    await replaceBlockNeeds(db, id, needIds);
    await recordAudit(db, {
      organisationId: null,
      actorUserId: user.id,
      action: existing ? 'building_block.updated' : 'building_block.created',
      details: { blockId: id, before: existing ?? null, after: input },
      at,
    });
    return input.slug;
  });
}

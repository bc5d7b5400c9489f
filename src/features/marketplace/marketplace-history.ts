import { recordAudit } from '../../core/audit.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { type HistoryEntity, insertHistory, listBlockChoices, listNeedChoices } from './marketplace.queries.ts';

/**
 * Shared steps of the marketplace's use cases: each change is one transaction that writes the row, a history
 * row (who, when, { field: [before, after] }) and the audit event together (issue 5: "every change … is kept
 * as history rows AND recordAudit").
 */

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Action = 'created' | 'updated' | 'submitted' | 'approved' | 'rejected' | 'accepted';

export async function inTransaction<T>(deps: Deps, work: (db: Db) => Promise<T>): Promise<T> {
  return deps.database.db.transaction(async (tx) => work(tx as unknown as Db));
}

export async function recordChange(
  db: Db,
  opts: { entity: HistoryEntity; entityId: string; action: Action; changes: Record<string, unknown>; user: CurrentUser; at: Date },
) {
  await insertHistory(db, {
    entity: opts.entity,
    entityId: opts.entityId,
    action: opts.action,
    changes: opts.changes,
    actorUserId: opts.user.id,
    actorName: opts.user.name,
    createdAt: opts.at,
  });
  await recordAudit(db, {
    organisationId: null,
    actorUserId: opts.user.id,
    action: `marketplace.${opts.entity}.${opts.action}`,
    details: { id: opts.entityId, fields: Object.keys(opts.changes) },
    at: opts.at,
  });
}

/** Needs and building blocks chosen in a form must exist; refused with the field's own message otherwise. */
export async function requireKnownLinks(deps: Deps, links: { needIds?: string[]; blockIds?: string[] }) {
  const db = deps.database.db;
  if (links.needIds && links.needIds.length > 0) {
    const known = new Set((await listNeedChoices(db)).map((n) => n.id));
    if (!links.needIds.every((id) => known.has(id))) throw new AppError('validation', 'mkt.error.needs', { field: 'needIds' });
  }
  if (links.blockIds && links.blockIds.length > 0) {
    const known = new Set((await listBlockChoices(db)).map((b) => b.id));
    if (!links.blockIds.every((id) => known.has(id))) throw new AppError('validation', 'mkt.error.blocks', { field: 'blockIds' });
  }
}

import type { Db } from './db/client.ts';
import { auditEvents } from './db/schema.ts';
import { currentRequestId } from './logger.ts';

/**
 * Appends to the audit log. Call it with the transaction that makes the change, so the change and its
 * log entry are written together or not at all.
 */
export async function recordAudit(
  db: Db,
  event: { organisationId: string | null; actorUserId: string | null; action: string; details?: Record<string, unknown>; at?: Date },
) {
  await db.insert(auditEvents).values({
    organisationId: event.organisationId,
    actorUserId: event.actorUserId,
    action: event.action,
    details: event.details ?? {},
    requestId: currentRequestId() ?? null,
    createdAt: event.at ?? new Date(),
  });
}

import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { changedFields } from '../../core/changes.ts';
import { ecosystemDecisions, ecosystemMeetings } from '../../core/db/schema.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { insertHistory, meetingExists } from './ecosystem.queries.ts';
import type { DecisionForm, MeetingForm } from './ecosystem.schema.ts';
import { requireCoreGroup } from './ecosystem-access.ts';

/**
 * The core group's meetings and decisions log (issue 5 item 1: "what, why, who, when"). Core-group members
 * write (requireCoreGroup); every change is kept in ecosystem_history and the audit log, in one transaction.
 */

export async function createMeeting(deps: Deps, opts: { user: CurrentUser | null; form: MeetingForm }): Promise<{ id: string }> {
  const user = await requireCoreGroup(deps, { user: opts.user });
  return deps.database.db.transaction(async (tx) => {
    const now = deps.now();
    const [row] = await tx
      .insert(ecosystemMeetings)
      .values({ ...opts.form, createdAt: now, updatedAt: now })
      .returning({ id: ecosystemMeetings.id });
    const id = row!.id;
    await insertHistory(tx, {
      entity: 'meeting',
      entityId: id,
      action: 'created',
      changes: opts.form,
      actorUserId: user.id,
      actorName: user.name,
      at: now,
    });
    await recordAudit(tx, {
      organisationId: null,
      actorUserId: user.id,
      action: 'ecosystem.meeting.created',
      details: { meetingId: id },
      at: now,
    });
    return { id };
  });
}

export async function createDecision(deps: Deps, opts: { user: CurrentUser | null; form: DecisionForm }): Promise<{ id: string }> {
  const user = await requireCoreGroup(deps, { user: opts.user });
  return deps.database.db.transaction(async (tx) => {
    if (opts.form.meetingId && !(await meetingExists(tx, opts.form.meetingId))) {
      throw new AppError('validation', 'eco.error.meeting', { field: 'meetingId' });
    }
    const now = deps.now();
    const [row] = await tx
      .insert(ecosystemDecisions)
      .values({ ...opts.form, createdAt: now, updatedAt: now })
      .returning({ id: ecosystemDecisions.id });
    const id = row!.id;
    await insertHistory(tx, {
      entity: 'decision',
      entityId: id,
      action: 'created',
      changes: opts.form,
      actorUserId: user.id,
      actorName: user.name,
      at: now,
    });
    await recordAudit(tx, {
      organisationId: null,
      actorUserId: user.id,
      action: 'ecosystem.decision.created',
      details: { decisionId: id },
      at: now,
    });
    return { id };
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function updateMeeting(deps: Deps, opts: { user: CurrentUser | null; meetingId: string; form: MeetingForm }): Promise<void> {
  const user = await requireCoreGroup(deps, { user: opts.user });
  if (!UUID.test(opts.meetingId)) throw new AppError('not_found', 'error.notFound.body');
  await deps.database.db.transaction(async (tx) => {
    const [before] = await tx.select().from(ecosystemMeetings).where(eq(ecosystemMeetings.id, opts.meetingId));
    if (!before) throw new AppError('not_found', 'error.notFound.body');
    const changes = changedFields(before, opts.form);
    if (Object.keys(changes).length === 0) return;
    const now = deps.now();
    await tx
      .update(ecosystemMeetings)
      .set({ ...opts.form, updatedAt: now })
      .where(eq(ecosystemMeetings.id, before.id));
    await insertHistory(tx, {
      entity: 'meeting',
      entityId: before.id,
      action: 'updated',
      changes,
      actorUserId: user.id,
      actorName: user.name,
      at: now,
    });
    await recordAudit(tx, {
      organisationId: null,
      actorUserId: user.id,
      action: 'ecosystem.meeting.updated',
      details: { meetingId: before.id, fields: Object.keys(changes) },
      at: now,
    });
  });
}

export async function updateDecision(
  deps: Deps,
  opts: { user: CurrentUser | null; decisionId: string; form: DecisionForm },
): Promise<void> {
  const user = await requireCoreGroup(deps, { user: opts.user });
  if (!UUID.test(opts.decisionId)) throw new AppError('not_found', 'error.notFound.body');
  await deps.database.db.transaction(async (tx) => {
    const [before] = await tx.select().from(ecosystemDecisions).where(eq(ecosystemDecisions.id, opts.decisionId));
    if (!before) throw new AppError('not_found', 'error.notFound.body');
    if (opts.form.meetingId && !(await meetingExists(tx, opts.form.meetingId))) {
      throw new AppError('validation', 'eco.error.meeting', { field: 'meetingId' });
    }
    const changes = changedFields(before, opts.form);
    if (Object.keys(changes).length === 0) return;
    const now = deps.now();
    await tx
      .update(ecosystemDecisions)
      .set({ ...opts.form, updatedAt: now })
      .where(eq(ecosystemDecisions.id, before.id));
    await insertHistory(tx, {
      entity: 'decision',
      entityId: before.id,
      action: 'updated',
      changes,
      actorUserId: user.id,
      actorName: user.name,
      at: now,
    });
    await recordAudit(tx, {
      organisationId: null,
      actorUserId: user.id,
      action: 'ecosystem.decision.updated',
      details: { decisionId: before.id, fields: Object.keys(changes) },
      at: now,
    });
  });
}

import { recordAudit } from '../../core/audit.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { BOARD_ROLES, requireOrgRole } from '../../core/auth/org-access.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { findTask, type Localised } from '../life-event-map/life-event-map.content.ts';
import { readOrganisationFacts } from './facts.ts';
import { readMapForPlan } from './linked-parts.ts';
import { findManualTaskStatus, listManualTaskStatuses, upsertManualTaskStatus } from './plan.queries.ts';
import { evaluatePlan, MANUAL_STATUSES, type ManualStatus, RULES_BY_ID, type TaskId } from './plan.rules.ts';

/**
 * Sets a task's status by hand (board roles), stored per organisation and task and audited. A status the
 * rules derive from the registers or the workspace's documents cannot be overridden, and a task that does
 * not apply cannot be given one: the facts decide those.
 */
export async function setTaskStatus(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string; taskId: string; status: string },
): Promise<{ taskId: TaskId; title: Localised }> {
  const { user } = await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: BOARD_ROLES });
  // Input is checked after the access check: a stranger learns nothing, not even that the form was wrong.
  const rule = RULES_BY_ID.get(opts.taskId as TaskId);
  if (!rule) throw new AppError('validation', 'plan.error.unknownTask');
  if (!(MANUAL_STATUSES as readonly string[]).includes(opts.status)) throw new AppError('validation', 'plan.error.statusInvalid');
  const status = opts.status as ManualStatus;
  const at = deps.now();
  await deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const current = await findManualTaskStatus(db, opts.organisationId, rule.id);
    const facts = await readOrganisationFacts(db, opts.organisationId);
    const task = evaluatePlan(facts, await listManualTaskStatuses(db, opts.organisationId)).find((t) => t.id === rule.id)!;
    if (!task.applies) throw new AppError('validation', 'plan.error.notApplicable');
    if (task.derived) throw new AppError('validation', 'plan.error.statusDerived');
    if ((current ?? 'not-started') === status) return;
    await upsertManualTaskStatus(db, { organisationId: opts.organisationId, taskId: rule.id, status, userId: user.id, at });
    await recordAudit(db, {
      organisationId: opts.organisationId,
      actorUserId: user.id,
      action: 'plan.task_status_changed',
      details: { task: rule.id, previous: current ?? 'not-started', status },
      at,
    });
  });
  const found = findTask(await readMapForPlan(deps.database.db), rule.id);
  return { taskId: rule.id, title: found?.task.title ?? { nb: rule.id, nn: rule.id } };
}

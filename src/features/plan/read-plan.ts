import type { CurrentUser } from '../../core/auth/current-user.ts';
import { ANY_ORG_ROLE, BOARD_ROLES, type OrgRole, requireOrgRole } from '../../core/auth/org-access.ts';
import type { Deps } from '../../core/http/context.ts';
import { findTask, type Localised, taskHref } from '../life-event-map/life-event-map.content.ts';
import { type OrganisationFacts, readOrganisationFacts } from './facts.ts';
import { readMapForPlan } from './linked-parts.ts';
import { findOrganisationRow, listManualTaskStatuses } from './plan.queries.ts';
import { type EvaluatedTask, evaluatePlan, MANUAL_STATUSES, type ManualStatus } from './plan.rules.ts';

export interface PlanTask extends EvaluatedTask {
  title: Localised;
  /** 1 idea … 6 wind down. */
  phaseNumber: number;
  /** The task on the public life-event map: /livshendelse/<phase-slug>#<task-id>. */
  mapHref: string;
  /** The tool in this workspace that does the task, where there is one. */
  tool: { href: string; label: Localised } | null;
}

export interface Plan {
  organisation: { id: string; name: string; orgnr: string | null; phase: number };
  role: OrgRole;
  /** Leader, treasurer and board members may change the facts and set statuses by hand. */
  canEdit: boolean;
  facts: OrganisationFacts;
  tasks: PlanTask[];
  /** Done among the tasks that apply. */
  progress: { done: number; total: number };
}

const PHASE_NUMBER = { ide: 1, starte: 2, drive: 3, rekruttere: 4, utvikle: 5, avvikle: 6 } as const;

/**
 * The organisation's personal plan: its facts through the rules (plan.rules.ts) with the board's hand-set
 * statuses, each task linked to the life-event map and to its tool. Every member may read it. Later
 * features (offerings suggested from the plan) call this too.
 */
export async function readPlan(deps: Deps, opts: { user: CurrentUser | null; organisationId: string }): Promise<Plan> {
  const { role } = await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: ANY_ORG_ROLE });
  const db = deps.database.db;
  const [org, facts, manualRows, map] = await Promise.all([
    findOrganisationRow(db, opts.organisationId),
    readOrganisationFacts(db, opts.organisationId),
    listManualTaskStatuses(db, opts.organisationId),
    readMapForPlan(db),
  ]);
  const manual = new Map<string, ManualStatus>();
  for (const [taskId, status] of manualRows) if ((MANUAL_STATUSES as readonly string[]).includes(status)) manual.set(taskId, status);
  const tasks = evaluatePlan(facts, manual).map((task): PlanTask => {
    const found = findTask(map, task.id);
    const tool = found?.task.tool;
    return {
      ...task,
      title: found?.task.title ?? { nb: task.id, nn: task.id },
      phaseNumber: PHASE_NUMBER[task.phase],
      mapHref: taskHref(task.phase, task.id),
      tool: tool ? { href: tool.path.replace('{orgId}', opts.organisationId), label: tool.label } : null,
    };
  });
  const applicable = tasks.filter((t) => t.applies && t.status !== 'not-relevant');
  return {
    organisation: {
      id: opts.organisationId,
      name: org?.name ?? facts.name.value,
      orgnr: org?.orgnr ?? null,
      phase: org?.phase ?? facts.phase.value,
    },
    role,
    canEdit: BOARD_ROLES.includes(role),
    facts,
    tasks,
    progress: { done: applicable.filter((t) => t.status === 'done').length, total: applicable.length },
  };
}

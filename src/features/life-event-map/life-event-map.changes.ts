import { z } from 'zod';
import {
  isCanonicalTaskId,
  type LifeEventMap,
  type Localised,
  localised,
  type OutsideItem,
  type Owner,
  outsideItemSchema,
  ownerSchema,
  PHASE_SLUGS,
  type PhaseSlug,
  type Task,
  taskSchema,
} from './life-event-map.content.ts';

/**
 * Every edit of the map is one of these changes, applied to the current map as a pure function and then
 * validated whole by the map schema. A change is plain JSON, so the ecosystem issue can store an actor's
 * proposal as a change against a base revision and, when an orchestrator accepts it, save it as a revision
 * through the same path (saveLifeEventMapRevision with origin 'proposal').
 */
export type LifeEventMapChange =
  | { kind: 'task'; taskId: string; task: Task }
  | { kind: 'add-task'; phase: PhaseSlug; task: Task }
  | { kind: 'remove-task'; taskId: string }
  | { kind: 'phase'; phase: PhaseSlug; title: Localised; summary: Localised; order: string[]; outside: OutsideItem[] }
  | { kind: 'owners'; owners: Owner[] };

/** The stored form of a change (for proposals): the parts are checked here, the result by the map schema. */
export const lifeEventMapChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('task'), taskId: z.string(), task: taskSchema }),
  z.object({ kind: z.literal('add-task'), phase: z.enum(PHASE_SLUGS), task: taskSchema }),
  z.object({ kind: z.literal('remove-task'), taskId: z.string() }),
  z.object({
    kind: z.literal('phase'),
    phase: z.enum(PHASE_SLUGS),
    title: localised(),
    summary: localised(4000),
    order: z.array(z.string()),
    outside: z.array(outsideItemSchema),
  }),
  z.object({ kind: z.literal('owners'), owners: z.array(ownerSchema) }),
]);

/** Why a change cannot be applied at all (before schema validation); the message key says it to the user. */
export class ChangeNotApplicable extends Error {
  constructor(
    public readonly messageKey: string,
    public readonly field = 'form',
  ) {
    super(messageKey);
  }
}

/** Returns a new map with the change applied; the input is not modified. */
export function applyChange(current: LifeEventMap, change: LifeEventMapChange): LifeEventMap {
  const map = structuredClone(current);
  switch (change.kind) {
    case 'task': {
      const phase = map.phases.find((p) => p.tasks.some((t) => t.id === change.taskId));
      if (!phase) throw new ChangeNotApplicable('lem.error.taskGone');
      // A task keeps its id: the plan and the map's anchors (/livshendelse/<phase>#<id>) point at it.
      phase.tasks = phase.tasks.map((t) => (t.id === change.taskId ? { ...change.task, id: change.taskId } : t));
      return map;
    }
    case 'add-task': {
      const phase = map.phases.find((p) => p.slug === change.phase);
      if (!phase) throw new ChangeNotApplicable('lem.error.phase');
      if (map.phases.some((p) => p.tasks.some((t) => t.id === change.task.id))) {
        throw new ChangeNotApplicable('lem.error.taskDuplicate', 'id');
      }
      phase.tasks.push(change.task);
      return map;
    }
    case 'remove-task': {
      if (isCanonicalTaskId(change.taskId)) throw new ChangeNotApplicable('lem.error.canonicalRemove');
      const phase = map.phases.find((p) => p.tasks.some((t) => t.id === change.taskId));
      if (!phase) throw new ChangeNotApplicable('lem.error.taskGone');
      phase.tasks = phase.tasks.filter((t) => t.id !== change.taskId);
      return map;
    }
    case 'phase': {
      const phase = map.phases.find((p) => p.slug === change.phase);
      if (!phase) throw new ChangeNotApplicable('lem.error.phase');
      const ids = phase.tasks.map((t) => t.id);
      const sameTasks = change.order.length === ids.length && ids.every((id) => change.order.includes(id));
      if (!sameTasks) throw new ChangeNotApplicable('lem.error.orderStale');
      phase.title = change.title;
      phase.summary = change.summary;
      phase.tasks = change.order.map((id) => phase.tasks.find((t) => t.id === id)!);
      phase.outside = change.outside;
      return map;
    }
    case 'owners': {
      map.owners = change.owners;
      return map;
    }
  }
}

/** What a change is about, for the audit log and the history ("which task"). */
export function describeChange(change: LifeEventMapChange): Record<string, string> {
  switch (change.kind) {
    case 'task':
    case 'remove-task':
      return { kind: change.kind, taskId: change.taskId };
    case 'add-task':
      return { kind: change.kind, phase: change.phase, taskId: change.task.id };
    case 'phase':
      return { kind: change.kind, phase: change.phase };
    case 'owners':
      return { kind: change.kind };
  }
}

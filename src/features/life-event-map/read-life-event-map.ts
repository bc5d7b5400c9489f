import type { Db } from '../../core/db/client.ts';
import {
  ALL_CANONICAL_TASK_IDS,
  findTask,
  type LifeEventMap,
  lifeEventMapSchema,
  repositoryLifeEventMap,
} from './life-event-map.content.ts';
import { latestRevision } from './life-event-map.queries.ts';

export interface CurrentLifeEventMap {
  map: LifeEventMap;
  /** The revision shown: 0 is the repository copy. */
  revision: number;
  /**
   * Set when the newest stored revision could not be shown as stored: 'completed' — tasks the repository
   * copy has since made canonical were added to it; 'invalid' — it no longer passes the schema, so the
   * repository copy is shown instead (the editor says so).
   */
  notice: 'completed' | 'invalid' | null;
  /** The newest stored revision's number, also when it is not the one shown. */
  latestStored: number;
  /** When the revision shown was saved (null for the repository copy). */
  updatedAt: Date | null;
}

/**
 * Tasks that a newer repository copy made canonical are added to an older stored revision (at the end of
 * their phase, with their owners), so the plan's links keep working without throwing away the orchestrators'
 * edits.
 */
function completeCanonicalTasks(content: LifeEventMap): { map: LifeEventMap; changed: boolean } {
  const repository = repositoryLifeEventMap();
  let changed = false;
  for (const id of ALL_CANONICAL_TASK_IDS) {
    if (findTask(content, id)) continue;
    const found = findTask(repository, id);
    if (!found) continue;
    const phase = content.phases.find((p) => p.slug === found.phase.slug);
    if (!phase) continue;
    for (const ownerId of found.task.owners) {
      if (!content.owners.some((o) => o.id === ownerId)) {
        const owner = repository.owners.find((o) => o.id === ownerId);
        if (owner) content.owners.push(owner);
      }
    }
    // Appended after other tasks, it is a step of its own (an "and"/"or" would join the wrong step).
    phase.tasks.push({ ...found.task, relation: 'step' });
    changed = true;
  }
  return { map: content, changed };
}

/**
 * A stored revision's content as a map: as stored when it passes today's schema, completed with newer
 * canonical tasks when that is all it lacks, otherwise null.
 */
export function parseStoredMap(content: unknown): { map: LifeEventMap; completed: boolean } | null {
  const parsed = lifeEventMapSchema.safeParse(content);
  if (parsed.success) return { map: parsed.data, completed: false };
  if (!content || typeof content !== 'object') return null;
  const candidate = content as Partial<LifeEventMap>;
  if (!Array.isArray(candidate.owners) || !Array.isArray(candidate.phases)) return null;
  if (!candidate.phases.every((p) => p && typeof p === 'object' && Array.isArray(p.tasks))) return null;
  try {
    const repaired = lifeEventMapSchema.safeParse(completeCanonicalTasks(structuredClone(content) as LifeEventMap).map);
    return repaired.success ? { map: repaired.data, completed: true } : null;
  } catch {
    // Content too broken to even walk (a task that is not an object): show the repository copy.
    return null;
  }
}

/** The map as the public pages show it now: the newest revision, or the repository copy when there is none. */
export async function readCurrentLifeEventMap(db: Db): Promise<CurrentLifeEventMap> {
  const latest = await latestRevision(db);
  if (!latest) return { map: repositoryLifeEventMap(), revision: 0, notice: null, latestStored: 0, updatedAt: null };
  const stored = parseStoredMap(latest.content);
  if (stored) {
    return {
      map: stored.map,
      revision: latest.number,
      notice: stored.completed ? 'completed' : null,
      latestStored: latest.number,
      updatedAt: latest.createdAt,
    };
  }
  return { map: repositoryLifeEventMap(), revision: 0, notice: 'invalid', latestStored: latest.number, updatedAt: null };
}

/**
 * The current content of the life-event map, for other features (the plan links its tasks to it with
 * `findTask(map, taskId)`). No access check: the map is public.
 */
export async function readLifeEventMap(db: Db): Promise<LifeEventMap> {
  return (await readCurrentLifeEventMap(db)).map;
}

export { findTask };

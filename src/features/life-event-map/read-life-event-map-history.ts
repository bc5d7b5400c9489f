import { requirePlatformRole } from '../../core/auth/access.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { type LifeEventMap, repositoryLifeEventMap } from './life-event-map.content.ts';
import { type DiffSection, diffMaps } from './life-event-map.diff.ts';
import { listRevisions, type RevisionSummary, revisionsByNumber } from './life-event-map.queries.ts';
import { parseStoredMap } from './read-life-event-map.ts';

/** Who may read the editing history: the orchestrators who write it, and administrators. */
const HISTORY_ROLES = ['orchestrator', 'administrator'] as const;

export async function readLifeEventMapHistory(deps: Deps, opts: { user: CurrentUser | null }): Promise<RevisionSummary[]> {
  requirePlatformRole(opts.user, ...HISTORY_ROLES);
  return listRevisions(deps.database.db);
}

/** A revision number that does not exist: the history page says so beside the field. */
export class UnknownRevisionError extends AppError {
  constructor(public readonly fields: Record<string, string>) {
    super('validation', Object.values(fields)[0] ?? 'lem.error.revisionUnknown');
  }
}

/**
 * The readable difference between two revisions (0 is the repository copy), with the change notes of the
 * revisions between them.
 */
export async function compareLifeEventMapRevisions(
  deps: Deps,
  opts: { user: CurrentUser | null; from: number; to: number },
): Promise<{ sections: DiffSection[]; revisions: RevisionSummary[] }> {
  requirePlatformRole(opts.user, ...HISTORY_ROLES);
  const rows = await revisionsByNumber(
    deps.database.db,
    [opts.from, opts.to].filter((n) => n > 0),
  );
  const contentOf = (n: number, field: 'fra' | 'til'): LifeEventMap => {
    if (n === 0) return repositoryLifeEventMap();
    const row = rows.find((r) => r.number === n);
    if (!row) throw new UnknownRevisionError({ [field]: 'lem.error.revisionUnknown' });
    const stored = parseStoredMap(row.content);
    if (!stored) throw new UnknownRevisionError({ [field]: 'lem.error.revisionUnreadable' });
    return stored.map;
  };
  const before = contentOf(opts.from, 'fra');
  const after = contentOf(opts.to, 'til');
  const low = Math.min(opts.from, opts.to);
  const high = Math.max(opts.from, opts.to);
  const revisions = (await listRevisions(deps.database.db)).filter((r) => r.number > low && r.number <= high).reverse();
  return { sections: diffMaps(before, after), revisions };
}

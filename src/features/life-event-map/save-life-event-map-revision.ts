import { isDeepStrictEqual } from 'node:util';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.ts';
import { requirePlatformRole } from '../../core/auth/access.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { applyChange, ChangeNotApplicable, describeChange, type LifeEventMapChange } from './life-event-map.changes.ts';
import { lifeEventMapSchema } from './life-event-map.content.ts';
import { insertRevision } from './life-event-map.queries.ts';
import { readCurrentLifeEventMap } from './read-life-event-map.ts';

export const MAX_CHANGE_NOTE = 500;

/** One problem with an edit, at a path inside the whole map (zod's path), with its message key. */
export interface MapIssue {
  path: (string | number)[];
  messageKey: string;
}

/**
 * The edited map does not pass the content schema (or the change note is missing): nothing was written.
 * The handler maps each issue's path to the form field it came from and shows the form again.
 */
export class MapValidationError extends AppError {
  constructor(public readonly issues: MapIssue[]) {
    super('validation', issues[0]?.messageKey ?? 'error.validation.title');
  }
}

/** Serialises saves, so "the newest revision" read at the start of a save is still the newest at its end. */
const SAVE_LOCK_KEY = 727_104;

export type RevisionOrigin = { kind: 'edit' } | { kind: 'proposal'; proposalRef: string };

/**
 * Saves an edit of the life-event map as a new revision (orchestrators only). The change is applied to the
 * map as it is now and the result is validated whole by the same schema as the repository copy; a save made
 * from an older revision than the newest is refused (someone else saved in between) rather than overwriting
 * their work. The revision and its audit entry are written in one transaction, or neither is.
 */
export async function saveLifeEventMapRevision(
  deps: Deps,
  opts: { user: CurrentUser | null; baseRevision: number; changeNote: string; change: LifeEventMapChange; origin?: RevisionOrigin },
): Promise<{ revision: number }> {
  const user = requirePlatformRole(opts.user, 'orchestrator');
  const changeNote = opts.changeNote.replace(/\r\n/g, '\n').trim();
  const noteIssue = !changeNote
    ? 'lem.error.changeNoteRequired'
    : changeNote.length > MAX_CHANGE_NOTE
      ? 'lem.error.changeNoteTooLong'
      : null;
  const origin = opts.origin ?? { kind: 'edit' };

  return deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await db.execute(sql`select pg_advisory_xact_lock(${SAVE_LOCK_KEY})`);
    const current = await readCurrentLifeEventMap(db);
    if (current.latestStored !== opts.baseRevision) throw new AppError('conflict', 'lem.error.conflict');

    let next: unknown;
    try {
      next = applyChange(current.map, opts.change);
    } catch (error) {
      if (!(error instanceof ChangeNotApplicable)) throw error;
      throw new MapValidationError([{ path: [error.field], messageKey: error.messageKey }]);
    }
    const parsed = lifeEventMapSchema.safeParse(next);
    const issues: MapIssue[] = parsed.success
      ? []
      : parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'number' ? p : String(p))), messageKey: i.message }));
    if (noteIssue) issues.push({ path: ['changeNote'], messageKey: noteIssue });
    if (issues.length > 0 || !parsed.success) throw new MapValidationError(issues);
    // Compared (and stored) as JSON: an optional field left out and one that is undefined are the same content.
    const content = JSON.parse(JSON.stringify(parsed.data)) as unknown;
    if (isDeepStrictEqual(content, JSON.parse(JSON.stringify(current.map)))) {
      throw new MapValidationError([{ path: ['form'], messageKey: 'lem.error.noChange' }]);
    }

    const number = current.latestStored + 1;
    const now = deps.now();
    await insertRevision(db, {
      number,
      baseNumber: opts.baseRevision,
      content,
      changeNote,
      authorUserId: user.id,
      authorName: user.name,
      origin: origin.kind,
      proposalRef: origin.kind === 'proposal' ? origin.proposalRef : null,
      createdAt: now,
    });
    await recordAudit(db, {
      organisationId: null,
      actorUserId: user.id,
      action: 'life_event_map.revised',
      details: { revision: number, baseRevision: opts.baseRevision, changeNote, origin: origin.kind, ...describeChange(opts.change) },
      at: now,
    });
    return { revision: number };
  });
}

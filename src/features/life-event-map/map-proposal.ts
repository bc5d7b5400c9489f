import { recordAudit } from '../../core/audit.ts';
import { requirePlatformRole, requireUser } from '../../core/auth/access.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { actorsOfUser } from '../ecosystem/ecosystem-access.ts';
import { listMyOrganisations } from '../organisations/read-workspace.ts';
import { applyChange, type LifeEventMapChange } from './life-event-map.changes.ts';
import { findPhase, findTask, type LifeEventMap, type Localised, lifeEventMapSchema } from './life-event-map.content.ts';
import { type DiffSection, diffMaps, type FieldChange, wordDiff } from './life-event-map.diff.ts';
import {
  countOpenProposals,
  decideProposal,
  findProposalByNumber,
  insertProposal,
  insertProposalHistory,
  listProposalHistory,
  listProposalRows,
  type ProposalRow,
} from './map-proposal.queries.ts';
import {
  OPTIONAL_TEXT_FIELDS,
  PHASE_TEXT_FIELDS,
  type ProposalForm,
  type ProposalTarget,
  parseTarget,
  TASK_TEXT_FIELDS,
  TEXT_LANGS,
  targetParam,
} from './map-proposal.schema.ts';
import { readCurrentLifeEventMap } from './read-life-event-map.ts';
import { MAX_CHANGE_NOTE, MapValidationError, saveLifeEventMapRevision } from './save-life-event-map-revision.ts';

/**
 * Change proposals to the life-event map (issue 5 item 3): people of ecosystem actors and organisations'
 * leaders propose new texts for a task or a phase; the orchestrator accepts or rejects. Accepting saves a map
 * revision through saveLifeEventMapRevision (origin 'proposal', proposal_ref "forslag-<n>"), so the map's
 * history names the proposal. A proposal stores only the texts it changes and the texts they replaced; a text
 * changed on the map since then is never replaced unless the orchestrator confirms it after seeing both.
 */

export type Texts = Record<string, string>;

export interface ProposerOption {
  value: string;
  name: string;
}

/** Whom the user may propose for: their ecosystem actors and the organisations they lead. */
export async function proposerOptions(deps: Deps, opts: { user: CurrentUser | null }): Promise<ProposerOption[]> {
  if (!opts.user) return [];
  const actors = await actorsOfUser(deps, { user: opts.user });
  const orgs = (await listMyOrganisations(deps, { user: opts.user })).filter((o) => o.role === 'leader');
  return [
    ...actors.map((a) => ({ value: `actor:${a.actorId}`, name: a.name })),
    ...orgs.map((o) => ({ value: `org:${o.id}`, name: o.name })),
  ];
}

/** Signed in and belongs to an actor or leads an organisation (403 otherwise, before any input is read). */
export async function requireProposer(
  deps: Deps,
  opts: { user: CurrentUser | null },
): Promise<{ user: CurrentUser; options: ProposerOption[] }> {
  const user = requireUser(opts.user);
  const options = await proposerOptions(deps, { user });
  if (options.length === 0) {
    deps.logger.warn('access refused', { userId: user.id, needed: 'actor_person_or_leader' });
    throw new AppError('forbidden', 'error.forbidden.body');
  }
  return { user, options };
}

const fieldsOf = (target: ProposalTarget): readonly string[] => (target.kind === 'task' ? TASK_TEXT_FIELDS : PHASE_TEXT_FIELDS);

/** The target's texts now, by form field ("title.nb"); null when the task or phase is not on the map. */
export function targetTexts(map: LifeEventMap, target: ProposalTarget): Texts | null {
  const source = target.kind === 'task' ? (findTask(map, target.taskId)?.task ?? null) : (findPhase(map, target.phase)?.phase ?? null);
  if (!source) return null;
  const out: Texts = {};
  for (const field of fieldsOf(target)) {
    const value = (source as unknown as Record<string, Localised | undefined>)[field];
    for (const lang of TEXT_LANGS) out[`${field}.${lang}`] = value?.[lang] ?? '';
  }
  return out;
}

/** The target's name on the map now (null when it is gone). */
export function targetTitle(map: LifeEventMap, target: ProposalTarget): { title: Localised; href: string } | null {
  if (target.kind === 'task') {
    const found = findTask(map, target.taskId);
    return found ? { title: found.task.title, href: found.href } : null;
  }
  const found = findPhase(map, target.phase);
  return found ? { title: found.phase.title, href: `/livshendelse/${found.phase.slug}` } : null;
}

/** The map change that puts the proposed texts into the current map (other texts stay as they are now). */
export function changeFor(map: LifeEventMap, target: ProposalTarget, texts: Texts): LifeEventMapChange | null {
  const merged = (current: Localised | undefined, field: string): Localised | undefined => {
    const nb = texts[`${field}.nb`] ?? current?.nb ?? '';
    const nn = texts[`${field}.nn`] ?? current?.nn ?? '';
    if (OPTIONAL_TEXT_FIELDS.includes(field) && nb === '' && nn === '') return undefined;
    return { nb, nn };
  };
  if (target.kind === 'task') {
    const found = findTask(map, target.taskId);
    if (!found) return null;
    const task = structuredClone(found.task) as unknown as Record<string, Localised | undefined>;
    for (const field of TASK_TEXT_FIELDS) {
      if (!TEXT_LANGS.some((l) => `${field}.${l}` in texts)) continue;
      const value = merged(task[field], field);
      if (value) task[field] = value;
      else delete task[field];
    }
    return { kind: 'task', taskId: found.task.id, task: task as unknown as typeof found.task };
  }
  const found = findPhase(map, target.phase);
  if (!found) return null;
  const { phase } = found;
  return {
    kind: 'phase',
    phase: phase.slug,
    title: merged(phase.title, 'title')!,
    summary: merged(phase.summary, 'summary')!,
    order: phase.tasks.map((t) => t.id),
    outside: phase.outside,
  };
}

const normalise = (value: string) => value.replace(/\r\n/g, '\n').trim();

/**
 * The texts a posted form changes (against the map now) and the map's own verdict on them. Errors are by
 * form field id ("title-nb") with message keys; `form` when nothing was changed.
 */
export function checkProposedTexts(
  map: LifeEventMap,
  target: ProposalTarget,
  posted: Record<string, string>,
): { changed: Texts; baseTexts: Texts; errors: Record<string, string> } {
  const current = targetTexts(map, target);
  if (!current) return { changed: {}, baseTexts: {}, errors: { mal: 'lem.proposal.error.target' } };
  const changed: Texts = {};
  const baseTexts: Texts = {};
  for (const [key, now] of Object.entries(current)) {
    const value = posted[key];
    if (value === undefined || normalise(value) === now) continue;
    changed[key] = normalise(value);
    baseTexts[key] = now;
  }
  if (Object.keys(changed).length === 0) return { changed, baseTexts, errors: { texts: 'lem.proposal.error.noChange' } };
  const change = changeFor(map, target, changed)!;
  const parsed = lifeEventMapSchema.safeParse(applyChange(map, change));
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    const fields = fieldsOf(target);
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      const at = path.findIndex((p) => fields.includes(p));
      const field = at >= 0 ? path[at]! : null;
      const lang = at >= 0 && (path[at + 1] === 'nb' || path[at + 1] === 'nn') ? path[at + 1] : 'nb';
      const id = field ? `${field}-${lang}` : 'texts';
      errors[id] ??= issue.message;
    }
  }
  return { changed, baseTexts, errors };
}

/** A proposal's texts were refused (message keys by field id); nothing was written. */
export class ProposalValidationError extends AppError {
  constructor(public readonly fields: Record<string, string>) {
    super('validation', Object.values(fields)[0] ?? 'error.validation.title');
  }
}

export async function createProposal(
  deps: Deps,
  opts: { user: CurrentUser | null; form: ProposalForm; texts: Record<string, string> },
): Promise<{ number: number }> {
  const { user, options } = await requireProposer(deps, { user: opts.user });
  const onBehalf = options.find((o) => o.value === opts.form.onBehalf);
  // Proposing for an actor one does not belong to (or an organisation one does not lead) is refused outright.
  if (!onBehalf) throw new AppError('forbidden', 'error.forbidden.body');
  const target = parseTarget(opts.form.mal);
  if (!target) throw new ProposalValidationError({ mal: 'lem.proposal.error.target' });
  const db = deps.database.db;
  const current = await readCurrentLifeEventMap(db);
  const checked = checkProposedTexts(current.map, target, opts.texts);
  if (Object.keys(checked.errors).length > 0) throw new ProposalValidationError(checked.errors);
  const [kind, id] = onBehalf.value.split(':') as ['org' | 'actor', string];
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const now = deps.now();
    const row = await insertProposal(t, {
      targetKind: target.kind,
      phaseSlug: target.kind === 'phase' ? target.phase : findTask(current.map, target.taskId)!.phase.slug,
      taskId: target.kind === 'task' ? target.taskId : null,
      what: opts.form.what,
      why: opts.form.why,
      evidence: opts.form.evidence,
      fields: checked.changed,
      baseTexts: checked.baseTexts,
      baseRevision: current.latestStored,
      proposerUserId: user.id,
      proposerName: user.name,
      onBehalfActorId: kind === 'actor' ? id : null,
      onBehalfOrganisationId: kind === 'org' ? id : null,
      onBehalfName: onBehalf.name,
      createdAt: now,
      updatedAt: now,
    });
    await insertProposalHistory(t, {
      proposalId: row.id,
      action: 'created',
      changes: { target: targetParam(target), fields: Object.keys(checked.changed), baseRevision: current.latestStored },
      actorUserId: user.id,
      actorName: user.name,
      createdAt: now,
    });
    await recordAudit(t, {
      organisationId: kind === 'org' ? id : null,
      actorUserId: user.id,
      action: 'life_event_map.proposal.created',
      details: { proposal: row.number, target: targetParam(target), actorId: kind === 'actor' ? id : null },
      at: now,
    });
    return { number: row.number };
  });
}

export function proposalTarget(row: ProposalRow): ProposalTarget {
  return row.targetKind === 'task' ? { kind: 'task', taskId: row.taskId! } : { kind: 'phase', phase: row.phaseSlug as never };
}

/** Field changes between two sets of texts, in the diff's own shape (so the map's diff view shows them). */
function textChanges(before: Texts, after: Texts, keys: string[]): FieldChange[] {
  return keys.map((key) => {
    const b = before[key] || null;
    const a = after[key] || null;
    return { path: key.split('.'), before: b, after: a, segments: a !== null && b !== null ? wordDiff(b, a) : null };
  });
}

export interface ProposalPage {
  proposal: ProposalRow;
  target: ProposalTarget;
  targetInfo: { title: Localised; href: string } | null;
  /** What the proposer proposed: the texts they saw and their new texts. */
  proposed: FieldChange[];
  /** Open proposals only: the proposal's texts that the map has changed since, base → now. */
  newer: FieldChange[];
  /** Open proposals only: what accepting would change on the map as it is now (null when it no longer applies). */
  againstCurrent: DiffSection[] | null;
  /** The newest map revision, for the accept form (a save from an older one is refused). */
  latestRevision: number;
  history: Awaited<ReturnType<typeof listProposalHistory>>;
}

export async function listProposals(deps: Deps) {
  const db = deps.database.db;
  const current = await readCurrentLifeEventMap(db);
  const rows = await listProposalRows(db);
  return rows.map((row) => ({ row, targetInfo: targetTitle(current.map, proposalTarget(row)) }));
}

export async function openProposalCount(deps: Deps): Promise<number> {
  return countOpenProposals(deps.database.db);
}

export async function readProposal(deps: Deps, opts: { number: number }): Promise<ProposalPage> {
  const db = deps.database.db;
  const proposal = await findProposalByNumber(db, opts.number);
  if (!proposal) throw new AppError('not_found', 'error.notFound.body');
  const current = await readCurrentLifeEventMap(db);
  const target = proposalTarget(proposal);
  const keys = Object.keys(proposal.fields);
  const now = targetTexts(current.map, target);
  let newer: FieldChange[] = [];
  let againstCurrent: DiffSection[] | null = null;
  if (proposal.status === 'open' && now) {
    newer = textChanges(
      proposal.baseTexts,
      now,
      keys.filter((k) => now[k] !== proposal.baseTexts[k]),
    );
    const change = changeFor(current.map, target, proposal.fields);
    try {
      againstCurrent = change ? diffMaps(current.map, applyChange(current.map, change)) : null;
    } catch {
      againstCurrent = null;
    }
  }
  return {
    proposal,
    target,
    targetInfo: targetTitle(current.map, target),
    proposed: textChanges(proposal.baseTexts, proposal.fields, keys),
    newer,
    againstCurrent,
    latestRevision: current.latestStored,
    history: await listProposalHistory(db, proposal.id),
  };
}

/** Refusals of a decision, each with the message the page shows (409). */
export class ProposalConflict extends AppError {
  constructor(messageKey: string) {
    super('conflict', messageKey, { field: 'decision' });
  }
}

export async function acceptProposal(
  deps: Deps,
  opts: { user: CurrentUser | null; number: number; seenRevision: number; confirmNewer: boolean },
): Promise<{ revision: number }> {
  const user = requirePlatformRole(opts.user, 'orchestrator');
  const db = deps.database.db;
  const proposal = await findProposalByNumber(db, opts.number);
  if (!proposal) throw new AppError('not_found', 'error.notFound.body');
  if (proposal.status !== 'open') throw new ProposalConflict('lem.proposal.error.decided');
  const current = await readCurrentLifeEventMap(db);
  const target = proposalTarget(proposal);
  const now = targetTexts(current.map, target);
  const change = now ? changeFor(current.map, target, proposal.fields) : null;
  if (!now || !change) throw new ProposalConflict('lem.proposal.error.targetGone');
  // A text someone changed on the map after the proposal was made is only replaced on purpose.
  const newer = Object.keys(proposal.fields).filter((k) => now[k] !== proposal.baseTexts[k]);
  if (newer.length > 0 && !opts.confirmNewer) throw new ProposalConflict('lem.proposal.error.newer');
  if (opts.seenRevision !== current.latestStored) throw new ProposalConflict('lem.proposal.error.mapChanged');
  const ref = `forslag-${proposal.number}`;
  const changeNote = `Forslag ${proposal.number}: ${proposal.what}`.slice(0, MAX_CHANGE_NOTE);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    // The revision is saved in this transaction (a savepoint inside it), so the proposal and the map change together.
    let revision: number;
    try {
      ({ revision } = await saveLifeEventMapRevision(
        { ...deps, database: { ...deps.database, db: t } },
        { user, baseRevision: opts.seenRevision, changeNote, change, origin: { kind: 'proposal', proposalRef: ref } },
      ));
    } catch (error) {
      if (error instanceof MapValidationError) throw new ProposalConflict('lem.proposal.error.noLongerApplies');
      if (error instanceof AppError && error.code === 'conflict') throw new ProposalConflict('lem.proposal.error.mapChanged');
      throw error;
    }
    const at = deps.now();
    const decided = await decideProposal(t, {
      id: proposal.id,
      status: 'accepted',
      reason: '',
      decidedByName: user.name,
      revisionNumber: revision,
      at,
    });
    if (!decided) throw new ProposalConflict('lem.proposal.error.decided');
    await insertProposalHistory(t, {
      proposalId: proposal.id,
      action: 'accepted',
      changes: { revision, replacedNewer: newer },
      actorUserId: user.id,
      actorName: user.name,
      createdAt: at,
    });
    await recordAudit(t, {
      organisationId: null,
      actorUserId: user.id,
      action: 'life_event_map.proposal.accepted',
      details: { proposal: proposal.number, revision },
      at,
    });
    return { revision };
  });
}

export async function rejectProposal(deps: Deps, opts: { user: CurrentUser | null; number: number; reason: string }): Promise<void> {
  const user = requirePlatformRole(opts.user, 'orchestrator');
  const db = deps.database.db;
  const proposal = await findProposalByNumber(db, opts.number);
  if (!proposal) throw new AppError('not_found', 'error.notFound.body');
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const at = deps.now();
    const decided = await decideProposal(t, {
      id: proposal.id,
      status: 'rejected',
      reason: opts.reason,
      decidedByName: user.name,
      revisionNumber: null,
      at,
    });
    if (!decided) throw new ProposalConflict('lem.proposal.error.decided');
    await insertProposalHistory(t, {
      proposalId: proposal.id,
      action: 'rejected',
      changes: { reason: opts.reason },
      actorUserId: user.id,
      actorName: user.name,
      createdAt: at,
    });
    await recordAudit(t, {
      organisationId: null,
      actorUserId: user.id,
      action: 'life_event_map.proposal.rejected',
      details: { proposal: proposal.number },
      at,
    });
  });
}

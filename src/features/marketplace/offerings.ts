import { requireUser } from '../../core/auth/access.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { changedFields } from '../../core/changes.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { listActorChoices } from '../building-blocks/building-blocks.queries.ts';
import { actorsOfUser, isOrchestrator, requireActorPerson, requireOrchestrator } from '../ecosystem/ecosystem-access.ts';
import { todayInNorway } from '../plan/facts-form.ts';
import {
  countEvent,
  countSuggestedOrganisations,
  findActor,
  findOffering,
  insertOffering,
  listOfferings,
  type OfferingRow,
  statsByMonth,
  updateOffering,
} from './marketplace.queries.ts';
import type { BrowseFilter, OfferingForm } from './marketplace.schema.ts';
import { inTransaction, recordChange, requireKnownLinks, UUID } from './marketplace-history.ts';

/**
 * Offerings (issue 5, item 6). A person of the supplying actor writes and edits the actor's own offerings
 * (requireActorPerson: a person of another supplier is refused with 403); the orchestrator approves or
 * rejects (requireOrchestrator); only approved offerings are public.
 *
 * Status flow: draft → (submit) pending → approved | rejected (with a reason). A rejected offering that is
 * edited becomes a draft again. Editing an APPROVED offering sends it straight back to pending: it leaves
 * the public list until the orchestrator has approved the change, so what is public has always been
 * reviewed (the simpler and stricter of the two choices in the brief).
 */

export interface SupplierOption {
  value: string;
  name: string;
}

/** The actors the user may publish for: the actors they belong to (the orchestrator: every actor). */
export async function supplierOptions(deps: Deps, opts: { user: CurrentUser | null }): Promise<SupplierOption[]> {
  const user = requireUser(opts.user);
  if (isOrchestrator(user)) {
    return (await listActorChoices(deps.database.db)).map((a) => ({ value: a.id, name: a.name }));
  }
  return (await actorsOfUser(deps, { user })).map((a) => ({ value: a.actorId, name: a.name }));
}

async function requireSupplierPerson(deps: Deps, user: CurrentUser | null, actorId: string): Promise<CurrentUser> {
  const checked = await requireActorPerson(deps, { user, actorId });
  // The orchestrator passes requireActorPerson for any id; the actor must still exist.
  if (!(await findActor(deps.database.db, actorId))) throw new AppError('validation', 'mkt.error.supplier', { field: 'supplierActorId' });
  return checked;
}

async function findOrThrow(deps: Deps, id: string): Promise<OfferingRow> {
  const offering = UUID.test(id) ? await findOffering(deps.database.db, id) : undefined;
  if (!offering) throw new AppError('not_found', 'error.notFound.body');
  return offering;
}

const editable = (o: OfferingRow) => ({
  supplierActorId: o.supplierActorId,
  title: o.title,
  summary: o.summary,
  category: o.category,
  phases: o.phases,
  needIds: o.needIds,
  blockIds: o.blockIds,
  priceModel: o.priceModel,
  priceText: o.priceText,
  dataStorage: o.dataStorage,
  dataProcessorAgreement: o.dataProcessorAgreement,
  dataExport: o.dataExport,
  url: o.url,
});

export async function createOffering(deps: Deps, opts: { user: CurrentUser | null; input: OfferingForm }): Promise<string> {
  const user = await requireSupplierPerson(deps, opts.user, opts.input.supplierActorId);
  await requireKnownLinks(deps, opts.input);
  const at = deps.now();
  return inTransaction(deps, async (db) => {
    const id = await insertOffering(db, { ...opts.input, status: 'draft', createdBy: user.id, createdAt: at, updatedAt: at });
    await recordChange(db, { entity: 'offering', entityId: id, action: 'created', changes: changedFields({}, opts.input), user, at });
    return id;
  });
}

/** The own supplier's person edits; moving an offering to another supplier needs a person of both. */
export async function editOffering(deps: Deps, opts: { user: CurrentUser | null; offeringId: string; input: OfferingForm }): Promise<void> {
  const user = requireUser(opts.user);
  const offering = await requireOfferingManager(deps, opts);
  if (opts.input.supplierActorId !== offering.supplierActorId) await requireSupplierPerson(deps, user, opts.input.supplierActorId);
  await requireKnownLinks(deps, opts.input);
  const changes: Record<string, unknown> = changedFields(editable(offering), opts.input);
  if (Object.keys(changes).length === 0) return;
  const status = offering.status === 'approved' ? 'pending' : offering.status === 'rejected' ? 'draft' : offering.status;
  if (status !== offering.status) changes.status = [offering.status, status];
  const at = deps.now();
  await inTransaction(deps, async (db) => {
    await updateOffering(db, offering.id, { ...opts.input, status, updatedAt: at });
    await recordChange(db, { entity: 'offering', entityId: offering.id, action: 'updated', changes, user, at });
  });
}

/** A draft (or a rejected offering) is sent to the orchestrator for approval. */
export async function submitOffering(deps: Deps, opts: { user: CurrentUser | null; offeringId: string }): Promise<void> {
  requireUser(opts.user);
  const offering = await findOrThrow(deps, opts.offeringId);
  const user = await requireActorPerson(deps, { user: opts.user, actorId: offering.supplierActorId });
  if (offering.status !== 'draft' && offering.status !== 'rejected') throw new AppError('conflict', 'mkt.error.notDraft');
  const at = deps.now();
  await inTransaction(deps, async (db) => {
    await updateOffering(db, offering.id, { status: 'pending', updatedAt: at });
    await recordChange(db, {
      entity: 'offering',
      entityId: offering.id,
      action: 'submitted',
      changes: { status: [offering.status, 'pending'] },
      user,
      at,
    });
  });
}

/** The orchestrator approves a pending offering, or rejects it with a reason the supplier sees. */
export async function decideOffering(
  deps: Deps,
  opts: { user: CurrentUser | null; offeringId: string; decision: { approve: true } | { approve: false; reason: string } },
): Promise<void> {
  const user = requireOrchestrator(opts.user);
  const offering = await findOrThrow(deps, opts.offeringId);
  if (offering.status !== 'pending') throw new AppError('conflict', 'mkt.error.notPending');
  const status = opts.decision.approve ? 'approved' : 'rejected';
  const reason = opts.decision.approve ? null : opts.decision.reason;
  const at = deps.now();
  await inTransaction(deps, async (db) => {
    await updateOffering(db, offering.id, { status, rejectionReason: reason, updatedAt: at });
    await recordChange(db, {
      entity: 'offering',
      entityId: offering.id,
      action: status,
      changes: { status: ['pending', status], ...(reason ? { rejectionReason: [offering.rejectionReason, reason] } : {}) },
      user,
      at,
    });
  });
}

/** Public: approved offerings, filtered by phase, need and category. */
export async function browseOfferings(deps: Deps, filter: BrowseFilter): Promise<OfferingRow[]> {
  const rows = await listOfferings(deps.database.db, { status: 'approved' });
  return rows.filter(
    (o) =>
      (!filter.fase || o.phases.includes(filter.fase)) &&
      (!filter.behov || o.needIds.includes(filter.behov)) &&
      (!filter.kategori || o.category === filter.kategori),
  );
}

/** The offerings of the user's own actors, every status (their working list). */
export async function myOfferings(deps: Deps, opts: { user: CurrentUser | null }): Promise<OfferingRow[]> {
  const user = requireUser(opts.user);
  const actors = await actorsOfUser(deps, { user });
  return listOfferings(deps.database.db, { supplierIds: actors.map((a) => a.actorId) });
}

export async function pendingOfferings(deps: Deps, opts: { user: CurrentUser | null }): Promise<OfferingRow[]> {
  requireOrchestrator(opts.user);
  return listOfferings(deps.database.db, { status: 'pending' });
}

/** Whether the user may manage the offering (a person of its supplier, or the orchestrator). */
export async function canManage(deps: Deps, user: CurrentUser | null, offering: OfferingRow): Promise<boolean> {
  if (!user) return false;
  if (isOrchestrator(user)) return true;
  return (await actorsOfUser(deps, { user })).some((a) => a.actorId === offering.supplierActorId);
}

/**
 * An offering's page. Approved offerings are public and each view is counted (per offering and day, no
 * user ids); others are visible only to the supplier's people and the orchestrator — anyone else gets 404,
 * so unpublished offerings cannot be probed. The supplier's own views are not counted as interest.
 */
export async function readOffering(deps: Deps, opts: { user: CurrentUser | null; offeringId: string }) {
  const offering = await findOrThrow(deps, opts.offeringId);
  const manage = await canManage(deps, opts.user, offering);
  if (offering.status !== 'approved' && !manage) throw new AppError('not_found', 'error.notFound.body');
  if (offering.status === 'approved' && !manage) {
    await countEvent(deps.database.db, { offeringId: offering.id, day: todayInNorway(deps.now()), counter: 'views' });
  }
  return { offering, manage };
}

/** "Go to the supplier": counts the click, then gives the https address saved (and checked) with the offering. */
export async function followOffering(deps: Deps, opts: { offeringId: string }): Promise<string> {
  const offering = await findOrThrow(deps, opts.offeringId);
  if (offering.status !== 'approved') throw new AppError('not_found', 'error.notFound.body');
  // Checked again here: only an https address leaves the site through this redirect.
  if (!offering.url.startsWith('https://')) throw new AppError('not_found', 'error.notFound.body');
  await countEvent(deps.database.db, { offeringId: offering.id, day: todayInNorway(deps.now()), counter: 'clicks' });
  return offering.url;
}

/** The edit form and its POST: the offering's supplier's person (or the orchestrator); 403 for anyone else. */
export async function requireOfferingManager(deps: Deps, opts: { user: CurrentUser | null; offeringId: string }): Promise<OfferingRow> {
  requireUser(opts.user);
  const offering = await findOrThrow(deps, opts.offeringId);
  await requireActorPerson(deps, { user: opts.user, actorId: offering.supplierActorId });
  return offering;
}

/** Interest statistics, for the supplier's own people (and the orchestrator) only: 403 for anyone else. */
export async function offeringStatistics(deps: Deps, opts: { user: CurrentUser | null; offeringId: string }) {
  const offering = await requireOfferingManager(deps, opts);
  const db = deps.database.db;
  const [months, suggestedTo] = await Promise.all([statsByMonth(db, offering.id), countSuggestedOrganisations(db, offering.id)]);
  return { offering, months, suggestedTo };
}

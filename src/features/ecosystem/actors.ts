import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { ecosystemActorPeople, ecosystemActors } from '../../core/db/schema.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { actorNameTaken, findActor, findUserByEmail, insertHistory } from './ecosystem.queries.ts';
import type { ActorForm } from './ecosystem.schema.ts';
import { requireOrchestrator } from './ecosystem-access.ts';

/**
 * The actors register's use cases. Only the orchestrator writes (issue 5: "the orchestrator administers");
 * every change is written with its history row and audit entry in one transaction, or not at all.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function actorValues(form: ActorForm) {
  return {
    name: form.name,
    kind: form.kind as (typeof ecosystemActors.$inferInsert)['kind'],
    ecosystemRole: form.ecosystemRole as (typeof ecosystemActors.$inferInsert)['ecosystemRole'],
    orgnr: form.orgnr,
    contactEmail: form.contactEmail,
    contactPhone: form.contactPhone,
    contactUrl: form.contactUrl,
    mandate: form.mandate,
    agreements: form.agreements,
    supplierSector: form.supplierSector as (typeof ecosystemActors.$inferInsert)['supplierSector'],
  };
}

export async function createActor(deps: Deps, opts: { user: CurrentUser | null; form: ActorForm }): Promise<{ id: string }> {
  const user = requireOrchestrator(opts.user);
  const values = actorValues(opts.form);
  return deps.database.db.transaction(async (tx) => {
    if (await actorNameTaken(tx, values.name)) throw new AppError('validation', 'eco.error.nameTaken', { field: 'name' });
    const now = deps.now();
    const [row] = await tx
      .insert(ecosystemActors)
      .values({ ...values, createdAt: now, updatedAt: now })
      .returning({ id: ecosystemActors.id });
    const id = row!.id;
    await insertHistory(tx, {
      entity: 'actor',
      entityId: id,
      action: 'created',
      changes: values,
      actorUserId: user.id,
      actorName: user.name,
      at: now,
    });
    await recordAudit(tx, {
      organisationId: null,
      actorUserId: user.id,
      action: 'ecosystem.actor.created',
      details: { actorId: id, name: values.name },
      at: now,
    });
    return { id };
  });
}

export async function updateActor(deps: Deps, opts: { user: CurrentUser | null; actorId: string; form: ActorForm }): Promise<void> {
  const user = requireOrchestrator(opts.user);
  if (!UUID.test(opts.actorId)) throw new AppError('not_found', 'error.notFound.body');
  const values = actorValues(opts.form);
  await deps.database.db.transaction(async (tx) => {
    const before = await findActor(tx, opts.actorId);
    if (!before) throw new AppError('not_found', 'error.notFound.body');
    if (await actorNameTaken(tx, values.name, before.id)) throw new AppError('validation', 'eco.error.nameTaken', { field: 'name' });
    const changes: Record<string, [unknown, unknown]> = {};
    for (const [k, v] of Object.entries(values)) {
      const old = before[k as keyof typeof before];
      if (old !== v) changes[k] = [old, v];
    }
    if (Object.keys(changes).length === 0) return;
    const now = deps.now();
    await tx
      .update(ecosystemActors)
      .set({ ...values, updatedAt: now })
      .where(eq(ecosystemActors.id, before.id));
    await insertHistory(tx, {
      entity: 'actor',
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
      action: 'ecosystem.actor.updated',
      details: { actorId: before.id, fields: Object.keys(changes) },
      at: now,
    });
  });
}

/** Adds an existing user (found by e-mail) to the actor. */
export async function addActorPerson(
  deps: Deps,
  opts: { user: CurrentUser | null; actorId: string; email: string; title: string },
): Promise<void> {
  const user = requireOrchestrator(opts.user);
  if (!UUID.test(opts.actorId)) throw new AppError('not_found', 'error.notFound.body');
  await deps.database.db.transaction(async (tx) => {
    const actor = await findActor(tx, opts.actorId);
    if (!actor) throw new AppError('not_found', 'error.notFound.body');
    const person = await findUserByEmail(tx, opts.email);
    if (!person) throw new AppError('validation', 'eco.error.userUnknown', { field: 'email' });
    const inserted = await tx
      .insert(ecosystemActorPeople)
      .values({ actorId: actor.id, userId: person.id, title: opts.title, createdAt: deps.now() })
      .onConflictDoNothing()
      .returning({ userId: ecosystemActorPeople.userId });
    if (inserted.length === 0) throw new AppError('validation', 'eco.error.personExists', { field: 'email' });
    const now = deps.now();
    await insertHistory(tx, {
      entity: 'actor_person',
      entityId: actor.id,
      action: 'created',
      changes: { userId: person.id, name: person.name, title: opts.title },
      actorUserId: user.id,
      actorName: user.name,
      at: now,
    });
    await recordAudit(tx, {
      organisationId: null,
      actorUserId: user.id,
      action: 'ecosystem.actor.person_added',
      details: { actorId: actor.id, userId: person.id },
      at: now,
    });
  });
}

export async function removeActorPerson(deps: Deps, opts: { user: CurrentUser | null; actorId: string; userId: string }): Promise<void> {
  const user = requireOrchestrator(opts.user);
  if (!UUID.test(opts.actorId) || !UUID.test(opts.userId)) throw new AppError('not_found', 'error.notFound.body');
  await deps.database.db.transaction(async (tx) => {
    const removed = await tx
      .delete(ecosystemActorPeople)
      .where(and(eq(ecosystemActorPeople.actorId, opts.actorId), eq(ecosystemActorPeople.userId, opts.userId)))
      .returning({ title: ecosystemActorPeople.title });
    if (removed.length === 0) throw new AppError('not_found', 'error.notFound.body');
    const now = deps.now();
    await insertHistory(tx, {
      entity: 'actor_person',
      entityId: opts.actorId,
      action: 'deleted',
      changes: { userId: opts.userId, title: removed[0]!.title },
      actorUserId: user.id,
      actorName: user.name,
      at: now,
    });
    await recordAudit(tx, {
      organisationId: null,
      actorUserId: user.id,
      action: 'ecosystem.actor.person_removed',
      details: { actorId: opts.actorId, userId: opts.userId },
      at: now,
    });
  });
}

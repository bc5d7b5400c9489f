import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import {
  calendarFeeds,
  calendarReminderSubscriptions,
  calendarRemindersSent,
  memberships,
  organisations,
  users,
} from '../../core/db/schema.ts';
import type { Lang } from '../../core/i18n/i18n.ts';

// ---------- the .ics feed ----------

export async function findFeed(db: Db, organisationId: string) {
  const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.organisationId, organisationId));
  return row ?? null;
}

export async function findFeedByTokenHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ organisationId: calendarFeeds.organisationId, lang: calendarFeeds.lang, organisationName: organisations.name })
    .from(calendarFeeds)
    .innerJoin(organisations, eq(organisations.id, calendarFeeds.organisationId))
    .where(eq(calendarFeeds.tokenHash, tokenHash));
  return row ?? null;
}

/** Inserts the organisation's feed or replaces its token; says whether one existed (a rotation). */
export async function upsertFeed(
  db: Db,
  values: { organisationId: string; tokenHash: string; lang: Lang; createdBy: string; createdAt: Date },
): Promise<{ rotated: boolean }> {
  // Lock the existing row (if any) so two leaders rotating at once are serialised and both audited correctly.
  const existing = await db
    .select({ organisationId: calendarFeeds.organisationId })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.organisationId, values.organisationId))
    .for('update');
  await db
    .insert(calendarFeeds)
    .values(values)
    .onConflictDoUpdate({
      target: calendarFeeds.organisationId,
      set: { tokenHash: values.tokenHash, lang: values.lang, createdBy: values.createdBy, createdAt: values.createdAt },
    });
  return { rotated: existing.length > 0 };
}

// ---------- reminder subscriptions ----------

export async function findSubscription(db: Db, organisationId: string, userId: string) {
  const [row] = await db
    .select()
    .from(calendarReminderSubscriptions)
    .where(and(eq(calendarReminderSubscriptions.organisationId, organisationId), eq(calendarReminderSubscriptions.userId, userId)));
  return row ?? null;
}

/** Returns the new subscription's id, or null when the person already had one. */
export async function insertSubscription(db: Db, values: { organisationId: string; userId: string; createdAt: Date }) {
  const [row] = await db
    .insert(calendarReminderSubscriptions)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: calendarReminderSubscriptions.id });
  return row?.id ?? null;
}

export async function deleteSubscription(db: Db, organisationId: string, userId: string) {
  const rows = await db
    .delete(calendarReminderSubscriptions)
    .where(and(eq(calendarReminderSubscriptions.organisationId, organisationId), eq(calendarReminderSubscriptions.userId, userId)))
    .returning({ id: calendarReminderSubscriptions.id });
  return rows.length > 0;
}

export async function findSubscriptionById(db: Db, id: string) {
  const [row] = await db
    .select({
      id: calendarReminderSubscriptions.id,
      organisationId: calendarReminderSubscriptions.organisationId,
      userId: calendarReminderSubscriptions.userId,
      userName: users.name,
    })
    .from(calendarReminderSubscriptions)
    .innerJoin(users, eq(users.id, calendarReminderSubscriptions.userId))
    .where(eq(calendarReminderSubscriptions.id, id));
  return row ?? null;
}

export async function deleteSubscriptionById(db: Db, id: string) {
  const rows = await db
    .delete(calendarReminderSubscriptions)
    .where(eq(calendarReminderSubscriptions.id, id))
    .returning({ id: calendarReminderSubscriptions.id });
  return rows.length > 0;
}

export async function findOrganisationName(db: Db, organisationId: string): Promise<string | null> {
  const [row] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
  return row?.name ?? null;
}

/**
 * Everyone who should get reminders now: subscribed, still a member of the organisation (a person who left is
 * skipped, not e-mailed), and with an e-mail address.
 */
export async function listReminderRecipients(db: Db) {
  return db
    .select({
      subscriptionId: calendarReminderSubscriptions.id,
      organisationId: calendarReminderSubscriptions.organisationId,
      organisationName: organisations.name,
      userId: users.id,
      userName: users.name,
      email: users.email,
      preferredLanguage: users.preferredLanguage,
    })
    .from(calendarReminderSubscriptions)
    .innerJoin(
      memberships,
      and(
        eq(memberships.organisationId, calendarReminderSubscriptions.organisationId),
        eq(memberships.userId, calendarReminderSubscriptions.userId),
      ),
    )
    .innerJoin(users, eq(users.id, calendarReminderSubscriptions.userId))
    .innerJoin(organisations, eq(organisations.id, calendarReminderSubscriptions.organisationId))
    .where(isNotNull(users.email))
    .orderBy(calendarReminderSubscriptions.organisationId, users.id);
}

// ---------- reminders sent ----------

/**
 * Claims one reminder. The unique index on (organisation, user, deadline, date, offset) lets exactly one caller
 * insert it, however many instances run the job at once; the others get null and send nothing.
 */
export async function claimReminder(
  db: Db,
  values: { organisationId: string; userId: string; deadlineId: string; deadlineDate: string; offsetDays: number; createdAt: Date },
): Promise<string | null> {
  const [row] = await db.insert(calendarRemindersSent).values(values).onConflictDoNothing().returning({ id: calendarRemindersSent.id });
  return row?.id ?? null;
}

export async function recordReminderEmail(db: Db, id: string, outboundEmailId: string) {
  await db.update(calendarRemindersSent).set({ outboundEmailId }).where(eq(calendarRemindersSent.id, id));
}

/** A reminder whose delivery failed is released so the next run tries again (the failed e-mail stays in the outbox). */
export async function releaseReminder(db: Db, id: string) {
  await db.delete(calendarRemindersSent).where(eq(calendarRemindersSent.id, id));
}

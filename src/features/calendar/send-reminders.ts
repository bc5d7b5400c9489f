import type { Deps } from '../../core/http/context.ts';
import { translator } from '../../core/i18n/catalogue.ts';
import { isLang, type Lang } from '../../core/i18n/i18n.ts';
import { addDays, daysBetween } from './calendar.dates.ts';
import { readCalendarInputs } from './calendar.inputs.ts';
import { presentDeadline } from './calendar.present.ts';
import { claimReminder, listReminderRecipients, recordReminderEmail, releaseReminder } from './calendar.queries.ts';
import { type Deadline, deadlinesBetween } from './calendar.rules.ts';
import { unsubscribeUrl } from './reminder-subscriptions.ts';

/**
 * The reminder job: for every member who asked for reminders, an e-mail CALENDAR_REMINDER_DAYS before each
 * deadline (14 and 3 days by default), once per (person, deadline, date, offset) — the claim is a row under a
 * unique index, so several app instances running the job at once send each reminder once. A run that finds a
 * reminder due for an offset it missed (the job was down, or someone opted in late) sends only the nearest one,
 * never a burst of stale ones. A failed delivery stays in the outbox and is tried again on the next run.
 */

export interface ReminderRunSummary {
  recipients: number;
  sent: number;
  failed: number;
  alreadySent: number;
  /** Organisations whose deadlines could not be computed (logged; the job fails after the others are done). */
  errors: number;
}

/** The offset a reminder is due for when the deadline is `daysUntil` days away: the nearest offset not yet passed. */
export function dueOffset(daysUntil: number, offsets: readonly number[]): number | null {
  if (daysUntil < 0) return null;
  const due = offsets.filter((o) => o >= daysUntil);
  return due.length > 0 ? Math.min(...due) : null;
}

function languageOf(preferred: string | null): Lang {
  return isLang(preferred) ? preferred : 'nb';
}

export function reminderEmail(
  deps: Pick<Deps, 'config'>,
  opts: {
    lang: Lang;
    deadline: Deadline;
    daysUntil: number;
    userName: string;
    organisationId: string;
    organisationName: string;
    subscriptionId: string;
  },
) {
  const t = translator(opts.lang);
  const p = presentDeadline(opts.deadline, t, opts.lang);
  const when =
    opts.daysUntil === 0
      ? t('calendar.email.today')
      : opts.daysUntil === 1
        ? t('calendar.email.inOneDay')
        : t('calendar.email.inDays', { days: opts.daysUntil });
  const unsubscribe = unsubscribeUrl(deps, opts.subscriptionId, opts.organisationId);
  return {
    subject: t('calendar.email.subject', { title: p.title, date: p.dateText }),
    text: t('calendar.email.body', {
      name: opts.userName,
      org: opts.organisationName,
      when,
      title: p.title,
      date: p.dateText,
      why: p.why,
      rule: p.citationUrl ? `${p.citation} (${p.citationUrl})` : p.citation,
      link: `${deps.config.publicUrl}/arbeidsrom/${opts.organisationId}/arshjul`,
      unsubscribe,
    }),
    // RFC 2369: mail programs offer their own "unsubscribe" button; it opens the confirmation page.
    headers: { 'List-Unsubscribe': `<${unsubscribe}>` },
  };
}

export async function sendDueReminders(
  deps: Deps,
  opts: { signal?: AbortSignal; heartbeat?: () => Promise<void> } = {},
): Promise<ReminderRunSummary> {
  const db = deps.database.db;
  const offsets = deps.config.CALENDAR_REMINDER_DAYS;
  const summary: ReminderRunSummary = { recipients: 0, sent: 0, failed: 0, alreadySent: 0, errors: 0 };
  if (offsets.length === 0) return summary;
  const recipients = await listReminderRecipients(db);
  summary.recipients = recipients.length;
  const byOrganisation = new Map<string, typeof recipients>();
  for (const r of recipients) byOrganisation.set(r.organisationId, [...(byOrganisation.get(r.organisationId) ?? []), r]);

  for (const [organisationId, people] of byOrganisation) {
    opts.signal?.throwIfAborted();
    let deadlines: Deadline[];
    let today: string;
    try {
      const input = await readCalendarInputs(db, organisationId, deps.now());
      today = input.today;
      deadlines = deadlinesBetween(input, { from: today, to: addDays(today, Math.max(...offsets) + 1) });
    } catch (error) {
      // One organisation's bad data must not stop everyone else's reminders.
      deps.logger.error('calendar reminders: could not compute deadlines', { organisationId, error });
      summary.errors += 1;
      continue;
    }
    for (const deadline of deadlines) {
      const daysUntil = daysBetween(today, deadline.date);
      const offset = dueOffset(daysUntil, offsets);
      if (offset === null) continue;
      for (const person of people) {
        opts.signal?.throwIfAborted();
        const claim = await claimReminder(db, {
          organisationId,
          userId: person.userId,
          deadlineId: deadline.id,
          deadlineDate: deadline.date,
          offsetDays: offset,
          createdAt: deps.now(),
        });
        if (!claim) {
          summary.alreadySent += 1;
          continue;
        }
        const email = reminderEmail(deps, {
          lang: languageOf(person.preferredLanguage),
          deadline,
          daysUntil,
          userName: person.userName,
          organisationId,
          organisationName: person.organisationName,
          subscriptionId: person.subscriptionId,
        });
        const result = await deps.mailer.send({ to: person.email!, ...email });
        if (result.delivered) {
          await recordReminderEmail(db, claim, result.id);
          summary.sent += 1;
        } else {
          await releaseReminder(db, claim);
          summary.failed += 1;
        }
      }
      await opts.heartbeat?.();
    }
  }
  deps.logger.info('calendar reminders run', { ...summary });
  if (summary.errors > 0) throw new Error(`calendar reminders: deadlines failed for ${summary.errors} organisation(s); see the log`);
  return summary;
}

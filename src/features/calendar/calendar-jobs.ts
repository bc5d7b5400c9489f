import type { Deps } from '../../core/http/context.ts';
import { createWorker, type JobHandler, type RecurringJob, type Worker } from '../../core/jobs/worker.ts';
import { sendDueReminders } from './send-reminders.ts';

/**
 * The årshjul's background work on the core job runner (src/core/jobs): the reminder e-mails, as a recurring job
 * under a singleton key, so however many app instances run, one run is queued or running at a time — and the
 * reminder claims (a unique index) keep each e-mail single even if two runs overlapped.
 */

export const REMINDER_JOB = 'calendar.reminders';
/** Hourly: a reminder goes out on its day even after a restart, without polling the rules constantly. */
export const REMINDER_INTERVAL_MS = 60 * 60_000;
export const REMINDER_MAX_ATTEMPTS = 3;

export function calendarJobHandlers(deps: Deps): Record<string, JobHandler> {
  return {
    [REMINDER_JOB]: async ({ signal, heartbeat }) => {
      await sendDueReminders(deps, { signal, heartbeat });
    },
  };
}

export function calendarSchedule(): RecurringJob[] {
  return [{ name: REMINDER_JOB, everyMs: REMINDER_INTERVAL_MS, maxAttempts: REMINDER_MAX_ATTEMPTS }];
}

/** The worker `serve` starts for the årshjul's jobs. */
export function createCalendarWorker(deps: Deps, opts: { workerId?: string; pollMs?: number } = {}): Worker {
  return createWorker(deps, {
    handlers: calendarJobHandlers(deps),
    recurring: calendarSchedule(),
    workerId: opts.workerId,
    pollMs: opts.pollMs,
  });
}

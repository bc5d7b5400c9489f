import { z } from 'zod';

/** The reminder switch on the årshjul page: "pa" turns e-mail reminders on, "av" off. */
export const remindersSchema = z.object({
  paaminnelser: z.enum(['pa', 'av'], { error: 'calendar.reminders.invalid' }),
});

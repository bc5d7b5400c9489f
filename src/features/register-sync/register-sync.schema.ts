import { z } from 'zod';
import { FOLLOWERS } from './sync-jobs.ts';

/** The "run now" button: which follower to queue. Anything else is refused, not guessed. */
export const runNowFormSchema = z.object({
  follower: z.enum(FOLLOWERS, { message: 'error.validation.title' }),
});

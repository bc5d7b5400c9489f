import { z } from 'zod';

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'auth.error.emailInvalid' }));

export const signInSchema = z.object({
  email,
  password: z.string().min(1, { message: 'auth.error.passwordRequired' }).max(200, { message: 'auth.error.passwordTooLong' }),
  tilbake: z.string().optional(),
});

export const registerSchema = z.object({
  name: z.string().trim().min(1, { message: 'auth.error.nameRequired' }).max(200, { message: 'auth.error.nameRequired' }),
  email,
  password: z.string().min(10, { message: 'auth.error.passwordTooShort' }).max(200, { message: 'auth.error.passwordTooLong' }),
  tilbake: z.string().optional(),
});

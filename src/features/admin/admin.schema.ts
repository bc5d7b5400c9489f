import { z } from 'zod';

/** Checkbox group: absent means none ticked; a single tick arrives as a string. */
export const platformRolesFormSchema = z.object({
  roles: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.enum(['public_official', 'orchestrator', 'administrator'], { message: 'error.validation.title' }))),
});

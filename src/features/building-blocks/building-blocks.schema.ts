import { z } from 'zod';

export const REALISATIONS = ['service', 'api', 'guide', 'template', 'agreement'] as const;
export const BLOCK_STATUSES = ['planned', 'in_development', 'in_use', 'retired'] as const;

/** Repeated checkbox fields arrive as one string or an array; none at all is an empty list. */
const many = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** POST /okosystem/byggeklosser (new) and /okosystem/byggeklosser/:slug (edit), core group only. */
export const blockFormSchema = z.object({
  name: z
    .string({ message: 'blocks.error.name' })
    .transform((v) => v.trim())
    .refine((v) => v.length >= 2 && v.length <= 200, { message: 'blocks.error.name' }),
  slug: z
    .string({ message: 'blocks.error.slug' })
    .transform((v) => v.trim())
    .refine((v) => /^[a-z0-9][a-z0-9-]{1,79}$/.test(v), { message: 'blocks.error.slug' }),
  description: z
    .string({ message: 'blocks.error.description' })
    .transform((v) => v.trim())
    .refine((v) => v.length >= 1 && v.length <= 4000, { message: 'blocks.error.description' }),
  realisation: z.enum(REALISATIONS, { message: 'blocks.error.realisation' }),
  status: z.enum(BLOCK_STATUSES, { message: 'blocks.error.status' }),
  phases: many
    .refine((v) => v.every((p) => /^[1-6]$/.test(p)), { message: 'blocks.error.phases' })
    .transform((v) => [...new Set(v.map(Number))].sort()),
  ownerActorId: z
    .string()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^[0-9a-f-]{36}$/i.test(v), { message: 'blocks.error.owner' }),
  documentationUrl: z
    .string()
    .optional()
    .transform((v) => (v ?? '').trim() || null)
    .refine((v) => v === null || (/^https?:\/\/\S+$/.test(v) && v.length <= 500), { message: 'blocks.error.url' }),
  apiDescription: z
    .string()
    .optional()
    .transform((v) => (v ?? '').trim())
    .refine((v) => v.length <= 4000, { message: 'blocks.error.apiDescription' }),
  needIds: many.refine((v) => v.every((id) => /^[0-9a-f-]{36}$/i.test(id)), { message: 'blocks.error.needs' }),
  listsOwnApi: z
    .string()
    .optional()
    .transform((v) => v === 'on' || v === 'true'),
});
export type BlockForm = z.infer<typeof blockFormSchema>;

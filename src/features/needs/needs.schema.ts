import { z } from 'zod';

/** The owner a need or a confirmation is recorded for: `org:<uuid>` (a workspace) or `actor:<uuid>`. */
const ownerField = z
  .string({ message: 'needs.error.owner' })
  .regex(/^(org|actor):[0-9a-f-]{36}$/i, { message: 'needs.error.owner' })
  .transform((v) => {
    const [kind, id] = v.split(':') as ['org' | 'actor', string];
    return { kind, id };
  });
export type NeedOwner = z.infer<typeof ownerField>;

const evidenceField = z
  .string()
  .optional()
  .transform((v) => (v ?? '').trim())
  .refine((v) => v.length <= 4000, { message: 'needs.error.evidence' });

export const FREQUENCIES = ['weekly', 'monthly', 'yearly', 'rarely'] as const;
export const NEED_STATUSES = ['open', 'being_lifted', 'lifted'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

/** POST /okosystem/behov: record a need (issue 5, item 4: what hurts, phase, how often, evidence). */
export const needFormSchema = z.object({
  owner: ownerField,
  title: z
    .string({ message: 'needs.error.title' })
    .transform((v) => v.trim())
    .refine((v) => v.length >= 3 && v.length <= 200, { message: 'needs.error.title' }),
  description: z
    .string({ message: 'needs.error.description' })
    .transform((v) => v.trim())
    .refine((v) => v.length >= 1 && v.length <= 4000, { message: 'needs.error.description' }),
  phase: z.coerce
    .number({ message: 'needs.error.phase' })
    .int({ message: 'needs.error.phase' })
    .min(1, { message: 'needs.error.phase' })
    .max(6, {
      message: 'needs.error.phase',
    }),
  frequency: z.enum(FREQUENCIES, { message: 'needs.error.frequency' }),
  evidence: evidenceField,
});
export type NeedForm = z.infer<typeof needFormSchema>;

/** POST /okosystem/behov/:id/har-ogsa: "we have this too", with the confirming owner's own evidence. */
export const confirmFormSchema = z.object({ owner: ownerField, evidence: evidenceField });

/** POST /okosystem/behov/:id/duplikat: the core group groups a duplicate under another need. */
export const duplicateFormSchema = z.object({
  duplicateOf: z.string({ message: 'needs.error.duplicateTarget' }).uuid({ message: 'needs.error.duplicateTarget' }),
});

/** GET /okosystem/behov?fase=&status= — unknown values are ignored rather than refused (a public list). */
export const listQuerySchema = z.object({
  fase: z.coerce.number().int().min(1).max(6).optional().catch(undefined),
  status: z.enum(NEED_STATUSES).optional().catch(undefined),
});

/** POST /okosystem/behov/:id/status: the core group moves a need along. */
export const statusFormSchema = z.object({ status: z.enum(NEED_STATUSES, { message: 'needs.error.status' }) });

import { z } from 'zod';
import { GAIN_IDS } from '../ecosystem/gains.ts';

/** Zod schemas of the innovation portfolio (issue 5, item 5): one per form, messages are catalogue keys. */

export const INITIATIVE_KINDS = ['need', 'idea', 'solution'] as const;
export type InitiativeKind = (typeof INITIATIVE_KINDS)[number];
/** idé → utforsking → demonstrator → skalering, or stoppet (with a reason). */
export const STAGES = ['idea', 'exploration', 'demonstrator', 'scaling', 'stopped'] as const;
export type Stage = (typeof STAGES)[number];
export const ORIGINS = ['proposal', 'marketplace-proposal', 'core-group'] as const;
export type OriginKind = (typeof ORIGINS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Repeated checkbox/select fields arrive as one string or an array; none at all is an empty list. */
const many = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).filter((x) => x !== '')));

const text = (key: string, min: number, max: number) =>
  z
    .string({ message: key })
    .transform((v) => v.trim())
    .refine((v) => v.length >= min && v.length <= max, { message: key });

const uuidList = (key: string) => many.refine((v) => v.every((id) => UUID.test(id)), { message: key }).transform((v) => [...new Set(v)]);

/** An initiative's content: the proposal form, the core group's edit form and the marketplace's hand-over. */
export const initiativeFormSchema = z.object({
  kind: z.enum(INITIATIVE_KINDS, { message: 'portfolio.error.kind' }),
  title: text('portfolio.error.title', 3, 200),
  description: text('portfolio.error.description', 1, 4000),
  phases: many
    .refine((v) => v.length >= 1 && v.every((p) => /^[1-6]$/.test(p)), { message: 'portfolio.error.phases' })
    .transform((v) => [...new Set(v.map(Number))].sort()),
  gains: many
    .refine((v) => v.every((g) => (GAIN_IDS as readonly string[]).includes(g)), { message: 'portfolio.error.gains' })
    .transform((v) => [...new Set(v)].sort()),
  needIds: uuidList('portfolio.error.needs'),
  ownerActorId: z
    .string()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || UUID.test(v), { message: 'portfolio.error.owner' }),
  participantActorIds: uuidList('portfolio.error.participants'),
});
export type InitiativeInput = z.infer<typeof initiativeFormSchema>;

/** POST /okosystem/portefolje/:id/fase — the core group moves an initiative; stopping needs a reason. */
export const stageFormSchema = z
  .object({
    stage: z.enum(STAGES, { message: 'portfolio.error.stage' }),
    reason: z
      .string()
      .optional()
      .transform((v) => (v ?? '').trim())
      .refine((v) => v.length <= 2000, { message: 'portfolio.error.reason' }),
  })
  .refine((v) => v.stage !== 'stopped' || v.reason.length > 0, { message: 'portfolio.error.reason', path: ['reason'] });
export type StageInput = z.infer<typeof stageFormSchema>;

/** POST /okosystem/portefolje/:id/kommentar */
export const commentFormSchema = z.object({ body: text('portfolio.error.comment', 1, 2000) });

/** GET /okosystem/portefolje?fase=&steg=&gevinst=&behov=&eier= — unknown values are ignored (a public list). */
export const listQuerySchema = z.object({
  fase: z.coerce.number().int().min(1).max(6).optional().catch(undefined),
  steg: z.enum(STAGES).optional().catch(undefined),
  gevinst: z.enum(GAIN_IDS).optional().catch(undefined),
  behov: z.string().regex(UUID).optional().catch(undefined),
  eier: z.string().regex(UUID).optional().catch(undefined),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

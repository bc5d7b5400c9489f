import { z } from 'zod';
import { isWellFormedExternalUrl } from '../life-event-map/life-event-map.content.ts';

/** Forms and queries of the marketplace (issue 5, item 6). Issue messages are catalogue keys (src/core/forms.ts). */

export const CATEGORIES = ['membership', 'accounting', 'meetings', 'fundraising', 'communication', 'volunteers', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];
export const PRICE_MODELS = ['free', 'freemium', 'subscription', 'one_off', 'other'] as const;
export const OFFERING_STATUSES = ['draft', 'pending', 'approved', 'rejected'] as const;
export type OfferingStatus = (typeof OFFERING_STATUSES)[number];
export const CHALLENGE_STATUSES = ['open', 'closed'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Repeated checkbox fields arrive as one string or an array; none at all is an empty list. */
const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

const ids = (message: string) =>
  list.refine((v) => v.length <= 50 && v.every((id) => UUID.test(id)), { message }).transform((v) => [...new Set(v)]);

const text = (message: string, min: number, max: number) =>
  z
    .string({ message })
    .transform((v) => v.trim())
    .refine((v) => v.length >= min && v.length <= max, { message });

const optionalText = (message: string, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? '').trim())
    .refine((v) => v.length <= max, { message });

const yesNo = (message: string) => z.enum(['yes', 'no'], { message }).transform((v) => v === 'yes');

/**
 * The supplier's page. https only, checked here at save time, because the counting redirect
 * (/okosystem/markedsplass/:id/ga-til) sends people there: no http, javascript: or relative targets.
 */
export const httpsUrl = z
  .string({ message: 'mkt.error.url' })
  .transform((v) => v.trim())
  .refine((v) => v.length <= 500 && isWellFormedExternalUrl(v), { message: 'mkt.error.url' });

/** POST /okosystem/markedsplass (new) and /okosystem/markedsplass/:id (edit). */
export const offeringFormSchema = z.object({
  supplierActorId: z.string({ message: 'mkt.error.supplier' }).regex(UUID, { message: 'mkt.error.supplier' }),
  title: text('mkt.error.title', 3, 200),
  summary: text('mkt.error.summary', 10, 4000),
  category: z.enum(CATEGORIES, { message: 'mkt.error.category' }),
  phases: list
    .refine((v) => v.length > 0 && v.every((p) => /^[1-6]$/.test(p)), { message: 'mkt.error.phases' })
    .transform((v) => [...new Set(v.map(Number))].sort()),
  needIds: ids('mkt.error.needs'),
  blockIds: ids('mkt.error.blocks'),
  priceModel: z.enum(PRICE_MODELS, { message: 'mkt.error.priceModel' }),
  priceText: optionalText('mkt.error.priceText', 500),
  dataStorage: text('mkt.error.dataStorage', 3, 2000),
  dataProcessorAgreement: yesNo('mkt.error.dataProcessorAgreement'),
  dataExport: yesNo('mkt.error.dataExport'),
  url: httpsUrl,
});
export type OfferingForm = z.infer<typeof offeringFormSchema>;

/** POST /okosystem/markedsplass/:id/avvis — the orchestrator says why. */
export const rejectFormSchema = z.object({ reason: text('mkt.error.reason', 3, 2000) });

/** GET /okosystem/markedsplass?fase=&behov=&kategori= — a public list: unknown values are ignored, not refused. */
export const browseQuerySchema = z.object({
  fase: z.coerce.number().int().min(1).max(6).optional().catch(undefined),
  behov: z.string().regex(UUID).optional().catch(undefined),
  kategori: z.enum(CATEGORIES).optional().catch(undefined),
});
export type BrowseFilter = z.infer<typeof browseQuerySchema>;

/** POST /okosystem/utfordringer (new) and /okosystem/utfordringer/:id (edit), core group only. */
export const challengeFormSchema = z.object({
  title: text('mkt.error.title', 3, 200),
  needIds: ids('mkt.error.needs').refine((v) => v.length > 0, { message: 'mkt.error.challengeNeeds' }),
  requirements: text('mkt.error.requirements', 10, 4000),
  deadline: z
    .string({ message: 'mkt.error.deadline' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'mkt.error.deadline' })
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
      message: 'mkt.error.deadline',
    }),
  status: z.enum(CHALLENGE_STATUSES, { message: 'mkt.error.challengeStatus' }).default('open'),
});
export type ChallengeForm = z.infer<typeof challengeFormSchema>;

/** POST /okosystem/utfordringer/:id/forslag (new) and /okosystem/utfordringer/forslag/:pid (edit). */
export const proposalFormSchema = z.object({
  actorId: z.string({ message: 'mkt.error.actor' }).regex(UUID, { message: 'mkt.error.actor' }),
  summary: text('mkt.error.proposalSummary', 10, 2000),
  approach: text('mkt.error.approach', 10, 4000),
  blockIds: ids('mkt.error.blocks'),
  priceIndication: optionalText('mkt.error.priceText', 500),
});
export type ProposalForm = z.infer<typeof proposalFormSchema>;

import { z } from 'zod';
import { GAIN_IDS } from '../ecosystem/gains.ts';

/**
 * The roadmap's forms (one zod schema per form, DEVELOPERS.md): issue messages are catalogue keys, so the
 * same schema parses the body and gives the errors in the user's language.
 */

export const ROADMAP_STATUSES = ['planned', 'in_progress', 'delivered', 'postponed', 'stopped'] as const;
export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number];
/** A postponed or stopped item says why (issue 5: "stoppet/utsatt need a reason"). */
export const STATUSES_WITH_REASON: readonly RoadmapStatus[] = ['postponed', 'stopped'];

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const QUARTER_RE = /^(\d{4})-Q([1-4])$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A target is a quarter ("2027-Q2") or a real calendar date ("2027-05-31"). */
export function isTarget(value: string): boolean {
  if (QUARTER_RE.test(value)) return true;
  if (!DATE_RE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The quarter a target falls in ("2027-Q2"), used to sort and to show a date's quarter beside it. */
export function targetQuarter(target: string): string {
  const q = QUARTER_RE.exec(target);
  if (q) return target;
  const month = Number(target.slice(5, 7));
  return `${target.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

/** A sort key: a quarter sorts at its last day, so a date inside it comes before it. */
export function targetSortKey(target: string): string {
  const q = QUARTER_RE.exec(target);
  if (!q) return target;
  const lastMonth = Number(q[2]) * 3;
  return `${q[1]}-${String(lastMonth).padStart(2, '0')}-99`;
}

/** Repeated checkbox fields arrive as one string or an array; none at all (or only blanks) is an empty list. */
const many = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s.trim() !== ''));

const trimmed = (min: number, max: number, key: string) =>
  z
    .string({ message: key })
    .transform((v) => v.replace(/\r\n/g, '\n').trim())
    .refine((v) => v.length >= min && v.length <= max, { message: key });

/** POST /okosystem/veikart (new) and /okosystem/veikart/:id/endre (edit; `version` is the version edited). */
export const roadmapFormSchema = z
  .object({
    title: trimmed(3, 200, 'roadmap.error.title'),
    description: trimmed(1, 4000, 'roadmap.error.description'),
    phases: many
      .refine((v) => v.length > 0, { message: 'roadmap.error.phasesRequired' })
      .refine((v) => v.every((p) => /^[1-6]$/.test(p)), { message: 'roadmap.error.phases' })
      .transform((v) => [...new Set(v.map(Number))].sort((a, b) => a - b)),
    gains: many
      .refine((v) => v.length > 0, { message: 'roadmap.error.gainsRequired' })
      .refine((v) => v.every((g) => (GAIN_IDS as readonly string[]).includes(g)), { message: 'roadmap.error.gains' })
      .transform((v) => GAIN_IDS.filter((g) => v.includes(g)) as string[]),
    ownerActorId: z.string({ message: 'roadmap.error.owner' }).regex(UUID_RE, { message: 'roadmap.error.owner' }),
    target: z
      .string({ message: 'roadmap.error.target' })
      .transform((v) => v.trim().toUpperCase())
      .refine(isTarget, { message: 'roadmap.error.target' }),
    status: z.enum(ROADMAP_STATUSES, { message: 'roadmap.error.status' }),
    statusReason: z
      .string()
      .optional()
      .transform((v) => (v ?? '').replace(/\r\n/g, '\n').trim())
      .refine((v) => v.length <= 2000, { message: 'roadmap.error.tooLong' }),
    needIds: many.refine((v) => v.every((id) => UUID_RE.test(id)), { message: 'roadmap.error.needs' }).transform((v) => [...new Set(v)]),
    blockIds: many.refine((v) => v.every((id) => UUID_RE.test(id)), { message: 'roadmap.error.blocks' }).transform((v) => [...new Set(v)]),
  })
  .superRefine((v, ctx) => {
    if (STATUSES_WITH_REASON.includes(v.status) && v.statusReason === '') {
      ctx.addIssue({ code: 'custom', path: ['statusReason'], message: 'roadmap.error.reasonRequired' });
    }
  });
export type RoadmapForm = z.infer<typeof roadmapFormSchema>;

/** The version an edit was made from (a hidden field); a missing or broken one is a stale edit. */
export const versionSchema = z.object({ version: z.coerce.number().int().min(1).catch(0) });

/** GET /okosystem/veikart?fase=&gevinst=&eier=&status= — unknown values are ignored (a public list). */
export const roadmapFilterSchema = z.object({
  fase: z.coerce.number().int().min(1).max(6).optional().catch(undefined),
  gevinst: z.enum(GAIN_IDS).optional().catch(undefined),
  eier: z.string().regex(UUID_RE).optional().catch(undefined),
  status: z.enum(ROADMAP_STATUSES).optional().catch(undefined),
});
export type RoadmapFilter = z.infer<typeof roadmapFilterSchema>;

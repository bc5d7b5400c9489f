import { z } from 'zod';
import { ACTOR_KINDS, ECOSYSTEM_ROLES } from './ecosystem-access.ts';

/**
 * One zod schema per form (DEVELOPERS.md): issue messages are catalogue keys, so the same schema parses,
 * gives the errors in the user's language and can document an API.
 */

const blankToNull = (v: unknown) => (typeof v !== 'string' || v.trim() === '' ? null : v.trim());
const optionalText = (max: number) => z.preprocess(blankToNull, z.string().max(max, { message: 'eco.error.tooLong' }).nullable());
const longText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(max, { message: 'eco.error.tooLong' }));

export const actorFormSchema = z
  .object({
    name: z.string().trim().min(1, { message: 'eco.error.nameRequired' }).max(200, { message: 'eco.error.tooLong' }),
    kind: z.enum(ACTOR_KINDS as [string, ...string[]], { message: 'eco.error.kind' }),
    ecosystemRole: z.enum(ECOSYSTEM_ROLES as [string, ...string[]], { message: 'eco.error.role' }),
    orgnr: z.preprocess(
      (v) => (typeof v === 'string' ? (v.replace(/\s/g, '') === '' ? null : v.replace(/\s/g, '')) : null),
      z
        .string()
        .regex(/^\d{9}$/, { message: 'eco.error.orgnr' })
        .nullable(),
    ),
    contactEmail: z.preprocess(blankToNull, z.email({ message: 'eco.error.email' }).max(254, { message: 'eco.error.tooLong' }).nullable()),
    contactPhone: optionalText(40),
    contactUrl: z.preprocess(
      blankToNull,
      z
        .string()
        .regex(/^https?:\/\/\S+$/i, { message: 'eco.error.url' })
        .max(500, { message: 'eco.error.tooLong' })
        .nullable(),
    ),
    mandate: longText(5000),
    agreements: longText(5000),
    supplierSector: z.preprocess(blankToNull, z.enum(['private', 'public', 'voluntary'], { message: 'eco.error.sector' }).nullable()),
  })
  .superRefine((v, ctx) => {
    if (v.supplierSector && v.kind !== 'supplier') ctx.addIssue({ code: 'custom', path: ['supplierSector'], message: 'eco.error.sector' });
  });
export type ActorForm = z.infer<typeof actorFormSchema>;

export const actorFilterSchema = z.object({
  type: z
    .enum(ACTOR_KINDS as [string, ...string[]])
    .optional()
    .catch(undefined),
  rolle: z
    .enum(ECOSYSTEM_ROLES as [string, ...string[]])
    .optional()
    .catch(undefined),
});

export const personFormSchema = z.object({
  email: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.email({ message: 'eco.error.email' })),
  title: longText(200),
});

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'eco.error.date' })
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    },
    { message: 'eco.error.date' },
  );

export const meetingFormSchema = z.object({
  meetingDate: isoDate,
  title: z.string().trim().min(1, { message: 'eco.error.titleRequired' }).max(200, { message: 'eco.error.tooLong' }),
  agenda: longText(10000),
  minutes: longText(20000),
});
export type MeetingForm = z.infer<typeof meetingFormSchema>;

export const decisionFormSchema = z.object({
  decidedOn: isoDate,
  what: z.string().trim().min(1, { message: 'eco.error.whatRequired' }).max(2000, { message: 'eco.error.tooLong' }),
  why: z.string().trim().min(1, { message: 'eco.error.whyRequired' }).max(5000, { message: 'eco.error.tooLong' }),
  decidedBy: z.string().trim().min(1, { message: 'eco.error.whoRequired' }).max(500, { message: 'eco.error.tooLong' }),
  meetingId: z.preprocess(blankToNull, z.uuid({ message: 'eco.error.meeting' }).nullable()),
});
export type DecisionForm = z.infer<typeof decisionFormSchema>;

export const missionFormSchema = z.object({
  base: z.coerce.number().int().min(0),
  narrative: z.string().trim().min(1, { message: 'eco.mission.error.narrative' }).max(20000, { message: 'eco.error.tooLong' }),
  principles: z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter((l) => l !== '')
        : [],
    z
      .array(z.string().max(300, { message: 'eco.error.tooLong' }))
      .min(1, { message: 'eco.mission.error.principles' })
      .max(30, { message: 'eco.error.tooLong' }),
  ),
  changeNote: z.string().trim().min(1, { message: 'eco.mission.error.changeNote' }).max(1000, { message: 'eco.error.tooLong' }),
});

export const signFormSchema = z.object({ actorId: z.uuid({ message: 'eco.mission.error.actor' }) });

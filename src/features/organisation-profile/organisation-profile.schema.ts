import { z } from 'zod';
import { isValidOrgnr, normaliseOrgnr } from '../../core/validators/orgnr.ts';

/** The :orgnr of /organisasjoner/:orgnr and /api/v1/organisasjoner/{orgnr}: nine digits with a valid MOD11 check digit. */
export const orgnrParamSchema = z
  .string()
  .transform(normaliseOrgnr)
  .refine((v) => /^\d{9}$/.test(v), { message: 'profile.error.orgnrFormat' })
  .refine(isValidOrgnr, { message: 'profile.error.orgnrCheck' });

/**
 * The birth date a local sign-in user states on the claim page: dd.mm.åååå (as Norwegians write it) or
 * åååå-mm-dd. A real calendar date from 1900; the domain function refuses a date after today.
 */
export const birthDateFormSchema = z.object({
  fodselsdato: z
    .string({ message: 'profile.birthDate.required' })
    .trim()
    .min(1, { message: 'profile.birthDate.required' })
    .transform((v, ctx) => {
      const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v) ?? null;
      const iso = m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : v;
      const parsed = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
      const date = parsed ? new Date(Date.UTC(Number(parsed[1]), Number(parsed[2]) - 1, Number(parsed[3]))) : null;
      if (!parsed || !date || date.toISOString().slice(0, 10) !== iso) {
        ctx.addIssue({ code: 'custom', message: 'profile.birthDate.invalid' });
        return z.NEVER;
      }
      if (Number(parsed[1]) < 1900) {
        ctx.addIssue({ code: 'custom', message: 'profile.birthDate.tooEarly' });
        return z.NEVER;
      }
      return iso;
    }),
});

export const MAX_ACCESS_MESSAGE = 1000;

export const accessRequestFormSchema = z.object({
  melding: z
    .string()
    .optional()
    .transform((v) => v?.trim() || null)
    .refine((v) => v === null || v.length <= MAX_ACCESS_MESSAGE, { message: 'profile.access.messageTooLong' }),
});

import { z } from 'zod';
import { INCOME_BANDS } from '../../core/db/schema.ts';
import { MANUAL_STATUSES } from './plan.rules.ts';

/**
 * Zod schemas of the plan feature's forms and payloads: the facts form, the politiattest log and a task's
 * hand-set status. Issue messages are message keys. Dates are accepted as dd.mm.åååå (what people type in
 * Norway) or åååå-mm-dd, and come out as ISO dates.
 */

const DATE_NO = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const DATE_ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date as YYYY-MM-DD, or null when the text is not one. */
export function parseDate(text: string): string | null {
  const no = DATE_NO.exec(text);
  const iso = DATE_ISO.exec(text);
  const [y, m, d] = no ? [Number(no[3]), Number(no[2]), Number(no[1])] : iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : [0, 0, 0];
  if (!y) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1800) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** YYYY-MM-DD → dd.mm.åååå for the form. */
export function formatDateNo(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

const trimmed = z.string().trim().optional().default('');

const count = (max: number) =>
  trimmed.pipe(
    z.string().transform((s, ctx) => {
      if (s === '') return null;
      if (!/^\d+$/.test(s.replace(/\s/g, ''))) {
        ctx.addIssue({ code: 'custom', message: 'facts.error.number' });
        return z.NEVER;
      }
      const n = Number(s.replace(/\s/g, ''));
      if (n > max) {
        ctx.addIssue({ code: 'custom', message: 'facts.error.tooLarge' });
        return z.NEVER;
      }
      return n;
    }),
  );

/** Yes / no / don't know. A missing answer is "don't know": nothing is lost by leaving a question. */
const yesNo = z
  .enum(['yes', 'no', 'unknown'], { message: 'facts.error.choice' })
  .optional()
  .default('unknown')
  .transform((v) => (v === 'yes' ? true : v === 'no' ? false : null));

const pastDate = (today: string) =>
  trimmed.pipe(
    z.string().transform((s, ctx) => {
      if (s === '') return null;
      const iso = parseDate(s);
      if (!iso) {
        ctx.addIssue({ code: 'custom', message: 'facts.error.date' });
        return z.NEVER;
      }
      if (iso > today) {
        ctx.addIssue({ code: 'custom', message: 'facts.error.dateFuture' });
        return z.NEVER;
      }
      return iso;
    }),
  );

const dayOrMonth = (max: number, message: string) =>
  trimmed.pipe(
    z.string().transform((s, ctx) => {
      if (s === '') return null;
      const n = /^\d{1,2}$/.test(s) ? Number(s) : Number.NaN;
      if (!(n >= 1 && n <= max)) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return n;
    }),
  );

/** The facts form. `today` (YYYY-MM-DD, Norwegian time) bounds the dates that must be in the past. */
export function factsFormSchema(today: string) {
  return z
    .object({
      memberCount: count(10_000_000),
      employees: count(1_000_000),
      vatRegistered: yesNo,
      sellsTaxableGoods: yesNo,
      fundraisingFromPublic: yesNo,
      worksWithVulnerable: yesNo,
      wantsFrivillighetsregisteret: yesNo,
      wantsGrasrotandel: yesNo,
      umbrellaMember: yesNo,
      umbrellaName: trimmed.pipe(z.string().max(200, 'facts.error.umbrellaName')),
      umbrellaMomsDeadlineDay: dayOrMonth(31, 'facts.error.day'),
      umbrellaMomsDeadlineMonth: dayOrMonth(12, 'facts.error.month'),
      politiattestLastChecked: pastDate(today),
      incomeBand: z
        .union([z.enum(INCOME_BANDS), z.literal('')], { message: 'facts.error.choice' })
        .optional()
        .default('')
        .transform((v) => (v === '' ? null : v)),
      accountsReportingTakenOn: yesNo,
      dissolutionDecidedOn: pastDate(today),
    })
    .superRefine((v, ctx) => {
      const day = v.umbrellaMomsDeadlineDay;
      const month = v.umbrellaMomsDeadlineMonth;
      if ((day === null) !== (month === null)) {
        ctx.addIssue({
          code: 'custom',
          path: [day === null ? 'umbrellaMomsDeadlineDay' : 'umbrellaMomsDeadlineMonth'],
          message: 'facts.error.deadlineBoth',
        });
      } else if (day !== null && month !== null && !parseDate(`${day}.${month}.2023`)) {
        // A deadline the same day every year must exist every year: 29 February does not.
        ctx.addIssue({ code: 'custom', path: ['umbrellaMomsDeadlineDay'], message: 'facts.error.deadlineInvalid' });
      }
    })
    .transform((v) => {
      // Umbrella details only mean something for a member of an umbrella body.
      const umbrella = v.umbrellaMember === true;
      return {
        ...v,
        umbrellaName: umbrella && v.umbrellaName !== '' ? v.umbrellaName : null,
        umbrellaMomsDeadlineDay: umbrella ? v.umbrellaMomsDeadlineDay : null,
        umbrellaMomsDeadlineMonth: umbrella ? v.umbrellaMomsDeadlineMonth : null,
      };
    });
}
export type FactsForm = z.infer<ReturnType<typeof factsFormSchema>>;

/** The order of the form's fields (error summary order, provenance, audit). */
export const FACTS_FIELDS = [
  'memberCount',
  'employees',
  'vatRegistered',
  'sellsTaxableGoods',
  'fundraisingFromPublic',
  'incomeBand',
  'accountsReportingTakenOn',
  'wantsFrivillighetsregisteret',
  'wantsGrasrotandel',
  'umbrellaMember',
  'umbrellaName',
  'umbrellaMomsDeadlineDay',
  'umbrellaMomsDeadlineMonth',
  'worksWithVulnerable',
  'politiattestLastChecked',
  'dissolutionDecidedOn',
] as const satisfies readonly (keyof FactsForm)[];
export type FactsField = (typeof FACTS_FIELDS)[number];

export function politiattestSchema(today: string) {
  return z.object({
    person: z.string().trim().min(1, 'facts.politiattest.error.person').max(200, 'facts.politiattest.error.person'),
    role: z.string().trim().min(1, 'facts.politiattest.error.role').max(200, 'facts.politiattest.error.role'),
    shownOn: z
      .string({ message: 'facts.error.date' })
      .trim()
      .transform((s, ctx) => {
        const iso = parseDate(s);
        if (!iso) {
          ctx.addIssue({ code: 'custom', message: 'facts.error.date' });
          return z.NEVER;
        }
        if (iso > today) {
          ctx.addIssue({ code: 'custom', message: 'facts.error.dateFuture' });
          return z.NEVER;
        }
        return iso;
      }),
  });
}

export const removePolitiattestSchema = z.object({ id: z.string().regex(/^[0-9a-f-]{36}$/i, 'facts.politiattest.error.notFound') });

export const taskStatusSchema = z.object({
  taskId: z.string().trim().min(1, 'plan.error.unknownTask').max(80, 'plan.error.unknownTask'),
  status: z.enum(MANUAL_STATUSES, { message: 'plan.error.statusInvalid' }),
});

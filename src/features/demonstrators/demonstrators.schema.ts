import { z } from 'zod';

/** Zod schemas of the demonstrators (issue 5, item 7): one per form; messages are catalogue keys. */

export const DECISIONS = ['scale', 'adjust', 'stop'] as const;
export type Decision = (typeof DECISIONS)[number];
export const QUESTION_KINDS = ['scale', 'text'] as const;
/** Up to five rows of metrics and questions are offered by the forms (and accepted). */
export const MAX_ROWS = 5;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Repeated fields (one per row) arrive as one string or an array; trimmed. */
const rows = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((x) => x.trim()));

const text = (key: string, min: number, max: number) =>
  z
    .string({ message: key })
    .transform((v) => v.trim())
    .refine((v) => v.length >= min && v.length <= max, { message: key });

const optionalText = (key: string, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? '').trim())
    .refine((v) => v.length <= max, { message: key });

const isoDate = (key: string) =>
  z
    .string({ message: key })
    .refine(
      (v) => ISO_DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      {
        message: key,
      },
    );

/** POST /okosystem/demonstratorer — the core group starts an experiment for an initiative in the demonstrator stage. */
export const experimentFormSchema = z
  .object({
    initiativeId: z.string({ message: 'demo.error.initiative' }).regex(UUID, { message: 'demo.error.initiative' }),
    hypothesis: text('demo.error.hypothesis', 10, 2000),
    startDate: isoDate('demo.error.startDate'),
    endDate: isoDate('demo.error.endDate'),
    metricName: rows,
    metricTarget: rows,
  })
  .superRefine((v, ctx) => {
    if (v.endDate < v.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'demo.error.period' });
    const pairs = Array.from({ length: Math.max(v.metricName.length, v.metricTarget.length) }, (_, i) => [
      v.metricName[i] ?? '',
      v.metricTarget[i] ?? '',
    ]);
    const filled = pairs.filter(([n, t]) => n || t);
    if (filled.length === 0 || filled.length > MAX_ROWS || filled.some(([n, t]) => !n || !t || n.length > 300 || t.length > 300)) {
      ctx.addIssue({ code: 'custom', path: ['metricName'], message: 'demo.error.metrics' });
    }
  })
  .transform(({ metricName, metricTarget, ...rest }) => ({
    ...rest,
    metrics: metricName.map((name, i) => ({ name, target: metricTarget[i] ?? '', outcome: '' })).filter((m) => m.name || m.target),
  }));
export type ExperimentInput = z.infer<typeof experimentFormSchema>;

/** POST /okosystem/demonstratorer/:id/resultater — results, learning and each metric's outcome. */
export const resultsFormSchema = z.object({
  results: optionalText('demo.error.results', 4000),
  learning: optionalText('demo.error.learning', 4000),
  outcome: rows.refine((v) => v.length <= MAX_ROWS && v.every((o) => o.length <= 300), { message: 'demo.error.outcome' }),
});
export type ResultsInput = z.infer<typeof resultsFormSchema>;

/** POST /okosystem/demonstratorer/:id/beslutning — scale, adjust or stop, always with a reason. */
export const decisionFormSchema = z.object({
  decision: z.enum(DECISIONS, { message: 'demo.error.decision' }),
  reason: text('demo.error.reason', 1, 2000),
});
export type DecisionInput = z.infer<typeof decisionFormSchema>;

/** POST /okosystem/demonstratorer/:id/undersokelser — 1–5 questions, each a 1–5 scale or free text. */
export const surveyFormSchema = z
  .object({
    title: text('demo.error.surveyTitle', 3, 200),
    questionPrompt: rows,
    questionKind: rows,
  })
  .superRefine((v, ctx) => {
    const filled = v.questionPrompt.map((p, i) => [p, v.questionKind[i] ?? ''] as const).filter(([p]) => p);
    if (filled.length === 0 || filled.length > MAX_ROWS || filled.some(([p]) => p.length > 500)) {
      ctx.addIssue({ code: 'custom', path: ['questionPrompt'], message: 'demo.error.questions' });
    } else if (filled.some(([, kind]) => !(QUESTION_KINDS as readonly string[]).includes(kind))) {
      ctx.addIssue({ code: 'custom', path: ['questionKind'], message: 'demo.error.questionKind' });
    }
  })
  .transform((v) => ({
    title: v.title,
    questions: v.questionPrompt
      .map((prompt, i) => ({ prompt, kind: (v.questionKind[i] ?? 'text') as (typeof QUESTION_KINDS)[number] }))
      .filter((q) => q.prompt),
  }));
export type SurveyInput = z.infer<typeof surveyFormSchema>;

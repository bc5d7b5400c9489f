import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../core/http/context.ts';
import { presentDeadline } from './calendar.present.ts';
import { readCalendar } from './read-calendar.ts';

/** GET /api/v1/arbeidsrom/{orgId}/arshjul — the coming twelve months of deadlines as data, for members. */

const ErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

const FACT_SOURCES = [
  'enhetsregisteret',
  'frivillighetsregisteret',
  'workspace',
  'statutes',
  'founding-meeting',
  'registration',
  'declared',
  'default',
] as const;

const DeadlineSchema = z
  .object({
    id: z.string().openapi({ description: 'Stable id (also the .ics UID prefix)', example: 'momskompensasjon:2025' }),
    rule: z.string().openapi({ example: 'momskompensasjon' }),
    date: z.string().openapi({ description: 'ISO calendar date', example: '2025-09-01' }),
    kind: z.enum(['deadline', 'recommendation', 'payout', 'estimate']).openapi({
      description:
        'deadline: set by a rule; recommendation: our advice where no fixed date exists; payout: money arrives; estimate: depends on a date not known yet',
    }),
    title: z.string(),
    why: z.string(),
    window: z
      .object({ from: z.string(), to: z.string() })
      .nullable()
      .openapi({ description: 'For the årsmøte: the period it may be held in' }),
    citation: z.object({ text: z.string(), url: z.string().nullable() }),
    taskId: z.string().openapi({ description: 'Canonical life-event task id', example: 'sok-momskompensasjon' }),
    taskHref: z.string().openapi({ example: '/livshendelse/drive#sok-momskompensasjon' }),
    inputs: z
      .array(z.object({ name: z.string(), source: z.enum(FACT_SOURCES) }))
      .openapi({ description: 'What the date rests on, and where each came from' }),
  })
  .openapi('CalendarDeadline');

const CalendarSchema = z
  .object({
    organisation: z.object({ id: z.string().uuid(), name: z.string() }),
    today: z.string().openapi({ description: "Today's date in Norway" }),
    statutes: z.object({ source: z.enum(['statutes', 'default']), version: z.number().int().nullable() }),
    deadlines: z.array(DeadlineSchema),
  })
  .openapi('Calendar');

const getCalendar = createRoute({
  method: 'get',
  path: '/arbeidsrom/{orgId}/arshjul',
  summary: "The organisation's årshjul: deadlines for the coming twelve months, why each applies and the rule behind it (members only)",
  tags: ['Arbeidsrom'],
  request: { params: z.object({ orgId: z.string().openapi({ param: { name: 'orgId', in: 'path' }, example: '0b8f…' }) }) },
  responses: {
    200: { description: 'The årshjul', content: { 'application/json': { schema: z.object({ data: CalendarSchema }) } } },
    401: { description: 'Not signed in', content: { 'application/json': { schema: ErrorSchema } } },
    403: { description: 'Not a member of this organisation', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

export function registerCalendarApi(api: OpenAPIHono<AppEnv>) {
  api.openapi(getCalendar, async (c) => {
    const data = await readCalendar(c.get('deps'), { user: c.get('user'), organisationId: c.req.valid('param').orgId });
    const t = c.get('t');
    const lang = c.get('lang');
    return c.json(
      {
        data: {
          organisation: data.organisation,
          today: data.today,
          statutes: data.statutes,
          deadlines: data.deadlines.map((d) => {
            const p = presentDeadline(d, t, lang);
            return {
              id: d.id,
              rule: d.rule,
              date: d.date,
              kind: d.kind,
              title: p.title,
              why: p.why,
              window: d.window ?? null,
              citation: { text: p.citation, url: p.citationUrl ?? null },
              taskId: d.taskId,
              taskHref: p.taskHref,
              inputs: d.inputs,
            };
          }),
        },
      },
      200,
    );
  });
}

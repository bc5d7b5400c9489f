import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../core/http/context.ts';
import { PHASE_SLUGS } from '../life-event-map/life-event-map.content.ts';
import type { Fact } from './facts.ts';
import { TASK_STATUSES } from './plan.rules.ts';
import { renderWhy } from './plan.text.ts';
import { type Plan, readPlan } from './read-plan.ts';

/** GET /api/v1/arbeidsrom/{orgId}/plan — the personal plan as data, for members of the organisation. */

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

const Localised = z.object({ nb: z.string(), nn: z.string() });
const WhySchema = z.object({
  key: z.string().openapi({ description: 'Message key of the explanation' }),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  text: z.string().openapi({ description: 'The explanation in the language of the request' }),
});

const PlanTaskSchema = z
  .object({
    id: z.string().openapi({ example: 'registrer-frivillighetsregisteret' }),
    phase: z.enum(PHASE_SLUGS),
    phaseNumber: z.number().int().min(1).max(6),
    title: Localised,
    applies: z.boolean(),
    why: WhySchema.openapi({ description: 'Why the task applies — or why it does not' }),
    status: z.enum(TASK_STATUSES),
    statusSource: z.enum(['rules', 'manual', 'default']).openapi({ description: 'rules: told by the facts and cannot be set by hand' }),
    derived: z.object({ source: z.enum(FACT_SOURCES), why: WhySchema }).nullable(),
    blockedBy: z.array(z.string()),
    editable: z.boolean(),
    mapHref: z.string().openapi({ example: '/livshendelse/starte#registrer-frivillighetsregisteret' }),
    tool: z.object({ href: z.string(), label: Localised }).nullable(),
  })
  .openapi('PlanTask');

const FactSchema = z.object({ value: z.unknown(), source: z.enum(FACT_SOURCES) });

const PlanSchema = z
  .object({
    organisation: z.object({
      id: z.string().uuid(),
      name: z.string(),
      orgnr: z.string().nullable(),
      phase: z.number().int().min(1).max(6),
    }),
    yourRole: z.enum(['leader', 'board_member', 'treasurer', 'member']),
    canEdit: z.boolean(),
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
    facts: z.record(z.string(), FactSchema).openapi({ description: 'The facts the rules read, each with where it came from' }),
    factsDeclaredAt: z.string().nullable(),
    tasks: z.array(PlanTaskSchema),
  })
  .openapi('Plan');

const getPlan = createRoute({
  method: 'get',
  path: '/arbeidsrom/{orgId}/plan',
  summary: "The organisation's personal plan: tasks by phase, why each applies, and their status (members only)",
  tags: ['Arbeidsrom'],
  request: { params: z.object({ orgId: z.string().openapi({ param: { name: 'orgId', in: 'path' }, example: '0b8f…' }) }) },
  responses: {
    200: { description: 'The plan', content: { 'application/json': { schema: z.object({ data: PlanSchema }) } } },
    401: { description: 'Not signed in', content: { 'application/json': { schema: ErrorSchema } } },
    403: { description: 'Not a member of this organisation', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

/**
 * The facts as data. Politiattester are given as a count (the names stay on the facts page), the statutes as
 * their version and adoption.
 */
function factsForApi(plan: Plan): Record<string, Fact<unknown>> {
  const {
    organisationId: _id,
    declaredAt: _at,
    inRegisterMirror,
    politiattester,
    statutes,
    foundingMeeting,
    registration,
    ...rest
  } = plan.facts;
  return {
    ...rest,
    inRegisterMirror: { value: inRegisterMirror, source: 'enhetsregisteret' },
    politiattester: { value: politiattester.value.length, source: politiattester.source },
    statutes: {
      value: statutes.value ? { version: statutes.value.version, adoptedAt: statutes.value.adoptedAt?.toISOString() ?? null } : null,
      source: statutes.source,
    },
    foundingMeeting: {
      value: foundingMeeting.value
        ? { heldOn: foundingMeeting.value.heldOn, finalisedAt: foundingMeeting.value.finalisedAt?.toISOString() ?? null }
        : null,
      source: foundingMeeting.source,
    },
    registration: {
      value: registration.value
        ? {
            status: registration.value.status,
            mottakId: registration.value.mottakId ?? null,
            receivedAt: registration.value.receivedAt?.toISOString() ?? null,
          }
        : null,
      source: registration.source,
    },
  };
}

export function registerPlanApi(api: OpenAPIHono<AppEnv>) {
  api.openapi(getPlan, async (c) => {
    const plan = await readPlan(c.get('deps'), { user: c.get('user'), organisationId: c.req.valid('param').orgId });
    const t = c.get('t');
    const why = (w: { key: string; params?: Record<string, string | number> }) => ({
      ...w,
      text: renderWhy(t, w as Parameters<typeof renderWhy>[1]),
    });
    return c.json(
      {
        data: {
          organisation: plan.organisation,
          yourRole: plan.role,
          canEdit: plan.canEdit,
          progress: plan.progress,
          facts: factsForApi(plan),
          factsDeclaredAt: plan.facts.declaredAt?.toISOString() ?? null,
          tasks: plan.tasks.map((task) => ({
            id: task.id,
            phase: task.phase,
            phaseNumber: task.phaseNumber,
            title: task.title,
            applies: task.applies,
            why: why(task.why),
            status: task.status,
            statusSource: task.statusSource,
            derived: task.derived ? { source: task.derived.source, why: why(task.derived.why) } : null,
            blockedBy: task.blockedBy,
            editable: task.editable,
            mapHref: task.mapHref,
            tool: task.tool,
          })),
        },
      },
      200,
    );
  });
}

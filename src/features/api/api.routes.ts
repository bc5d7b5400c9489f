import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../core/http/context.ts';
import { registerCalendarApi } from '../calendar/calendar.api.ts';
import { registerGainsApi } from '../gains/gains.api.ts';
import { registerInsightApi } from '../insight/insight.api.ts';
import { organisationProfileApi } from '../organisation-profile/organisation-profile.api.ts';
import { listMyOrganisations, readMembers } from '../organisations/read-workspace.ts';
import { registerPlanApi } from '../plan/plan.api.ts';
import { registerSearchApi } from '../register-search/register-search.api.ts';
import { registerRoadmapApi } from '../roadmap/roadmap.api.ts';

/**
 * JSON API under /api/v1, described by OpenAPI from the same zod schemas that validate it.
 * The document is served at /api/v1/openapi.json.
 */
const ErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) }).openapi('Error');

const MyOrganisation = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    orgnr: z.string().nullable().openapi({ description: 'Organisasjonsnummer, null until registered', example: '974760673' }),
    phase: z.number().int().min(1).max(6).openapi({ description: 'Life-event phase 1–6' }),
    role: z.enum(['leader', 'board_member', 'treasurer', 'member']),
  })
  .openapi('MyOrganisation');

const listMine = createRoute({
  method: 'get',
  path: '/meg/organisasjoner',
  summary: 'The signed-in person’s organisation workspaces and role in each',
  tags: ['Arbeidsrom'],
  responses: {
    200: { description: 'Workspaces', content: { 'application/json': { schema: z.object({ data: z.array(MyOrganisation) }) } } },
    401: { description: 'Not signed in', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

const Workspace = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    orgnr: z.string().nullable(),
    phase: z.number().int().min(1).max(6),
    yourRole: z.enum(['leader', 'board_member', 'treasurer', 'member']),
    members: z.array(z.object({ name: z.string(), role: z.enum(['leader', 'board_member', 'treasurer', 'member']) })),
  })
  .openapi('Workspace');

const getWorkspace = createRoute({
  method: 'get',
  path: '/arbeidsrom/{orgId}',
  summary: 'One organisation workspace with its members and roles (members of the organisation only)',
  tags: ['Arbeidsrom'],
  request: { params: z.object({ orgId: z.string().openapi({ param: { name: 'orgId', in: 'path' }, example: '0b8f…' }) }) },
  responses: {
    200: { description: 'The workspace', content: { 'application/json': { schema: z.object({ data: Workspace }) } } },
    401: { description: 'Not signed in', content: { 'application/json': { schema: ErrorSchema } } },
    403: { description: 'Not a member of this organisation', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

export function apiRoutes() {
  const api = new OpenAPIHono<AppEnv>();
  api.openapi(listMine, async (c) => {
    const rows = await listMyOrganisations(c.get('deps'), { user: c.get('user') });
    return c.json({ data: rows }, 200);
  });
  api.openapi(getWorkspace, async (c) => {
    const { organisation, role, members } = await readMembers(c.get('deps'), {
      user: c.get('user'),
      organisationId: c.req.valid('param').orgId,
    });
    return c.json(
      {
        data: {
          id: organisation.id,
          name: organisation.name,
          orgnr: organisation.orgnr,
          phase: organisation.phase,
          yourRole: role,
          members: members.map((m) => ({ name: m.name, role: m.role })),
        },
      },
      200,
    );
  });
  registerSearchApi(api);
  organisationProfileApi(api);
  registerInsightApi(api);
  registerPlanApi(api);
  registerCalendarApi(api);
  registerGainsApi(api);
  registerRoadmapApi(api);
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Frivillig API', version: '1.0.0', description: 'Open API of Frivillig. Register data is under NLOD.' },
  });
  return api;
}

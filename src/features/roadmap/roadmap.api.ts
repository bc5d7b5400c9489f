import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../core/http/context.ts';
import { GAIN_IDS } from '../ecosystem/gains.ts';
import { queryHook, ValidationErrorSchema } from '../register-search/register-search.api.ts';
import { listRoadmap, type RoadmapItem, readRoadmapItem } from './roadmap.domain.ts';
import { ROADMAP_STATUSES, targetQuarter } from './roadmap.schema.ts';

/**
 * GET /api/v1/veikart and /api/v1/veikart/{id}: the roadmap of simplifications as open data — the same domain
 * functions as the pages, so the same items, filters and history. No sign-in (the roadmap is public).
 */

const RoadmapItemSchema = z
  .object({
    id: z.string().uuid(),
    title: z.string(),
    description: z.string(),
    phases: z.array(z.number().int().min(1).max(6)).openapi({ description: 'Phases 1–6 of the life event' }),
    gains: z.array(z.enum(GAIN_IDS)),
    owner: z.object({ id: z.string().uuid(), name: z.string() }).nullable().openapi({ description: 'The owning ecosystem actor' }),
    target: z.string().openapi({ description: 'A quarter (YYYY-Qn) or a date (YYYY-MM-DD)', example: '2027-Q2' }),
    targetQuarter: z.string().openapi({ example: '2027-Q2' }),
    status: z.enum(ROADMAP_STATUSES),
    statusReason: z.string().openapi({ description: 'Why the item is postponed or stopped (empty otherwise)' }),
    version: z.number().int(),
    needs: z.array(z.object({ id: z.string().uuid(), title: z.string() })),
    buildingBlocks: z.array(z.object({ slug: z.string(), name: z.string() })),
    updatedAt: z.string(),
  })
  .openapi('RoadmapItem');

const HistorySchema = z
  .object({
    at: z.string(),
    by: z.string(),
    action: z.enum(['created', 'updated']),
    changes: z.record(z.string(), z.array(z.unknown())).openapi({ description: '{ field: [before, after] }' }),
  })
  .openapi('RoadmapItemChange');

const NotFoundSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) }).openapi('RoadmapNotFound');

const listRoute = createRoute({
  method: 'get',
  path: '/veikart',
  summary: 'The roadmap of simplifications (veikart), optionally filtered',
  description: 'Items ordered by target. Filters: fase (1–6), gevinst (a gain id), eier (an actor id), status. No sign-in.',
  tags: ['Økosystemet'],
  request: {
    query: z.object({
      fase: z.coerce.number().int().min(1).max(6).optional(),
      gevinst: z.enum(GAIN_IDS).optional(),
      eier: z.string().uuid().optional(),
      status: z.enum(ROADMAP_STATUSES).optional(),
    }),
  },
  responses: {
    200: { description: 'The items', content: { 'application/json': { schema: z.object({ items: z.array(RoadmapItemSchema) }) } } },
    400: { description: 'Invalid parameters', content: { 'application/json': { schema: ValidationErrorSchema } } },
  },
});

const itemRoute = createRoute({
  method: 'get',
  path: '/veikart/{id}',
  summary: 'One roadmap item with its full history',
  tags: ['Økosystemet'],
  request: { params: z.object({ id: z.string() }) },
  responses: {
    200: {
      description: 'The item and every change to it, newest first',
      content: { 'application/json': { schema: z.object({ item: RoadmapItemSchema, history: z.array(HistorySchema) }) } },
    },
    404: { description: 'No such item', content: { 'application/json': { schema: NotFoundSchema } } },
  },
});

function toJson(i: RoadmapItem) {
  return {
    id: i.id,
    title: i.title,
    description: i.description,
    phases: i.phases,
    gains: i.gains as (typeof GAIN_IDS)[number][],
    owner: i.ownerActorId && i.ownerName ? { id: i.ownerActorId, name: i.ownerName } : null,
    target: i.target,
    targetQuarter: targetQuarter(i.target),
    status: i.status,
    statusReason: i.statusReason,
    version: i.version,
    needs: i.needs,
    buildingBlocks: i.blocks.map((b) => ({ slug: b.slug, name: b.name })),
    updatedAt: i.updatedAt.toISOString(),
  };
}

export function registerRoadmapApi(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    listRoute,
    async (c) => {
      const q = c.req.valid('query');
      const items = await listRoadmap(c.get('deps'), { fase: q.fase, gevinst: q.gevinst, eier: q.eier, status: q.status });
      return c.json({ items: items.map(toJson) }, 200);
    },
    queryHook,
  );
  api.openapi(itemRoute, async (c) => {
    const { item, history } = await readRoadmapItem(c.get('deps'), { id: c.req.valid('param').id });
    return c.json(
      {
        item: toJson(item),
        history: history.map((h) => ({
          at: h.createdAt.toISOString(),
          by: h.actorName,
          action: h.action,
          changes: h.changes as Record<string, unknown[]>,
        })),
      },
      200,
    );
  });
}

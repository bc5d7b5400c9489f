import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../core/http/context.ts';
import { GAIN_IDS, GAINS, gainText } from '../ecosystem/gains.ts';
import { queryHook, ValidationErrorSchema } from '../register-search/register-search.api.ts';
import { INDICATOR_IDS, MIN_ORGANISATIONS } from './gains.indicators.ts';
import { gainsCsv, indicatorTexts, totalFigure } from './gains.present.ts';
import { type GainsResult, readGains } from './read-gains.ts';

/**
 * GET /api/v1/gevinster: the gains dashboard as open data — the same domain function as the page, so the
 * same figures; definitions in the language of Accept-Language. With format=csv, the CSV the page links to.
 */

const FigureSchema = z
  .object({
    value: z.number().int().nullable().openapi({ description: 'The count; null when withheld (suppressed) or not measured' }),
    suppressed: z
      .boolean()
      .openapi({ description: `True when the figure comes from 1–${MIN_ORGANISATIONS - 1} organisations and is withheld` }),
  })
  .openapi('GainsFigure');

const IndicatorSchema = z
  .object({
    id: z.enum(INDICATOR_IDS),
    kind: z.enum(['history', 'snapshot']).openapi({
      description: 'history: counted from stored timestamps; snapshot: point-in-time figures kept monthly by a background job',
    }),
    name: z.string(),
    definition: z.object({
      counts: z.string().openapi({ description: 'What is counted' }),
      source: z.string().openapi({ description: 'From which tables' }),
      excludes: z.string().openapi({ description: 'What is not counted' }),
      monthly: z.string().openapi({ description: 'What a month’s figure is' }),
    }),
    total: FigureSchema.nullable().openapi({ description: 'All time (history) or the latest snapshot (snapshot); null: never measured' }),
    asOf: z.string().nullable().openapi({ description: 'snapshot: the month (YYYY-MM) of `total`', example: '2026-11' }),
    share: z.number().nullable().openapi({ description: 'Share of all recorded form fields in per cent, where it applies' }),
    hasData: z.boolean(),
    months: z.array(
      z.object({
        month: z.string().openapi({ example: '2026-11' }),
        figure: FigureSchema.nullable().openapi({ description: 'null: no snapshot was taken that month' }),
      }),
    ),
  })
  .openapi('GainsIndicator');

const GainsSchema = z
  .object({
    computedAt: z.string(),
    rule: z.string().openapi({ description: 'The small-count rule' }),
    months: z.array(z.string()),
    gains: z.array(z.object({ id: z.enum(GAIN_IDS), name: z.string(), definition: z.string(), indicators: z.array(IndicatorSchema) })),
  })
  .openapi('Gains');

const gainsRoute = createRoute({
  method: 'get',
  path: '/gevinster',
  summary: 'The gains dashboard: the four gains, their indicators with definitions, and the last 12 months',
  description:
    `Aggregate counts from the platform's own records (form field provenance, plan task statuses and their audit entries, ` +
    `registration packages, monthly snapshots). A figure from 1–${MIN_ORGANISATIONS - 1} organisations is withheld (value null, suppressed true). ` +
    'No sign-in. With format=csv, a CSV file (UTF-8 with BOM, semicolons, CRLF).',
  tags: ['Gevinster'],
  request: { query: z.object({ format: z.enum(['json', 'csv']).optional() }) },
  responses: {
    200: {
      description: 'The figures',
      content: { 'application/json': { schema: GainsSchema }, 'text/csv': { schema: z.string() } },
    },
    400: { description: 'Invalid parameters', content: { 'application/json': { schema: ValidationErrorSchema } } },
  },
});

function toJson(r: GainsResult, t: Parameters<typeof indicatorTexts>[1], lang: string) {
  return {
    computedAt: r.computedAt.toISOString(),
    rule: t('gains.rule'),
    months: r.months,
    gains: r.gains.map((g) => {
      const gain = GAINS.find((x) => x.id === g.id)!;
      return {
        id: g.id,
        name: gainText(gain, 'name', lang),
        definition: gainText(gain, 'definition', lang),
        indicators: g.indicators.map((ind) => {
          const { name, ...definition } = indicatorTexts(ind.id, t);
          return {
            id: ind.id,
            kind: ind.kind,
            name,
            definition,
            total: totalFigure(ind),
            asOf: ind.asOf,
            share: ind.share,
            hasData: ind.hasData,
            months: ind.months,
          };
        }),
      };
    }),
  };
}

export function registerGainsApi(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    gainsRoute,
    async (c) => {
      const result = await readGains(c.get('deps'));
      const t = c.get('t');
      const lang = c.get('lang');
      if (c.req.valid('query').format === 'csv') {
        return c.body(gainsCsv(result, t, lang), 200, {
          'content-type': 'text/csv; charset=utf-8; header=present',
          'content-disposition': 'attachment; filename="gevinster.csv"',
        });
      }
      return c.json(toJson(result, t, lang), 200);
    },
    queryHook,
  );
}

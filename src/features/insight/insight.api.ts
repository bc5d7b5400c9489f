import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../core/http/context.ts';
import { NLOD_ATTRIBUTION, queryHook, ValidationErrorSchema, validationErrorResponse } from '../register-search/register-search.api.ts';
import { SearchFilterError } from '../register-search/search-organisations.ts';
import { INSIGHT_TABLES, type InsightFilters, type InsightTable, insightFilterSchema, insightTableQuerySchema } from './insight.schema.ts';
import { presentTable, share, toCsv } from './insight.tables.ts';
import { type InsightResult, type InsightTables, readInsight } from './read-insight.ts';

/**
 * The sector insight as an open API: GET /api/v1/innsikt (every table) and GET /api/v1/innsikt/{table} (one,
 * also as a CSV or JSON download — the page's download links point here). The same domain function as the
 * page, so the numbers are the same. Aggregate open data (NLOD): no sign-in; the attribution is in every answer.
 */

const Filters = z
  .object({
    fylke: z.string().nullable(),
    kommune: z.string().nullable(),
    icnpo: z.string().nullable(),
    form: z.string().nullable(),
    frivillighetsregisteret: z.boolean().nullable(),
    grasrotandel: z.boolean().nullable(),
    fraAar: z.number().int(),
    tilAar: z.number().int(),
  })
  .openapi('InsightFilters', { description: 'The filters applied, with the default year range filled in; null: not filtered' });

const count = (description: string) => z.number().int().openapi({ description });

const AreaCounts = {
  organisations: count('Organisations in the selection'),
  frivillighetsregisteret: count('Of these, registered in Frivillighetsregisteret'),
  grasrotandel: count('Of these, taking part in Grasrotandelen'),
};

const FylkeRow = z
  .object({
    code: z.string().nullable().openapi({ description: 'Fylkesnummer; null: units without a known Norwegian kommune', example: '46' }),
    name: z.string().nullable().openapi({ example: 'Vestland' }),
    ...AreaCounts,
  })
  .openapi('InsightFylkeRow');

const KommuneRow = z
  .object({
    code: z.string().nullable().openapi({ description: 'Kommunenummer; null: units without a known Norwegian kommune', example: '4601' }),
    name: z.string().nullable().openapi({ example: 'Bergen' }),
    fylke: z.object({ code: z.string(), name: z.string() }).nullable(),
    ...AreaCounts,
  })
  .openapi('InsightKommuneRow');

const CategoryRow = z
  .object({
    code: z.string().nullable().openapi({ description: 'ICNPO main category; null: units without a category', example: '1' }),
    name: z.string().nullable().openapi({ example: 'Kultur- og rekreasjon' }),
    organisations: count('Organisations whose primary category lies in this main category'),
    grasrotandel: count('Of these, taking part in Grasrotandelen'),
    grasrotandelShare: z.number().nullable().openapi({ description: 'grasrotandel / organisations in per cent, one decimal' }),
  })
  .openapi('InsightCategoryRow');

const YearRow = z
  .object({
    year: z.number().int(),
    founded: count('Founded this year (stiftelsesdato)'),
    firstRegistered: count('First registered in Frivillighetsregisteret this year (foersteGangInnfoert)'),
  })
  .openapi('InsightYearRow');

const Grasrot = z
  .object({
    total: count('Organisations in the selection'),
    grasrotandel: count('Taking part in Grasrotandelen'),
    frivillighetsregisteretOnly: count('Registered in Frivillighetsregisteret, not taking part'),
    neither: count('Neither; the three groups add up to total'),
  })
  .openapi('InsightGrasrot');

const Envelope = {
  filters: Filters,
  population: count('Organisations the filters select: the active voluntary sector (see the description)'),
  computedAt: z.string().openapi({ description: 'When the figures were computed from the register copy (ISO 8601)' }),
  license: z.string(),
};

const POPULATION =
  'The population is the active voluntary sector: units in Enhetsregisteret registered in Frivillighetsregisteret or of form FLI, ' +
  'not deleted, not being wound up and not bankrupt. ICNPO categories and Grasrotandelen come from Frivillighetsregisteret. ' +
  'Figures are recomputed at least every REGISTER_SYNC_INTERVAL_MINUTES, and at once after a register import. Open data (NLOD), no sign-in.';

const TABLES: Record<InsightTable, { schema: z.ZodType; summary: string }> = {
  fylker: { schema: z.array(FylkeRow), summary: 'Organisations per fylke (all 15, zeros included)' },
  kommuner: { schema: z.array(KommuneRow), summary: 'Organisations per kommune, most first (kommuner with none are left out)' },
  kategorier: { schema: z.array(CategoryRow), summary: 'Organisations per ICNPO main category, by the primary category' },
  stiftelsesaar: {
    schema: z.array(YearRow),
    summary: 'Organisations founded, and first registered in Frivillighetsregisteret, per year (fraAar–tilAar)',
  },
  grasrot: { schema: Grasrot, summary: 'Participation in Grasrotandelen' },
};

function filtersJson(f: InsightFilters) {
  return {
    fylke: f.fylke ?? null,
    kommune: f.kommune ?? null,
    icnpo: f.icnpo ?? null,
    form: f.form ?? null,
    frivillighetsregisteret: f.frivillighetsregisteret ?? null,
    grasrotandel: f.grasrotandel ?? null,
    fraAar: f.fraAar,
    tilAar: f.tilAar,
  };
}

function categoriesJson(rows: InsightTables['kategorier']) {
  return rows.map((r) => ({ ...r, grasrotandelShare: share(r.grasrotandel, r.organisations) }));
}

function tableJson<T extends InsightTable>(table: T, data: InsightTables[T]): unknown {
  return table === 'kategorier' ? categoriesJson(data as InsightTables['kategorier']) : data;
}

function envelope(r: InsightResult) {
  return { filters: filtersJson(r.filters), population: r.population, computedAt: r.computedAt.toISOString(), license: NLOD_ATTRIBUTION };
}

/** A filter that names something unknown (kommune 9999) is a 400 like any other bad parameter, in the caller's language. */
function refuse(c: Context<AppEnv>, error: unknown) {
  if (!(error instanceof SearchFilterError)) throw error;
  const t = c.get('t');
  return validationErrorResponse(c, Object.fromEntries(Object.entries(error.fields).map(([f, key]) => [f, t(key)])));
}

const overviewRoute = createRoute({
  method: 'get',
  path: '/innsikt',
  summary: 'Sector insight: every table (fylker, kommuner, kategorier, stiftelsesaar, grasrot) for one selection',
  description: POPULATION,
  tags: ['Innsikt'],
  request: { query: insightFilterSchema },
  responses: {
    200: {
      description: 'The figures',
      content: {
        'application/json': {
          schema: z
            .object({
              ...Envelope,
              data: z.object({
                fylker: z.array(FylkeRow),
                kommuner: z.array(KommuneRow),
                kategorier: z.array(CategoryRow),
                stiftelsesaar: z.array(YearRow),
                grasrot: Grasrot,
              }),
            })
            .openapi('InsightOverview'),
        },
      },
    },
    400: { description: 'Invalid parameters', content: { 'application/json': { schema: ValidationErrorSchema } } },
  },
});

function tableRoute(table: InsightTable) {
  return createRoute({
    method: 'get',
    path: `/innsikt/${table}`,
    summary: TABLES[table].summary,
    description: `${POPULATION} With format=csv or format=json the answer is a file to download (Content-Disposition: attachment).`,
    tags: ['Innsikt'],
    request: { query: insightTableQuerySchema },
    responses: {
      200: {
        description: 'The table',
        content: {
          'application/json': { schema: z.object({ ...Envelope, table: z.literal(table), data: TABLES[table].schema }) },
          'text/csv': {
            schema: z.string().openapi({
              description:
                'format=csv: UTF-8 with a byte-order mark, semicolon-separated, decimal comma, CRLF, a header row in the language of Accept-Language; the last line, after an empty one, is the NLOD attribution',
            }),
          },
        },
      },
      400: { description: 'Invalid parameters', content: { 'application/json': { schema: ValidationErrorSchema } } },
    },
  });
}

export function registerInsightApi(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    overviewRoute,
    async (c) => {
      try {
        const r = await readInsight(c.get('deps'), { filters: c.req.valid('query'), tables: INSIGHT_TABLES });
        const { fylker, kommuner, kategorier, stiftelsesaar, grasrot } = r.tables;
        return c.json({ ...envelope(r), data: { fylker, kommuner, kategorier: categoriesJson(kategorier), stiftelsesaar, grasrot } }, 200);
      } catch (error) {
        return refuse(c, error);
      }
    },
    queryHook,
  );

  for (const table of INSIGHT_TABLES) {
    api.openapi(
      tableRoute(table),
      async (c) => {
        try {
          const { format, ...filters } = c.req.valid('query');
          const r = await readInsight(c.get('deps'), { filters, tables: [table] });
          const file = `innsikt-${table}`;
          if (format === 'csv') {
            const csv = toCsv(presentTable(table, r.tables[table], c.get('t'), r.filters));
            return c.body(csv, 200, {
              'content-type': 'text/csv; charset=utf-8; header=present',
              'content-disposition': `attachment; filename="${file}.csv"`,
            });
          }
          if (format === 'json') c.header('content-disposition', `attachment; filename="${file}.json"`);
          return c.json({ ...envelope(r), table, data: tableJson(table, r.tables[table]) }, 200);
        } catch (error) {
          return refuse(c, error);
        }
      },
      queryHook,
    );
  }
}

import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { translateIssues } from '../../core/forms.ts';
import type { AppEnv } from '../../core/http/context.ts';
import type { SearchRow } from './register-search.queries.ts';
import { searchQuerySchema } from './register-search.schema.ts';
import { SearchFilterError, searchOrganisations } from './search-organisations.ts';

/** NLOD § 5: attribution travels with the data in every API answer built on Brønnøysund's registers. */
export const NLOD_ATTRIBUTION =
  'Inneholder data under Norsk lisens for offentlige data (NLOD) tilgjengeliggjort av Brønnøysundregistrene. https://data.norge.no/nlod/no/2.0';

export const ValidationErrorSchema = z
  .object({
    error: z.object({
      code: z.literal('validation'),
      message: z.string(),
      fields: z
        .record(z.string(), z.string())
        .openapi({ description: 'Parameter name → what is wrong, in the language of Accept-Language' }),
    }),
  })
  .openapi('ValidationError');

/** 400 with one message per bad parameter, in the caller's language (Accept-Language or the language cookie). */
export function validationErrorResponse(c: Context<AppEnv>, fields: Record<string, string>) {
  return c.json({ error: { code: 'validation' as const, message: c.get('t')('search.error.invalid'), fields } }, 400);
}

/** The defaultHook-style hook for routes whose query schema fails: same 400 body as a domain refusal. */
export function queryHook(result: { success: boolean; error?: unknown }, c: Context<AppEnv>) {
  if (!result.success) return validationErrorResponse(c, translateIssues(result.error as z.ZodError, c.get('t')));
  return undefined;
}

const OrganisationHit = z
  .object({
    orgnr: z.string().openapi({ example: '974760673' }),
    name: z.string(),
    form: z.object({ code: z.string(), description: z.string().nullable() }).nullable(),
    kommune: z
      .object({ number: z.string(), name: z.string().nullable() })
      .nullable()
      .openapi({ description: 'From the business address, else the postal address; null for a foreign address' }),
    founded: z.string().nullable().openapi({ description: 'stiftelsesdato, ISO date', example: '1990-05-17' }),
    registeredInFrivillighetsregisteret: z.boolean(),
    grasrotandel: z.boolean(),
    icnpo: z.object({ number: z.string(), name: z.string().nullable() }).nullable().openapi({ description: 'Primary ICNPO category' }),
    underAvvikling: z.boolean(),
    konkurs: z.boolean(),
    deleted: z.string().nullable().openapi({ description: 'slettedato, ISO date, when the unit has been deleted' }),
    profile: z.string().openapi({ description: 'Path of the profile page', example: '/organisasjoner/974760673' }),
  })
  .openapi('OrganisationHit');

const Paging = z
  .object({
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int().openapi({ description: 'Number of hits, counted up to 10 000' }),
    totalIsCapped: z.boolean().openapi({ description: 'True when there are more than `total` hits; narrow the search' }),
    pageCount: z.number().int(),
  })
  .openapi('Paging');

export function hitToJson(h: SearchRow) {
  return {
    orgnr: h.orgnr,
    name: h.navn,
    form: h.organisasjonsform ? { code: h.organisasjonsform, description: h.formBeskrivelse } : null,
    kommune: h.kommunenummer ? { number: h.kommunenummer, name: h.kommuneNavn } : null,
    founded: h.stiftelsesdato,
    registeredInFrivillighetsregisteret: h.frivillighetsregisteret,
    grasrotandel: h.grasrotandel,
    icnpo: h.icnpo1 ? { number: h.icnpo1, name: h.icnpo1Navn } : null,
    underAvvikling: h.underAvvikling,
    konkurs: h.konkurs,
    deleted: h.slettedato,
    profile: `/organisasjoner/${h.orgnr}`,
  };
}

const searchRoute = createRoute({
  method: 'get',
  path: '/organisasjoner',
  summary: 'Search organisations in Enhetsregisteret and Frivillighetsregisteret by name, with filters',
  description:
    'Open data (NLOD), no sign-in. Name matching uses Norwegian stemming, prefix matching of each word and typo tolerance; ' +
    'results are ranked by relevance unless another sort is chosen. At most 10 000 hits can be paged through.',
  tags: ['Register'],
  request: { query: searchQuerySchema },
  responses: {
    200: {
      description: 'One page of hits',
      content: {
        'application/json': {
          schema: z.object({ data: z.array(OrganisationHit), paging: Paging, license: z.string() }).openapi('OrganisationSearchResult'),
        },
      },
    },
    400: { description: 'Invalid parameters', content: { 'application/json': { schema: ValidationErrorSchema } } },
  },
});

export function registerSearchApi(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    searchRoute,
    async (c) => {
      try {
        const r = await searchOrganisations(c.get('deps'), { query: c.req.valid('query') });
        return c.json(
          {
            data: r.hits.map(hitToJson),
            paging: { page: r.page, pageSize: r.pageSize, total: r.total, totalIsCapped: r.capped, pageCount: r.pageCount },
            license: NLOD_ATTRIBUTION,
          },
          200,
        );
      } catch (error) {
        if (!(error instanceof SearchFilterError)) throw error;
        const t = c.get('t');
        return validationErrorResponse(c, Object.fromEntries(Object.entries(error.fields).map(([f, key]) => [f, t(key)])));
      }
    },
    queryHook,
  );
}

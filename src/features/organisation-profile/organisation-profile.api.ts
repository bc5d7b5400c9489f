import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../../core/errors.ts';
import { translateIssues } from '../../core/forms.ts';
import type { AppEnv } from '../../core/http/context.ts';
import { NLOD_ATTRIBUTION, ValidationErrorSchema, validationErrorResponse } from '../register-search/register-search.api.ts';
import { orgnrParamSchema } from './organisation-profile.schema.ts';
import { type Profile, readProfile } from './read-profile.ts';

const NotFoundSchema = z.object({ error: z.object({ code: z.literal('not_found'), message: z.string() }) }).openapi('NotFoundError');

const Code = z.object({ code: z.string(), description: z.string().nullable() });
const Address = z.object({
  lines: z.array(z.string()),
  postnummer: z.string().nullable(),
  poststed: z.string().nullable(),
  kommune: z.string().nullable(),
  land: z.string().nullable(),
});

const OrganisationProfile = z
  .object({
    orgnr: z.string(),
    name: z.string(),
    form: Code.nullable(),
    kommune: z.object({ number: z.string(), name: z.string().nullable() }).nullable(),
    businessAddress: Address.nullable(),
    postalAddress: Address.nullable(),
    founded: z.string().nullable(),
    registered: z.string().nullable(),
    purpose: z.array(z.string()).openapi({ description: 'vedtektsfestetFormaal' }),
    activity: z.array(z.string()),
    website: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    mobile: z.string().nullable(),
    industryCodes: z.array(Code),
    sectorCode: Code.nullable(),
    employees: z.number().int().nullable().openapi({ description: 'null: not given, which since API v2 means 0–4 employees' }),
    registers: z.object({
      mva: z.boolean(),
      foretaksregisteret: z.boolean(),
      stiftelsesregisteret: z.boolean(),
      frivillighetsregisteret: z.boolean(),
      partiregisteret: z.boolean(),
    }),
    status: z.object({
      underAvvikling: z.boolean(),
      underAvviklingDato: z.string().nullable(),
      konkurs: z.boolean(),
      konkursdato: z.string().nullable(),
      tvangsavvikling: z.boolean(),
      slettedato: z.string().nullable(),
    }),
    lastAnnualAccounts: z.string().nullable(),
    frivillig: z
      .object({
        categories: z.array(z.object({ number: z.string(), name: z.string().nullable(), rank: z.number().int() })),
        grasrotandel: z.boolean(),
        excludedFromGrasrot: z.object({ from: z.string().nullable(), to: z.string().nullable() }).nullable(),
        registeredSince: z.string().nullable(),
        firstRegistered: z.string().nullable(),
        accounts: z.object({
          reportsToRegnskapsregisteret: z.boolean(),
          lastYear: z.number().int().nullable(),
          lastRegistered: z.string().nullable(),
        }),
        statutes: z.object({ registered: z.boolean(), lastUpdated: z.string().nullable() }),
        leftOn: z.string().nullable().openapi({ description: 'The day the organisation left Frivillighetsregisteret' }),
      })
      .nullable(),
    roles: z
      .array(
        z.object({
          group: z.string(),
          groupName: z.string(),
          role: z.string(),
          roleName: z.string(),
          personName: z.string().nullable(),
          organisation: z.object({ orgnr: z.string().nullable(), name: z.string().nullable() }).nullable(),
        }),
      )
      .openapi({ description: 'Current roles: name and role only; birth dates are personal data and not published (NLOD § 3)' }),
    changes: z.array(z.object({ id: z.number().int(), type: z.string(), at: z.string(), fields: z.array(z.string()) })).openapi({
      description: 'Changes seen in Enhetsregisteret’s update feed, newest first (at most 100)',
    }),
  })
  .openapi('OrganisationProfile');

const route = createRoute({
  method: 'get',
  path: '/organisasjoner/{orgnr}',
  summary: 'One organisation: register data, Frivillighetsregisteret, board and roles, changes seen',
  description: 'Open data (NLOD), no sign-in.',
  tags: ['Register'],
  request: {
    params: z.object({ orgnr: z.string().openapi({ param: { name: 'orgnr', in: 'path' }, example: '974760673' }) }),
  },
  responses: {
    200: {
      description: 'The organisation',
      content: { 'application/json': { schema: z.object({ data: OrganisationProfile, license: z.string() }) } },
    },
    400: { description: 'Not a valid organisasjonsnummer', content: { 'application/json': { schema: ValidationErrorSchema } } },
    404: { description: 'No such organisation in our copy of the register', content: { 'application/json': { schema: NotFoundSchema } } },
  },
});

function toJson(p: Profile) {
  const { rolesFetchedAt: _fetched, dataUpdatedAt: _updated, ...rest } = p;
  return { ...rest, changes: p.changes.map((c) => ({ ...c, at: c.at.toISOString() })) };
}

export function organisationProfileApi(api: OpenAPIHono<AppEnv>) {
  api.openapi(route, async (c) => {
    const t = c.get('t');
    const parsed = orgnrParamSchema.safeParse(c.req.valid('param').orgnr);
    if (!parsed.success)
      return validationErrorResponse(c, { orgnr: Object.values(translateIssues(parsed.error, t))[0] ?? t('profile.error.invalid') });
    try {
      const { profile } = await readProfile(c.get('deps'), { user: null, orgnr: parsed.data });
      return c.json({ data: toJson(profile), license: NLOD_ATTRIBUTION }, 200);
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') {
        return c.json({ error: { code: 'not_found' as const, message: t('profile.notFound') } }, 404);
      }
      throw error;
    }
  });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import { registerFrivillige } from '../../core/db/schema.ts';

interface TaskJson {
  id: string;
  status: string;
  why: { key: string; text: string };
  derived: { source: string; why: { text: string } } | null;
}
interface PlanJson {
  organisation: unknown;
  yourRole: string;
  canEdit: boolean;
  facts: Record<string, unknown>;
  tasks: TaskJson[];
}

describe(`GET /api/v1/arbeidsrom/{orgId}/plan (${engineUnderTest})`, () => {
  let ctx: TestContext;
  let orgId: string;
  const orgnr = '910000039';

  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('gives members the plan as data, with the why in their language, and refuses others', async () => {
    const kari = await ctx.createUser({ name: 'Kari' });
    const client = ctx.client();
    await client.signInAs(kari.id);
    const created = await client.post('/arbeidsrom/ny', { name: 'Sjakklubben', registered: 'yes', orgnr });
    orgId = created.headers.get('location')!.split('/').pop()!;

    const res = await client.get(`/api/v1/arbeidsrom/${orgId}/plan`, { 'accept-language': 'nn' });
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: PlanJson };
    expect(data.organisation).toEqual({ id: orgId, name: 'Sjakklubben', orgnr, phase: 3 });
    expect(data.yourRole).toBe('leader');
    expect(data.canEdit).toBe(true);
    expect(data.facts.registered).toEqual({ value: true, source: 'workspace' });
    expect(data.tasks).toHaveLength(31);
    const frr = data.tasks.find((t) => t.id === 'registrer-frivillighetsregisteret');
    expect(frr).toMatchObject({
      phase: 'starte',
      phaseNumber: 2,
      applies: true,
      status: 'not-started',
      statusSource: 'default',
      why: { key: 'plan.why.frr.unknown' },
      mapHref: '/livshendelse/starte#registrer-frivillighetsregisteret',
      tool: { href: `/arbeidsrom/${orgId}/registrering` },
    });
    expect(frr!.why.text).toContain('Frivilligregisteret');

    // The register feed brings the organisation into FRR: the API shows the derived status.
    await ctx.database.db.insert(registerFrivillige).values({ orgnr, data: { organisasjonsnummer: orgnr }, dataHash: 'x' });
    const after = (await (await client.get(`/api/v1/arbeidsrom/${orgId}/plan`)).json()) as { data: PlanJson };
    const frrAfter = after.data.tasks.find((t) => t.id === 'registrer-frivillighetsregisteret');
    expect(frrAfter).toMatchObject({
      status: 'done',
      statusSource: 'rules',
      editable: false,
      derived: { source: 'frivillighetsregisteret' },
    });
    expect(frrAfter!.derived!.why.text).toBe('organisasjonen står i Frivillighetsregisteret.');
    expect(after.data.facts.inFrivillighetsregisteret).toEqual({ value: true, source: 'frivillighetsregisteret' });

    const stranger = ctx.client();
    await stranger.signInAs((await ctx.createUser()).id);
    const refused = await stranger.get(`/api/v1/arbeidsrom/${orgId}/plan`);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    expect((await ctx.client().get(`/api/v1/arbeidsrom/${orgId}/plan`)).status).toBe(401);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await ctx.client().get('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(doc.paths['/arbeidsrom/{orgId}/plan']).toBeDefined();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';

describe(`JSON API /api/v1 (${engineUnderTest})`, () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('publishes an OpenAPI 3.1 document describing its routes', async () => {
    const res = await ctx.app.request('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/meg/organisasjoner', '/arbeidsrom/{orgId}']));
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['MyOrganisation', 'Workspace', 'Error']));
  });

  it('gives members their workspace and refuses others with JSON errors', async () => {
    const leader = await ctx.createUser({ name: 'Lise Leder' });
    const lc = ctx.client();
    await lc.signInAs(leader.id);
    const created = await lc.post('/arbeidsrom/ny', { name: 'API-laget', registered: 'yes', orgnr: '974760673' });
    const orgId = created.headers.get('location')!.split('/').pop()!;
    const res = await lc.get(`/api/v1/arbeidsrom/${orgId}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      data: {
        id: orgId,
        name: 'API-laget',
        orgnr: '974760673',
        phase: 3,
        yourRole: 'leader',
        members: [{ name: 'Lise Leder', role: 'leader' }],
      },
    });
    const stranger = ctx.client();
    await stranger.signInAs((await ctx.createUser()).id);
    const refused = await stranger.get(`/api/v1/arbeidsrom/${orgId}`);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'forbidden', message: expect.stringContaining('ikke tilgang') } });
    const anonymous = await ctx.client().get(`/api/v1/arbeidsrom/${orgId}`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'not_signed_in' } });
  });

  it('requires the CSRF header for state-changing API calls made with a session cookie', async () => {
    const c = ctx.client();
    await c.signInAs((await ctx.createUser()).id);
    const res = await c.request('/api/v1/meg/organisasjoner', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'csrf' } });
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import {
  auditEvents,
  buildingBlocks,
  ecosystemActorPeople,
  ecosystemActors,
  needConfirmations,
  needs,
  organisations,
} from '../../core/db/schema.ts';

/** The building blocks catalogue and the API reference, on both engines. */
describe(`building blocks /okosystem/byggeklosser and /okosystem/api (${engineUnderTest})`, () => {
  let ctx: TestContext;
  let actorId: string;
  let needId: string;
  let coreUser: { id: string };
  let outsider: { id: string };

  beforeAll(async () => {
    ctx = await createTestContext();
    const db = ctx.database.db;
    coreUser = await ctx.createUser({ name: 'Kjerne' });
    outsider = await ctx.createUser({ name: 'Leverandør' });
    const [actor] = await db
      .insert(ecosystemActors)
      .values({ name: 'Brønnøysundregistrene', kind: 'state_agency', ecosystemRole: 'orchestrator' })
      .returning();
    actorId = actor!.id;
    await db.insert(ecosystemActorPeople).values({ actorId, userId: coreUser.id });
    const [a] = await db.insert(organisations).values({ name: 'Korpset' }).returning();
    const [b] = await db.insert(organisations).values({ name: 'Turlaget' }).returning();
    const [need] = await db
      .insert(needs)
      .values({ title: 'Samme opplysninger til mange', description: 'Tre skjema', phase: 3, frequency: 'yearly', organisationId: a!.id })
      .returning();
    needId = need!.id;
    await db.insert(needConfirmations).values({ needId, organisationId: b!.id, evidence: 'Også oss' });
    await db.insert(buildingBlocks).values({
      slug: 'frivillig-api',
      name: 'Frivillig API',
      description: 'Frivilligs eget åpne API.',
      realisation: 'api',
      phases: [1, 2, 3],
      status: 'in_use',
      listsOwnApi: true,
    });
  });
  afterAll(() => ctx.close());

  const signedIn = async (id: string) => {
    const client = ctx.client();
    await client.signInAs(id);
    return client;
  };

  it('the API reference renders every endpoint of the OpenAPI document, with parameters and responses', async () => {
    const res = await ctx.client().get('/okosystem/api');
    expect(res.status).toBe(200);
    const html = await res.text();
    const doc = (await (await ctx.client().get('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of Object.keys(item)) expect(html).toContain(`${method.toUpperCase()} /api/v1${path}`);
    }
    expect(html).toContain('GET /api/v1/organisasjoner');
    expect(html).toContain('<caption>Parametere for GET /api/v1/organisasjoner/{orgnr}</caption>');
    expect(html).not.toContain('<script>');
  });

  it('the "Frivillig API" block lists the endpoints from the OpenAPI document without anyone adding them', async () => {
    const html = await (await ctx.client().get('/okosystem/byggeklosser/frivillig-api', { 'accept-language': 'nn' })).text();
    expect(html).toContain('Endepunkt i Frivillig API');
    expect(html).toContain('GET /api/v1/organisasjoner</code>');
    expect(html).toContain('GET /api/v1/innsikt</code>');
  });

  it('anyone reads the catalogue; no edit links for them; the core group edits (403 otherwise)', async () => {
    const list = await (await ctx.client().get('/okosystem/byggeklosser')).text();
    expect(list).toContain('Frivillig API');
    expect(list).not.toContain('/okosystem/byggeklosser/ny');
    const o = await signedIn(outsider.id);
    expect((await o.get('/okosystem/byggeklosser/ny')).status).toBe(403);
    expect((await o.post('/okosystem/byggeklosser', { name: 'X' })).status).toBe(403);
    expect((await o.post('/okosystem/byggeklosser/frivillig-api', { name: 'X' })).status).toBe(403);
    expect((await ctx.client().post('/okosystem/byggeklosser', { name: 'X' })).status).toBe(401);
  });

  it('a core-group person adds a block linked to a need; the catalogue shows the need with its count', async () => {
    const core = await signedIn(coreUser.id);
    const bad = await core.post('/okosystem/byggeklosser', {
      name: 'E',
      slug: 'Bad Slug',
      realisation: 'api',
      status: 'x',
      documentationUrl: 'ftp:x',
    });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Skriv et navn');
    expect(badHtml).toContain('Velg en status.');
    expect(badHtml).toContain('fullstendig lenke');
    const form = new URLSearchParams({
      name: 'Én gang-profil',
      slug: 'en-gang-profil',
      description: 'Organisasjonen oppgir opplysningene én gang; tjenestene henter dem fra profilen.',
      realisation: 'service',
      status: 'in_development',
      ownerActorId: actorId,
      documentationUrl: 'https://www.brreg.no/',
      apiDescription: 'GET /api/v1/organisasjoner/{orgnr}',
    });
    form.append('phases', '2');
    form.append('phases', '3');
    form.append('needIds', needId);
    // Repeated fields (phases, needs) are posted as a browser does, so the form body is built by hand.
    await core.get('/okosystem/byggeklosser');
    form.set('_csrf', core.cookies.get('frivillig_csrf') ?? '');
    const full = await core.request('/okosystem/byggeklosser', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(full.status).toBe(303);
    expect(full.headers.get('location')).toBe('/okosystem/byggeklosser/en-gang-profil');
    const page = await (await ctx.client().get('/okosystem/byggeklosser/en-gang-profil')).text();
    expect(page).toContain('Fase 2: Starte, Fase 3: Drive');
    expect(page).toContain('Brønnøysundregistrene');
    expect(page).toContain(`href="/okosystem/behov/${needId}">Samme opplysninger til mange</a> (2 har dette)`);
    const needPage = await (await ctx.client().get(`/okosystem/behov/${needId}`)).text();
    expect(needPage).toContain('href="/okosystem/byggeklosser/en-gang-profil"');
    expect(await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'building_block.created'))).toHaveLength(1);
    // The same short address again is refused, keeping the input.
    const clash = await core.post('/okosystem/byggeklosser', {
      name: 'Kopi',
      slug: 'en-gang-profil',
      description: 'x',
      realisation: 'guide',
      status: 'planned',
    });
    expect(clash.status).toBe(409);
    expect(await clash.text()).toContain('allerede i bruk');
  });

  it('editing keeps the block and changes what was changed', async () => {
    const core = await signedIn(coreUser.id);
    const form = await (await core.get('/okosystem/byggeklosser/frivillig-api/rediger')).text();
    expect(form).toContain('value="frivillig-api"');
    const res = await core.post('/okosystem/byggeklosser/frivillig-api', {
      name: 'Frivillig API',
      slug: 'frivillig-api',
      description: 'Frivilligs åpne API (oppdatert).',
      realisation: 'api',
      status: 'in_use',
      listsOwnApi: 'on',
    });
    expect(res.status).toBe(303);
    const page = await (await ctx.client().get('/okosystem/byggeklosser/frivillig-api')).text();
    expect(page).toContain('(oppdatert)');
    expect((await ctx.client().get('/okosystem/byggeklosser/finnes-ikke')).status).toBe(404);
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import {
  auditEvents,
  buildingBlocks,
  ecosystemActorPeople,
  ecosystemActors,
  marketplaceHistory,
  marketplaceOfferingStats,
  marketplaceOfferings,
  marketplaceSuggestionsSeen,
  memberships,
  needs,
  organisations,
} from '../../core/db/schema.ts';
import { formOf } from './marketplace.test-helpers.ts';

/** Offerings on both engines: the approval flow, each boundary, filters, statistics, the redirect, suggestions. */
describe(`marketplace offerings /okosystem/markedsplass (${engineUnderTest})`, () => {
  let ctx: TestContext;
  const users: Record<string, { id: string }> = {};
  let supplierA = '';
  let supplierB = '';
  let org = '';
  let needOwn = '';
  let needOther = '';
  let block = '';
  let offeringId = '';

  beforeAll(async () => {
    ctx = await createTestContext();
    const db = ctx.database.db;
    users.orchestrator = await ctx.createUser({ name: 'Otto Orkestrator', platformRoles: ['orchestrator'] });
    users.a = await ctx.createUser({ name: 'Aud Leverandør' });
    users.b = await ctx.createUser({ name: 'Bjørn Konkurrent' });
    users.core = await ctx.createUser({ name: 'Kjerne Person' });
    users.leader = await ctx.createUser({ name: 'Lise Leder' });
    users.outsider = await ctx.createUser({ name: 'Utenfor' });
    const [a] = await db
      .insert(ecosystemActors)
      .values({ name: 'Lagshjelpen AS', kind: 'supplier', ecosystemRole: 'participant', supplierSector: 'private' })
      .returning();
    const [b] = await db
      .insert(ecosystemActors)
      .values({ name: 'Konkurrenten AS', kind: 'supplier', ecosystemRole: 'participant', supplierSector: 'private' })
      .returning();
    const [core] = await db
      .insert(ecosystemActors)
      .values({ name: 'Frivillighet Norge', kind: 'umbrella_body', ecosystemRole: 'core_group' })
      .returning();
    supplierA = a!.id;
    supplierB = b!.id;
    await db.insert(ecosystemActorPeople).values([
      { actorId: supplierA, userId: users.a.id },
      { actorId: supplierB, userId: users.b.id },
      { actorId: core!.id, userId: users.core.id },
    ]);
    const [o] = await db.insert(organisations).values({ name: 'Tromsø Sjakklubb', phase: 3 }).returning();
    org = o!.id;
    await db.insert(memberships).values({ organisationId: org, userId: users.leader.id, role: 'leader' });
    const [n1] = await db
      .insert(needs)
      .values({
        title: 'Vanskelig å vite fristen for momskompensasjon',
        description: 'Fristen flytter seg.',
        phase: 3,
        frequency: 'yearly',
        organisationId: org,
      })
      .returning();
    const [n2] = await db
      .insert(needs)
      .values({
        title: 'Uklart hva vi gjør med pengene ved nedleggelse',
        description: 'Ingen vet.',
        phase: 6,
        frequency: 'rarely',
        actorId: core!.id,
      })
      .returning();
    needOwn = n1!.id;
    needOther = n2!.id;
    const [bl] = await db
      .insert(buildingBlocks)
      .values({
        slug: 'kalenderstrom',
        name: 'Kalenderstrøm',
        description: 'Frister som .ics.',
        realisation: 'api',
        status: 'in_use',
        phases: [3],
      })
      .returning();
    block = bl!.id;
  });
  afterAll(() => ctx.close());

  const signedIn = async (who: string) => {
    const client = ctx.client();
    await client.signInAs(users[who]!.id);
    return client;
  };
  const offering = (over: Record<string, string | string[]> = {}) =>
    formOf({
      supplierActorId: supplierA,
      title: 'Lagshjelpen Årsmøte',
      summary: 'Innkalling, saksliste og protokoll for årsmøtet på ett sted.',
      category: 'meetings',
      phases: ['3'],
      needIds: [],
      blockIds: [block],
      priceModel: 'subscription',
      priceText: '49 kr i måneden',
      dataStorage: 'I Norge, hos en driftsleverandør.',
      dataProcessorAgreement: 'yes',
      dataExport: 'yes',
      url: 'https://lagshjelpen.example/arsmote',
      ...over,
    });
  const offeringCount = async () => (await ctx.database.db.select().from(marketplaceOfferings)).length;
  const row = async (id: string) => (await ctx.database.db.select().from(marketplaceOfferings).where(eq(marketplaceOfferings.id, id)))[0]!;

  it('anyone reads the (empty) marketplace; the form needs a signed-in user', async () => {
    const res = await ctx.client().get('/okosystem/markedsplass');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Markedsplassen');
    expect(html).toContain('0 tilbud');
    expect([303, 401]).toContain((await ctx.client().get('/okosystem/markedsplass/ny')).status);
    expect((await ctx.client().post('/okosystem/markedsplass', offering())).status).toBe(401);
  });

  it('bad input gets 422 with each field’s error and nothing is written — http, javascript: and relative addresses included', async () => {
    const client = await signedIn('a');
    const res = await client.post(
      '/okosystem/markedsplass',
      offering({ title: 'x', phases: [], category: 'spill', dataExport: '', url: 'http://lagshjelpen.example' }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Skriv et navn på 3 til 200 tegn.');
    expect(html).toContain('Velg minst én fase.');
    expect(html).toContain('Velg en kategori.');
    expect(html).toContain('Svar på om laget kan eksportere dataene sine.');
    expect(html).toContain('Skriv en nettadresse som begynner med https://');
    // The form keeps what was typed.
    expect(html).toContain('Innkalling, saksliste og protokoll for årsmøtet på ett sted.');
    for (const url of ['javascript:alert(1)', '/okosystem', 'https://', 'https://bad host.example']) {
      const r = await client.post('/okosystem/markedsplass', offering({ url }));
      expect(r.status, url).toBe(422);
    }
    const unknownNeed = await client.post('/okosystem/markedsplass', offering({ needIds: ['00000000-0000-4000-8000-000000000000'] }));
    expect(unknownNeed.status).toBe(422);
    expect(await unknownNeed.text()).toContain('Velg behov fra listen.');
    expect(await offeringCount()).toBe(0);
    expect((await ctx.database.db.select().from(marketplaceHistory)).length).toBe(0);
  });

  it('a supplier’s person saves a draft for the own supplier only; it is not public', async () => {
    const a = await signedIn('a');
    const form = await (await a.get('/okosystem/markedsplass/ny')).text();
    expect(form).toContain(`value="${supplierA}"`);
    expect(form).not.toContain(`value="${supplierB}"`);
    expect((await a.post('/okosystem/markedsplass', offering({ supplierActorId: supplierB }))).status).toBe(403);
    const res = await a.post('/okosystem/markedsplass', offering({ needIds: [needOwn] }));
    expect(res.status).toBe(303);
    offeringId = res.headers.get('location')!.split('/').pop()!;
    expect((await row(offeringId)).status).toBe('draft');
    const page = await (await a.get(`/okosystem/markedsplass/${offeringId}`)).text();
    expect(page).toContain('Tilbudet er lagret som utkast.');
    expect(page).toContain('Status: Utkast.');
    expect(page).toContain('Opprettet');
    expect((await ctx.client().get(`/okosystem/markedsplass/${offeringId}`)).status).toBe(404);
    expect(await (await ctx.client().get('/okosystem/markedsplass')).text()).not.toContain('Lagshjelpen Årsmøte');
    const audit = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'marketplace.offering.created'));
    expect(audit).toHaveLength(1);
  });

  it('another supplier’s person may not edit, submit or see the statistics of the listing (403), and nothing changes', async () => {
    const b = await signedIn('b');
    expect((await b.get(`/okosystem/markedsplass/${offeringId}/endre`)).status).toBe(403);
    expect((await b.post(`/okosystem/markedsplass/${offeringId}`, offering({ title: 'Kapret tilbud' }))).status).toBe(403);
    expect((await b.post(`/okosystem/markedsplass/${offeringId}`, offering({ supplierActorId: supplierB, title: 'Kapret' }))).status).toBe(
      403,
    );
    expect((await b.post(`/okosystem/markedsplass/${offeringId}/send-inn`)).status).toBe(403);
    expect((await b.get(`/okosystem/markedsplass/${offeringId}/statistikk`)).status).toBe(403);
    expect((await row(offeringId)).title).toBe('Lagshjelpen Årsmøte');
    expect((await row(offeringId)).status).toBe('draft');
  });

  it('only the orchestrator approves or rejects; rejecting needs a reason; a rejected listing is edited and sent again', async () => {
    const a = await signedIn('a');
    expect((await a.post(`/okosystem/markedsplass/${offeringId}/send-inn`)).status).toBe(303);
    expect((await row(offeringId)).status).toBe('pending');
    expect((await a.post(`/okosystem/markedsplass/${offeringId}/send-inn`)).status).toBe(409);
    expect((await a.post(`/okosystem/markedsplass/${offeringId}/godkjenn`)).status).toBe(403);
    expect((await (await signedIn('core')).post(`/okosystem/markedsplass/${offeringId}/godkjenn`)).status).toBe(403);
    expect((await (await signedIn('core')).post(`/okosystem/markedsplass/${offeringId}/avvis`, { reason: '' })).status).toBe(403);
    const o = await signedIn('orchestrator');
    const queue = await (await o.get('/okosystem/markedsplass/godkjenning')).text();
    expect(queue).toContain('Lagshjelpen Årsmøte');
    expect((await a.get('/okosystem/markedsplass/godkjenning')).status).toBe(403);
    const noReason = await o.post(`/okosystem/markedsplass/${offeringId}/avvis`, { reason: ' ' });
    expect(noReason.status).toBe(422);
    expect(await noReason.text()).toContain('Skriv en begrunnelse');
    expect((await row(offeringId)).status).toBe('pending');
    expect((await o.post(`/okosystem/markedsplass/${offeringId}/avvis`, { reason: 'Beskriv hvor dataene lagres.' })).status).toBe(303);
    expect((await row(offeringId)).status).toBe('rejected');
    const page = await (await a.get(`/okosystem/markedsplass/${offeringId}`)).text();
    expect(page).toContain('Begrunnelse: Beskriv hvor dataene lagres.');
    expect(
      (
        await a.post(
          `/okosystem/markedsplass/${offeringId}`,
          offering({ needIds: [needOwn], dataStorage: 'I Norge (Oslo), hos Driftsfolk AS.' }),
        )
      ).status,
    ).toBe(303);
    expect((await row(offeringId)).status).toBe('draft');
    expect((await a.post(`/okosystem/markedsplass/${offeringId}/send-inn`)).status).toBe(303);
    expect((await o.post(`/okosystem/markedsplass/${offeringId}/godkjenn`)).status).toBe(303);
    expect((await row(offeringId)).status).toBe('approved');
    expect((await o.post(`/okosystem/markedsplass/${offeringId}/godkjenn`)).status).toBe(409);
    const list = await (await ctx.client().get('/okosystem/markedsplass')).text();
    expect(list).toContain('Lagshjelpen Årsmøte');
    expect((await ctx.client().get(`/okosystem/markedsplass/${offeringId}`)).status).toBe(200);
  });

  it('editing an approved listing sends it back for approval (hidden meanwhile), with before/after in the history', async () => {
    const a = await signedIn('a');
    const res = await a.post(
      `/okosystem/markedsplass/${offeringId}`,
      offering({ needIds: [needOwn], title: 'Lagshjelpen Møte', dataStorage: 'I Norge (Oslo), hos Driftsfolk AS.' }),
    );
    expect(res.status).toBe(303);
    expect((await row(offeringId)).status).toBe('pending');
    expect((await ctx.client().get(`/okosystem/markedsplass/${offeringId}`)).status).toBe(404);
    const page = await (await a.get(`/okosystem/markedsplass/${offeringId}`)).text();
    expect(page).toContain('venter på ny godkjenning');
    expect(page).toContain('Navn: Lagshjelpen Årsmøte → Lagshjelpen Møte');
    expect(page).toContain('Status: Godkjent og publisert → Venter på godkjenning');
    await (await signedIn('orchestrator')).post(`/okosystem/markedsplass/${offeringId}/godkjenn`);
    expect((await row(offeringId)).status).toBe('approved');
  });

  it('filters by phase, need and category with a GET form; unknown filter values are ignored', async () => {
    await ctx.database.db.insert(marketplaceOfferings).values({
      supplierActorId: supplierB,
      title: 'Oppløsningshjelpen',
      summary: 'Hjelp til å fordele formuen når laget legges ned.',
      category: 'other',
      phases: [6],
      needIds: [needOther],
      priceModel: 'free',
      dataStorage: 'I Norge.',
      dataProcessorAgreement: false,
      dataExport: true,
      url: 'https://konkurrenten.example',
      status: 'approved',
    });
    const get = async (q: string) => await (await ctx.client().get(`/okosystem/markedsplass${q}`)).text();
    const all = await get('');
    expect(all).toContain('2 tilbud');
    const phase3 = await get('?fase=3');
    expect(phase3).toContain('Lagshjelpen Møte');
    expect(phase3).not.toContain('Oppløsningshjelpen');
    expect(await get(`?behov=${needOther}`)).not.toContain('Lagshjelpen Møte');
    expect(await get(`?behov=${needOwn}`)).toContain('Lagshjelpen Møte');
    const other = await get('?kategori=other');
    expect(other).toContain('Oppløsningshjelpen');
    expect(other).not.toContain('Lagshjelpen Møte');
    expect(await get('?fase=3&kategori=other')).toContain('0 tilbud');
    expect(await get('?fase=99&kategori=x&behov=nope')).toContain('2 tilbud');
  });

  it('counts views and clicks per day without user ids, redirects to the https address, and shows the figures to the supplier’s people only', async () => {
    await ctx.client().get(`/okosystem/markedsplass/${offeringId}`);
    await (await signedIn('b')).get(`/okosystem/markedsplass/${offeringId}`);
    await (await signedIn('a')).get(`/okosystem/markedsplass/${offeringId}`); // the supplier's own visit is not interest
    const go = await ctx.client().get(`/okosystem/markedsplass/${offeringId}/ga-til`);
    expect(go.status).toBe(302);
    expect(go.headers.get('location')).toBe('https://lagshjelpen.example/arsmote');
    const stats = await ctx.database.db.select().from(marketplaceOfferingStats).where(eq(marketplaceOfferingStats.offeringId, offeringId));
    expect(stats).toHaveLength(1);
    // Three public views in all: one after the approval above, then these two; the supplier's own is not counted.
    expect(stats[0]).toMatchObject({ views: 3, clicks: 1 });
    expect(Object.keys(stats[0]!).sort()).toEqual(['clicks', 'day', 'offeringId', 'suggestions', 'views']);
    const page = await (await signedIn('a')).get(`/okosystem/markedsplass/${offeringId}/statistikk`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`<td>${stats[0]!.day.slice(0, 7)}</td><td>3</td><td>1</td><td>0</td>`);
    expect((await (await signedIn('b')).get(`/okosystem/markedsplass/${offeringId}/statistikk`)).status).toBe(403);
    expect((await (await signedIn('leader')).get(`/okosystem/markedsplass/${offeringId}/statistikk`)).status).toBe(403);
    expect((await ctx.client().get(`/okosystem/markedsplass/${offeringId}/statistikk`)).status).toBe(303);
  });

  it('the redirect works only for approved listings, and the database itself refuses a non-https address', async () => {
    const a = await signedIn('a');
    const draft = await a.post('/okosystem/markedsplass', offering({ title: 'Uferdig tilbud' }));
    const draftId = draft.headers.get('location')!.split('/').pop()!;
    expect((await ctx.client().get(`/okosystem/markedsplass/${draftId}/ga-til`)).status).toBe(404);
    expect((await ctx.client().get('/okosystem/markedsplass/not-an-id/ga-til')).status).toBe(404);
    await expect(
      ctx.database.db.update(marketplaceOfferings).set({ url: 'http://x.example' }).where(eq(marketplaceOfferings.id, draftId)),
    ).rejects.toThrow();
  });

  it('suggests approved offerings from the workspace’s plan (open tasks in phase 3, the organisation’s own needs) and says why', async () => {
    const leader = await signedIn('leader');
    const res = await leader.get(`/arbeidsrom/${org}/markedsplass`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Lagshjelpen Møte');
    expect(html).toContain('Hjelper med oppgaven «');
    expect(html).toContain('Løser behovet «Vanskelig å vite fristen for momskompensasjon», som dere har meldt');
    expect(html).toContain('Brukes i Fase 3: Drive, der dere har');
    // Phase 6 does not apply to a club that is not winding down, and the need is not theirs.
    expect(html).not.toContain('Oppløsningshjelpen');
    await leader.get(`/arbeidsrom/${org}/markedsplass`);
    const seen = await ctx.database.db
      .select()
      .from(marketplaceSuggestionsSeen)
      .where(eq(marketplaceSuggestionsSeen.offeringId, offeringId));
    expect(seen).toHaveLength(1);
    const stats = await (await (await signedIn('a')).get(`/okosystem/markedsplass/${offeringId}/statistikk`)).text();
    expect(stats).toContain('Foreslått for 1 organisasjoner');
    expect((await (await signedIn('outsider')).get(`/arbeidsrom/${org}/markedsplass`)).status).toBe(403);
  });
});

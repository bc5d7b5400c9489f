import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import {
  auditEvents,
  buildingBlocks,
  ecosystemActorPeople,
  ecosystemActors,
  marketplaceChallenges,
  marketplaceProposals,
  needs,
  portfolioInitiatives,
} from '../../core/db/schema.ts';
import { formOf } from './marketplace.test-helpers.ts';

/** Challenges and proposals on both engines: the core group publishes, actors answer, the portfolio takes proposals in. */
describe(`marketplace challenges /okosystem/utfordringer (${engineUnderTest})`, () => {
  let ctx: TestContext;
  const users: Record<string, { id: string }> = {};
  let supplierA = '';
  let need = '';
  let block = '';
  let challengeId = '';
  let proposalId = '';

  beforeAll(async () => {
    ctx = await createTestContext();
    ctx.setNow(new Date('2026-05-01T10:00:00Z'));
    const db = ctx.database.db;
    users.core = await ctx.createUser({ name: 'Kjerne Person' });
    users.a = await ctx.createUser({ name: 'Aud Leverandør' });
    users.b = await ctx.createUser({ name: 'Bjørn Konkurrent' });
    users.plain = await ctx.createUser({ name: 'Uten Aktør' });
    const [a] = await db
      .insert(ecosystemActors)
      .values({ name: 'Lagshjelpen AS', kind: 'supplier', ecosystemRole: 'participant', supplierSector: 'private' })
      .returning();
    const [b] = await db
      .insert(ecosystemActors)
      .values({ name: 'Oslo kommune', kind: 'municipality', ecosystemRole: 'participant' })
      .returning();
    const [core] = await db
      .insert(ecosystemActors)
      .values({ name: 'Frivillighet Norge', kind: 'umbrella_body', ecosystemRole: 'core_group' })
      .returning();
    supplierA = a!.id;
    await db.insert(ecosystemActorPeople).values([
      { actorId: supplierA, userId: users.a.id },
      { actorId: b!.id, userId: users.b.id },
      { actorId: core!.id, userId: users.core.id },
    ]);
    const [n] = await db
      .insert(needs)
      .values({
        title: 'Kommunen ber om rapport vi allerede har gitt staten',
        description: 'Dobbeltrapportering.',
        phase: 3,
        frequency: 'yearly',
        actorId: b!.id,
      })
      .returning();
    need = n!.id;
    const [bl] = await db
      .insert(buildingBlocks)
      .values({ slug: 'organisasjonsoppslag', name: 'Organisasjonsoppslag', description: 'Oppslag.', realisation: 'api', status: 'in_use' })
      .returning();
    block = bl!.id;
  });
  afterAll(() => ctx.close());

  const signedIn = async (who: string) => {
    const client = ctx.client();
    await client.signInAs(users[who]!.id);
    return client;
  };
  const challenge = (over: Record<string, string | string[]> = {}) =>
    formOf({
      title: 'Tilskuddsrapport som hentes, ikke skrives',
      needIds: [need],
      requirements: 'Laget rapporterer med tall som allerede finnes, og kommunen henter rapporten.',
      deadline: '2026-06-30',
      status: 'open',
      ...over,
    });
  const proposal = (over: Record<string, string | string[]> = {}) =>
    formOf({
      actorId: supplierA,
      summary: 'Rapporten lages fra regnskapet laget allerede fører.',
      approach: 'Vi henter opplysningene fra registrene og lar styret godkjenne.',
      blockIds: [block],
      priceIndication: 'Gratis for våre kunder',
      ...over,
    });

  it('only the core group publishes a challenge; bad input gets 422 with field errors and no write', async () => {
    expect((await (await signedIn('a')).post('/okosystem/utfordringer', challenge())).status).toBe(403);
    expect((await (await signedIn('a')).get('/okosystem/utfordringer/ny')).status).toBe(403);
    expect((await ctx.client().post('/okosystem/utfordringer', challenge())).status).toBe(401);
    const core = await signedIn('core');
    const bad = await core.post('/okosystem/utfordringer', challenge({ needIds: [], deadline: '2026-02-30', requirements: 'kort' }));
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Velg minst ett behov fra behovsregisteret.');
    expect(html).toContain('Skriv en gyldig dato for fristen.');
    expect(html).toContain('Skriv hva et godt svar må gjøre');
    expect((await ctx.database.db.select().from(marketplaceChallenges)).length).toBe(0);
    const res = await core.post('/okosystem/utfordringer', challenge());
    expect(res.status).toBe(303);
    challengeId = res.headers.get('location')!.split('/').pop()!;
    const list = await (await ctx.client().get('/okosystem/utfordringer')).text();
    expect(list).toContain('Tilskuddsrapport som hentes, ikke skrives');
    expect(list).toContain('Åpen for forslag');
    const page = await (await ctx.client().get(`/okosystem/utfordringer/${challengeId}`)).text();
    expect(page).toContain('Kommunen ber om rapport vi allerede har gitt staten');
    expect(page).toContain('Logg inn for å sende inn et forslag.');
  });

  it('an actor’s person answers for the own actor only; bad input is 422 with nothing written', async () => {
    const plain = await signedIn('plain');
    expect(await (await plain.get(`/okosystem/utfordringer/${challengeId}`)).text()).toContain('Du må høre til en aktør');
    expect((await plain.post(`/okosystem/utfordringer/${challengeId}/forslag`, proposal())).status).toBe(403);
    const b = await signedIn('b');
    expect((await b.post(`/okosystem/utfordringer/${challengeId}/forslag`, proposal())).status).toBe(403);
    const a = await signedIn('a');
    const bad = await a.post(`/okosystem/utfordringer/${challengeId}/forslag`, proposal({ summary: '', blockIds: ['nope'] }));
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Skriv en oppsummering på 10 til 2000 tegn.');
    expect(html).toContain('Velg byggeklosser fra listen.');
    expect((await ctx.database.db.select().from(marketplaceProposals)).length).toBe(0);
    const res = await a.post(`/okosystem/utfordringer/${challengeId}/forslag`, proposal());
    expect(res.status).toBe(303);
    proposalId = res.headers.get('location')!.split('/').pop()!;
    const page = await (await ctx.client().get(`/okosystem/utfordringer/forslag/${proposalId}`)).text();
    expect(page).toContain('Forslag fra Lagshjelpen AS');
    expect(page).toContain('Organisasjonsoppslag');
    const audit = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'marketplace.proposal.created'));
    expect(audit).toHaveLength(1);
  });

  it('only the proposing actor’s people edit the proposal; the history shows before and after', async () => {
    const b = await signedIn('b');
    expect((await b.get(`/okosystem/utfordringer/forslag/${proposalId}/endre`)).status).toBe(403);
    expect(
      (await b.post(`/okosystem/utfordringer/forslag/${proposalId}`, proposal({ summary: 'Overtatt av en annen aktør.' }))).status,
    ).toBe(403);
    const a = await signedIn('a');
    const bad = await a.post(`/okosystem/utfordringer/forslag/${proposalId}`, proposal({ approach: 'x' }));
    expect(bad.status).toBe(422);
    const res = await a.post(
      `/okosystem/utfordringer/forslag/${proposalId}`,
      proposal({ priceIndication: '20 000 kr i oppsett per kommune' }),
    );
    expect(res.status).toBe(303);
    const page = await (await ctx.client().get(`/okosystem/utfordringer/forslag/${proposalId}`)).text();
    expect(page).toContain('Prisantydning: Gratis for våre kunder → 20 000 kr i oppsett per kommune');
  });

  it('the core group accepts a proposal into the innovation portfolio once; the proposal links to the initiative', async () => {
    expect((await (await signedIn('a')).post(`/okosystem/utfordringer/forslag/${proposalId}/til-portefoljen`)).status).toBe(403);
    const core = await signedIn('core');
    const res = await core.post(`/okosystem/utfordringer/forslag/${proposalId}/til-portefoljen`);
    expect(res.status).toBe(303);
    const [initiative] = await ctx.database.db.select().from(portfolioInitiatives).where(eq(portfolioInitiatives.originRef, proposalId));
    expect(initiative).toMatchObject({ origin: 'marketplace-proposal', stage: 'idea', kind: 'solution', ownerActorId: supplierA });
    expect(initiative!.phases).toEqual([3]);
    const page = await (await ctx.client().get(`/okosystem/utfordringer/forslag/${proposalId}`)).text();
    expect(page).toContain(`href="/okosystem/portefolje/${initiative!.id}"`);
    expect(page).toContain('Tatt inn i innovasjonsporteføljen');
    expect((await core.post(`/okosystem/utfordringer/forslag/${proposalId}/til-portefoljen`)).status).toBe(409);
    expect((await ctx.database.db.select().from(portfolioInitiatives)).length).toBe(1);
    // An accepted proposal is no longer edited.
    expect(
      (await (await signedIn('a')).post(`/okosystem/utfordringer/forslag/${proposalId}`, proposal({ summary: 'Endret etter aksept.' })))
        .status,
    ).toBe(409);
  });

  it('a closed challenge or one past its deadline takes no proposals (409); the core group edits it with history', async () => {
    const core = await signedIn('core');
    expect((await core.post(`/okosystem/utfordringer/${challengeId}`, challenge({ status: 'closed' }))).status).toBe(303);
    const page = await (await ctx.client().get(`/okosystem/utfordringer/${challengeId}`)).text();
    expect(page).toContain('Status: Åpen → Lukket');
    const a = await signedIn('a');
    expect((await a.post(`/okosystem/utfordringer/${challengeId}/forslag`, proposal())).status).toBe(409);
    await core.post(`/okosystem/utfordringer/${challengeId}`, challenge({ status: 'open' }));
    ctx.setNow(new Date('2026-07-01T10:00:00Z'));
    // A new sign-in at the new time (the earlier session would have run out two months later).
    expect((await (await signedIn('a')).post(`/okosystem/utfordringer/${challengeId}/forslag`, proposal())).status).toBe(409);
    expect(await (await ctx.client().get('/okosystem/utfordringer')).text()).toContain('Fristen er ute');
    expect((await (await signedIn('b')).post(`/okosystem/utfordringer/${challengeId}`, challenge({ status: 'closed' }))).status).toBe(403);
  });
});

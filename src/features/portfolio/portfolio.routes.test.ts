import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import {
  auditEvents,
  ecosystemActorPeople,
  ecosystemActors,
  memberships,
  needs,
  organisations,
  portfolioComments,
  portfolioHistory,
  portfolioInitiativeNeeds,
  portfolioInitiatives,
  portfolioSupports,
} from '../../core/db/schema.ts';
import { AppError } from '../../core/errors.ts';
import { createInitiative } from './create-initiative.ts';

/** The innovation portfolio on both engines: public reads, co-creation, the core group's edits, each boundary. */
describe(`innovation portfolio /okosystem/portefolje (${engineUnderTest})`, () => {
  let ctx: TestContext;
  let orgA: string;
  let coreActor: string;
  let supplierActor: string;
  let needId: string;
  const users: Record<string, { id: string; name: string; email: string }> = {};

  beforeAll(async () => {
    ctx = await createTestContext();
    const db = ctx.database.db;
    users.leaderA = await ctx.createUser({ name: 'Kari Leder' });
    users.memberA = await ctx.createUser({ name: 'Per Medlem' });
    users.core = await ctx.createUser({ name: 'Kjerne Person' });
    users.supplier = await ctx.createUser({ name: 'Lise Leverandør' });
    users.stranger = await ctx.createUser({ name: 'Utenfor' });
    const [a] = await db.insert(organisations).values({ name: 'Bygdelaget Framtid' }).returning();
    orgA = a!.id;
    await db.insert(memberships).values([
      { organisationId: orgA, userId: users.leaderA.id, role: 'leader' },
      { organisationId: orgA, userId: users.memberA.id, role: 'member' },
    ]);
    const [core] = await db
      .insert(ecosystemActors)
      .values({ name: 'Frivillighet Norge', kind: 'umbrella_body', ecosystemRole: 'core_group' })
      .returning();
    const [supplier] = await db
      .insert(ecosystemActors)
      .values({ name: 'Medlemsdata AS', kind: 'supplier', ecosystemRole: 'participant', supplierSector: 'private' })
      .returning();
    coreActor = core!.id;
    supplierActor = supplier!.id;
    await db.insert(ecosystemActorPeople).values([
      { actorId: coreActor, userId: users.core.id, title: 'Rådgiver' },
      { actorId: supplierActor, userId: users.supplier.id, title: 'Daglig leder' },
    ]);
    const [need] = await db
      .insert(needs)
      .values({
        title: 'Samme opplysninger til tre instanser',
        description: 'Vi sender det samme hvert år.',
        phase: 3,
        frequency: 'yearly',
        organisationId: orgA,
      })
      .returning();
    needId = need!.id;
  });
  afterAll(() => ctx.close());

  const signedIn = async (who: string) => {
    const client = ctx.client();
    await client.signInAs(users[who]!.id);
    return client;
  };
  /** Posts repeated fields (checkbox groups) with the CSRF token, as a browser does. */
  const proposal = (title: string): [string, string][] => [
    ['kind', 'idea'],
    ['title', title],
    ['description', 'Organisasjonene sender opplysningene én gang, og kommunen henter dem.'],
    ['phases', '3'],
    ['phases', '5'],
    ['gains', 'less-admin-organisations'],
    ['gains', 'register-data-reuse'],
    ['needIds', needId],
  ];
  const count = async (
    table: typeof portfolioInitiatives | typeof portfolioHistory | typeof portfolioComments | typeof portfolioSupports,
  ) => (await ctx.database.db.select().from(table)).length;

  let initiativeId = '';

  it('anyone reads the portfolio: the matrix, the formula, and an invitation to sign in', async () => {
    const res = await ctx.client().get('/okosystem/portefolje');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('>Initiativ etter fase og steg');
    expect(html).toContain('Prioritet = 3 × antall organisasjoner og aktører som har de tilknyttede behovene + 2 × antall støtter');
    expect(html).toContain('Logg inn for å foreslå');
  });

  it('refuses strangers and plain members: the form and the post answer 403, nothing is written', async () => {
    for (const who of ['stranger', 'memberA']) {
      const client = await signedIn(who);
      expect((await client.get('/okosystem/portefolje/ny')).status).toBe(403);
      expect((await client.post('/okosystem/portefolje', proposal('Ikke lov'))).status).toBe(403);
    }
    expect((await ctx.client().post('/okosystem/portefolje', { title: 'x' })).status).toBe(401);
    expect(await count(portfolioInitiatives)).toBe(0);
  });

  it('bad input is refused with field errors (422), keeps the input and writes nothing', async () => {
    const client = await signedIn('leaderA');
    const res = await client.post('/okosystem/portefolje', [
      ['kind', 'dream'],
      ['title', 'Ny idé som er god'],
      ['description', ''],
      ['gains', 'world-peace'],
    ]);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Velg om initiativet er et behov, en idé eller en løsning.');
    expect(html).toContain('Beskriv initiativet');
    expect(html).toContain('Velg minst én fase.');
    expect(html).toContain('Velg bare blant de fire gevinstene.');
    expect(html).toContain('value="Ny idé som er god"');
    const unknownNeed = await client.post('/okosystem/portefolje', [
      ...proposal('Med ukjent behov'),
      ['needIds', '00000000-0000-4000-8000-000000000000'],
    ]);
    expect(unknownNeed.status).toBe(422);
    expect(await unknownNeed.text()).toContain('Velg bare behov fra behovsregisteret.');
    const otherOwner = await client.post('/okosystem/portefolje', [...proposal('Med fremmed eier'), ['ownerActorId', coreActor]]);
    expect(otherOwner.status).toBe(422);
    expect(await count(portfolioInitiatives)).toBe(0);
    expect(await count(portfolioHistory)).toBe(0);
  });

  it('an organisation leader proposes: stage idé, flagged as proposed by them, history and audit', async () => {
    const client = await signedIn('leaderA');
    const res = await client.post('/okosystem/portefolje', proposal('Opplysninger én gang til kommunen'));
    expect(res.status).toBe(303);
    initiativeId = res.headers.get('location')!.split('/').pop()!;
    const [row] = await ctx.database.db.select().from(portfolioInitiatives).where(eq(portfolioInitiatives.id, initiativeId));
    expect(row).toMatchObject({ stage: 'idea', origin: 'proposal', proposedByName: 'Kari Leder', phases: [3, 5] });
    expect(await ctx.database.db.select().from(portfolioInitiativeNeeds)).toEqual([{ initiativeId, needId }]);
    const page = await (await client.get(`/okosystem/portefolje/${initiativeId}`)).text();
    expect(page).toContain('Foreslått av Kari Leder');
    expect(page).toContain('Samme opplysninger til tre instanser');
    // Priority: 3 × 1 holder of the need + 2 × 0 supports + 2 × 2 gains + 1 × 2 phases = 9.
    expect(page).toMatch(/<dt>Prioritet<\/dt><dd>9<\/dd>/);
    const audit = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'portfolio.initiative_created'));
    expect(audit).toHaveLength(1);
  });

  it('co-creators support once per person (a second click withdraws) and comment; members of no board cannot', async () => {
    const leader = await signedIn('leaderA');
    expect((await leader.post(`/okosystem/portefolje/${initiativeId}/stotte`)).status).toBe(303);
    const supplier = await signedIn('supplier');
    expect((await supplier.post(`/okosystem/portefolje/${initiativeId}/stotte`)).status).toBe(303);
    expect(await count(portfolioSupports)).toBe(2);
    expect((await supplier.post(`/okosystem/portefolje/${initiativeId}/stotte`)).status).toBe(303);
    expect(await count(portfolioSupports)).toBe(1);
    expect(
      (await supplier.post(`/okosystem/portefolje/${initiativeId}/kommentar`, { body: 'Vi kan levere et API for dette.' })).status,
    ).toBe(303);
    const empty = await supplier.post(`/okosystem/portefolje/${initiativeId}/kommentar`, { body: '  ' });
    expect(empty.status).toBe(422);
    const member = await signedIn('memberA');
    expect((await member.post(`/okosystem/portefolje/${initiativeId}/stotte`)).status).toBe(403);
    expect((await member.post(`/okosystem/portefolje/${initiativeId}/kommentar`, { body: 'Hei' })).status).toBe(403);
    expect(await count(portfolioComments)).toBe(1);
    const page = await (await ctx.client().get(`/okosystem/portefolje/${initiativeId}`)).text();
    expect(page).toContain('Lise Leverandør</strong> (Medlemsdata AS)');
    expect(page).toContain('Vi kan levere et API for dette.');
  });

  it('only the core group edits and moves; stopping needs a reason; history shows before → after', async () => {
    for (const who of ['leaderA', 'supplier', 'stranger']) {
      const client = await signedIn(who);
      expect((await client.post(`/okosystem/portefolje/${initiativeId}/fase`, { stage: 'exploration' })).status).toBe(403);
      expect((await client.get(`/okosystem/portefolje/${initiativeId}/endre`)).status).toBe(403);
      expect((await client.post(`/okosystem/portefolje/${initiativeId}`, proposal('Kapret'))).status).toBe(403);
    }
    const core = await signedIn('core');
    const noReason = await core.post(`/okosystem/portefolje/${initiativeId}/fase`, { stage: 'stopped', reason: '' });
    expect(noReason.status).toBe(422);
    expect(await noReason.text()).toContain('Skriv en begrunnelse når initiativet stoppes');
    const [still] = await ctx.database.db.select().from(portfolioInitiatives).where(eq(portfolioInitiatives.id, initiativeId));
    expect(still!.stage).toBe('idea');
    expect((await core.post(`/okosystem/portefolje/${initiativeId}/fase`, { stage: 'exploration' })).status).toBe(303);
    const edit = await core.post(`/okosystem/portefolje/${initiativeId}`, [
      ...proposal('Opplysninger én gang til alle'),
      ['ownerActorId', coreActor],
      ['participantActorIds', supplierActor],
    ]);
    expect(edit.status).toBe(303);
    expect(
      (await core.post(`/okosystem/portefolje/${initiativeId}/fase`, { stage: 'stopped', reason: 'Dekket av et annet initiativ' })).status,
    ).toBe(303);
    const page = await (await ctx.client().get(`/okosystem/portefolje/${initiativeId}`)).text();
    expect(page).toContain('Steg: Idé → Utforsking');
    expect(page).toContain('Tittel: Opplysninger én gang til kommunen → Opplysninger én gang til alle');
    expect(page).toContain('Eier: – → Frivillighet Norge');
    expect(page).toContain('Deltakende aktører: – → Medlemsdata AS');
    expect((await ctx.client().get('/okosystem/portefolje/ikke-en-id')).status).toBe(404);
    expect(page).toContain('Steg: Utforsking → Stoppet');
    expect(page).toContain('Dekket av et annet initiativ');
    const list = await (await ctx.client().get(`/okosystem/portefolje?steg=stopped&eier=${coreActor}`)).text();
    expect(list).toContain('Opplysninger én gang til alle');
    expect(list).toContain('href="/okosystem/portefolje?fase=3&amp;steg=stopped#liste"');
    const other = await (await ctx.client().get('/okosystem/portefolje?steg=scaling')).text();
    expect(other).toContain('Ingen initiativ passer med filteret.');
  });

  it('createInitiative: marketplace hand-overs name their proposal; the core-group origin needs the core group', async () => {
    const input = {
      kind: 'solution' as const,
      title: 'Medlemsregister med Brønnøysund-oppslag',
      description: 'Et forslag fra markedsplassen.',
      phases: [2],
      gains: [],
      needIds: [needId],
      ownerActorId: supplierActor,
      participantActorIds: [],
    };
    const supplier: CurrentUser = { ...users.supplier!, platformRoles: [], sessionIdHash: 'test' };
    await expect(createInitiative(ctx.deps, { user: supplier, input, origin: { kind: 'marketplace-proposal' } })).rejects.toMatchObject({
      code: 'validation',
    });
    await expect(createInitiative(ctx.deps, { user: supplier, input, origin: { kind: 'core-group' } })).rejects.toBeInstanceOf(AppError);
    const id = await createInitiative(ctx.deps, { user: supplier, input, origin: { kind: 'marketplace-proposal', ref: 'proposal-42' } });
    const [row] = await ctx.database.db.select().from(portfolioInitiatives).where(eq(portfolioInitiatives.id, id));
    expect(row).toMatchObject({ stage: 'idea', origin: 'marketplace-proposal', originRef: 'proposal-42', ownerActorId: supplierActor });
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import {
  auditEvents,
  buildingBlocks,
  ecosystemActorPeople,
  ecosystemActors,
  needs,
  organisations,
  roadmapItemHistory,
  roadmapItems,
} from '../../core/db/schema.ts';

/** The roadmap of simplifications on both engines: public reads, the core group's writes, history, stale edits. */
describe(`roadmap /okosystem/veikart (${engineUnderTest})`, () => {
  let ctx: TestContext;
  let ownerActor: string;
  let otherActor: string;
  let needId: string;
  let blockId: string;
  const users: Record<string, { id: string }> = {};

  beforeAll(async () => {
    ctx = await createTestContext();
    const db = ctx.database.db;
    users.orchestrator = await ctx.createUser({ name: 'Olga Orkestrator', platformRoles: ['orchestrator'] });
    users.core = await ctx.createUser({ name: 'Kjerne Person' });
    users.participant = await ctx.createUser({ name: 'Deltaker Person' });
    users.stranger = await ctx.createUser({ name: 'Ukjent' });
    const [core] = await db
      .insert(ecosystemActors)
      .values({ name: 'Lotteri- og stiftelsestilsynet', kind: 'state_agency', ecosystemRole: 'core_group' })
      .returning();
    const [participant] = await db
      .insert(ecosystemActors)
      .values({ name: 'Bergen kommune', kind: 'municipality', ecosystemRole: 'participant' })
      .returning();
    ownerActor = core!.id;
    otherActor = participant!.id;
    await db.insert(ecosystemActorPeople).values([
      { actorId: ownerActor, userId: users.core.id, title: 'Seniorrådgiver' },
      { actorId: otherActor, userId: users.participant.id, title: 'Frivillighetskoordinator' },
    ]);
    const [org] = await db.insert(organisations).values({ name: 'Bygdelaget Framtid' }).returning();
    const [need] = await db
      .insert(needs)
      .values({
        title: 'Samme opplysninger til kommunen og Lotteritilsynet',
        description: 'x',
        phase: 3,
        frequency: 'yearly',
        organisationId: org!.id,
      })
      .returning();
    needId = need!.id;
    const [block] = await db
      .insert(buildingBlocks)
      .values({ slug: 'engangsprofil', name: 'Én gang-profil', description: 'x', realisation: 'api', status: 'in_development' })
      .returning();
    blockId = block!.id;
  });
  afterAll(() => ctx.close());

  const signedIn = async (who: string) => {
    const client = ctx.client();
    await client.signInAs(users[who]!.id);
    return client;
  };
  const form = (over: Record<string, string> = {}) => ({
    title: 'Momskompensasjon forhåndsutfylt fra registrene',
    description: 'Søknaden om momskompensasjon fylles ut med opplysninger fra Frivillighetsregisteret og Enhetsregisteret.',
    phases: '3',
    gains: 'register-data-reuse',
    ownerActorId: ownerActor,
    target: '2027-q2',
    status: 'planned',
    statusReason: '',
    needIds: needId,
    blockIds: blockId,
    ...over,
  });
  const count = async () => (await ctx.database.db.select().from(roadmapItems)).length;
  let itemId = '';

  it('anyone reads the (empty) roadmap; strangers and participants cannot write (401/403, nothing written)', async () => {
    const res = await ctx.client().get('/okosystem/veikart');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Veikart for forenklinger');
    expect(html).not.toContain('Legg til et punkt');
    expect((await ctx.client().post('/okosystem/veikart/ny', form())).status).toBe(401);
    expect((await (await signedIn('stranger')).post('/okosystem/veikart/ny', form())).status).toBe(403);
    expect((await (await signedIn('participant')).post('/okosystem/veikart/ny', form())).status).toBe(403);
    expect((await (await signedIn('participant')).get('/okosystem/veikart/ny')).status).toBe(403);
    expect(await count()).toBe(0);
  });

  it('bad input gives 422 with each field’s error and writes nothing', async () => {
    const core = await signedIn('core');
    const res = await core.post(
      '/okosystem/veikart/ny',
      form({
        title: 'x',
        phases: '9',
        gains: 'nonsense',
        target: '2027-13-40',
        status: 'stopped',
        statusReason: ' ',
        ownerActorId: 'nope',
      }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    for (const text of [
      'Skriv en tittel på 3 til 200 tegn.',
      'Velg faser fra listen.',
      'Velg gevinster fra listen.',
      'Velg en eier fra aktørregisteret.',
      'Skriv måldatoen som et kvartal',
      'Skriv hvorfor punktet er utsatt eller stoppet.',
    ]) {
      expect(html).toContain(text);
    }
    // What was typed is kept.
    expect(html).toContain('value="2027-13-40"');
    const unknownOwner = await core.post('/okosystem/veikart/ny', form({ ownerActorId: '00000000-0000-4000-8000-000000000000' }));
    expect(unknownOwner.status).toBe(422);
    expect(await unknownOwner.text()).toContain('Velg en eier fra aktørregisteret.');
    expect(await count()).toBe(0);
    expect(await ctx.database.db.select().from(roadmapItemHistory)).toHaveLength(0);
  });

  it('a core-group person adds an item (303, history row, audit); everyone reads it with its links', async () => {
    const core = await signedIn('core');
    const res = await core.post('/okosystem/veikart/ny', form());
    expect(res.status).toBe(303);
    itemId = res.headers.get('location')!.split('/').pop()!;
    const [row] = await ctx.database.db.select().from(roadmapItems).where(eq(roadmapItems.id, itemId));
    expect(row).toMatchObject({ target: '2027-Q2', phases: [3], gains: ['register-data-reuse'], status: 'planned', version: 1 });
    const history = await ctx.database.db.select().from(roadmapItemHistory).where(eq(roadmapItemHistory.itemId, itemId));
    expect(history).toHaveLength(1);
    expect(history[0]!.action).toBe('created');
    expect(history[0]!.actorName).toBe('Kjerne Person');
    expect(await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'roadmap.item.created'))).toHaveLength(1);
    const page = await (await ctx.client().get(`/okosystem/veikart/${itemId}`)).text();
    expect(page).toContain('Momskompensasjon forhåndsutfylt fra registrene');
    expect(page).toContain('2. kvartal 2027');
    expect(page).toContain('Fase 3: Drive');
    expect(page).toContain('Offentlige aktører får data fra etablerte registre');
    expect(page).toContain(`/okosystem/behov/${needId}`);
    expect(page).toContain('/okosystem/byggeklosser/engangsprofil');
    expect(page).not.toContain('Endre punktet');
  });

  it('the list groups by status and filters by phase, gain, owner and status (GET form)', async () => {
    const orch = await signedIn('orchestrator');
    const res = await orch.post(
      '/okosystem/veikart/ny',
      form({
        title: 'Digital signering av stiftelsesdokument',
        phases: '2',
        gains: 'less-admin-organisations',
        ownerActorId: otherActor,
        target: '2027-03-31',
        status: 'in_progress',
        needIds: '',
        blockIds: '',
      }),
    );
    expect(res.status).toBe(303);
    const all = await (await ctx.client().get('/okosystem/veikart')).text();
    expect(all).toContain('Planlagt (1)');
    expect(all).toContain('Pågår (1)');
    const byPhase = await (await ctx.client().get('/okosystem/veikart?fase=2')).text();
    expect(byPhase).toContain('Digital signering');
    expect(byPhase).not.toContain('Momskompensasjon forhåndsutfylt');
    const byGain = await (await ctx.client().get('/okosystem/veikart?gevinst=register-data-reuse')).text();
    expect(byGain).toContain('Momskompensasjon forhåndsutfylt');
    expect(byGain).not.toContain('Digital signering');
    const byOwner = await (await ctx.client().get(`/okosystem/veikart?eier=${otherActor}`)).text();
    expect(byOwner).toContain('Digital signering');
    expect(byOwner).not.toContain('Momskompensasjon forhåndsutfylt');
    const byStatus = await (await ctx.client().get('/okosystem/veikart?status=delivered')).text();
    expect(byStatus).toContain('Ingen punkter i veikartet passer med filteret.');
    expect((await ctx.client().get('/okosystem/veikart?fase=x&gevinst=y&eier=z&status=q')).status).toBe(200);
  });

  it('an edit keeps each field’s before and after in the history; stopping needs a reason', async () => {
    const core = await signedIn('core');
    const page = await (await core.get(`/okosystem/veikart/${itemId}/endre`)).text();
    expect(page).toContain('name="version" value="1"');
    const noReason = await core.post(`/okosystem/veikart/${itemId}/endre`, form({ version: '1', status: 'postponed' }));
    expect(noReason.status).toBe(422);
    expect(await noReason.text()).toContain('Skriv hvorfor punktet er utsatt eller stoppet.');
    const res = await core.post(
      `/okosystem/veikart/${itemId}/endre`,
      form({ version: '1', status: 'postponed', statusReason: 'Venter på ny forskrift om momskompensasjon.', target: '2027-Q4' }),
    );
    expect(res.status).toBe(303);
    const history = await ctx.database.db.select().from(roadmapItemHistory).where(eq(roadmapItemHistory.itemId, itemId));
    const updated = history.find((h) => h.action === 'updated')!;
    expect(updated.changes).toEqual({
      target: ['2027-Q2', '2027-Q4'],
      status: ['planned', 'postponed'],
      statusReason: ['', 'Venter på ny forskrift om momskompensasjon.'],
    });
    const shown = await (await ctx.client().get(`/okosystem/veikart/${itemId}`, { 'accept-language': 'nn' })).text();
    expect(shown).toContain('Utsett');
    expect(shown).toContain('Venter på ny forskrift');
    expect(shown).toContain('Endra');
    expect(shown).toMatch(/<del>2\. kvartal 2027<\/del>/);
    expect(shown).toMatch(/<ins>4\. kvartal 2027<\/ins>/);
    expect(await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'roadmap.item.updated'))).toHaveLength(1);
  });

  it('a stale edit (made from an older version) is refused with a clear message and writes nothing', async () => {
    const orch = await signedIn('orchestrator');
    const before = await ctx.database.db.select().from(roadmapItemHistory).where(eq(roadmapItemHistory.itemId, itemId));
    const res = await orch.post(
      `/okosystem/veikart/${itemId}/endre`,
      form({ version: '1', title: 'Overskriver noens endring', status: 'planned' }),
    );
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('Noen andre har lagret dette punktet etter at du åpnet skjemaet.');
    expect(html).toContain('Overskriver noens endring');
    const [row] = await ctx.database.db.select().from(roadmapItems).where(eq(roadmapItems.id, itemId));
    expect(row!.title).toBe('Momskompensasjon forhåndsutfylt fra registrene');
    expect(row!.version).toBe(2);
    const after = await ctx.database.db.select().from(roadmapItemHistory).where(eq(roadmapItemHistory.itemId, itemId));
    expect(after).toHaveLength(before.length);
  });

  it('the API gives the same items, filters and history as open data; bad filters are 400, unknown items 404', async () => {
    const list = await ctx.client().get('/api/v1/veikart?gevinst=register-data-reuse');
    expect(list.status).toBe(200);
    const body = (await list.json()) as { items: { id: string; title: string; targetQuarter: string; owner: { name: string } }[] };
    expect(body.items.map((i) => i.title)).toEqual(['Momskompensasjon forhåndsutfylt fra registrene']);
    expect(body.items[0]).toMatchObject({ targetQuarter: '2027-Q4', owner: { name: 'Lotteri- og stiftelsestilsynet' } });
    const one = await ctx.client().get(`/api/v1/veikart/${itemId}`);
    const item = (await one.json()) as { item: { status: string }; history: { action: string; changes: Record<string, unknown[]> }[] };
    expect(item.item.status).toBe('postponed');
    expect(item.history.map((h) => h.action).sort()).toEqual(['created', 'updated']);
    expect((await ctx.client().get('/api/v1/veikart?status=nonsense')).status).toBe(400);
    expect((await ctx.client().get('/api/v1/veikart/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('strangers cannot edit; unknown items are 404', async () => {
    expect((await (await signedIn('stranger')).post(`/okosystem/veikart/${itemId}/endre`, form({ version: '2' }))).status).toBe(403);
    expect((await ctx.client().get('/okosystem/veikart/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await ctx.client().get('/okosystem/veikart/nope')).status).toBe(404);
  });
});

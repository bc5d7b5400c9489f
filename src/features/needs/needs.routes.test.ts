import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import {
  auditEvents,
  ecosystemActorPeople,
  ecosystemActors,
  memberships,
  needHistory,
  needs,
  organisations,
} from '../../core/db/schema.ts';

/** The needs register on both engines: public reads, recording, "we have this too", grouping and each boundary. */
describe(`needs register /okosystem/behov (${engineUnderTest})`, () => {
  let ctx: TestContext;
  let orgA: string;
  let orgB: string;
  let coreActor: string;
  const users: Record<string, { id: string }> = {};

  beforeAll(async () => {
    ctx = await createTestContext();
    const db = ctx.database.db;
    users.leaderA = await ctx.createUser({ name: 'Kari Leder' });
    users.leaderB = await ctx.createUser({ name: 'Ola Styre' });
    users.memberA = await ctx.createUser({ name: 'Per Medlem' });
    users.core = await ctx.createUser({ name: 'Kjerne Person' });
    users.outsider = await ctx.createUser({ name: 'Utenfor' });
    const [a] = await db.insert(organisations).values({ name: 'Bygdelaget Framtid' }).returning();
    const [b] = await db.insert(organisations).values({ name: 'Sjakklubben Løperen' }).returning();
    orgA = a!.id;
    orgB = b!.id;
    await db.insert(memberships).values([
      { organisationId: orgA, userId: users.leaderA.id, role: 'leader' },
      { organisationId: orgA, userId: users.memberA.id, role: 'member' },
      { organisationId: orgB, userId: users.leaderB.id, role: 'leader' },
    ]);
    const [actor] = await db
      .insert(ecosystemActors)
      .values({ name: 'Frivillighet Norge', kind: 'umbrella_body', ecosystemRole: 'core_group' })
      .returning();
    coreActor = actor!.id;
    await db.insert(ecosystemActorPeople).values({ actorId: coreActor, userId: users.core.id, title: 'Rådgiver' });
  });
  afterAll(() => ctx.close());

  const signedIn = async (who: string) => {
    const client = ctx.client();
    await client.signInAs(users[who]!.id);
    return client;
  };
  const form = (owner: string, title: string, phase = '3') => ({
    owner,
    title,
    description: 'Vi fyller ut de samme opplysningene tre ganger hvert år.',
    phase,
    frequency: 'yearly',
    evidence: 'Søknadene i 2025',
  });

  let needId = '';

  it('anyone reads the empty list; signing in is needed to record', async () => {
    const res = await ctx.client().get('/okosystem/behov');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Behov og smertepunkter');
    expect(html).toContain('Logg inn for å registrere');
    const form = await ctx.client().get('/okosystem/behov/ny');
    expect([302, 303, 401]).toContain(form.status);
  });

  it('a board member records a need for the own workspace (POST–redirect–GET, history, audit)', async () => {
    const client = await signedIn('leaderA');
    const page = await (await client.get('/okosystem/behov/ny')).text();
    expect(page).toContain(`value="org:${orgA}"`);
    expect(page).not.toContain(`org:${orgB}`);
    const res = await client.post(
      '/okosystem/behov',
      form(`org:${orgA}`, 'Vi må gi de samme opplysningene til kommunen og Lotteritilsynet'),
    );
    expect(res.status).toBe(303);
    needId = res.headers.get('location')!.split('/').pop()!;
    const shown = await (await client.get(`/okosystem/behov/${needId}`)).text();
    expect(shown).toContain('Behovet er registrert.');
    expect(shown).toContain('Bygdelaget Framtid');
    expect(shown).toContain('Fase 3: Drive');
    const history = await ctx.database.db.select().from(needHistory).where(eq(needHistory.needId, needId));
    expect(history.map((h) => h.action)).toEqual(['created']);
    const audit = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'need.recorded'));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.organisationId).toBe(orgA);
  });

  it('bad input is shown with errors in the user’s language and nothing is saved', async () => {
    const client = await signedIn('leaderA');
    const before = (await ctx.database.db.select().from(needs)).length;
    const res = await client.post(
      '/okosystem/behov',
      { owner: `org:${orgA}`, title: 'x', description: '', phase: '9' },
      { headers: { 'accept-language': 'nn' } },
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Skriv kort kva behovet er');
    expect(html).toContain('Vel ein fase.');
    expect(html).toContain('Vel kor ofte det skjer.');
    expect((await ctx.database.db.select().from(needs)).length).toBe(before);
  });

  it('a member of another organisation cannot record a need for yours (403); a plain member neither', async () => {
    const b = await signedIn('leaderB');
    expect((await b.post('/okosystem/behov', form(`org:${orgA}`, 'Forsøk på andres vegne'))).status).toBe(403);
    const m = await signedIn('memberA');
    expect((await m.post('/okosystem/behov', form(`org:${orgA}`, 'Medlem uten styreverv'))).status).toBe(403);
    const o = await signedIn('outsider');
    expect((await o.post('/okosystem/behov', form(`actor:${coreActor}`, 'Ikke min aktør'))).status).toBe(403);
    expect((await ctx.database.db.select().from(needs)).length).toBe(1);
  });

  it('others add "we have this too" once each; it is counted; the owner cannot confirm its own need', async () => {
    const b = await signedIn('leaderB');
    const res = await b.post(`/okosystem/behov/${needId}/har-ogsa`, { owner: `org:${orgB}`, evidence: 'Samme hos oss' });
    expect(res.status).toBe(303);
    const again = await b.post(`/okosystem/behov/${needId}/har-ogsa`, { owner: `org:${orgB}`, evidence: 'Igjen' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Dere har allerede sagt');
    const a = await signedIn('leaderA');
    expect((await a.post(`/okosystem/behov/${needId}/har-ogsa`, { owner: `org:${orgA}` })).status).toBe(409);
    expect((await a.post(`/okosystem/behov/${needId}/har-ogsa`, { owner: `org:${orgB}` })).status).toBe(403);
    const list = await (await ctx.client().get('/okosystem/behov')).text();
    expect(list).toMatch(/Lotteritilsynet<\/a><\/td><td>Fase 3: Drive<\/td><td>Åpent<\/td><td>2<\/td>/);
    const page = await (await ctx.client().get(`/okosystem/behov/${needId}`)).text();
    expect(page).toContain('Samme hos oss');
  });

  it('filters by phase and status', async () => {
    const other = await (await signedIn('core')).post(
      '/okosystem/behov',
      form(`actor:${coreActor}`, 'Vanskelig å vite fristen for momskompensasjon', '3'),
    );
    expect(other.status).toBe(303);
    const p3 = await (await ctx.client().get('/okosystem/behov?fase=3')).text();
    expect(p3).toContain('momskompensasjon');
    const p1 = await (await ctx.client().get('/okosystem/behov?fase=1')).text();
    expect(p1).not.toContain('momskompensasjon');
    expect(p1).toContain('Ingen behov passer med filteret.');
    const lifted = await (await ctx.client().get('/okosystem/behov?status=lifted')).text();
    expect(lifted).toContain('Ingen behov passer');
    expect((await ctx.client().get('/okosystem/behov?fase=x&status=y')).status).toBe(200);
  });

  it('only the core group groups duplicates (403 otherwise); counts roll up to the remaining need', async () => {
    const [dup] = await ctx.database.db.select().from(needs).where(eq(needs.actorId, coreActor));
    const b = await signedIn('leaderB');
    expect((await b.post(`/okosystem/behov/${dup!.id}/duplikat`, { duplicateOf: needId })).status).toBe(403);
    expect((await ctx.client().post(`/okosystem/behov/${dup!.id}/duplikat`, { duplicateOf: needId })).status).toBe(401);
    const core = await signedIn('core');
    const page = await (await core.get(`/okosystem/behov/${dup!.id}`)).text();
    expect(page).toContain('Slå sammen duplikater');
    expect((await core.post(`/okosystem/behov/${dup!.id}/duplikat`, { duplicateOf: dup!.id })).status).toBe(422);
    const res = await core.post(`/okosystem/behov/${dup!.id}/duplikat`, { duplicateOf: needId });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/okosystem/behov/${needId}`);
    const list = await (await ctx.client().get('/okosystem/behov')).text();
    expect(list).not.toContain('momskompensasjon');
    expect(list).toMatch(/Lotteritilsynet<\/a><\/td><td>Fase 3: Drive<\/td><td>Åpent<\/td><td>3<\/td>/);
    const root = await (await ctx.client().get(`/okosystem/behov/${needId}`)).text();
    expect(root).toContain('Sammenslåtte behov');
    const history = await ctx.database.db.select().from(needHistory).where(eq(needHistory.needId, dup!.id));
    expect(history.map((h) => h.action).sort()).toEqual(['created', 'marked_duplicate']);
    expect(await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'need.marked_duplicate'))).toHaveLength(1);
  });

  it('a need page is public, 404 for an unknown id, and in nynorsk for a nynorsk reader', async () => {
    const res = await ctx.client().get(`/okosystem/behov/${needId}`, { 'accept-language': 'nn' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Talet på dei som har dette');
    expect(html).not.toContain('Har de dette også?');
    expect((await ctx.client().get('/okosystem/behov/00000000-0000-0000-0000-000000000000')).status).toBe(404);
    expect((await ctx.client().get('/okosystem/behov/nope')).status).toBe(404);
  });

  it('only the core group changes the status of a need (history row); others get 403', async () => {
    const b = await signedIn('leaderB');
    expect((await b.post(`/okosystem/behov/${needId}/status`, { status: 'lifted' })).status).toBe(403);
    const core = await signedIn('core');
    expect((await core.post(`/okosystem/behov/${needId}/status`, { status: 'nonsense' })).status).toBe(422);
    expect((await core.post(`/okosystem/behov/${needId}/status`, { status: 'being_lifted' })).status).toBe(303);
    const [row] = await ctx.database.db.select().from(needs).where(eq(needs.id, needId));
    expect(row!.status).toBe('being_lifted');
    const history = await ctx.database.db.select().from(needHistory).where(eq(needHistory.needId, needId));
    expect(history.map((h) => h.action)).toContain('status_changed');
    const list = await (await ctx.client().get('/okosystem/behov?status=being_lifted')).text();
    expect(list).toContain('Lotteritilsynet');
  });
});

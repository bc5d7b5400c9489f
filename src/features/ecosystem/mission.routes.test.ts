import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.ts';
import {
  auditEvents,
  ecosystemActorPeople,
  ecosystemActors,
  ecosystemMissionSignatures,
  ecosystemMissionVersions,
} from '../../core/db/schema.ts';

let ctx: TestContext;
let orchestrator: { id: string };
let person: { id: string };
let outsider: { id: string };
let actorId: string;
let otherActorId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  orchestrator = await ctx.createUser({ name: 'Orla Orkestrator', platformRoles: ['orchestrator'] });
  person = await ctx.createUser({ name: 'Kari Kommune' });
  outsider = await ctx.createUser({ name: 'Ute Utenfor' });
  const [a] = await ctx.database.db
    .insert(ecosystemActors)
    .values({ name: 'Bodø kommune', kind: 'municipality', ecosystemRole: 'participant' })
    .returning();
  const [b] = await ctx.database.db
    .insert(ecosystemActors)
    .values({ name: 'Vestland fylkeskommune', kind: 'county', ecosystemRole: 'participant' })
    .returning();
  actorId = a!.id;
  otherActorId = b!.id;
  await ctx.database.db.insert(ecosystemActorPeople).values({ actorId, userId: person.id, title: 'Frivillighetskoordinator' });
});
afterAll(async () => {
  await ctx.close();
});

const signedIn = async (userId: string) => {
  const c = ctx.client();
  await c.signInAs(userId);
  return c;
};

describe('mission narrative and principles', () => {
  it('everyone reads version 0 with the nine principles; nobody signed yet; no edit form for visitors', async () => {
    const res = await ctx.client().get('/okosystem/oppdrag');
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const p of [
      'Sivilsamfunnet først',
      'Ta vare på og styrk mangfoldet',
      'Utvid deltakelsen',
      'Samarbeid gjennom relasjoner',
      'Samskaping på alle nivåer',
      'Oppmuntre til læring',
      'Åpenhet',
      'Vær en av delene',
      'Se opp og fram',
    ]) {
      expect(html).toContain(`<li>${p}</li>`);
    }
    expect(html).toContain('Versjon 0, den første teksten.');
    expect(html).toContain('Ingen aktører har sluttet seg til ennå.');
    expect(html).not.toContain('Skriv en ny versjon');
    expect(await (await ctx.client().get('/okosystem')).text()).toContain('href="/okosystem/oppdrag"');
  });

  it('only the orchestrator saves a version; versions are kept and old ones readable; a stale base is refused', async () => {
    const p = await signedIn(person.id);
    expect((await p.post('/okosystem/oppdrag', { base: '0', narrative: 'X', principles: 'Y', changeNote: 'Z' })).status).toBe(403);
    expect((await ctx.client().post('/okosystem/oppdrag', { base: '0' })).status).toBe(401);

    const o = await signedIn(orchestrator.id);
    const bad = await o.post('/okosystem/oppdrag', { base: '0', narrative: 'Ny fortelling', principles: '\n  \n', changeNote: '' });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Skriv minst ett prinsipp.');
    expect(badHtml).toContain('Skriv kort hva som er endret.');
    expect(badHtml).toContain('Ny fortelling');

    const ok = await o.post('/okosystem/oppdrag', {
      base: '0',
      narrative: 'Frivilligheten skal bruke tiden på aktiviteten.',
      principles: 'Sivilsamfunnet først\nÅpenhet',
      changeNote: 'Kortere fortelling',
    });
    expect(ok.status).toBe(303);
    const page = await (await o.get('/okosystem/oppdrag')).text();
    expect(page).toContain('Versjon 1 er lagret.');
    expect(page).toContain('Frivilligheten skal bruke tiden på aktiviteten.');
    expect(page).toContain('Versjon 1, lagret');
    const stale = await o.post('/okosystem/oppdrag', { base: '0', narrative: 'Utdatert', principles: 'A', changeNote: 'B' });
    expect(stale.status).toBe(422);
    expect(await stale.text()).toContain('Noen andre har lagret en ny versjon');
    expect(await ctx.database.db.select().from(ecosystemMissionVersions)).toHaveLength(1);

    const old = await (await ctx.client().get('/okosystem/oppdrag/versjoner/0')).text();
    expect(old).toContain('Samskaping på alle nivåer');
    expect((await ctx.client().get('/okosystem/oppdrag/versjoner/7')).status).toBe(404);
    const [audit] = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'ecosystem.mission.version_saved'));
    expect(audit?.details).toEqual({ number: 1 });
  });

  it('a person of an actor signs on for it once; nobody signs for an actor they do not belong to (not even the orchestrator)', async () => {
    const p = await signedIn(person.id);
    const before = await (await p.get('/okosystem/oppdrag')).text();
    expect(before).toContain('Slutt Bodø kommune til oppdraget');
    expect(before).not.toContain('Slutt Vestland fylkeskommune til oppdraget');
    expect((await p.post('/okosystem/oppdrag/signer', { actorId: otherActorId })).status).toBe(403);
    expect((await (await signedIn(outsider.id)).post('/okosystem/oppdrag/signer', { actorId })).status).toBe(403);
    expect((await (await signedIn(orchestrator.id)).post('/okosystem/oppdrag/signer', { actorId })).status).toBe(403);
    expect((await ctx.client().post('/okosystem/oppdrag/signer', { actorId })).status).toBe(401);

    expect((await p.post('/okosystem/oppdrag/signer', { actorId })).status).toBe(303);
    const after = await (await ctx.client().get('/okosystem/oppdrag')).text();
    expect(after).toContain('Bodø kommune</a> (signert av Kari Kommune, versjon 1)');
    expect((await p.post('/okosystem/oppdrag/signer', { actorId })).status).toBe(409);
    expect(await ctx.database.db.select().from(ecosystemMissionSignatures)).toHaveLength(1);
  });
});

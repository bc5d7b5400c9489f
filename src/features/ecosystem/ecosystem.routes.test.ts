import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.ts';
import {
  auditEvents,
  ecosystemActorPeople,
  ecosystemActors,
  ecosystemDecisions,
  ecosystemHistory,
  ecosystemMeetings,
} from '../../core/db/schema.ts';

let ctx: TestContext;
let orchestrator: { id: string; name: string; email: string };
let coreUser: { id: string; name: string; email: string };
let participantUser: { id: string; name: string; email: string };
let coreActorId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  orchestrator = await ctx.createUser({ name: 'Orla Orkestrator', platformRoles: ['orchestrator'] });
  coreUser = await ctx.createUser({ name: 'Kari Kjerne' });
  participantUser = await ctx.createUser({ name: 'Per Deltaker' });
  const [core] = await ctx.database.db
    .insert(ecosystemActors)
    .values({ name: 'Frivillighet Norge', kind: 'umbrella_body', ecosystemRole: 'core_group', mandate: 'Paraply for frivilligheten.' })
    .returning();
  const [part] = await ctx.database.db
    .insert(ecosystemActors)
    .values({ name: 'Medlemssystem AS', kind: 'supplier', ecosystemRole: 'participant', supplierSector: 'private' })
    .returning();
  coreActorId = core!.id;
  await ctx.database.db.insert(ecosystemActorPeople).values([
    { actorId: core!.id, userId: coreUser.id, title: 'Fagrådgiver' },
    { actorId: part!.id, userId: participantUser.id, title: 'Daglig leder' },
  ]);
});
afterAll(async () => {
  await ctx.close();
});

const signedIn = async (userId: string) => {
  const c = ctx.client();
  await c.signInAs(userId);
  return c;
};

describe('ecosystem pages', () => {
  it('anonymous visitors read the overview: eight elements with purposes, links only to tools that exist, the mission and the four gains', async () => {
    const res = await ctx.client().get('/okosystem');
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const text of ['Livshendelsen', 'For å styre helheten.', 'Demonstratorer', 'For å teste og skalere nye ideer.', 'I 2032']) {
      expect(html).toContain(text);
    }
    expect(html).toContain('href="/livshendelse"');
    expect(html).toContain('href="/okosystem/aktorer"');
    expect(html).toContain('href="/okosystem/kjernegruppe"');
    expect(html).toContain('href="/okosystem/byggeklosser"');
    expect(html).toContain('href="/okosystem/markedsplass"');
    // Every element that links to a tool links to a page that exists (an element without a tool has no link).
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    const links = [...main.matchAll(/href="(\/(?:okosystem|livshendelse)[^"]*)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThanOrEqual(8);
    for (const href of links) expect([href, (await ctx.client().get(href)).status]).toEqual([href, 200]);
    expect(html).toContain('Mer målrettede tilskudd og virkemidler');
    expect(html).toContain('href="/okosystem">Økosystemet</a>');
  });

  it('is in nynorsk when asked', async () => {
    const html2 = await (await ctx.client().get('/okosystem', { cookie: 'frivillig_lang=nn' })).text();
    expect(html2).toContain('Dei åtte elementa');
    expect(html2).toContain('Meir målretta tilskot og verkemiddel');
  });

  it('anonymous visitors list, filter and read actors; the page shows people with titles but no edit controls', async () => {
    const c = ctx.client();
    const all = await (await c.get('/okosystem/aktorer')).text();
    expect(all).toContain('Frivillighet Norge');
    expect(all).toContain('Medlemssystem AS');
    expect(all).not.toContain('/okosystem/aktorer/ny');
    const suppliers = await (await c.get('/okosystem/aktorer?type=supplier')).text();
    expect(suppliers).toContain('Medlemssystem AS');
    expect(suppliers).not.toContain('Frivillighet Norge</a>');
    const core = await (await c.get('/okosystem/aktorer?rolle=core_group')).text();
    expect(core).toContain('Frivillighet Norge');
    expect(core).not.toContain('Medlemssystem AS');
    // An unknown filter value is ignored, not an error.
    expect((await c.get('/okosystem/aktorer?type=dragons')).status).toBe(200);

    const page = await c.get(`/okosystem/aktorer/${coreActorId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Kari Kjerne, Fagrådgiver');
    expect(html).toContain('Paraply for frivilligheten.');
    expect(html).not.toContain('Legg til person');
    expect((await c.get('/okosystem/aktorer/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await c.get('/okosystem/aktorer/nope')).status).toBe(404);
  });

  it('a signed-in non-orchestrator cannot create or edit actors or add people (403); signed out gets 401', async () => {
    const c = await signedIn(coreUser.id);
    expect((await c.get('/okosystem/aktorer/ny')).status).toBe(403);
    expect((await c.post('/okosystem/aktorer/ny', { name: 'Snik AS', kind: 'supplier', ecosystemRole: 'participant' })).status).toBe(403);
    expect(
      (await c.post(`/okosystem/aktorer/${coreActorId}/endre`, { name: 'X', kind: 'supplier', ecosystemRole: 'observer' })).status,
    ).toBe(403);
    expect((await c.post(`/okosystem/aktorer/${coreActorId}/personer`, { email: participantUser.email })).status).toBe(403);
    expect((await ctx.client().post('/okosystem/aktorer/ny', { name: 'Anonym' })).status).toBe(401);
    const rows = await ctx.database.db.select().from(ecosystemActors).where(eq(ecosystemActors.name, 'Snik AS'));
    expect(rows).toHaveLength(0);
  });

  it('the orchestrator creates an actor (errors in the user’s language keep the input), edits it, adds and removes a person — with history and audit', async () => {
    const c = await signedIn(orchestrator.id);
    const bad = await c.post('/okosystem/aktorer/ny', {
      name: 'Bergen kommune',
      kind: 'municipality',
      ecosystemRole: '',
      orgnr: '12345',
      contactEmail: 'ikke-epost',
      supplierSector: 'private',
      mandate: 'Kommunens frivillighetskontakt.',
    });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Velg aktørens rolle i økosystemet.');
    expect(badHtml).toContain('Organisasjonsnummeret må være ni siffer.');
    expect(badHtml).toContain('Skriv en gyldig e-postadresse');
    expect(badHtml).toContain('Kommunens frivillighetskontakt.');
    expect(await ctx.database.db.select().from(ecosystemActors).where(eq(ecosystemActors.name, 'Bergen kommune'))).toHaveLength(0);

    const taken = await c.post('/okosystem/aktorer/ny', { name: 'frivillighet norge', kind: 'umbrella_body', ecosystemRole: 'observer' });
    expect(taken.status).toBe(422);
    expect(await taken.text()).toContain('Det finnes allerede en aktør med dette navnet.');

    const ok = await c.post('/okosystem/aktorer/ny', {
      name: 'Bergen kommune',
      kind: 'municipality',
      ecosystemRole: 'participant',
      orgnr: '964 338 531',
      contactEmail: 'frivillighet@bergen.kommune.no',
      contactUrl: 'https://www.bergen.kommune.no',
      mandate: 'Kommunens frivillighetskontakt.',
      agreements: 'Samarbeidsavtale 2025–2027.',
    });
    expect(ok.status).toBe(303);
    const location = ok.headers.get('location')!;
    const id = location.split('/').pop()!;
    const page = await (await c.get(location)).text();
    expect(page).toContain('Aktøren er lagt til.');
    expect(page).toContain('964338531');

    const edited = await c.post(`/okosystem/aktorer/${id}/endre`, {
      name: 'Bergen kommune',
      kind: 'municipality',
      ecosystemRole: 'core_group',
      orgnr: '964338531',
      mandate: 'Kommunenes representant i kjernegruppen.',
    });
    expect(edited.status).toBe(303);

    const unknown = await c.post(`/okosystem/aktorer/${id}/personer`, { email: 'ingen@finnes.no', title: 'Rådgiver' });
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain('Ingen bruker har denne e-postadressen.');
    expect(
      (await c.post(`/okosystem/aktorer/${id}/personer`, { email: participantUser.email.toUpperCase(), title: 'Rådgiver' })).status,
    ).toBe(303);
    expect(await (await c.get(`/okosystem/aktorer/${id}`)).text()).toContain('Per Deltaker, Rådgiver');
    const twice = await c.post(`/okosystem/aktorer/${id}/personer`, { email: participantUser.email, title: 'Rådgiver' });
    expect(twice.status).toBe(422);
    expect((await c.post(`/okosystem/aktorer/${id}/personer/${participantUser.id}/fjern`)).status).toBe(303);
    expect(await (await c.get(`/okosystem/aktorer/${id}`)).text()).not.toContain('Per Deltaker, Rådgiver');

    const history = await ctx.database.db.select().from(ecosystemHistory).where(eq(ecosystemHistory.entityId, id));
    expect(history.map((h) => `${h.entity}:${h.action}`).sort()).toEqual([
      'actor:created',
      'actor:updated',
      'actor_person:created',
      'actor_person:deleted',
    ]);
    const updated = history.find((h) => h.action === 'updated' && h.entity === 'actor')!;
    expect(updated.changes).toMatchObject({ ecosystemRole: ['participant', 'core_group'] });
    expect(updated.actorName).toBe('Orla Orkestrator');
    const audit = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.actorUserId, orchestrator.id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'ecosystem.actor.created',
        'ecosystem.actor.updated',
        'ecosystem.actor.person_added',
        'ecosystem.actor.person_removed',
      ]),
    );
  });

  it('everyone reads the core group page; a core-group person adds a meeting and a decision; a participant cannot (403)', async () => {
    const anon = await (await ctx.client().get('/okosystem/kjernegruppe')).text();
    expect(anon).toContain('Frivillighet Norge');
    expect(anon).not.toContain('Før en beslutning</button>');

    const part = await signedIn(participantUser.id);
    expect((await part.get('/okosystem/kjernegruppe')).status).toBe(200);
    expect(await (await part.get('/okosystem/kjernegruppe')).text()).not.toContain('action="/okosystem/kjernegruppe/beslutninger"');
    expect(
      (await part.post('/okosystem/kjernegruppe/beslutninger', { decidedOn: '2026-03-01', what: 'X', why: 'Y', decidedBy: 'Z' })).status,
    ).toBe(403);
    expect((await part.post('/okosystem/kjernegruppe/moter', { meetingDate: '2026-03-01', title: 'X' })).status).toBe(403);
    expect((await ctx.client().post('/okosystem/kjernegruppe/beslutninger', {})).status).toBe(401);
    expect(await ctx.database.db.select().from(ecosystemDecisions)).toHaveLength(0);

    const core = await signedIn(coreUser.id);
    const badMeeting = await core.post('/okosystem/kjernegruppe/moter', { meetingDate: '2026-02-30', title: '', agenda: 'Veikartet' });
    expect(badMeeting.status).toBe(422);
    const badHtml = await badMeeting.text();
    expect(badHtml).toContain('Skriv en gyldig dato');
    expect(badHtml).toContain('Skriv en tittel på møtet.');
    expect(badHtml).toContain('Veikartet');

    expect(
      (
        await core.post('/okosystem/kjernegruppe/moter', {
          meetingDate: '2026-03-12',
          title: 'Kjernegruppemøte 1/2026',
          agenda: '1. Veikartet\n2. Byggeklosser',
          minutes: 'Veikartet ble gjennomgått.',
        })
      ).status,
    ).toBe(303);
    const [meeting] = await ctx.database.db.select().from(ecosystemMeetings);

    const badDecision = await core.post('/okosystem/kjernegruppe/beslutninger', {
      decidedOn: '2026-03-12',
      what: 'Prioritere samordnet registermelding',
      why: '',
      decidedBy: 'Kjernegruppen',
      meetingId: '00000000-0000-4000-8000-000000000000',
    });
    expect(badDecision.status).toBe(422);
    expect(await badDecision.text()).toContain('Skriv hvorfor det ble besluttet.');
    const unknownMeeting = await core.post('/okosystem/kjernegruppe/beslutninger', {
      decidedOn: '2026-03-12',
      what: 'Prioritere samordnet registermelding',
      why: 'Flest organisasjoner har meldt behovet.',
      decidedBy: 'Kjernegruppen',
      meetingId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownMeeting.status).toBe(422);
    expect(await ctx.database.db.select().from(ecosystemDecisions)).toHaveLength(0);

    const ok = await core.post('/okosystem/kjernegruppe/beslutninger', {
      decidedOn: '2026-03-12',
      what: 'Prioritere samordnet registermelding',
      why: 'Flest organisasjoner har meldt behovet.',
      decidedBy: 'Kjernegruppen',
      meetingId: meeting!.id,
    });
    expect(ok.status).toBe(303);
    const html = await (await ctx.client().get('/okosystem/kjernegruppe')).text();
    expect(html).toContain('Prioritere samordnet registermelding');
    expect(html).toContain('Flest organisasjoner har meldt behovet.');
    expect(html).toContain('2026-03-12 Kjernegruppemøte 1/2026');
    expect(html).toContain('Kari Kjerne');
    const history = await ctx.database.db.select().from(ecosystemHistory);
    expect(
      history
        .filter((h) => h.entity === 'decision' || h.entity === 'meeting')
        .map((h) => h.entity)
        .sort(),
    ).toEqual(['decision', 'meeting']);
  });
});

describe('editing meetings and decisions', () => {
  it('a core-group person edits a decision and a meeting (history keeps before/after); a participant gets 403; an unknown id 404', async () => {
    const [decision] = await ctx.database.db.select().from(ecosystemDecisions);
    const [meeting] = await ctx.database.db.select().from(ecosystemMeetings);
    const part = await signedIn(participantUser.id);
    expect((await part.get(`/okosystem/kjernegruppe/beslutninger/${decision!.id}/endre`)).status).toBe(403);
    expect(
      (
        await part.post(`/okosystem/kjernegruppe/beslutninger/${decision!.id}/endre`, {
          decidedOn: '2026-03-12',
          what: 'X',
          why: 'Y',
          decidedBy: 'Z',
        })
      ).status,
    ).toBe(403);
    expect((await part.post(`/okosystem/kjernegruppe/moter/${meeting!.id}/endre`, { meetingDate: '2026-03-12', title: 'X' })).status).toBe(
      403,
    );

    const core = await signedIn(coreUser.id);
    const form = await core.get(`/okosystem/kjernegruppe/beslutninger/${decision!.id}/endre`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('Prioritere samordnet registermelding');
    const bad = await core.post(`/okosystem/kjernegruppe/beslutninger/${decision!.id}/endre`, {
      decidedOn: '2026-03-12',
      what: '',
      why: 'Flest organisasjoner har meldt behovet.',
      decidedBy: 'Kjernegruppen',
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Skriv hva som ble besluttet.');
    const ok = await core.post(`/okosystem/kjernegruppe/beslutninger/${decision!.id}/endre`, {
      decidedOn: '2026-03-12',
      what: 'Prioritere samordnet registermelding i 2026',
      why: 'Flest organisasjoner har meldt behovet.',
      decidedBy: 'Kjernegruppen',
      meetingId: meeting!.id,
    });
    expect(ok.status).toBe(303);
    expect(
      (
        await core.post(`/okosystem/kjernegruppe/moter/${meeting!.id}/endre`, {
          meetingDate: '2026-03-12',
          title: 'Kjernegruppemøte 1/2026',
          minutes: 'Godkjent.',
        })
      ).status,
    ).toBe(303);
    const html = await (await ctx.client().get('/okosystem/kjernegruppe')).text();
    expect(html).toContain('Prioritere samordnet registermelding i 2026');
    expect(html).toContain('Godkjent.');
    const rows = await ctx.database.db.select().from(ecosystemHistory).where(eq(ecosystemHistory.entityId, decision!.id));
    const update = rows.find((r) => r.action === 'updated')!;
    expect(update.changes).toEqual({ what: ['Prioritere samordnet registermelding', 'Prioritere samordnet registermelding i 2026'] });
    expect(update.actorName).toBe('Kari Kjerne');
    expect((await core.get('/okosystem/kjernegruppe/beslutninger/00000000-0000-4000-8000-000000000000/endre')).status).toBe(404);
  });
});

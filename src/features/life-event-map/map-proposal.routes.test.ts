import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import {
  auditEvents,
  ecosystemActorPeople,
  ecosystemActors,
  lifeEventMapProposalHistory,
  lifeEventMapProposals,
  lifeEventMapRevisions,
  memberships,
  organisations,
} from '../../core/db/schema.ts';
import { findTask, repositoryLifeEventMap } from './life-event-map.content.ts';
import { readLifeEventMap } from './read-life-event-map.ts';
import { saveLifeEventMapRevision } from './save-life-event-map-revision.ts';

/**
 * Change proposals to the life-event map on both engines: who may propose, bad input, the orchestrator's
 * accept (a map revision naming the proposal) and reject (with a reason), and a proposal made before a newer
 * edit of the same text (never replaced silently).
 */
describe(`life-event map change proposals (${engineUnderTest})`, () => {
  let ctx: TestContext;
  let actorId: string;
  let orgId: string;
  const users: Record<string, { id: string; name: string }> = {};
  const map = repositoryLifeEventMap();
  const task = map.phases[1]!.tasks[0]!;
  const otherTask = map.phases[2]!.tasks[0]!;

  beforeAll(async () => {
    ctx = await createTestContext();
    const db = ctx.database.db;
    users.orchestrator = await ctx.createUser({ name: 'Olga Orkestrator', platformRoles: ['orchestrator'] });
    users.actorPerson = await ctx.createUser({ name: 'Frida Frivillighet' });
    users.leader = await ctx.createUser({ name: 'Kari Leder' });
    users.member = await ctx.createUser({ name: 'Per Medlem' });
    users.stranger = await ctx.createUser({ name: 'Ukjent' });
    const [actor] = await db
      .insert(ecosystemActors)
      .values({ name: 'Frivillighet Norge', kind: 'umbrella_body', ecosystemRole: 'core_group' })
      .returning();
    actorId = actor!.id;
    await db.insert(ecosystemActorPeople).values({ actorId, userId: users.actorPerson.id, title: 'Rådgiver' });
    const [org] = await db.insert(organisations).values({ name: 'Bygdelaget Framtid' }).returning();
    orgId = org!.id;
    await db.insert(memberships).values([
      { organisationId: orgId, userId: users.leader.id, role: 'leader' },
      { organisationId: orgId, userId: users.member.id, role: 'member' },
    ]);
  });
  afterAll(() => ctx.close());

  const signedIn = async (who: string) => {
    const client = ctx.client();
    await client.signInAs(users[who]!.id);
    return client;
  };
  const proposal = (over: Record<string, string> = {}) => ({
    mal: `oppgave:${task.id}`,
    onBehalf: `actor:${actorId}`,
    what: 'Tydeligere tittel',
    why: 'Organisasjonene forstår ikke hva oppgaven gjelder.',
    evidence: 'Brukertester hos Frivillighet Norge, 2026',
    'title.nb': `${task.title.nb} (oppdatert)`,
    ...over,
  });
  const count = async () => (await ctx.database.db.select().from(lifeEventMapProposals)).length;

  it('anyone reads the list; the map shows the open count, and "propose a change" only to signed-in people', async () => {
    const list = await ctx.client().get('/livshendelse/forslag');
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('Det er ingen forslag ennå.');
    const anon = await (await ctx.client().get('/livshendelse')).text();
    expect(anon).toContain('Forslag til endringer: 0 til vurdering');
    expect(anon).not.toContain('Foreslå endring');
    const phase = await (await (await signedIn('stranger')).get(`/livshendelse/${map.phases[1]!.slug}`)).text();
    expect(phase).toContain(`href="/livshendelse/forslag/ny?mal=fase:${map.phases[1]!.slug}"`);
  });

  it('refuses strangers and plain members (401/403, nothing written); a non-proposer sees why on the form', async () => {
    expect((await ctx.client().post('/livshendelse/forslag', proposal())).status).toBe(401);
    expect((await (await signedIn('stranger')).post('/livshendelse/forslag', proposal())).status).toBe(403);
    expect((await (await signedIn('member')).post('/livshendelse/forslag', proposal({ onBehalf: `org:${orgId}` }))).status).toBe(403);
    // A proposer cannot speak for an actor or organisation that is not theirs.
    expect((await (await signedIn('leader')).post('/livshendelse/forslag', proposal({ onBehalf: `actor:${actorId}` }))).status).toBe(403);
    const form = await (await signedIn('stranger')).get('/livshendelse/forslag/ny');
    expect(await form.text()).toContain('For å foreslå endringer må du høre til en aktør');
    expect(await count()).toBe(0);
  });

  it('bad input gives 422 with field errors and writes nothing', async () => {
    const client = await signedIn('actorPerson');
    const res = await client.post('/livshendelse/forslag', proposal({ what: '', why: '', 'title.nb': ' ', 'summary.nn': '' }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Skriv kort hva som bør endres');
    expect(html).toContain('Skriv hvorfor endringen bør gjøres');
    expect(html).toContain('href="#title-nb"');
    expect(html).toContain('href="#summary-nn"');
    const unchanged = await client.post('/livshendelse/forslag', proposal({ 'title.nb': task.title.nb }));
    expect(unchanged.status).toBe(422);
    expect(await unchanged.text()).toContain('Endre minst én av tekstene.');
    const badTarget = await client.post('/livshendelse/forslag', proposal({ mal: 'oppgave:finnes-ikke' }));
    expect(badTarget.status).toBe(422);
    expect(await count()).toBe(0);
    expect(await ctx.database.db.select().from(lifeEventMapProposalHistory)).toHaveLength(0);
  });

  let first = 0;

  it('a person of an actor proposes a change to a task (303, history, audit); the form starts from the map’s texts', async () => {
    const client = await signedIn('actorPerson');
    const form = await (await client.get(`/livshendelse/forslag/ny?mal=oppgave:${task.id}`)).text();
    expect(form).toContain(`value="${task.title.nb}"`);
    const res = await client.post('/livshendelse/forslag', proposal());
    expect(res.status).toBe(303);
    first = Number(res.headers.get('location')!.split('/').pop());
    const [row] = await ctx.database.db.select().from(lifeEventMapProposals).where(eq(lifeEventMapProposals.number, first));
    expect(row).toMatchObject({
      status: 'open',
      targetKind: 'task',
      taskId: task.id,
      fields: { 'title.nb': `${task.title.nb} (oppdatert)` },
      baseTexts: { 'title.nb': task.title.nb },
      baseRevision: 0,
      onBehalfName: 'Frivillighet Norge',
    });
    expect(await ctx.database.db.select().from(lifeEventMapProposalHistory)).toHaveLength(1);
    expect(await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'life_event_map.proposal.created'))).toHaveLength(
      1,
    );
    const page = await (await ctx.client().get(`/livshendelse/forslag/${first}`)).text();
    expect(page).toContain('Til vurdering');
    expect(page).toContain('Tydeligere tittel');
    expect(page).not.toContain('Vurder forslaget');
    expect(await (await ctx.client().get('/livshendelse')).text()).toContain('Forslag til endringer: 1 til vurdering');
  });

  it('only the orchestrator accepts or rejects (401/403 for others); a rejection needs a reason (422)', async () => {
    expect((await ctx.client().post(`/livshendelse/forslag/${first}/godta`, { seen: '0' })).status).toBe(401);
    expect((await (await signedIn('actorPerson')).post(`/livshendelse/forslag/${first}/godta`, { seen: '0' })).status).toBe(403);
    expect((await (await signedIn('leader')).post(`/livshendelse/forslag/${first}/avvis`, { reason: 'Nei takk' })).status).toBe(403);
    const orch = await signedIn('orchestrator');
    const noReason = await orch.post(`/livshendelse/forslag/${first}/avvis`, { reason: ' ' });
    expect(noReason.status).toBe(422);
    expect(await noReason.text()).toContain('Skriv hvorfor forslaget avvises');
    const [row] = await ctx.database.db.select().from(lifeEventMapProposals).where(eq(lifeEventMapProposals.number, first));
    expect(row!.status).toBe('open');
    expect(await ctx.database.db.select().from(lifeEventMapRevisions)).toHaveLength(0);
  });

  it('accepting saves a map revision that names the proposal; the proposer sees the outcome', async () => {
    const orch = await signedIn('orchestrator');
    const page = await (await orch.get(`/livshendelse/forslag/${first}`)).text();
    expect(page).toContain('Vurder forslaget');
    const res = await orch.post(`/livshendelse/forslag/${first}/godta`, { seen: '0' });
    expect(res.status).toBe(303);
    const [revision] = await ctx.database.db.select().from(lifeEventMapRevisions);
    expect(revision).toMatchObject({ number: 1, origin: 'proposal', proposalRef: `forslag-${first}`, authorName: 'Olga Orkestrator' });
    expect(revision!.changeNote).toBe(`Forslag ${first}: Tydeligere tittel`);
    const found = findTask(await readLifeEventMap(ctx.database.db), task.id)!;
    expect(found.task.title.nb).toBe(`${task.title.nb} (oppdatert)`);
    expect(found.task.title.nn).toBe(task.title.nn);
    const [row] = await ctx.database.db.select().from(lifeEventMapProposals).where(eq(lifeEventMapProposals.number, first));
    expect(row).toMatchObject({ status: 'accepted', revisionNumber: 1, decidedByName: 'Olga Orkestrator' });
    const seen = await (await signedIn('actorPerson')).get(`/livshendelse/forslag/${first}`);
    expect(await seen.text()).toContain('er tatt inn i livshendelsen som versjon 1');
    const history = await (await orch.get('/livshendelse/historikk')).text();
    expect(history).toContain(`href="/livshendelse/forslag/${first}"`);
    // Deciding twice is refused.
    expect((await orch.post(`/livshendelse/forslag/${first}/godta`, { seen: '1' })).status).toBe(409);
    expect(await ctx.database.db.select().from(lifeEventMapRevisions)).toHaveLength(1);
  });

  it('a text edited on the map after the proposal is not replaced silently: the diff is shown and a confirmation required', async () => {
    const leader = await signedIn('leader');
    const res = await leader.post(
      '/livshendelse/forslag',
      proposal({
        mal: `oppgave:${otherTask.id}`,
        onBehalf: `org:${orgId}`,
        what: 'Ny kostnadstekst',
        'title.nb': otherTask.title.nb,
        'cost.nb': 'Gratis for organisasjoner med færre enn 10 medlemmer.',
      }),
    );
    expect(res.status).toBe(303);
    const number = Number(res.headers.get('location')!.split('/').pop());
    // The orchestrator edits the same text in the editor before looking at the proposal.
    const current = await readLifeEventMap(ctx.database.db);
    const editedTask = findTask(current, otherTask.id)!.task;
    const user = {
      id: users.orchestrator!.id,
      name: 'Olga Orkestrator',
      email: null,
      platformRoles: ['orchestrator' as const],
      sessionIdHash: '',
    };
    await saveLifeEventMapRevision(ctx.deps, {
      user,
      baseRevision: 1,
      changeNote: 'Ny sats',
      change: { kind: 'task', taskId: otherTask.id, task: { ...editedTask, cost: { nb: 'Koster 250 kroner.', nn: 'Kostar 250 kroner.' } } },
    });
    const orch = await signedIn('orchestrator');
    const page = await (await orch.get(`/livshendelse/forslag/${number}`)).text();
    expect(page).toContain('Kartet er endret siden forslaget ble laget');
    expect(page).toContain('Koster 250 kroner.');
    expect(page).toContain('name="seen" value="2"');
    const refused = await orch.post(`/livshendelse/forslag/${number}/godta`, { seen: '2' });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('kryss av for at du vil erstatte de nyere tekstene');
    const staleView = await orch.post(`/livshendelse/forslag/${number}/godta`, { seen: '1', confirm: 'ja' });
    expect(staleView.status).toBe(409);
    expect(await staleView.text()).toContain('Kartet er endret mens du så på forslaget.');
    expect(await ctx.database.db.select().from(lifeEventMapRevisions)).toHaveLength(2);
    const accepted = await orch.post(`/livshendelse/forslag/${number}/godta`, { seen: '2', confirm: 'ja' });
    expect(accepted.status).toBe(303);
    const found = findTask(await readLifeEventMap(ctx.database.db), otherTask.id)!;
    expect(found.task.cost).toEqual({ nb: 'Gratis for organisasjoner med færre enn 10 medlemmer.', nn: 'Kostar 250 kroner.' });
    const [history] = await ctx.database.db
      .select()
      .from(lifeEventMapProposalHistory)
      .where(eq(lifeEventMapProposalHistory.action, 'accepted'))
      .orderBy(lifeEventMapProposalHistory.createdAt)
      .limit(1)
      .offset(1);
    expect(history!.changes).toMatchObject({ revision: 3, replacedNewer: ['cost.nb'] });
  });

  it('a proposal for a task that has since been removed cannot be accepted (409, nothing written) but can be rejected', async () => {
    const user = {
      id: users.orchestrator!.id,
      name: 'Olga Orkestrator',
      email: null,
      platformRoles: ['orchestrator' as const],
      sessionIdHash: '',
    };
    const current = await readLifeEventMap(ctx.database.db);
    const template = findTask(current, otherTask.id)!.task;
    const revisionsBefore = (await ctx.database.db.select().from(lifeEventMapRevisions)).length;
    await saveLifeEventMapRevision(ctx.deps, {
      user,
      baseRevision: revisionsBefore,
      changeNote: 'Ny oppgave',
      change: { kind: 'add-task', phase: map.phases[2]!.slug, task: { ...template, id: 'lokal-oppgave', relation: 'step' } },
    });
    const client = await signedIn('actorPerson');
    const res = await client.post(
      '/livshendelse/forslag',
      proposal({ mal: 'oppgave:lokal-oppgave', 'title.nb': 'Ny tittel på lokal oppgave' }),
    );
    expect(res.status).toBe(303);
    const number = Number(res.headers.get('location')!.split('/').pop());
    await saveLifeEventMapRevision(ctx.deps, {
      user,
      baseRevision: revisionsBefore + 1,
      changeNote: 'Fjernet igjen',
      change: { kind: 'remove-task', taskId: 'lokal-oppgave' },
    });
    const orch = await signedIn('orchestrator');
    const page = await (await orch.get(`/livshendelse/forslag/${number}`)).text();
    expect(page).toContain('(ikke lenger i kartet)');
    const refused = await orch.post(`/livshendelse/forslag/${number}/godta`, { seen: String(revisionsBefore + 2) });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('finnes ikke lenger i kartet');
    expect(await ctx.database.db.select().from(lifeEventMapRevisions)).toHaveLength(revisionsBefore + 2);
    expect((await orch.post(`/livshendelse/forslag/${number}/avvis`, { reason: 'Oppgaven er fjernet.' })).status).toBe(303);
  });

  it('the orchestrator rejects with a reason; the proposer sees it, in nynorsk too', async () => {
    const leader = await signedIn('leader');
    const res = await leader.post(
      '/livshendelse/forslag',
      proposal({ mal: `fase:${map.phases[0]!.slug}`, onBehalf: `org:${orgId}`, what: 'Kortere fase', 'title.nb': 'Idé og plan' }),
    );
    expect(res.status).toBe(303);
    const number = Number(res.headers.get('location')!.split('/').pop());
    const orch = await signedIn('orchestrator');
    expect(
      (await orch.post(`/livshendelse/forslag/${number}/avvis`, { reason: 'Fasen skal hete det samme som i prosjektet.' })).status,
    ).toBe(303);
    const [row] = await ctx.database.db.select().from(lifeEventMapProposals).where(eq(lifeEventMapProposals.number, number));
    expect(row).toMatchObject({ status: 'rejected', decisionReason: 'Fasen skal hete det samme som i prosjektet.', revisionNumber: null });
    const page = await (await leader.get(`/livshendelse/forslag/${number}`, { 'accept-language': 'nn' })).text();
    expect(page).toContain('Forslaget vart avvist av Olga Orkestrator');
    expect(page).toContain('Fasen skal hete det samme som i prosjektet.');
    expect(await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'life_event_map.proposal.rejected'))).toHaveLength(
      2,
    );
    expect((await ctx.client().get('/livshendelse/forslag/999')).status).toBe(404);
    expect((await ctx.client().get('/livshendelse/forslag/abc')).status).toBe(404);
  });
});

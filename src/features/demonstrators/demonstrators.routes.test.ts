import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import {
  auditEvents,
  demonstratorExperiments,
  demonstratorParticipants,
  demonstratorSurveyResponses,
  demonstratorSurveys,
  ecosystemActorPeople,
  ecosystemActors,
  memberships,
  organisations,
  portfolioHistory,
  portfolioInitiatives,
} from '../../core/db/schema.ts';
import { createInitiative } from '../portfolio/create-initiative.ts';
import { changeStage } from '../portfolio/portfolio.domain.ts';
import { decide, startExperiment } from './demonstrators.domain.ts';

/** Demonstrators on both engines: experiments, opt-in from the workspace, surveys, results, the decision. */
describe(`demonstrators /okosystem/demonstratorer (${engineUnderTest})`, () => {
  let ctx: TestContext;
  let orgA: string;
  let orgB: string;
  let initiativeId: string;
  let experimentId = '';
  let surveyId = '';
  const users: Record<string, { id: string; name: string; email: string }> = {};
  const asUser = (who: string): CurrentUser => ({ ...users[who]!, platformRoles: [], sessionIdHash: 'test' });

  beforeAll(async () => {
    ctx = await createTestContext();
    const db = ctx.database.db;
    for (const [key, name] of [
      ['leaderA', 'Kari Leder'],
      ['memberA', 'Per Medlem'],
      ['leaderB', 'Ola Styre'],
      ['core', 'Kjerne Person'],
      ['supplier', 'Lise Leverandør'],
      ['stranger', 'Utenfor'],
    ] as const) {
      users[key] = await ctx.createUser({ name });
    }
    const [a] = await db.insert(organisations).values({ name: 'Bygdelaget Framtid' }).returning();
    const [b] = await db.insert(organisations).values({ name: 'Sjakklubben Løperen' }).returning();
    orgA = a!.id;
    orgB = b!.id;
    await db.insert(memberships).values([
      { organisationId: orgA, userId: users.leaderA!.id, role: 'leader' },
      { organisationId: orgA, userId: users.memberA!.id, role: 'member' },
      { organisationId: orgB, userId: users.leaderB!.id, role: 'leader' },
    ]);
    const [core] = await db
      .insert(ecosystemActors)
      .values({ name: 'Frivillighet Norge', kind: 'umbrella_body', ecosystemRole: 'core_group' })
      .returning();
    const [supplier] = await db
      .insert(ecosystemActors)
      .values({ name: 'Medlemsdata AS', kind: 'supplier', ecosystemRole: 'participant' })
      .returning();
    await db.insert(ecosystemActorPeople).values([
      { actorId: core!.id, userId: users.core!.id, title: 'Rådgiver' },
      { actorId: supplier!.id, userId: users.supplier!.id, title: 'Daglig leder' },
    ]);
    const input = {
      kind: 'solution' as const,
      title: 'Digitalt årsmøte',
      description: 'Årsmøte med påmelding, stemmegivning og protokoll i appen.',
      phases: [3],
      gains: ['less-admin-organisations'],
      needIds: [],
      ownerActorId: null,
      participantActorIds: [],
    };
    initiativeId = await createInitiative(ctx.deps, { user: asUser('core'), input, origin: { kind: 'core-group' } });
  });
  afterAll(() => ctx.close());

  const signedIn = async (who: string) => {
    const client = ctx.client();
    await client.signInAs(users[who]!.id);
    return client;
  };
  const experimentForm = (): [string, string][] => [
    ['initiativeId', initiativeId],
    ['hypothesis', 'Hvis styret kan holde årsmøtet i appen, bruker de under en time på protokollen.'],
    ['startDate', '2026-03-01'],
    ['endDate', '2026-06-30'],
    ['metricName', 'Tid brukt på protokoll'],
    ['metricTarget', 'Under 1 time'],
    ['metricName', 'Fornøyde styreledere'],
    ['metricTarget', 'Minst 4 av 5'],
    ['metricName', ''],
    ['metricTarget', ''],
  ];
  const rows = async (table: typeof demonstratorExperiments | typeof demonstratorSurveyResponses | typeof demonstratorParticipants) =>
    (await ctx.database.db.select().from(table)).length;

  it('anyone reads the list; only the core group starts an experiment, and only for the demonstrator stage', async () => {
    const res = await ctx.client().get('/okosystem/demonstratorer');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Ingen eksperimenter ennå.');
    for (const who of ['leaderA', 'supplier', 'stranger']) {
      const client = await signedIn(who);
      expect((await client.get('/okosystem/demonstratorer/ny')).status).toBe(403);
      expect((await client.post('/okosystem/demonstratorer', experimentForm())).status).toBe(403);
    }
    const core = await signedIn('core');
    const notYet = await core.post('/okosystem/demonstratorer', experimentForm());
    expect(notYet.status).toBe(422);
    expect(await notYet.text()).toContain('Velg et initiativ som står på steget demonstrator.');
    expect(await rows(demonstratorExperiments)).toBe(0);
  });

  it('bad input answers 422 with field errors, keeps the input and writes nothing', async () => {
    await changeStage(ctx.deps, { user: asUser('core'), id: initiativeId, input: { stage: 'demonstrator', reason: '' } });
    const core = await signedIn('core');
    const res = await core.post('/okosystem/demonstratorer', [
      ['initiativeId', initiativeId],
      ['hypothesis', 'Kort'],
      ['startDate', '2026-06-30'],
      ['endDate', '2026-02-30'],
      ['metricName', 'Uten mål'],
      ['metricTarget', ''],
    ]);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Skriv hypotesen (10–2000 tegn).');
    expect(html).toContain('Skriv sluttdatoen som en gyldig dato.');
    expect(html).toContain('Fyll inn minst ett suksesskriterium');
    expect(html).toContain('value="Uten mål"');
    expect(await rows(demonstratorExperiments)).toBe(0);
  });

  it('the core group starts it; a second open experiment for the same initiative is refused (409)', async () => {
    const core = await signedIn('core');
    const link = `href="/okosystem/demonstratorer/ny?initiativ=${initiativeId}"`;
    expect(await (await core.get(`/okosystem/portefolje/${initiativeId}`)).text()).toContain(link);
    const res = await core.post('/okosystem/demonstratorer', experimentForm());
    expect(res.status).toBe(303);
    expect(await (await core.get(`/okosystem/portefolje/${initiativeId}`)).text()).not.toContain(link);
    experimentId = res.headers.get('location')!.split('/').pop()!;
    const [row] = await ctx.database.db.select().from(demonstratorExperiments).where(eq(demonstratorExperiments.id, experimentId));
    expect(row!.metrics).toEqual([
      { name: 'Tid brukt på protokoll', target: 'Under 1 time', outcome: '' },
      { name: 'Fornøyde styreledere', target: 'Minst 4 av 5', outcome: '' },
    ]);
    expect((await core.post('/okosystem/demonstratorer', experimentForm())).status).toBe(409);
    const page = await (await ctx.client().get(`/okosystem/demonstratorer/${experimentId}`)).text();
    expect(page).toContain('>Suksesskriterier</caption>');
    expect(page).toContain('Under 1 time');
  });

  it('the core group edits hypothesis, period and metrics (history before → after); others cannot; bad input 422', async () => {
    const leaderA = await signedIn('leaderA');
    expect((await leaderA.get(`/okosystem/demonstratorer/${experimentId}/endre`)).status).toBe(403);
    expect((await leaderA.post(`/okosystem/demonstratorer/${experimentId}`, experimentForm())).status).toBe(403);
    const core = await signedIn('core');
    const form = await (await core.get(`/okosystem/demonstratorer/${experimentId}/endre`)).text();
    expect(form).toContain('value="Fornøyde styreledere"');
    const bad = await core.post(`/okosystem/demonstratorer/${experimentId}`, [
      ...experimentForm().filter(([k]) => k !== 'endDate'),
      ['endDate', '2026-01-01'],
    ]);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Sluttdatoen kan ikke være før startdatoen.');
    const edited = experimentForm().map(([k, v]): [string, string] => [k, k === 'endDate' ? '2026-08-31' : v]);
    expect((await core.post(`/okosystem/demonstratorer/${experimentId}`, edited)).status).toBe(303);
    const page = await (await ctx.client().get(`/okosystem/demonstratorer/${experimentId}`)).text();
    expect(page).toContain('Sluttdato: 2026-06-30 → 2026-08-31');
  });

  it('organisations opt in from their own workspace only (leader/board), and out again', async () => {
    const member = await signedIn('memberA');
    const panel = await member.get(`/arbeidsrom/${orgA}/demonstratorer`);
    expect(panel.status).toBe(200);
    expect(await panel.text()).toContain('Bare ledere og styremedlemmer kan melde organisasjonen på eller av.');
    expect((await member.post(`/arbeidsrom/${orgA}/demonstratorer/${experimentId}/delta`)).status).toBe(403);
    const leaderB = await signedIn('leaderB');
    expect((await leaderB.post(`/arbeidsrom/${orgA}/demonstratorer/${experimentId}/delta`)).status).toBe(403);
    expect((await leaderB.get(`/arbeidsrom/${orgA}/demonstratorer`)).status).toBe(403);
    const core = await signedIn('core');
    expect((await core.post(`/arbeidsrom/${orgA}/demonstratorer/${experimentId}/delta`)).status).toBe(403);
    expect(await rows(demonstratorParticipants)).toBe(0);

    const leaderA = await signedIn('leaderA');
    const workspace = await (await leaderA.get(`/arbeidsrom/${orgA}`)).text();
    expect(workspace).toContain(`href="/arbeidsrom/${orgA}/demonstratorer"`);
    expect((await leaderA.post(`/arbeidsrom/${orgA}/demonstratorer/${experimentId}/delta`)).status).toBe(303);
    expect((await leaderB.post(`/arbeidsrom/${orgB}/demonstratorer/${experimentId}/delta`)).status).toBe(303);
    expect((await leaderB.post(`/arbeidsrom/${orgB}/demonstratorer/${experimentId}/trekk`)).status).toBe(303);
    expect((await leaderB.post(`/arbeidsrom/${orgB}/demonstratorer/${experimentId}/delta`)).status).toBe(303);
    expect(await rows(demonstratorParticipants)).toBe(2);
    const page = await (await ctx.client().get(`/okosystem/demonstratorer/${experimentId}`)).text();
    expect(page).toContain('<li>Bygdelaget Framtid</li>');
    expect(page).toContain('Deltaker: – → Sjakklubben Løperen');
    expect(page).toContain('Deltaker: Sjakklubben Løperen → –');
    const audit = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'demonstrator.opted_in'));
    // orgB opted in, out and in again: three events, each for the organisation it concerns.
    expect(audit.map((e) => e.organisationId).sort()).toEqual([orgA, orgB, orgB].sort());
  });

  it('the core group adds a survey; others cannot; a survey needs 1–5 questions', async () => {
    const leaderA = await signedIn('leaderA');
    const form: [string, string][] = [
      ['title', 'Etter første årsmøte'],
      ['questionPrompt', 'Hvor enkelt var det å føre protokollen?'],
      ['questionKind', 'scale'],
      ['questionPrompt', 'Hva savnet dere?'],
      ['questionKind', 'text'],
    ];
    expect((await leaderA.post(`/okosystem/demonstratorer/${experimentId}/undersokelser`, form)).status).toBe(403);
    const core = await signedIn('core');
    const empty = await core.post(`/okosystem/demonstratorer/${experimentId}/undersokelser`, [['title', 'Tom undersøkelse']]);
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Skriv mellom ett og fem spørsmål');
    expect((await ctx.database.db.select().from(demonstratorSurveys)).length).toBe(0);
    expect((await core.post(`/okosystem/demonstratorer/${experimentId}/undersokelser`, form)).status).toBe(303);
    const [survey] = await ctx.database.db.select().from(demonstratorSurveys);
    surveyId = survey!.id;
    expect(survey!.questions).toEqual([
      { prompt: 'Hvor enkelt var det å føre protokollen?', kind: 'scale' },
      { prompt: 'Hva savnet dere?', kind: 'text' },
    ]);
  });

  it("participants' members answer once each; bad answers are refused without a write; outsiders cannot answer", async () => {
    const path = `/okosystem/demonstratorer/${experimentId}/undersokelser/${surveyId}`;
    for (const who of ['stranger', 'supplier', 'core']) {
      const client = await signedIn(who);
      expect((await client.get(path)).status).toBe(403);
      expect((await client.post(path, { organisationId: orgA, q0: '4', q1: 'x' })).status).toBe(403);
    }
    const leaderB = await signedIn('leaderB');
    expect((await leaderB.post(path, { organisationId: orgA, q0: '4', q1: '' })).status).toBe(403);
    const member = await signedIn('memberA');
    const form = await (await member.get(path)).text();
    expect(form).toContain('Du svarer for Bygdelaget Framtid.');
    const bad = await member.post(path, { organisationId: orgA, q0: '9', q1: 'Mer hjelp' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Velg et tall fra 1 til 5.');
    expect(await rows(demonstratorSurveyResponses)).toBe(0);
    expect((await member.post(path, { organisationId: orgA, q0: '4', q1: 'Mal for innkalling' })).status).toBe(303);
    expect((await member.post(path, { organisationId: orgA, q0: '5', q1: 'Igjen' })).status).toBe(409);
    const leaderA = await signedIn('leaderA');
    expect((await leaderA.post(path, { organisationId: orgA, q0: '2', q1: '' })).status).toBe(303);
    expect((await leaderB.post(path, { organisationId: orgB, q0: '5', q1: 'Hemmelig svar fra Løperen' })).status).toBe(303);
    expect(await rows(demonstratorSurveyResponses)).toBe(3);
  });

  it('the core group sees all answers aggregated; an organisation only its own; the public neither', async () => {
    const core = await (await (await signedIn('core')).get(`/okosystem/demonstratorer/${experimentId}`)).text();
    expect(core).toContain('Alle svar: Hvor enkelt var det å føre protokollen?');
    expect(core).toContain('<td>3.7</td>');
    expect(core).toContain('Hemmelig svar fra Løperen');
    const member = await (await (await signedIn('memberA')).get(`/okosystem/demonstratorer/${experimentId}`)).text();
    expect(member).toContain('Svarene fra Bygdelaget Framtid (2)');
    expect(member).toContain('Mal for innkalling');
    expect(member).not.toContain('Alle svar');
    expect(member).not.toContain('Hemmelig svar fra Løperen');
    expect(member).toContain('Du har svart på denne undersøkelsen.');
    const anonymous = await (await ctx.client().get(`/okosystem/demonstratorer/${experimentId}`)).text();
    expect(anonymous).toContain('Antall svar: 3');
    expect(anonymous).not.toContain('Mal for innkalling');
    expect(anonymous).not.toContain('Hemmelig svar fra Løperen');
  });

  it('results and the decision: core group only, a reason is required, the initiative moves, both histories record it', async () => {
    const leaderA = await signedIn('leaderA');
    expect((await leaderA.post(`/okosystem/demonstratorer/${experimentId}/resultater`, { results: 'x' })).status).toBe(403);
    expect((await leaderA.post(`/okosystem/demonstratorer/${experimentId}/beslutning`, { decision: 'scale', reason: 'Bra' })).status).toBe(
      403,
    );
    const core = await signedIn('core');
    const results = await core.post(`/okosystem/demonstratorer/${experimentId}/resultater`, [
      ['results', 'Styrene brukte i snitt 40 minutter på protokollen.'],
      ['learning', 'Malene for innkalling må komme tidligere.'],
      ['outcome', '40 minutter'],
      ['outcome', '3,7 av 5'],
    ]);
    expect(results.status).toBe(303);
    const noReason = await core.post(`/okosystem/demonstratorer/${experimentId}/beslutning`, { decision: 'stop', reason: '' });
    expect(noReason.status).toBe(422);
    const [before] = await ctx.database.db.select().from(portfolioInitiatives).where(eq(portfolioInitiatives.id, initiativeId));
    expect(before!.stage).toBe('demonstrator');
    expect(
      (
        await core.post(`/okosystem/demonstratorer/${experimentId}/beslutning`, {
          decision: 'stop',
          reason: 'Et annet initiativ dekker behovet',
        })
      ).status,
    ).toBe(303);
    const [after] = await ctx.database.db.select().from(portfolioInitiatives).where(eq(portfolioInitiatives.id, initiativeId));
    expect(after).toMatchObject({ stage: 'stopped', stopReason: 'Et annet initiativ dekker behovet' });
    const moves = await ctx.database.db.select().from(portfolioHistory).where(eq(portfolioHistory.action, 'stage_changed'));
    expect(moves.at(-1)!.changes).toMatchObject({ stage: ['demonstrator', 'stopped'], decision: 'stop' });
    expect((await core.post(`/okosystem/demonstratorer/${experimentId}/beslutning`, { decision: 'scale', reason: 'Likevel' })).status).toBe(
      409,
    );
    expect((await leaderA.post(`/arbeidsrom/${orgA}/demonstratorer/${experimentId}/trekk`)).status).toBe(409);
    // A member who has not answered yet: the decided experiment's survey is closed.
    users.memberB = await ctx.createUser({ name: 'Siri Medlem' });
    await ctx.database.db.insert(memberships).values({ organisationId: orgB, userId: users.memberB.id, role: 'member' });
    const memberB = await signedIn('memberB');
    const closed = await memberB.post(`/okosystem/demonstratorer/${experimentId}/undersokelser/${surveyId}`, {
      organisationId: orgB,
      q0: '3',
      q1: '',
    });
    expect(closed.status).toBe(409);
    expect(await closed.text()).toContain('undersøkelsen tar ikke imot flere svar');
    expect((await core.post(`/okosystem/demonstratorer/${experimentId}`, experimentForm())).status).toBe(409);
    const page = await (await ctx.client().get(`/okosystem/demonstratorer/${experimentId}`)).text();
    expect(page).toContain('Utfall: –, – → 40 minutter, 3,7 av 5');
    expect(page).toContain('Stoppe: Et annet initiativ dekker behovet');
    const portfolioPage = await (await ctx.client().get(`/okosystem/portefolje/${initiativeId}`)).text();
    expect(portfolioPage).toContain('Steg: Demonstrator → Stoppet');
  });

  it('scale moves to skalering and adjust back to utforsking', async () => {
    const core = asUser('core');
    for (const [decision, stage] of [
      ['adjust', 'exploration'],
      ['scale', 'scaling'],
    ] as const) {
      await changeStage(ctx.deps, { user: core, id: initiativeId, input: { stage: 'demonstrator', reason: '' } });
      const id = await startExperiment(ctx.deps, {
        user: core,
        input: {
          initiativeId,
          hypothesis: 'En ny runde med flere lag.',
          startDate: '2026-08-01',
          endDate: '2026-09-01',
          metrics: [{ name: 'Lag', target: '10', outcome: '' }],
        },
      });
      await decide(ctx.deps, { user: core, id, input: { decision, reason: 'Vurdert i kjernegruppen' } });
      const [row] = await ctx.database.db.select().from(portfolioInitiatives).where(eq(portfolioInitiatives.id, initiativeId));
      expect(row).toMatchObject({ stage, stopReason: null });
    }
  });
});

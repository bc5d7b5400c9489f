import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  demonstratorParticipants,
  ecosystemActorPeople,
  ecosystemActors,
  invitations,
  memberships,
  organisations,
} from '../../src/core/db/schema.ts';
import { startExperiment } from '../../src/features/demonstrators/demonstrators.domain.ts';
import { createInitiative } from '../../src/features/portfolio/create-initiative.ts';
import { changeStage } from '../../src/features/portfolio/portfolio.domain.ts';
import { createTestContext, type TestContext } from '../helpers/app.ts';
import { engineUnderTest } from '../helpers/database.ts';

/**
 * Every organisation-scoped route is found from the router itself (any path with an :orgId parameter),
 * so a route added later is covered without touching this test. A signed-in stranger must be refused
 * on each for GET and POST, and nothing in the database may change.
 */
describe(`organisation-scoped routes refuse strangers (${engineUnderTest})`, () => {
  let ctx: TestContext;
  let orgId: string;
  let params: Record<string, string>;

  beforeAll(async () => {
    ctx = await createTestContext();
    const leader = await ctx.createUser({ name: 'Leder' });
    const member = await ctx.createUser({ name: 'Medlem' });
    const lc = ctx.client();
    await lc.signInAs(leader.id);
    const res = await lc.post('/arbeidsrom/ny', { name: 'Lukket lag', registered: 'no' });
    orgId = res.headers.get('location')!.split('/').pop()!;
    await ctx.database.db.insert(memberships).values({ organisationId: orgId, userId: member.id, role: 'member' });
    await lc.post(`/arbeidsrom/${orgId}/invitasjoner`, { email: 'pending@example.no', role: 'member' });
    const [invitation] = await ctx.database.db.select().from(invitations);
    // A demonstrator experiment organisations can opt in to (/arbeidsrom/:orgId/demonstratorer/:id/…).
    const coreUser = await ctx.createUser({ name: 'Kjernegruppe' });
    const [actor] = await ctx.database.db
      .insert(ecosystemActors)
      .values({ name: 'Frivillighet Norge', kind: 'umbrella_body', ecosystemRole: 'core_group' })
      .returning();
    await ctx.database.db.insert(ecosystemActorPeople).values({ actorId: actor!.id, userId: coreUser.id, title: 'Rådgiver' });
    const core = { ...coreUser, platformRoles: [], sessionIdHash: 'test' };
    const initiativeId = await createInitiative(ctx.deps, {
      user: core,
      input: {
        kind: 'solution',
        title: 'Digitalt årsmøte',
        description: 'Årsmøte med påmelding, stemmegivning og protokoll i appen.',
        phases: [3],
        gains: ['less-admin-organisations'],
        needIds: [],
        ownerActorId: null,
        participantActorIds: [],
      },
      origin: { kind: 'core-group' },
    });
    await changeStage(ctx.deps, { user: core, id: initiativeId, input: { stage: 'demonstrator', reason: '' } });
    const experimentId = await startExperiment(ctx.deps, {
      user: core,
      input: {
        initiativeId,
        hypothesis: 'Styret bruker under en time på protokollen.',
        startDate: '2026-03-01',
        endDate: '2026-06-30',
        metrics: [{ name: 'Tid brukt på protokoll', target: 'Under 1 time', outcome: '' }],
      },
    });
    // Real ids for every other parameter, so a route cannot pass by failing to find its target.
    params = { orgId, userId: member.id, invitationId: invitation!.id, id: experimentId };
  });
  afterAll(() => ctx.close());

  const orgScopedRoutes = () => {
    const seen = new Set<string>();
    const routes: { method: string; path: string }[] = [];
    for (const r of ctx.app.routes) {
      if (!r.path.includes(':orgId') || r.method === 'ALL') continue;
      const key = `${r.method} ${r.path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      routes.push({ method: r.method, path: r.path });
    }
    return routes;
  };

  const fill = (path: string) =>
    path.replace(/:(\w+)/g, (_, name: string) => {
      const value = params[name];
      if (!value) throw new Error(`no test value for route parameter :${name} in ${path}; add one to this test`);
      return value;
    });

  async function snapshot() {
    const db = ctx.database.db;
    return {
      organisations: await db.select().from(organisations),
      memberships: await db.select().from(memberships),
      invitations: await db.select().from(invitations),
      demonstratorParticipants: await db.select().from(demonstratorParticipants),
      audit: (await db.select().from(auditEvents)).length,
    };
  }

  it('finds the organisation-scoped routes from the router', () => {
    const routes = orgScopedRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(9);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toContain('GET /arbeidsrom/:orgId');
  });

  it('refuses a signed-in stranger on every one, for GET and POST, and changes nothing', async () => {
    const stranger = ctx.client();
    await stranger.signInAs((await ctx.createUser({ name: 'Fremmed' })).id);
    const before = await snapshot();
    for (const route of orgScopedRoutes()) {
      const path = fill(route.path);
      for (const method of ['GET', 'POST'] as const) {
        const res = method === 'GET' ? await stranger.get(path) : await stranger.post(path, { role: 'leader', email: 'evil@example.no' });
        const registered = method === route.method;
        // The registered method must answer 403; the other method is either refused the same way or not routed at all.
        const ok = registered ? res.status === 403 : [403, 404, 405].includes(res.status);
        expect(ok, `${method} ${route.path} answered ${res.status}`).toBe(true);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('sends a signed-out visitor to sign in (GET) or refuses (POST) on every one', async () => {
    const anonymous = ctx.client();
    for (const route of orgScopedRoutes()) {
      const path = fill(route.path);
      const res = route.method === 'GET' ? await anonymous.get(path) : await anonymous.post(path, {});
      if (route.path.startsWith('/api/')) {
        expect(res.status, route.path).toBe(401);
      } else if (route.method === 'GET') {
        expect(res.status, route.path).toBe(303);
        expect(res.headers.get('location'), route.path).toMatch(/^\/logg-inn\?tilbake=/);
      } else {
        expect(res.status, route.path).toBe(401);
      }
    }
  });

  it('refuses a member from another organisation', async () => {
    const outsider = await ctx.createUser();
    const oc = ctx.client();
    await oc.signInAs(outsider.id);
    await oc.post('/arbeidsrom/ny', { name: 'Annen forening', registered: 'no' });
    expect((await oc.get(`/arbeidsrom/${orgId}`)).status).toBe(403);
    expect((await oc.get(`/arbeidsrom/${orgId}/medlemmer`)).status).toBe(403);
  });

  it('refuses malformed ids without a server error', async () => {
    const c = ctx.client();
    await c.signInAs((await ctx.createUser()).id);
    expect((await c.get('/arbeidsrom/not-a-uuid')).status).toBe(403);
    expect((await c.get("/arbeidsrom/'%3B drop table users --/medlemmer")).status).toBe(403);
  });
});

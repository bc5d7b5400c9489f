import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { ecosystemActorPeople, ecosystemActors } from '../../core/db/schema.ts';
import { actorsOfUser, isCoreGroupMember, requireActorPerson, requireCoreGroup, requireOrchestrator } from './ecosystem-access.ts';
import { GAIN_IDS, GAINS, gainText, isGainId } from './gains.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const asUser = (u: { id: string; name: string; email: string }, roles: CurrentUser['platformRoles'] = []): CurrentUser => ({
  ...u,
  platformRoles: roles,
  sessionIdHash: 'x',
});

async function actor(name: string, ecosystemRole: 'orchestrator' | 'core_group' | 'participant' | 'observer', kind = 'supplier' as const) {
  const [row] = await ctx.database.db.insert(ecosystemActors).values({ name, kind, ecosystemRole }).returning();
  return row!;
}

describe('ecosystem access', () => {
  it('requireOrchestrator: orchestrator and administrator pass; others are forbidden; signed out is not_signed_in', async () => {
    const o = asUser(await ctx.createUser(), ['orchestrator']);
    const a = asUser(await ctx.createUser(), ['administrator']);
    const p = asUser(await ctx.createUser(), ['public_official']);
    expect(requireOrchestrator(o)).toBe(o);
    expect(requireOrchestrator(a)).toBe(a);
    expect(() => requireOrchestrator(p)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => requireOrchestrator(null)).toThrow(expect.objectContaining({ code: 'not_signed_in' }));
  });

  it('core group: people of orchestrator/core-group actors pass; participants, observers and strangers do not', async () => {
    const core = await actor('Kjerneaktør', 'core_group');
    const orch = await actor('Orkestrator', 'orchestrator');
    const part = await actor('Deltaker', 'participant');
    const obs = await actor('Observatør', 'observer');
    const users = await Promise.all([1, 2, 3, 4, 5].map(() => ctx.createUser()));
    const [uCore, uOrch, uPart, uObs, uNone] = users.map((u) => asUser(u));
    await ctx.database.db.insert(ecosystemActorPeople).values([
      { actorId: core.id, userId: uCore!.id, title: 'Rådgiver' },
      { actorId: orch.id, userId: uOrch!.id, title: 'Leder' },
      { actorId: part.id, userId: uPart!.id },
      { actorId: obs.id, userId: uObs!.id },
    ]);
    expect(await isCoreGroupMember(ctx.deps, { user: uCore! })).toBe(true);
    expect(await isCoreGroupMember(ctx.deps, { user: uOrch! })).toBe(true);
    expect(await isCoreGroupMember(ctx.deps, { user: uPart! })).toBe(false);
    expect(await isCoreGroupMember(ctx.deps, { user: uObs! })).toBe(false);
    expect(await isCoreGroupMember(ctx.deps, { user: uNone! })).toBe(false);
    expect(await isCoreGroupMember(ctx.deps, { user: null })).toBe(false);
    expect(await isCoreGroupMember(ctx.deps, { user: asUser(await ctx.createUser(), ['orchestrator']) })).toBe(true);

    await expect(requireCoreGroup(ctx.deps, { user: uCore! })).resolves.toBe(uCore);
    await expect(requireCoreGroup(ctx.deps, { user: uPart! })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(requireCoreGroup(ctx.deps, { user: null })).rejects.toMatchObject({ code: 'not_signed_in' });
    // A public official is not core group by platform role alone.
    await expect(requireCoreGroup(ctx.deps, { user: asUser(await ctx.createUser(), ['public_official']) })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('actorsOfUser lists the user’s actors with titles; requireActorPerson admits only the actor’s own people (and the orchestrator)', async () => {
    const a = await actor('Leverandør A', 'participant');
    const b = await actor('Leverandør B', 'participant');
    const ua = asUser(await ctx.createUser());
    await ctx.database.db.insert(ecosystemActorPeople).values({ actorId: a.id, userId: ua.id, title: 'Daglig leder' });

    expect(await actorsOfUser(ctx.deps, { user: ua })).toEqual([
      expect.objectContaining({
        actorId: a.id,
        name: 'Leverandør A',
        kind: 'supplier',
        ecosystemRole: 'participant',
        title: 'Daglig leder',
      }),
    ]);
    expect(await actorsOfUser(ctx.deps, { user: null })).toEqual([]);

    await expect(requireActorPerson(ctx.deps, { user: ua, actorId: a.id })).resolves.toBe(ua);
    // Supplier A's person is refused on supplier B (the "another supplier's listing" boundary).
    await expect(requireActorPerson(ctx.deps, { user: ua, actorId: b.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(requireActorPerson(ctx.deps, { user: ua, actorId: 'not-a-uuid' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(requireActorPerson(ctx.deps, { user: null, actorId: a.id })).rejects.toMatchObject({ code: 'not_signed_in' });
    const orch = asUser(await ctx.createUser(), ['orchestrator']);
    await expect(requireActorPerson(ctx.deps, { user: orch, actorId: b.id })).resolves.toBe(orch);
  });

  it('the database refuses an unknown kind or role and a supplier sector on a non-supplier', async () => {
    const db = ctx.database.db;
    await expect(db.insert(ecosystemActors).values({ name: 'X', kind: 'bad' as 'supplier', ecosystemRole: 'observer' })).rejects.toThrow();
    await expect(db.insert(ecosystemActors).values({ name: 'Y', kind: 'supplier', ecosystemRole: 'boss' as 'observer' })).rejects.toThrow();
    await expect(
      db.insert(ecosystemActors).values({ name: 'Z', kind: 'municipality', ecosystemRole: 'observer', supplierSector: 'private' }),
    ).rejects.toThrow();
  });
});

describe('gains', () => {
  it('has the four shared ids with names and definitions in nb and nn', () => {
    expect(GAINS.map((g) => g.id)).toEqual([...GAIN_IDS]);
    for (const g of GAINS) {
      expect(gainText(g, 'name', 'nb')).not.toBe(gainText(g, 'name', 'nn'));
      expect(gainText(g, 'definition', 'nn').length).toBeGreaterThan(20);
    }
    expect(isGainId('targeted-grants')).toBe(true);
    expect(isGainId('faster')).toBe(false);
  });
});

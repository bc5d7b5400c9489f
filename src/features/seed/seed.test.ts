import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import { memberships, organisations, userPlatformRoles, users } from '../../core/db/schema.ts';
import { isValidOrgnr } from '../../core/validators/orgnr.ts';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_PEOPLE, isDatabaseEmpty, seedDemoData } from './seed.ts';

describe(`demo data (${engineUnderTest})`, () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('creates people with every role and organisations in different phases, once', async () => {
    expect(await isDatabaseEmpty(ctx.deps)).toBe(true);
    expect(await seedDemoData(ctx.deps)).toEqual({ created: true });
    expect(await seedDemoData(ctx.deps)).toEqual({ created: false });
    expect(await ctx.database.db.select().from(users)).toHaveLength(DEMO_PEOPLE.length);
    const orgs = await ctx.database.db.select().from(organisations);
    expect(orgs).toHaveLength(DEMO_ORGANISATIONS.length);
    expect(new Set(orgs.map((o) => o.phase)).size).toBeGreaterThanOrEqual(4);
    for (const o of orgs) if (o.orgnr) expect(isValidOrgnr(o.orgnr), o.orgnr).toBe(true);
    const roles = await ctx.database.db.select().from(memberships);
    expect(new Set(roles.map((r) => r.role))).toEqual(new Set(['leader', 'board_member', 'treasurer', 'member']));
    const platform = await ctx.database.db.select().from(userPlatformRoles);
    expect(new Set(platform.map((p) => p.role))).toEqual(new Set(['public_official', 'orchestrator', 'administrator']));
  });

  it('lets a demo person sign in with the demo password', async () => {
    const client = ctx.client();
    const res = await client.post('/logg-inn', { email: DEMO_PEOPLE[0].email, password: DEMO_PASSWORD, tilbake: '/arbeidsrom' });
    expect(res.status).toBe(303);
    const html = await (await client.get('/arbeidsrom')).text();
    expect(html).toContain('Tromsø Sjakklubb');
  });
});

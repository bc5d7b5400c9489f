import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, userByEmail } from '../../../test/helpers/app.ts';
import { seedDemoData } from '../seed/seed.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemoData(ctx.deps);
});
afterAll(async () => {
  await ctx.close();
});

describe('ecosystem demo content', () => {
  it('lists the project’s actors with Brønnøysundregistrene as orchestrator and shows the core group’s decisions', async () => {
    const c = ctx.client();
    const html = await (await c.get('/okosystem/aktorer?rolle=core_group')).text();
    for (const name of ['Kulturdepartementet', 'Lotteri- og stiftelsestilsynet', 'Norges innsamlingsråd', 'Frivillighet Norge'])
      expect(html).toContain(name);
    expect(await (await c.get('/okosystem/aktorer?rolle=orchestrator')).text()).toContain('Brønnøysundregistrene');
    expect(await (await c.get('/okosystem/aktorer?type=research')).text()).toContain('Institutt for samfunnsforskning');
    const core = await (await c.get('/okosystem/kjernegruppe')).text();
    expect(core).toContain('Brønnøysundregistrene er orkestrator for økosystemet.');
    expect(core).toContain('Oppstartsmøte i kjernegruppen');
  });

  it('the demo people act in their roles: Ingrid (Frivillighet Norge) may add decisions, Ola (a supplier) may not', async () => {
    const ingrid = await userByEmail(ctx.database, 'ingrid@demo.frivillig.no');
    const ola = await userByEmail(ctx.database, 'ola@demo.frivillig.no');
    const ci = ctx.client();
    await ci.signInAs(ingrid!.id);
    expect(await (await ci.get('/okosystem/kjernegruppe')).text()).toContain('action="/okosystem/kjernegruppe/beslutninger"');
    const co = ctx.client();
    await co.signInAs(ola!.id);
    expect(
      (await co.post('/okosystem/kjernegruppe/beslutninger', { decidedOn: '2026-04-01', what: 'X', why: 'Y', decidedBy: 'Z' })).status,
    ).toBe(403);
  });
});

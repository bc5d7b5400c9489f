import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, userByEmail } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import { marketplaceOfferings, organisations } from '../../core/db/schema.ts';
import { seedDemoData } from '../seed/seed.ts';

/** The demo marketplace on both engines: what a newcomer sees, and suggestions from a seeded plan in phase 3. */
describe(`marketplace demo content (${engineUnderTest})`, () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
    await seedDemoData(ctx.deps);
  });
  afterAll(() => ctx.close());

  const as = async (email: string) => {
    const client = ctx.client();
    await client.signInAs((await userByEmail(ctx.database, email))!.id);
    return client;
  };

  it('shows the approved demo offerings publicly, keeps the pending one for the orchestrator, and has a challenge with a proposal', async () => {
    const list = await (await ctx.client().get('/okosystem/markedsplass')).text();
    for (const title of ['Lagshjelpen Medlem', 'Lagshjelpen Regnskap', 'Digitalt årsmøte', 'Årshjulet som kalenderstrøm fra Frivillig']) {
      expect(list).toContain(title);
    }
    expect(list).not.toContain('Lagshjelpen Dugnad');
    const queue = await (await (await as('otto@demo.frivillig.no')).get('/okosystem/markedsplass/godkjenning')).text();
    expect(queue).toContain('Lagshjelpen Dugnad');
    const challenges = await (await ctx.client().get('/okosystem/utfordringer')).text();
    expect(challenges).toContain('Tilskuddsrapport som hentes, ikke skrives');
    const [pending] = await ctx.database.db.select().from(marketplaceOfferings).where(eq(marketplaceOfferings.status, 'pending'));
    expect(pending!.title).toBe('Lagshjelpen Dugnad');
  });

  it('Ola (Lagshjelpen AS) sees the interest in the own offering; Kari (Dugnadsverket SA) may not', async () => {
    const [medlem] = await ctx.database.db.select().from(marketplaceOfferings).where(eq(marketplaceOfferings.title, 'Lagshjelpen Medlem'));
    const ola = await as('ola@demo.frivillig.no');
    const stats = await ola.get(`/okosystem/markedsplass/${medlem!.id}/statistikk`);
    expect(stats.status).toBe(200);
    expect(await stats.text()).toMatch(/<td>\d{4}-\d{2}<\/td><td>23<\/td><td>4<\/td>/);
    const kari = await as('kari@demo.frivillig.no');
    expect((await kari.get(`/okosystem/markedsplass/${medlem!.id}/statistikk`)).status).toBe(403);
    expect((await kari.get(`/okosystem/markedsplass/${medlem!.id}/endre`)).status).toBe(403);
  });

  it('suggests offerings to Tromsø Sjakklubb (phase 3) from its plan’s open tasks, with the reasons', async () => {
    const [club] = await ctx.database.db.select().from(organisations).where(eq(organisations.name, 'Tromsø Sjakklubb'));
    const kari = await as('kari@demo.frivillig.no');
    const workspace = await (await kari.get(`/arbeidsrom/${club!.id}`)).text();
    expect(workspace).toContain(`href="/arbeidsrom/${club!.id}/markedsplass"`);
    const html = await (await kari.get(`/arbeidsrom/${club!.id}/markedsplass`)).text();
    expect(html).toContain('Digitalt årsmøte');
    expect(html).toContain('Brukes i Fase 3: Drive, der dere har');
    expect(html).toContain('Hjelper med oppgaven «');
    expect(html).not.toContain('Lagshjelpen Dugnad');
  });
});

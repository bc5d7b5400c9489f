import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import { seedDemoData } from '../seed/seed.ts';

/** The demo portfolio and demonstrator show up on the pages, linked to the demo needs, actors and organisations. */
describe(`demo portfolio and demonstrator (${engineUnderTest})`, () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
    await seedDemoData(ctx.deps);
  });
  afterAll(() => ctx.close());

  it('lists initiatives in every stage, the matrix counts them, the highest priority first', async () => {
    const html = await (await ctx.client().get('/okosystem/portefolje')).text();
    for (const stage of ['Idé', 'Utforsking', 'Demonstrator', 'Skalering', 'Stoppet']) expect(html).toContain(`<td>${stage}</td>`);
    expect(html).toContain('href="/okosystem/portefolje?fase=3&amp;steg=demonstrator#liste"');
    expect(html.indexOf('Fyll ut én gang')).toBeLessThan(html.indexOf('Rekruttering til styreverv'));
  });

  it('the demonstrator runs an experiment with participants; the core group sees the answers aggregated', async () => {
    const list = await (await ctx.client().get('/okosystem/demonstratorer')).text();
    const id = /href="\/okosystem\/demonstratorer\/([0-9a-f-]{36})"/.exec(list)![1]!;
    const page = await (await ctx.client().get(`/okosystem/demonstratorer/${id}`)).text();
    expect(page).toContain('<li>Fjellstien Turlag</li>');
    expect(page).toContain('<li>Tromsø Sjakklubb</li>');
    expect(page).toContain('Antall svar: 3');
    expect(page).not.toContain('Lenken gikk til forsiden');
  });
});

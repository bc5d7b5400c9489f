import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import { seedDemoData } from '../seed/seed.ts';

/** The demo roadmap and the demo change proposal show up on the pages, linked to the demo actors, needs and blocks. */
describe(`demo roadmap and map proposal (${engineUnderTest})`, () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
    await seedDemoData(ctx.deps);
  });
  afterAll(() => ctx.close());

  it('lists the demo items grouped by status, with owners and targets', async () => {
    const html = await (await ctx.client().get('/okosystem/veikart')).text();
    for (const text of [
      'Samordnet registermelding for frivillige',
      'Én innrapportering av vedtekter',
      'Momskompensasjon forhåndsutfylt fra registrene',
      'Digital signering av stiftelsesdokument',
      'Planlagt (2)',
      'Pågår (1)',
      'Levert (1)',
      'Utsatt (1)',
      'Lotteri- og stiftelsestilsynet',
      '3. kvartal 2027',
    ]) {
      expect(html).toContain(text);
    }
    const owner = /href="\/okosystem\/veikart\/([0-9a-f-]{36})">Felles tilskuddsrapportering/.exec(html);
    const item = await (await ctx.client().get(`/okosystem/veikart/${owner![1]}`)).text();
    expect(item).toContain('Venter på erfaringene fra demonstratoren');
    expect(item).toContain('Kommunen ber om rapport på tilskudd vi allerede har rapportert til staten');
    expect(item).toContain('Otto Orkestrator');
  });

  it('has one open proposal to the map, counted on the map page', async () => {
    const list = await (await ctx.client().get('/livshendelse/forslag')).text();
    expect(list).toContain('Forklar hvorfor satsen for momskompensasjon varierer');
    expect(list).toContain('Til vurdering');
    expect(await (await ctx.client().get('/livshendelse')).text()).toContain('Forslag til endringer: 1 til vurdering');
  });
});

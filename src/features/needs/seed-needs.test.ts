import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import { seedDemoData } from '../seed/seed.ts';

/** The demo content shows up on the pages: needs with counts, a grouped duplicate and the technical blocks. */
describe(`demo needs and building blocks (${engineUnderTest})`, () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
    await seedDemoData(ctx.deps);
  });
  afterAll(() => ctx.close());

  it('lists the demo needs with their counts; the duplicate rolls up', async () => {
    const html = await (await ctx.client().get('/okosystem/behov?fase=3')).text();
    expect(html).toContain(
      'Vi må gi de samme opplysningene til kommunen, Lotteritilsynet og Norsk Tipping</a></td><td>Fase 3: Drive</td><td>Under arbeid</td><td>3</td>',
    );
    // Fjellstien + Tromsø (confirmation) + Gamle Stavanger (grouped duplicate).
    expect(html).toContain('Vanskelig å vite fristen for momskompensasjon</a></td><td>Fase 3: Drive</td><td>Åpent</td><td>3</td>');
    expect(html).not.toContain('Når er søknadsfristen');
  });

  it('lists the technical blocks with documentation links', async () => {
    const html = await (await ctx.client().get('/okosystem/byggeklosser')).text();
    for (const name of [
      'Frivillig API',
      'Organisasjonsoppslag',
      'Én gang-profil',
      'Kalenderstrøm (årshjul)',
      'Vedtektsbygger',
      'ID-porten',
      'Maskinporten',
      'Altinn',
    ]) {
      expect(html).toContain(name);
    }
    const block = await (await ctx.client().get('/okosystem/byggeklosser/enhetsregisteret-api')).text();
    expect(block).toContain('href="https://data.brreg.no/enhetsregisteret/api/dokumentasjon/no/index.html"');
  });
});

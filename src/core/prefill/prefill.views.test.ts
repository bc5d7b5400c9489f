import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import { recordFormProvenance } from './provenance.ts';

describe(`workspace panel "Opplysninger du slapp å gi på nytt" (${engineUnderTest})`, () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('shows nothing-yet, then the counts by form and source, in bokmål and nynorsk', async () => {
    const kari = await ctx.createUser({ name: 'Kari' });
    const client = ctx.client();
    await client.signInAs(kari.id);
    const created = await client.post('/arbeidsrom/ny', { name: 'Korpset', registered: 'no' });
    const orgId = created.headers.get('location')!.split('/').pop()!;

    const empty = await (await client.get(`/arbeidsrom/${orgId}`)).text();
    expect(empty).toContain('Opplysninger du slapp å gi på nytt');
    expect(empty).toContain('Dere har ikke sendt inn noe skjema her ennå.');

    await recordFormProvenance(ctx.database.db, {
      organisationId: orgId,
      userId: kari.id,
      form: 'organisation-facts',
      prefilled: {
        employees: { value: '0', source: 'enhetsregisteret' },
        vat: { value: 'no', source: 'enhetsregisteret' },
        frr: { value: 'yes', source: 'frivillighetsregisteret' },
      },
      submitted: { employees: '0', vat: 'no', frr: 'no', members: '30' },
    });

    const nb = await (await client.get(`/arbeidsrom/${orgId}`)).text();
    expect(nb).toContain('2 opplysninger var fylt ut på forhånd og ble beholdt, 1 ble rettet, og 1 skrev dere inn selv.');
    expect(nb).toContain('<caption id="prefill-by-form">Opplysninger per skjema</caption>');
    expect(nb).toMatch(/<th scope="row">Fakta om organisasjonen<\/th><td>2<\/td><td>1<\/td><td>1<\/td><td>1<\/td>/);
    expect(nb).toMatch(/<th scope="row">Enhetsregisteret<\/th><td>2<\/td><td>0<\/td>/);
    expect(nb).toMatch(/<th scope="row">Frivillighetsregisteret<\/th><td>0<\/td><td>1<\/td>/);

    // Pages and sections of one form add up to one row.
    for (const form of ['founding-meeting/board', 'founding-meeting/place']) {
      await recordFormProvenance(ctx.database.db, {
        organisationId: orgId,
        userId: kari.id,
        form,
        prefilled: { chair: { value: 'Kari', source: 'profile' } },
        submitted: { chair: 'Kari' },
      });
    }
    const merged = await (await client.get(`/arbeidsrom/${orgId}`)).text();
    expect(merged).toMatch(/<th scope="row">Stiftelsesmøte<\/th><td>2<\/td><td>0<\/td><td>0<\/td><td>2<\/td>/);

    const nn = await (await client.get(`/arbeidsrom/${orgId}`, { 'accept-language': 'nn' })).text();
    expect(nn).toContain('Opplysningar du slapp å gi på nytt');
    expect(nn).toContain('4 opplysningar var fylte ut på førehand og vart behaldne, 1 vart retta, og 1 skreiv de inn sjølve.');
    expect(nn).toMatch(/<th scope="row">Einingsregisteret<\/th>/);
  });
});

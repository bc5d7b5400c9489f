import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import { insertEnhet, insertFrivillig } from '../register-search/test-fixtures.ts';

/** Phase 1 "idea": /ide, similar organisations nearby (register fixtures) and the registration guide. */
describe(`idea phase (${engineUnderTest})`, () => {
  let ctx: TestContext;
  const orgnr: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await createTestContext();
    const db = ctx.database.db;
    const add = async (key: string, f: Parameters<typeof insertEnhet>[1], icnpo?: string[], frrDeleted?: string) => {
      orgnr[key] = await insertEnhet(db, { ...f, frivillighetsregisteret: icnpo !== undefined && !frrDeleted });
      if (icnpo) await insertFrivillig(db, { orgnr: orgnr[key]!, icnpo, slettetDato: frrDeleted });
    };
    // Bergen (4601, Vestland 46): two sports clubs, a choir, a deleted club and one that left FRR.
    await add('il', { navn: 'FJELLSIDEN IDRETTSLAG', kommunenummer: '4601', stiftelsesdato: '1978-04-15' }, ['1200']);
    await add('ballklubb', { navn: 'BRYGGEN BALLKLUBB', kommunenummer: '4601', stiftelsesdato: '2004-09-01' }, ['1300', '1200']);
    await add('kor', { navn: 'BERGEN BYKOR', kommunenummer: '4601' }, ['1100']);
    await add('slettet', { navn: 'GAMLE BERGEN TURNFORENING', kommunenummer: '4601', slettedato: '2019-01-01' }, ['1200']);
    await add('utmeldt', { navn: 'UTMELDT SKILAG', kommunenummer: '4601' }, ['1200'], '2022-01-01');
    // Same category elsewhere in Vestland (Sogndal 4640), and in another fylke (Bodø 1804).
    await add('sogndal', { navn: 'SOGNDAL SKILAG', kommunenummer: '4640' }, ['1200']);
    await add('bodo', { navn: 'BODØ SKILAG', kommunenummer: '1804' }, ['1200']);
  });
  afterAll(() => ctx.close());

  const page = async (path: string, lang = 'nb') => {
    const res = await ctx.app.request(path, { headers: { 'accept-language': lang } });
    return { status: res.status, html: await res.text(), location: res.headers.get('location') };
  };

  describe('/ide', () => {
    it('offers the three ways in: similar organisations, the guide and a workspace before registration (bokmål)', async () => {
      const { status, html } = await page('/ide');
      expect(status).toBe(200);
      expect(html).toContain('Idé og utprøving');
      expect(html).toContain('action="/ide/lignende"');
      expect(html).toContain('<option value="1200"');
      expect(html).toContain('<option value="4601"');
      expect(html).toContain('href="/ide/registrering"');
      // Signed out, the workspace start goes through sign-in and back to the new-workspace form.
      expect(html).toContain('href="/logg-inn?tilbake=%2Farbeidsrom%2Fny"');
      expect(html).toContain('href="/livshendelse/ide"');
    });

    it('is in nynorsk, and a signed-in reader goes straight to the new-workspace form', async () => {
      const { html } = await page('/ide', 'nn');
      expect(html).toContain('Finn liknande organisasjonar i nærleiken');
      expect(html).toContain('Opprett eit arbeidsrom før de registrerer dykk');
      const user = await ctx.createUser();
      const client = ctx.client();
      await client.signInAs(user.id);
      expect(await (await client.get('/ide')).text()).toContain('href="/arbeidsrom/ny"');
    });
  });

  describe('similar organisations nearby', () => {
    it('lists active organisations of the category in the kommune, through the register search, with profile links', async () => {
      const { status, html } = await page('/ide/lignende?icnpo=1200&kommune=4601');
      expect(status).toBe(200);
      expect(html).toContain('Idrett i Bergen');
      expect(html).toContain(`href="/organisasjoner/${orgnr.il}">FJELLSIDEN IDRETTSLAG</a>`);
      // A secondary category counts too.
      expect(html).toContain(`href="/organisasjoner/${orgnr.ballklubb}">BRYGGEN BALLKLUBB</a>`);
      for (const key of ['kor', 'slettet', 'utmeldt', 'sogndal', 'bodo']) expect(html, key).not.toContain(`/organisasjoner/${orgnr[key]}"`);
      expect(html).toContain('Vi fant 2 aktive organisasjoner.');
      // Sorted by name, the way the register search sorts.
      expect(html.indexOf('BRYGGEN BALLKLUBB')).toBeLessThan(html.indexOf('FJELLSIDEN IDRETTSLAG'));
      expect(html).toContain('href="/organisasjoner?kommune=4601&amp;icnpo=1200"');
      expect(html).toContain('Norsk lisens for offentlige data');
      // The choices stay selected.
      expect(html).toMatch(/<option value="4601" selected/);
    });

    it('a main category takes its sub-categories, and the search can widen to the fylke', async () => {
      const main = await page('/ide/lignende?icnpo=1&kommune=4601');
      expect(main.html).toContain('Vi fant 3 aktive organisasjoner.');
      expect(main.html).toContain('href="/ide/lignende?icnpo=1&amp;kommune=4601&amp;omrade=fylke"');
      const fylke = await page('/ide/lignende?icnpo=1200&kommune=4601&omrade=fylke');
      expect(fylke.status).toBe(200);
      expect(fylke.html).toContain(`/organisasjoner/${orgnr.sogndal}"`);
      expect(fylke.html).not.toContain(`/organisasjoner/${orgnr.bodo}"`);
      expect(fylke.html).toContain('Idrett i Vestland');
    });

    it('says so when there is nobody, in nynorsk too', async () => {
      const { status, html } = await page('/ide/lignende?icnpo=5200&kommune=4601', 'nn');
      expect(status).toBe(200);
      expect(html).toContain('Vi fann ingen aktive organisasjonar i denne kategorien her.');
      expect(html).toContain('Søk i heile Vestland');
    });

    it('names what is missing or unknown (400) and keeps the choices', async () => {
      const missing = await page('/ide/lignende?icnpo=&kommune=');
      expect(missing.status).toBe(400);
      expect(missing.html).toContain('href="#icnpo">Velg hva dere vil drive med</a>');
      expect(missing.html).toContain('href="#kommune">Velg en kommune</a>');
      const unknown = await page('/ide/lignende?icnpo=1200&kommune=9999');
      expect(unknown.status).toBe(400);
      expect(unknown.html).toContain('href="#kommune"');
      expect(unknown.html).not.toContain('aktive organisasjoner');
      const malformed = await page('/ide/lignende?icnpo=idrett&kommune=4601&omrade=land');
      expect(malformed.status).toBe(400);
      expect(malformed.html).toContain('href="#icnpo"');
      expect(malformed.html).toContain('href="#omrade"');
      expect(malformed.html).toMatch(/<option value="4601" selected/);
      const nn = await page('/ide/lignende?kommune=4601', 'nn');
      expect(nn.html).toContain('Vel kva de vil drive med');
    });
  });

  describe('the guide "Må vi registrere oss, og når?"', () => {
    it('walks the four questions with the answers in the query string, then explains the answer', async () => {
      const start = await page('/ide/registrering');
      expect(start.html).toContain('href="/ide/registrering/bankkonto"');

      const q1 = await page('/ide/registrering/bankkonto');
      expect(q1.status).toBe(200);
      expect(q1.html).toContain('Trenger dere en bankkonto i lagets navn?');
      expect(q1.html).toContain('Spørsmål 1 av 4');
      expect(q1.html).toContain('method="get" action="/ide/registrering/bankkonto"');

      const a1 = await page('/ide/registrering/bankkonto?sendt=1&bankkonto=ja');
      expect(a1.status).toBe(303);
      expect(a1.location).toBe('/ide/registrering/midler?bankkonto=ja');
      const q2 = await page(a1.location!);
      expect(q2.html).toContain('<input type="hidden" name="bankkonto" value="ja"');
      const a2 = await page('/ide/registrering/midler?bankkonto=ja&sendt=1&midler=ja');
      expect(a2.location).toBe('/ide/registrering/ansatte?bankkonto=ja&midler=ja');
      const a3 = await page('/ide/registrering/ansatte?bankkonto=ja&midler=ja&sendt=1&ansatte=nei');
      expect(a3.location).toBe('/ide/registrering/salg?bankkonto=ja&midler=ja&ansatte=nei');
      const a4 = await page('/ide/registrering/salg?bankkonto=ja&midler=ja&ansatte=nei&sendt=1&salg=vet-ikke');
      expect(a4.location).toBe('/ide/registrering/svar?bankkonto=ja&midler=ja&ansatte=nei&salg=vet-ikke');

      const answer = await page(a4.location!);
      expect(answer.status).toBe(200);
      expect(answer.html).toContain('Dere bør registrere dere i Enhetsregisteret og Frivillighetsregisteret');
      expect(answer.html).toContain('forskrift 23.10.2018 nr. 1600');
      expect(answer.html).toContain('innen søknadsfristen for momskompensasjon, 1. september');
      expect(answer.html).toContain('href="/livshendelse/starte#registrer-frivillighetsregisteret"');
      expect(answer.html).toContain('href="/livshendelse/drive#sok-momskompensasjon"');
      expect(answer.html).toContain('Om dere skal selge varer eller tjenester');
      expect(answer.html).not.toContain('Dere skal ha ansatte');
      // Honest about what the sources do not say.
      expect(answer.html).toContain('Dette har vi ikke fra en offentlig kilde');
      expect(answer.html).toContain(
        'href="/ide/registrering/ansatte?bankkonto=ja&amp;midler=ja&amp;ansatte=nei&amp;salg=vet-ikke&amp;endre=1"',
      );
      expect(answer.html).toContain('href="/logg-inn?tilbake=%2Farbeidsrom%2Fny"');
    });

    it('says a group that needs nothing yet can wait, in nynorsk', async () => {
      const { html } = await page('/ide/registrering/svar?bankkonto=nei&midler=nei&ansatte=nei&salg=nei', 'nn');
      expect(html).toContain('De treng ikkje registrere dykk no');
      expect(html).toContain('Ingen av svara krev registrering.');
    });

    it('shows the question again with an error when nothing is chosen (400), in the reader’s language', async () => {
      const nb = await page('/ide/registrering/midler?bankkonto=nei&sendt=1');
      expect(nb.status).toBe(400);
      expect(nb.html).toContain('href="#midler">Velg ett av svarene</a>');
      expect(nb.html).toContain('<title>Feil: Vil dere søke tilskudd');
      expect(nb.html).toContain('<input type="hidden" name="bankkonto" value="nei"');
      const nn = await page('/ide/registrering/midler?bankkonto=nei&sendt=1&midler=kanskje', 'nn');
      expect(nn.status).toBe(400);
      expect(nn.html).toContain('Vel eitt av svara');
    });

    it('sends a reader who skips ahead back to the first question not answered', async () => {
      expect((await page('/ide/registrering/salg?bankkonto=ja')).location).toBe('/ide/registrering/midler?bankkonto=ja');
      expect((await page('/ide/registrering/svar?bankkonto=ja&midler=nei')).location).toBe(
        '/ide/registrering/ansatte?bankkonto=ja&midler=nei',
      );
      expect((await page('/ide/registrering/finnes-ikke')).status).toBe(404);
    });

    it('changing one answer goes back to the answer page', async () => {
      const all = 'bankkonto=ja&midler=ja&ansatte=nei&salg=nei';
      const form = await page(`/ide/registrering/midler?${all}&endre=1`);
      expect(form.html).toContain('<input type="hidden" name="endre" value="1"');
      expect(form.html).toMatch(/value="ja" checked/);
      const res = await page('/ide/registrering/midler?bankkonto=ja&ansatte=nei&salg=nei&sendt=1&endre=1&midler=nei');
      expect(res.location).toBe('/ide/registrering/svar?bankkonto=ja&midler=nei&ansatte=nei&salg=nei');
      expect((await page(res.location!)).html).toContain('Dere bør registrere dere i Enhetsregisteret</h1>');
    });
  });
});

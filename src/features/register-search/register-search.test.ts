import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import { rowsOf } from '../../core/db/client.ts';
import { insertEnhet, insertFrivillig } from './test-fixtures.ts';

interface ApiHit {
  orgnr: string;
  name: string;
  kommune: { number: string; name: string | null } | null;
  registeredInFrivillighetsregisteret: boolean;
  grasrotandel: boolean;
  founded: string | null;
}
interface ApiAnswer {
  data: ApiHit[];
  paging: { page: number; pageSize: number; total: number; totalIsCapped: boolean; pageCount: number };
  license: string;
}

describe(`organisation search (${engineUnderTest})`, () => {
  let ctx: TestContext;
  const orgnr: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await createTestContext();
    const db = ctx.database.db;
    const add = async (
      key: string,
      f: Parameters<typeof insertEnhet>[1],
      frr?: { icnpo: string[]; grasrotandel?: boolean; slettetDato?: string },
    ) => {
      orgnr[key] = await insertEnhet(db, { ...f, frivillighetsregisteret: frr !== undefined && !frr.slettetDato });
      if (frr) await insertFrivillig(db, { orgnr: orgnr[key]!, ...frr });
    };
    await add(
      'tromso',
      { navn: 'TROMSØ SJAKKLUBB', kommunenummer: '5501', stiftelsesdato: '1921-03-01' },
      { icnpo: ['1300'], grasrotandel: true },
    );
    await add('bodo', { navn: 'BODØ SJAKKLUBB', kommunenummer: '1804', stiftelsesdato: '1950-01-10' }, { icnpo: ['1300'] });
    await add('forbund', { navn: 'NORGES SJAKKFORBUND', kommunenummer: '0301', stiftelsesdato: '1914-06-01' }, { icnpo: ['1300', '7100'] });
    await add('kor', { navn: 'BYGDA KOR', kommunenummer: '4601', stiftelsesdato: '1985-09-01' }, { icnpo: ['1100'], grasrotandel: true });
    await add(
      'il',
      { navn: 'BYGDA IDRETTSLAG', kommunenummer: '4601', stiftelsesdato: '1978-04-15' },
      { icnpo: ['1200'], grasrotandel: true },
    );
    await add('as', { navn: 'SJAKKBUA AS', organisasjonsform: 'AS', kommunenummer: '0301', stiftelsesdato: '2015-02-02' });
    await add('gamle', { navn: 'GAMLE SJAKKLAG', kommunenummer: '0301', stiftelsesdato: '1960-01-01', slettedato: '2020-01-01' });
    await add('alesund', { navn: 'ÅLESUND SJAKKLUBB', kommunenummer: '1508', stiftelsesdato: '1930-01-01', underAvvikling: true });
    await add(
      'ostre',
      { navn: 'ØSTRE SKOLEKORPS', kommunenummer: '3301', stiftelsesdato: '2001-01-01' },
      { icnpo: ['1100'], slettetDato: '2023-01-01' },
    );
    await add('zeta', { navn: 'ZETA VENNEFORENING', kommunenummer: null, stiftelsesdato: null });
    await add('aks', { navn: 'AKSJON FOR BYGDA', kommunenummer: '5501', stiftelsesdato: '2010-05-05' }, { icnpo: ['6100'] });
  });
  afterAll(() => ctx.close());

  const api = async (query: string, headers: Record<string, string> = {}) => {
    const res = await ctx.app.request(`/api/v1/organisasjoner?${query}`, { headers });
    return {
      status: res.status,
      body: (await res.json()) as ApiAnswer & { error?: { code: string; message: string; fields: Record<string, string> } },
    };
  };
  const names = async (query: string) => {
    const { status, body } = await api(query);
    expect(status).toBe(200);
    return body.data.map((h) => h.name);
  };

  describe('name matching', () => {
    it('tolerates a missing letter: "sjakklub" finds TROMSØ SJAKKLUBB (and the other active chess clubs)', async () => {
      const found = await names('q=sjakklub');
      expect(found).toContain('TROMSØ SJAKKLUBB');
      expect(found).toContain('BODØ SJAKKLUBB');
    });

    it('tolerates typos that are not a prefix: "sjakkklubb", and "tromso sjakklub" without the ø', async () => {
      expect(await names('q=sjakkklubb')).toEqual(expect.arrayContaining(['TROMSØ SJAKKLUBB', 'BODØ SJAKKLUBB']));
      const typo = await names(`q=${encodeURIComponent('tromso sjakklub')}`);
      expect(typo[0]).toBe('TROMSØ SJAKKLUBB');
    });

    it('matches word prefixes as you type: "sjakk" finds clubs, the federation and the company', async () => {
      const found = await names('q=sjakk');
      expect(found).toEqual(expect.arrayContaining(['TROMSØ SJAKKLUBB', 'BODØ SJAKKLUBB', 'NORGES SJAKKFORBUND', 'SJAKKBUA AS']));
      expect(found).not.toContain('BYGDA KOR');
      expect((await names(`q=${encodeURIComponent('bygda idr')}`))[0]).toBe('BYGDA IDRETTSLAG');
    });

    it('stems Norwegian: "korene" (the choirs) finds BYGDA KOR, which trigram similarity alone would not', async () => {
      // The proof that this hit comes from stemming: its trigram similarity is below pg_trgm's 0.6 threshold.
      const [row] = rowsOf<{ s: number }>(await ctx.database.db.execute(sql`select word_similarity('korene', 'bygda kor') as s`));
      expect(Number(row!.s)).toBeLessThan(0.6);
      expect(await names('q=korene')).toContain('BYGDA KOR');
      expect(await names('q=idrettslagene')).toContain('BYGDA IDRETTSLAG');
    });

    it('ranks the exact name first and finds an organisasjonsnummer, with or without spaces', async () => {
      expect((await names(`q=${encodeURIComponent('tromsø sjakklubb')}`))[0]).toBe('TROMSØ SJAKKLUBB');
      const spaced = orgnr.kor!.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');
      expect(await names(`q=${encodeURIComponent(spaced)}`)).toEqual(['BYGDA KOR']);
    });

    it('treats tsquery syntax in the text as plain words instead of failing', async () => {
      for (const q of ['sjakk & | ! :*', "o'brien (", '"""', 'og']) {
        const { status } = await api(`q=${encodeURIComponent(q)}`);
        expect(status).toBe(200);
      }
    });
  });

  describe('filters', () => {
    it('by kommune and by fylke (through kommuner.fylkesnummer)', async () => {
      expect((await names('kommune=5501')).sort()).toEqual(['AKSJON FOR BYGDA', 'TROMSØ SJAKKLUBB']);
      expect((await names('fylke=46')).sort()).toEqual(['BYGDA IDRETTSLAG', 'BYGDA KOR']);
      expect(await names('fylke=46&q=kor')).toEqual(['BYGDA KOR']);
    });

    it('by ICNPO main category (all its sub-categories) or one sub-category, including second-ranked categories', async () => {
      expect((await names('icnpo=1')).sort()).toEqual([
        'BODØ SJAKKLUBB',
        'BYGDA IDRETTSLAG',
        'BYGDA KOR',
        'NORGES SJAKKFORBUND',
        'TROMSØ SJAKKLUBB',
      ]);
      expect(await names('icnpo=1200')).toEqual(['BYGDA IDRETTSLAG']);
      expect(await names('icnpo=7')).toEqual(['NORGES SJAKKFORBUND']);
      expect(await names('icnpo=6100')).toEqual(['AKSJON FOR BYGDA']);
    });

    it('an organisation that left Frivillighetsregisteret no longer counts in its category', async () => {
      expect(await names('icnpo=1100&status=alle')).toEqual(['BYGDA KOR']);
    });

    it('by organisation form, Frivillighetsregisteret and Grasrotandelen', async () => {
      expect(await names('form=AS')).toEqual(['SJAKKBUA AS']);
      expect((await names('frivillighetsregisteret=nei')).sort()).toEqual(['SJAKKBUA AS', 'ZETA VENNEFORENING', 'ØSTRE SKOLEKORPS']);
      expect((await names('frivillighetsregisteret=true')).length).toBe(6);
      expect((await names('grasrotandel=ja')).sort()).toEqual(['BYGDA IDRETTSLAG', 'BYGDA KOR', 'TROMSØ SJAKKLUBB']);
      expect(await names('grasrotandel=nei&q=sjakklubb')).toEqual(['BODØ SJAKKLUBB']);
    });

    it('by founding year range (inclusive)', async () => {
      expect((await names('stiftetFra=1921&stiftetTil=1950')).sort()).toEqual(['BODØ SJAKKLUBB', 'TROMSØ SJAKKLUBB']);
      expect(await names('stiftetFra=2011')).toEqual(['SJAKKBUA AS']);
    });

    it('by status: active by default, being wound up, deleted, or all', async () => {
      expect(await names('q=sjakk')).not.toEqual(expect.arrayContaining(['GAMLE SJAKKLAG']));
      expect(await names('q=sjakk&status=slettede')).toEqual(['GAMLE SJAKKLAG']);
      expect(await names('q=sjakk&status=avvikling')).toEqual(['ÅLESUND SJAKKLUBB']);
      expect(await names('q=sjakk&status=alle')).toEqual(
        expect.arrayContaining(['GAMLE SJAKKLAG', 'ÅLESUND SJAKKLUBB', 'TROMSØ SJAKKLUBB']),
      );
    });

    it('combines filters with AND', async () => {
      expect(await names('q=bygda&fylke=46&grasrotandel=ja&icnpo=1100')).toEqual(['BYGDA KOR']);
    });
  });

  describe('sorting and paging', () => {
    it('sorts by name in Norwegian order (… Z Æ Ø Å) and by founding date', async () => {
      const byName = await names('status=alle&sorter=navn&antall=100');
      expect(byName).toEqual([
        'AKSJON FOR BYGDA',
        'BODØ SJAKKLUBB',
        'BYGDA IDRETTSLAG',
        'BYGDA KOR',
        'GAMLE SJAKKLAG',
        'NORGES SJAKKFORBUND',
        'SJAKKBUA AS',
        'TROMSØ SJAKKLUBB',
        'ZETA VENNEFORENING',
        'ØSTRE SKOLEKORPS',
        'ÅLESUND SJAKKLUBB',
      ]);
      const oldest = await names('q=sjakk&sorter=stiftet');
      expect(oldest.slice(0, 3)).toEqual(['NORGES SJAKKFORBUND', 'TROMSØ SJAKKLUBB', 'BODØ SJAKKLUBB']);
      const newest = await names('status=alle&sorter=stiftet-nyest');
      expect(newest[0]).toBe('SJAKKBUA AS');
      // Unknown founding dates go last either way.
      expect(newest.at(-1)).toBe('ZETA VENNEFORENING');
    });

    it('pages through the hits with totals', async () => {
      const first = await api('status=alle&sorter=navn&antall=4');
      expect(first.body.paging).toEqual({ page: 1, pageSize: 4, total: 11, totalIsCapped: false, pageCount: 3 });
      const third = await api('status=alle&sorter=navn&antall=4&side=3');
      expect(third.body.data.map((h) => h.name)).toEqual(['ZETA VENNEFORENING', 'ØSTRE SKOLEKORPS', 'ÅLESUND SJAKKLUBB']);
      const beyond = await api('status=alle&antall=4&side=9');
      expect(beyond.status).toBe(200);
      expect(beyond.body.data).toEqual([]);
      expect(beyond.body.paging.total).toBe(11);
    });

    it('returns register facts and the NLOD attribution in the API answer', async () => {
      const { body } = await api('q=tromsø%20sjakklubb');
      expect(body.data[0]).toMatchObject({
        orgnr: orgnr.tromso,
        name: 'TROMSØ SJAKKLUBB',
        form: { code: 'FLI', description: 'Forening/lag/innretning' },
        kommune: { number: '5501', name: 'Tromsø' },
        founded: '1921-03-01',
        registeredInFrivillighetsregisteret: true,
        grasrotandel: true,
        icnpo: { number: '1300', name: 'Rekreasjon og sosiale foreninger' },
        deleted: null,
        profile: `/organisasjoner/${orgnr.tromso}`,
      });
      expect(body.license).toContain('Norsk lisens for offentlige data (NLOD)');
    });
  });

  describe('invalid parameters', () => {
    it('API: 400 naming each bad parameter, in the caller’s language', async () => {
      const { status, body } = await api('kommune=12&side=0&stiftetFra=19x&sorter=tilfeldig&frivillighetsregisteret=kanskje');
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ code: 'validation', message: 'Søket har ugyldige parametere.' });
      expect(body.error!.fields).toEqual({
        kommune: 'Kommunenummeret må ha fire sifre.',
        side: 'Sidenummeret må være et helt tall fra 1.',
        stiftetFra: 'Skriv årstallet med fire sifre, for eksempel 1990.',
        sorter: 'Velg en sortering fra listen.',
        frivillighetsregisteret: 'Svar «ja» eller «nei».',
      });
      const nn = await api('kommune=12', { 'accept-language': 'nn-NO' });
      expect(nn.body.error!.fields.kommune).toBe('Kommunenummeret må ha fire siffer.');
    });

    it('API: 400 for well-formed codes that do not exist, a reversed year range, a page past 10 000 hits, too long a text', async () => {
      expect((await api('kommune=9999')).body.error!.fields).toEqual({ kommune: expect.stringContaining('kjenner ikke kommunenummeret') });
      expect((await api('icnpo=77')).body.error!.fields).toEqual({ icnpo: expect.stringContaining('kjenner ikke kategorien') });
      expect((await api('form=XYZ')).body.error!.fields).toEqual({ form: expect.any(String) });
      expect((await api('fylke=99')).status).toBe(400);
      expect((await api('stiftetFra=2000&stiftetTil=1990')).body.error!.fields).toEqual({
        stiftetTil: expect.stringContaining('kan ikke være før'),
      });
      expect((await api('antall=100&side=101')).body.error!.fields).toEqual({ side: expect.stringContaining('10 000') });
      expect((await api('antall=100&side=100')).status).toBe(200);
      expect((await api('antall=101')).status).toBe(400);
      expect((await api(`q=${'a'.repeat(181)}`)).status).toBe(400);
    });

    it('page: 400 with an error summary linking to the field, keeping what was typed', async () => {
      const res = await ctx.app.request('/organisasjoner?q=sjakk&stiftetFra=19x');
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('ds-error-summary');
      expect(html).toContain('href="#stiftetFra"');
      expect(html).toContain('value="19x"');
      expect(html).toContain('value="sjakk"');
    });
  });

  describe('the page', () => {
    it('without a query shows the form only; with one, hits with name, orgnr, kommune, form and FRR badge', async () => {
      const empty = await (await ctx.app.request('/organisasjoner')).text();
      expect(empty).toContain('<form method="get" action="/organisasjoner"');
      expect(empty).not.toContain('data-search-summary');
      expect(empty).toContain('Norsk lisens for offentlige data (NLOD)');

      const res = await ctx.app.request('/organisasjoner?q=sjakklub');
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(`href="/organisasjoner/${orgnr.tromso}"`);
      expect(html).toContain('TROMSØ SJAKKLUBB');
      expect(html).toContain(`Org.nr. ${orgnr.tromso!.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3')}`);
      expect(html).toContain('Tromsø');
      expect(html).toContain('Forening/lag/innretning');
      expect(html).toContain('>Frivillighetsregisteret<');
      expect(html).toContain('2 organisasjoner passer søket. Side 1 av 1.');
      expect(html).toContain('Inneholder data under Norsk lisens for offentlige data (NLOD) tilgjengeliggjort av Brønnøysundregistrene');
      // Every filter has a label; the live region exists before any update.
      for (const id of [
        'q',
        'fylke',
        'kommune',
        'icnpo',
        'form',
        'frivillighetsregisteret',
        'grasrotandel',
        'stiftetFra',
        'stiftetTil',
        'status',
        'sorter',
      ]) {
        expect(html).toContain(`<label class="ds-label" for="${id}">`);
      }
      expect(html).toContain('aria-live="polite"');
      expect(html).toContain('<script type="module" src="/static/search.js"></script>');
    });

    it('keeps the chosen filters selected and links pages with the same filters', async () => {
      const html = await (await ctx.app.request('/organisasjoner?status=alle&sorter=navn&antall=4&fylke=&side=2')).text();
      expect(html).toContain('<option value="alle" selected="">');
      expect(html).toContain('href="/organisasjoner?status=alle&amp;sorter=navn&amp;antall=4"');
      expect(html).toContain('href="/organisasjoner?status=alle&amp;sorter=navn&amp;side=3&amp;antall=4"');
      expect(html).toContain('aria-current="page"');
      expect(html).toContain('<input type="hidden" name="antall" value="4"/>');
    });

    it('answers search.js with only the results region (same URL, one header)', async () => {
      const res = await ctx.app.request('/organisasjoner?q=kor', { headers: { 'x-frivillig-fragment': 'search-results' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('vary')).toContain('x-frivillig-fragment');
      const html = await res.text();
      expect(html.startsWith('<section id="search-results"')).toBe(true);
      expect(html).not.toContain('<html');
      expect(html).toContain('BYGDA KOR');
      const bad = await ctx.app.request('/organisasjoner?stiftetFra=1', { headers: { 'x-frivillig-fragment': 'search-results' } });
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain('href="#stiftetFra"');
    });

    it('serves search.js', async () => {
      const res = await ctx.app.request('/static/search.js');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('javascript');
    });
  });

  it('is described in the OpenAPI document with its query parameters', async () => {
    const doc = (await (await ctx.app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, { get?: { parameters?: { name: string; in: string }[] } }>;
    };
    const params = doc.paths['/organisasjoner']?.get?.parameters?.map((p) => p.name) ?? [];
    expect(params).toEqual(
      expect.arrayContaining([
        'q',
        'kommune',
        'fylke',
        'icnpo',
        'form',
        'frivillighetsregisteret',
        'grasrotandel',
        'stiftetFra',
        'stiftetTil',
        'status',
        'sorter',
        'side',
        'antall',
      ]),
    );
  });
});

import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.ts';
import { engineUnderTest } from '../../../test/helpers/database.ts';
import { registerEnheter, registerImportRuns } from '../../core/db/schema.ts';
import { insertEnhet, insertFrivillig } from '../register-search/test-fixtures.ts';
import { countByFylke } from './insight.queries.ts';
import { insightRebuildInFlight, refreshInsight } from './read-insight.ts';

interface Envelope<D> {
  filters: Record<string, string | number | boolean | null>;
  population: number;
  computedAt: string;
  license: string;
  table?: string;
  data: D;
}
interface AreaRow {
  code: string | null;
  name: string | null;
  organisations: number;
  frivillighetsregisteret: number;
  grasrotandel: number;
}
interface KommuneRow extends AreaRow {
  fylke: { code: string; name: string } | null;
}
interface CategoryRow {
  code: string | null;
  name: string | null;
  organisations: number;
  grasrotandel: number;
  grasrotandelShare: number | null;
}
interface YearRow {
  year: number;
  founded: number;
  firstRegistered: number;
}
interface Grasrot {
  total: number;
  grasrotandel: number;
  frivillighetsregisteretOnly: number;
  neither: number;
}
interface ErrorBody {
  error: { code: string; message: string; fields: Record<string, string> };
}

/**
 * The register fixture and its hand-computed figures. The population is the active voluntary sector: units in
 * Frivillighetsregisteret (Enhetsregisteret's flag) or of form FLI, not deleted, not under avvikling, not konkurs.
 *
 *   unit  form  kommune        FRR flag  current FRR record (ICNPO by rank, grasrot, first registered)   founded
 *   A     FLI   4601 Bergen    yes       1200,            grasrot,  2012-05-01                          2010-03-01
 *   B     FLI   4601 Bergen    yes       1100, 7100,      —,        2010-01-04                          2010-07-01
 *   C     FLI   4602 Kinn      no        —                                                              2020-01-01
 *   D     FLI   0301 Oslo      yes       7100,            grasrot,  2015-02-02                          1990-05-17
 *   E     STI   5501 Tromsø    yes       1200, 1300,      grasrot,  2024-06-01                          2024-01-01
 *   F     FLI   (abroad)       no        —                                                              —
 *   G     FLI   0301 Oslo      no        —                                                              2010-01-01
 *   L     FLI   5501 Tromsø    no        a record that has LEFT FRR (1300, grasrot): ignored              2001-01-01
 * Left out: H (AS, not in FRR), I (deleted), J (under avvikling), K (konkurs).
 *
 *   fylker:  03 Oslo 2 (FRR 1, grasrot 1) · 46 Vestland 3 (2, 1) · 55 Troms 2 (1, 1) · no kommune 1 · the rest 0
 *   kommuner: 0301 2 · 4601 2 · 5501 2 · 4602 1 · no kommune 1
 *   kategorier (primary): 1 Kultur 3 (grasrot 2) · 7 Politiske/interesse 1 (1) · no category 4 (0)
 *   years 2006–2025: founded 2010: 3, 2020: 1, 2024: 1 · first in FRR 2010: 1, 2012: 1, 2015: 1, 2024: 1
 *   grasrot: 3 take part · 1 in FRR only (B) · 4 neither · total 8
 */
describe(`sector insight (${engineUnderTest})`, () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext();
    ctx.setNow(new Date('2025-06-15T10:00:00Z'));
    const db = ctx.database.db;
    const frr = async (
      f: Parameters<typeof insertEnhet>[1],
      r: { icnpo: string[]; grasrotandel?: boolean; foersteGangInnfoert?: string; slettetDato?: string },
    ) => {
      const orgnr = await insertEnhet(db, { ...f, frivillighetsregisteret: !r.slettetDato });
      await insertFrivillig(db, { orgnr, ...r });
    };
    await frr(
      { navn: 'A', kommunenummer: '4601', stiftelsesdato: '2010-03-01' },
      { icnpo: ['1200'], grasrotandel: true, foersteGangInnfoert: '2012-05-01' },
    );
    await frr(
      { navn: 'B', kommunenummer: '4601', stiftelsesdato: '2010-07-01' },
      { icnpo: ['1100', '7100'], foersteGangInnfoert: '2010-01-04' },
    );
    await insertEnhet(db, { navn: 'C', kommunenummer: '4602', stiftelsesdato: '2020-01-01' });
    await frr({ navn: 'D', kommunenummer: '0301' }, { icnpo: ['7100'], grasrotandel: true, foersteGangInnfoert: '2015-02-02' });
    await frr(
      { navn: 'E', organisasjonsform: 'STI', kommunenummer: '5501', stiftelsesdato: '2024-01-01' },
      { icnpo: ['1200', '1300'], grasrotandel: true, foersteGangInnfoert: '2024-06-01' },
    );
    await insertEnhet(db, { navn: 'F', kommunenummer: null, stiftelsesdato: null });
    await insertEnhet(db, { navn: 'G', kommunenummer: '0301', stiftelsesdato: '2010-01-01' });
    await frr(
      { navn: 'L', kommunenummer: '5501', stiftelsesdato: '2001-01-01' },
      { icnpo: ['1300'], grasrotandel: true, slettetDato: '2023-01-01' },
    );
    await insertEnhet(db, { navn: 'H', organisasjonsform: 'AS', kommunenummer: '0301', stiftelsesdato: '2010-01-01' });
    await insertEnhet(db, { navn: 'I', kommunenummer: '4601', stiftelsesdato: '2010-01-01', slettedato: '2020-01-01' });
    await insertEnhet(db, { navn: 'J', kommunenummer: '1804', stiftelsesdato: '2010-01-01', underAvvikling: true });
    await insertEnhet(db, { navn: 'K', kommunenummer: '1804', stiftelsesdato: '2010-01-01', konkurs: true });
  });
  afterAll(() => ctx.close());

  const api = async <D>(path: string, headers: Record<string, string> = {}) => {
    const res = await ctx.app.request(`/api/v1/innsikt${path}`, { headers });
    return { status: res.status, headers: res.headers, body: (await res.json()) as Envelope<D> & ErrorBody };
  };
  const area = (rows: AreaRow[], code: string | null) => rows.find((r) => r.code === code);

  describe('the open API', () => {
    it('counts per fylke: all 15 with zeros, one row for units without a known kommune, deleted/wound-up/bankrupt/AS left out', async () => {
      const { status, body } = await api<AreaRow[]>('/fylker');
      expect(status).toBe(200);
      expect(body.population).toBe(8);
      expect(body.table).toBe('fylker');
      expect(body.data).toHaveLength(16);
      expect(area(body.data, '03')).toEqual({ code: '03', name: 'Oslo', organisations: 2, frivillighetsregisteret: 1, grasrotandel: 1 });
      expect(area(body.data, '46')).toEqual({
        code: '46',
        name: 'Vestland',
        organisations: 3,
        frivillighetsregisteret: 2,
        grasrotandel: 1,
      });
      expect(area(body.data, '55')).toMatchObject({ organisations: 2, frivillighetsregisteret: 1, grasrotandel: 1 });
      expect(area(body.data, '18')).toMatchObject({ organisations: 0 });
      expect(body.data.at(-1)).toEqual({ code: null, name: null, organisations: 1, frivillighetsregisteret: 0, grasrotandel: 0 });
      expect(body.data.reduce((sum, r) => sum + r.organisations, 0)).toBe(8);
      expect(body.license).toContain('Norsk lisens for offentlige data (NLOD) tilgjengeliggjort av Brønnøysundregistrene');
      expect(body.filters).toEqual({
        fylke: null,
        kommune: null,
        icnpo: null,
        form: null,
        frivillighetsregisteret: null,
        grasrotandel: null,
        fraAar: 2006,
        tilAar: 2025,
      });
    });

    it('counts per kommune, most first then by number, units without a known kommune last', async () => {
      const { body } = await api<KommuneRow[]>('/kommuner');
      expect(body.data.map((r) => [r.code, r.organisations])).toEqual([
        ['0301', 2],
        ['4601', 2],
        ['5501', 2],
        ['4602', 1],
        [null, 1],
      ]);
      expect(body.data[1]).toEqual({
        code: '4601',
        name: 'Bergen',
        fylke: { code: '46', name: 'Vestland' },
        organisations: 2,
        frivillighetsregisteret: 2,
        grasrotandel: 1,
      });
    });

    it('counts per ICNPO main category by the primary category (rekkefoelge 1), ignoring a record that has left FRR', async () => {
      const { body } = await api<CategoryRow[]>('/kategorier');
      expect(body.data).toHaveLength(15);
      expect(body.data[0]).toEqual({
        code: '1',
        name: 'Kultur- og rekreasjon',
        organisations: 3,
        grasrotandel: 2,
        grasrotandelShare: 66.7,
      });
      expect(body.data.find((r) => r.code === '7')).toMatchObject({ organisations: 1, grasrotandel: 1, grasrotandelShare: 100 });
      expect(body.data.find((r) => r.code === '2')).toMatchObject({ organisations: 0, grasrotandelShare: null });
      expect(body.data.at(-1)).toEqual({ code: null, name: null, organisations: 4, grasrotandel: 0, grasrotandelShare: 0 });
    });

    it('counts founded and first registered per year, every year of the default range (the last 20) with zeros', async () => {
      const { body } = await api<YearRow[]>('/stiftelsesaar');
      expect(body.data.map((r) => r.year)).toEqual(Array.from({ length: 20 }, (_, i) => 2006 + i));
      const nonZero = body.data.filter((r) => r.founded > 0 || r.firstRegistered > 0);
      expect(nonZero).toEqual([
        { year: 2010, founded: 3, firstRegistered: 1 },
        { year: 2012, founded: 0, firstRegistered: 1 },
        { year: 2015, founded: 0, firstRegistered: 1 },
        { year: 2020, founded: 1, firstRegistered: 0 },
        { year: 2024, founded: 1, firstRegistered: 1 },
      ]);
    });

    it('counts Grasrotandelen participation in three groups that add up to the population', async () => {
      const { body } = await api<Grasrot>('/grasrot');
      expect(body.data).toEqual({ total: 8, grasrotandel: 3, frivillighetsregisteretOnly: 1, neither: 4 });
    });

    it('answers every table at once on /api/v1/innsikt with the same numbers', async () => {
      const { status, body } = await api<{ fylker: AreaRow[]; kategorier: CategoryRow[]; grasrot: Grasrot; stiftelsesaar: YearRow[] }>('');
      expect(status).toBe(200);
      expect(body.population).toBe(8);
      expect(area(body.data.fylker, '46')?.organisations).toBe(3);
      expect(body.data.kategorier[0]?.grasrotandelShare).toBe(66.7);
      expect(body.data.grasrot.total).toBe(8);
      expect(body.data.stiftelsesaar).toHaveLength(20);
    });

    it('applies the filters to every table', async () => {
      const fylke = await api<Grasrot>('/grasrot?fylke=46');
      expect(fylke.body.data).toEqual({ total: 3, grasrotandel: 1, frivillighetsregisteretOnly: 1, neither: 1 });
      expect((await api<KommuneRow[]>('/kommuner?fylke=46')).body.data.map((r) => r.code)).toEqual(['4601', '4602']);
      expect((await api('/grasrot?kommune=0301')).body.population).toBe(2);
      expect((await api('/grasrot?form=STI')).body.population).toBe(1);
      expect((await api('/grasrot?frivillighetsregisteret=nei')).body.population).toBe(4);
      expect((await api('/grasrot?grasrotandel=ja')).body.population).toBe(3);
      expect((await api('/grasrot?fylke=46&grasrotandel=nei')).body.population).toBe(2);
      // A main category matches its sub-categories; a category matches any of a unit's three.
      expect((await api('/grasrot?icnpo=1')).body.population).toBe(3);
      const secondary = await api<CategoryRow[]>('/kategorier?icnpo=7100');
      expect(secondary.body.population).toBe(2);
      expect(secondary.body.data.filter((r) => r.organisations > 0).map((r) => [r.code, r.organisations])).toEqual([
        ['1', 1],
        ['7', 1],
      ]);
    });

    it('takes the year range of the founding-year table from fraAar/tilAar, or fills in the other end', async () => {
      const { body } = await api<YearRow[]>('/stiftelsesaar?fraAar=2010&tilAar=2012');
      expect(body.data).toEqual([
        { year: 2010, founded: 3, firstRegistered: 1 },
        { year: 2011, founded: 0, firstRegistered: 0 },
        { year: 2012, founded: 0, firstRegistered: 1 },
      ]);
      expect(body.population).toBe(8);
      const from = await api<YearRow[]>('/stiftelsesaar?fraAar=2000');
      expect([from.body.data[0]?.year, from.body.data.at(-1)?.year]).toEqual([2000, 2019]);
      const to = await api<YearRow[]>('/stiftelsesaar?tilAar=1995');
      expect([to.body.data[0]?.year, to.body.data.at(-1)?.year]).toEqual([1976, 1995]);
      expect(to.body.data.find((r) => r.year === 1990)?.founded).toBe(1);
    });

    it('refuses bad filter values with 400 and a message per parameter in the caller’s language', async () => {
      const cases: [string, string, string][] = [
        ['fylke=9', 'fylke', 'Fylkesnummeret må ha to sifre.'],
        ['fylke=99', 'fylke', 'Vi kjenner ikke fylkesnummeret. Velg et fylke fra listen.'],
        ['kommune=9999', 'kommune', 'Vi kjenner ikke kommunenummeret. Velg en kommune fra listen.'],
        ['icnpo=77', 'icnpo', 'Vi kjenner ikke kategorien. Velg en kategori fra listen.'],
        ['form=XYZ', 'form', 'Vi kjenner ikke organisasjonsformen. Velg en fra listen.'],
        ['grasrotandel=kanskje', 'grasrotandel', 'Svar «ja» eller «nei».'],
        ['fraAar=99', 'fraAar', 'Skriv årstallet med fire sifre, for eksempel 1990.'],
        ['fraAar=2020&tilAar=2010', 'tilAar', '«Stiftelsesår til og med» kan ikke være før «Stiftelsesår fra og med».'],
        ['fraAar=1800&tilAar=2025', 'fraAar', 'Tabellen over stiftelsesår kan dekke høyst 100 år.'],
        ['tilAar=2025&fraAar=1925', 'fraAar', 'Tabellen over stiftelsesår kan dekke høyst 100 år.'],
      ];
      for (const [query, field, message] of cases) {
        for (const path of ['', '/fylker', '/stiftelsesaar']) {
          const { status, body } = await api(`${path}?${query}`);
          expect(status, `${path}?${query}`).toBe(400);
          expect(body.error.fields[field], `${path}?${query}`).toBe(message);
        }
      }
      const format = await api('/fylker?format=xlsx');
      expect(format.status).toBe(400);
      expect(format.body.error.fields.format).toBe('Formatet må være «csv» eller «json».');
      const nn = await api('/kommuner?kommune=9999&format=csv', { 'accept-language': 'nn' });
      expect(nn.status).toBe(400);
      expect(nn.body.error.message).toBe('Søket har ugyldige parametrar.');
      expect(nn.body.error.fields.kommune).toBe('Vi kjenner ikkje kommunenummeret. Vel ein kommune frå lista.');
    });

    it('is described in the OpenAPI document', async () => {
      const doc = (await (await ctx.app.request('/api/v1/openapi.json')).json()) as {
        paths: Record<string, { get?: { parameters?: { name: string }[] } }>;
      };
      for (const p of [
        '/innsikt',
        '/innsikt/fylker',
        '/innsikt/kommuner',
        '/innsikt/kategorier',
        '/innsikt/stiftelsesaar',
        '/innsikt/grasrot',
      ]) {
        expect(doc.paths[p]?.get, p).toBeDefined();
      }
      const params = doc.paths['/innsikt/fylker']?.get?.parameters?.map((x) => x.name);
      expect(params).toEqual(
        expect.arrayContaining([
          'fylke',
          'kommune',
          'icnpo',
          'form',
          'frivillighetsregisteret',
          'grasrotandel',
          'fraAar',
          'tilAar',
          'format',
        ]),
      );
    });
  });

  describe('downloads', () => {
    it('CSV: UTF-8 with a byte-order mark, semicolons, CRLF, a header row in the user’s language, the NLOD attribution last', async () => {
      const res = await ctx.app.request('/api/v1/innsikt/fylker?fylke=46&format=csv');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="innsikt-fylker.csv"');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
      const lines = text.split('\r\n');
      expect(lines[0]).toBe('Fylke;Fylkesnummer;Organisasjoner;I Frivillighetsregisteret;Med i Grasrotandelen');
      expect(lines).toContain('Vestland;46;3;2;1');
      expect(lines).toContain('Oslo;03;0;0;0');
      expect(lines).toHaveLength(1 + 15 + 1 + 1 + 1);
      expect(lines.at(-3)).toBe('');
      expect(lines.at(-2)).toBe(
        'Inneholder data under Norsk lisens for offentlige data (NLOD) tilgjengeliggjort av Brønnøysundregistrene. https://data.norge.no/nlod/no/2.0',
      );
      expect(lines.at(-1)).toBe('');
    });

    it('CSV: decimal comma for shares, the header in nynorsk for a nynorsk reader, the unknown kommune named', async () => {
      const kategorier = await (
        await ctx.app.request('/api/v1/innsikt/kategorier?format=csv', { headers: { 'accept-language': 'nn' } })
      ).text();
      const lines = kategorier.replace(/^\ufeff/, '').split('\r\n');
      expect(lines[0]).toBe('Hovudkategori;ICNPO-nummer;Organisasjonar;Med i Grasrotdelen;Del med i Grasrotdelen (%)');
      expect(lines[1]).toBe('Kultur- og rekreasjon;1;3;2;66,7');
      expect(lines).toContain('Utdanning og forskning;2;0;0;');
      expect(lines).toContain('Utan kategori;;4;0;0,0');
      const kommuner = (await (await ctx.app.request('/api/v1/innsikt/kommuner?format=csv')).text()).split('\r\n');
      expect(kommuner.slice(1, 6)).toEqual([
        'Oslo - Oslove;0301;Oslo;2;1;1',
        'Bergen;4601;Vestland;2;2;1',
        'Tromsø;5501;Troms;2;1;1',
        'Kinn;4602;Vestland;1;0;0',
        'Uten kjent norsk kommune;;;1;0;0',
      ]);
    });

    it('JSON: the API answer as a file, with the same filters', async () => {
      const res = await ctx.app.request('/api/v1/innsikt/grasrot?kommune=0301&format=json');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="innsikt-grasrot.json"');
      const body = (await res.json()) as Envelope<Grasrot>;
      expect(body.filters.kommune).toBe('0301');
      expect(body.data).toEqual({ total: 2, grasrotandel: 1, frivillighetsregisteretOnly: 0, neither: 1 });
    });
  });

  describe('the page', () => {
    it('shows every table as an accessible SVG chart beside a captioned data table, with download links and the NLOD attribution', async () => {
      const res = await ctx.app.request('/innsikt');
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('Utvalget har 8 organisasjoner.');
      for (const id of ['fylker', 'kommuner', 'kategorier', 'stiftelsesaar', 'grasrot']) {
        expect(html).toContain(
          `<svg class="bar-chart" role="img" aria-labelledby="insight-${id}-chart-title" aria-describedby="insight-${id}-chart-desc"`,
        );
        expect(html).toContain(`<caption id="insight-${id}-caption">`);
        expect(html).toContain(`href="/api/v1/innsikt/${id}?fraAar=2006&amp;tilAar=2025&amp;format=csv"`);
        expect(html).toContain(`href="/api/v1/innsikt/${id}?fraAar=2006&amp;tilAar=2025&amp;format=json"`);
      }
      expect(html).toContain('<title id="insight-fylker-chart-title">Organisasjoner per fylke</title>');
      expect(html).toContain('Størst er Vestland med 3. Alle tallene står i tabellen «Organisasjoner per fylke».');
      expect(html).toContain(
        '<th scope="row">Vestland</th><td>46</td><td class="numeric">3</td><td class="numeric">2</td><td class="numeric">1</td>',
      );
      expect(html).toContain('<td class="numeric">66,7\u00a0%</td>');
      expect(html).toContain('Inneholder data under Norsk lisens for offentlige data (NLOD) tilgjengeliggjort av Brønnøysundregistrene.');
      expect(html).toContain('<form method="get" action="/innsikt"');
    });

    it('applies the GET form’s filters, keeps them in the form and in the download links', async () => {
      const res = await ctx.app.request(
        '/innsikt?fylke=46&grasrotandel=nei&fraAar=2010&tilAar=2012&kommune=&icnpo=&form=&frivillighetsregisteret=',
      );
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('Utvalget har 2 organisasjoner.');
      expect(html).toContain('<option value="46" selected="">Vestland</option>');
      expect(html).toContain('value="2010"');
      expect(html).toContain(
        'href="/api/v1/innsikt/kommuner?fylke=46&amp;grasrotandel=nei&amp;fraAar=2010&amp;tilAar=2012&amp;format=csv"',
      );
    });

    it('says so when the selection is empty (Nordland has only a unit under avvikling and a bankrupt one)', async () => {
      const res = await ctx.app.request('/innsikt?kommune=1804');
      expect(res.status).toBe(200);
      const empty = await res.text();
      expect(empty).toContain('Utvalget har 0 organisasjoner.');
      expect(empty).toContain('<title id="insight-kommuner-chart-title">Kommunene med flest organisasjoner</title>');
      expect(empty).toContain('Stolpediagram uten organisasjoner i utvalget. Se tabellen «Organisasjoner per fylke».');
    });

    it('answers bad filter values with 400, an error summary in the user’s language and the values as typed', async () => {
      const nb = await ctx.app.request('/innsikt?fraAar=abc&kommune=9999');
      expect(nb.status).toBe(400);
      const html = await nb.text();
      expect(html).toContain('ds-error-summary');
      expect(html).toContain('<a class="ds-link" href="#fraAar">Skriv årstallet med fire sifre, for eksempel 1990.</a>');
      expect(html).toContain('value="abc"');
      expect(html).not.toContain('Utvalget har');
      const unknown = await ctx.app.request('/innsikt?kommune=9999', { headers: { 'accept-language': 'nn' } });
      expect(unknown.status).toBe(400);
      expect(await unknown.text()).toContain('Vi kjenner ikkje kommunenummeret. Vel ein kommune frå lista.');
    });

    it('is open without sign-in and linked in the header for public officials and on the landing page for everyone', async () => {
      const anonymous = await (await ctx.app.request('/')).text();
      expect(anonymous).toContain('<a class="ds-link" href="/innsikt">Innsikt i frivillig sektor</a>');
      const official = await ctx.createUser({ name: 'Ola Offentlig', platformRoles: ['public_official'] });
      const client = ctx.client();
      await client.signInAs(official.id);
      const page = await (await client.get('/innsikt')).text();
      const header = page.slice(page.indexOf('<header'), page.indexOf('</header>'));
      expect(header).toContain('href="/innsikt"');
      const member = await ctx.createUser({ name: 'Mia Medlem' });
      const memberClient = ctx.client();
      await memberClient.signInAs(member.id);
      const memberPage = await (await memberClient.get('/innsikt')).text();
      expect(memberPage.slice(memberPage.indexOf('<header'), memberPage.indexOf('</header>'))).not.toContain('href="/innsikt"');
      expect(memberPage).toContain('Utvalget har 8 organisasjoner.');
    });
  });

  describe('freshness', () => {
    it('recomputes at once after a register import, and in the background once the figures are older than the sync interval', async () => {
      const db = ctx.database.db;
      const population = async () => (await api<Grasrot>('/grasrot')).body;
      expect((await population()).population).toBe(8);
      const added: string[] = [];

      try {
        // A unit written straight into the register copy is not counted until the figures are recomputed …
        added.push(await insertEnhet(db, { navn: 'P', kommunenummer: '4601' }));
        expect((await population()).population).toBe(8);
        // … which a completed import does at once (the next request waits for it).
        await db
          .insert(registerImportRuns)
          .values({ kind: 'enheter', source: 'test', status: 'completed', finishedAt: new Date('2025-06-15T10:05:00Z') });
        ctx.setNow(new Date('2025-06-15T10:06:00Z'));
        const afterImport = await population();
        expect(afterImport.population).toBe(9);
        expect(afterImport.computedAt).toBe('2025-06-15T10:06:00.000Z');

        // Within the sync interval (10 minutes) the figures stay; after it a request is answered from the current
        // figures and then starts a rebuild in the background; the next request gets the new figures.
        added.push(await insertEnhet(db, { navn: 'Q', kommunenummer: '4602' }));
        ctx.setNow(new Date('2025-06-15T10:15:00Z'));
        expect((await population()).population).toBe(9);
        expect(insightRebuildInFlight(ctx.deps)).toBeUndefined();
        ctx.setNow(new Date('2025-06-15T10:17:00Z'));
        expect((await population()).population).toBe(9);
        expect(insightRebuildInFlight(ctx.deps)).toBeDefined();
        await insightRebuildInFlight(ctx.deps);
        const rebuilt = await population();
        expect(rebuilt.population).toBe(10);
        expect(rebuilt.computedAt).toBe('2025-06-15T10:17:00.000Z');

        // refreshInsight recomputes on demand (for code that writes register rows directly, like tests).
        added.push(await insertEnhet(db, { navn: 'R', kommunenummer: '4602', frivillighetsregisteret: true, organisasjonsform: 'ENK' }));
        await refreshInsight(ctx.deps);
        expect(await countByFylke(db, { fylke: '46' })).toContainEqual({
          code: '46',
          name: 'Vestland',
          organisations: 6,
          frivillighetsregisteret: 3,
          grasrotandel: 1,
        });
      } finally {
        // Back to the fixture the other tests count on.
        if (added.length > 0) await db.delete(registerEnheter).where(inArray(registerEnheter.orgnr, added));
        await db.delete(registerImportRuns);
        ctx.setNow(new Date('2025-06-15T10:00:00Z'));
        await refreshInsight(ctx.deps);
      }
      expect((await population()).population).toBe(8);
    });
  });
});

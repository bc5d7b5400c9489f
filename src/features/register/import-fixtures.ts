import { gzipSync } from 'node:zlib';

/**
 * Small hand-made register records for the import tests, in the documented shapes (brief §1.2, §1.6, §2.3).
 * Test-only: nothing in the application imports this file.
 */

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/** The n-th valid organisasjonsnummer (MOD11) from a base, for deterministic fixtures. */
export function testOrgnr(n: number, base = 91_000_000): string {
  for (let candidate = base + n * 7; ; candidate++) {
    const digits = String(candidate).padStart(8, '0').split('').map(Number);
    const sum = digits.reduce((acc, d, i) => acc + d * WEIGHTS[i]!, 0);
    const rest = sum % 11;
    const check = rest === 0 ? 0 : 11 - rest;
    if (check !== 10) return `${digits.join('')}${check}`;
  }
}

export function enhet(n: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const orgnr = testOrgnr(n);
  return {
    organisasjonsnummer: orgnr,
    navn: `TESTLAGET NUMMER ${n}`,
    organisasjonsform: { kode: 'FLI', beskrivelse: 'Forening/lag/innretning', _links: { self: { href: 'x' } } },
    postadresse: {
      land: 'Norge',
      landkode: 'NO',
      postnummer: '0150',
      poststed: 'OSLO',
      adresse: ['Postboks 1'],
      kommune: 'OSLO',
      kommunenummer: '0301',
    },
    forretningsadresse: {
      land: 'Norge',
      landkode: 'NO',
      postnummer: '5003',
      poststed: 'BERGEN',
      adresse: [`Gate ${n}`],
      kommune: 'BERGEN',
      kommunenummer: '4601',
    },
    registreringsdatoEnhetsregisteret: '2001-02-03',
    stiftelsesdato: '2000-01-01',
    registrertIMvaregisteret: false,
    naeringskode1: { kode: '94.991', beskrivelse: 'Aktiviteter i andre interesseorganisasjoner' },
    harRegistrertAntallAnsatte: false,
    registrertIForetaksregisteret: false,
    registrertIStiftelsesregisteret: false,
    registrertIFrivillighetsregisteret: n % 2 === 0,
    registrertIPartiregisteret: false,
    konkurs: false,
    underAvvikling: false,
    underTvangsavviklingEllerTvangsopplosning: false,
    maalform: 'Bokmål',
    aktivitet: ['Idrett, "kultur" og {andre} [ting] \\ med tegn'],
    _links: { self: { href: `https://data.brreg.no/enhetsregisteret/api/enheter/${orgnr}` } },
    respons_klasse: 'Enhet',
    ...overrides,
  };
}

/** The bulk file: a JSON array, pretty-printed like the real one is not, gzip-compressed. */
export function bulkFile(elements: (Record<string, unknown> | string)[]): Buffer {
  const json = `[${elements.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join(',')}]`;
  return gzipSync(Buffer.from(json));
}

export function frivillig(n: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    organisasjonsnummer: testOrgnr(n),
    frivilligOrganisasjonsstatus: 'Registrert',
    kontonummer: '12345678903',
    innfoertDato: '2015-03-04',
    foersteGangInnfoert: '2010-01-02',
    grasrotandel: { deltarI: n % 3 === 0 },
    regnskapsrapportering: { harPaatattSegRapporteringsplikt: false },
    vedtekter: { frivilligRegistrerteVedtekter: true, sistOppdaterteVedtekter: '2020-01-01' },
    // Deliberately not in rekkefoelge order: the primary category is rekkefoelge 1 (brief §2.3).
    icnpoKategorier: [
      { kategori: 'ICNPOKategori.kulturOgRekreasjon', icnpoNummer: '1300', navn: null, rekkefoelge: 2 },
      { kategori: 'ICNPOKategori.idrett', icnpoNummer: '1200', navn: null, rekkefoelge: 1 },
    ],
    paategninger: [],
    _links: {},
    ...overrides,
  };
}

export function roller(n: number): Record<string, unknown> {
  return {
    rollegrupper: [
      {
        type: { kode: 'STYR', beskrivelse: 'Styre', _links: { self: { href: 'x' } } },
        sistEndret: '2024-05-06',
        roller: [
          {
            type: { kode: 'LEDE', beskrivelse: 'Styrets leder' },
            person: { fodselsdato: '1969-08-11', navn: { fornavn: 'Kari', mellomnavn: null, etternavn: `Leder${n}` }, erDoed: false },
            fratraadt: false,
            avregistrert: false,
            rekkefolge: 0,
          },
          {
            type: { kode: 'MEDL', beskrivelse: 'Styremedlem' },
            person: { fodselsdato: '1980-01-02', navn: { fornavn: 'Ola', etternavn: 'Medlem' }, erDoed: false },
            fratraadt: false,
            avregistrert: false,
            rekkefolge: 1,
          },
        ],
      },
      {
        type: { kode: 'REVI', beskrivelse: 'Revisor' },
        sistEndret: '2023-01-01',
        roller: [
          {
            type: { kode: 'REVI', beskrivelse: 'Revisor' },
            enhet: { organisasjonsnummer: '974760673', organisasjonsform: { kode: 'ORGL' }, navn: ['REVISJON', 'AS'], erSlettet: false },
            fratraadt: false,
            avregistrert: false,
            rekkefolge: 0,
          },
        ],
      },
    ],
  };
}

import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import {
  kommuner,
  organisasjonsformer,
  registerChanges,
  registerEnheter,
  registerFrivillige,
  registerRoller,
  registerRolleSett,
} from '../../core/db/schema.ts';

/**
 * Test rows for the register tables, shaped like Brønnøysund's open data: `data` holds an enhet as the v2
 * API gives it (brief §1.2), an FRR record (§2.3) or a roles answer (§1.6), and the derived columns are
 * computed from that record by the same rules as the importer (register.queries.ts: kommunenummer from
 * forretningsadresse, else postadresse; ICNPO ranked by rekkefoelge, not array position). Used by the
 * tests of register-search, organisation-profile and insight — never by production code.
 */

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];
let nextBase = 92_000_000;

/** A fresh organisasjonsnummer that passes the MOD11 check (bases whose check digit would be 10 are skipped). */
export function nextOrgnr(): string {
  for (;;) {
    const base = String(nextBase++);
    const sum = [...base].reduce((acc, d, i) => acc + Number(d) * WEIGHTS[i]!, 0);
    const rest = sum % 11;
    const check = rest === 0 ? 0 : 11 - rest;
    if (check !== 10) return base + check;
  }
}

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

export interface EnhetFixture {
  orgnr?: string;
  navn: string;
  /** Default FLI. */
  organisasjonsform?: string;
  /** Kommune of the business address; null gives a unit with a foreign address only. Default 0301 (Oslo). */
  kommunenummer?: string | null;
  stiftelsesdato?: string | null;
  registreringsdato?: string;
  frivillighetsregisteret?: boolean;
  underAvvikling?: boolean;
  konkurs?: boolean;
  slettedato?: string | null;
  antallAnsatte?: number;
  naeringskode?: { kode: string; beskrivelse: string };
  vedtektsfestetFormaal?: string[];
  aktivitet?: string[];
  epostadresse?: string;
  hjemmeside?: string;
  telefon?: string;
  /** Extra fields merged into the record as received. */
  extra?: Record<string, unknown>;
}

/** Inserts one unit; returns its orgnr. */
export async function insertEnhet(db: Db, f: EnhetFixture): Promise<string> {
  const orgnr = f.orgnr ?? nextOrgnr();
  const form = f.organisasjonsform ?? 'FLI';
  const kommunenummer = f.kommunenummer === undefined ? '0301' : f.kommunenummer;
  const [formRow] = await db.select().from(organisasjonsformer).where(eq(organisasjonsformer.kode, form));
  const [kommuneRow] = kommunenummer ? await db.select().from(kommuner).where(eq(kommuner.nummer, kommunenummer)) : [];
  // Enhetsregisteret writes kommune names in plain upper case, without the Sami/Kven parallel name (brief §3.2).
  const kommune = kommuneRow ? kommuneRow.navn.split(' - ')[0]!.toUpperCase() : undefined;
  const forretningsadresse = kommunenummer
    ? {
        land: 'Norge',
        landkode: 'NO',
        postnummer: '0150',
        poststed: kommune ?? 'OSLO',
        adresse: ['Storgata 1'],
        kommune,
        kommunenummer,
      }
    : { land: 'Sverige', landkode: 'SE', adresse: ['Drottninggatan 1', 'Stockholm'] };
  const frr = f.frivillighetsregisteret ?? false;
  const data: Record<string, unknown> = {
    organisasjonsnummer: orgnr,
    navn: f.navn,
    organisasjonsform: {
      kode: form,
      beskrivelse: formRow?.beskrivelse ?? form,
      _links: { self: { href: `https://data.brreg.no/enhetsregisteret/api/organisasjonsformer/${form}` } },
    },
    postadresse: kommunenummer
      ? { land: 'Norge', landkode: 'NO', postnummer: '0101', poststed: kommune ?? 'OSLO', adresse: ['Postboks 12'], kommune, kommunenummer }
      : undefined,
    forretningsadresse,
    registreringsdatoEnhetsregisteret: f.registreringsdato ?? '2001-02-03',
    registrertIMvaregisteret: false,
    naeringskode1: f.naeringskode ?? { kode: '94.991', beskrivelse: 'Aktiviteter i andre interesseorganisasjoner ikke nevnt annet sted' },
    harRegistrertAntallAnsatte: f.antallAnsatte !== undefined,
    antallAnsatte: f.antallAnsatte,
    stiftelsesdato: f.stiftelsesdato === undefined ? '1990-05-17' : (f.stiftelsesdato ?? undefined),
    institusjonellSektorkode: { kode: '7000', beskrivelse: 'Ideelle organisasjoner' },
    registrertIForetaksregisteret: false,
    registrertIStiftelsesregisteret: form === 'STI',
    registrertIFrivillighetsregisteret: frr,
    registreringsdatoFrivillighetsregisteret: frr ? '2010-01-04' : undefined,
    registrertIPartiregisteret: false,
    konkurs: f.konkurs ?? false,
    underAvvikling: f.underAvvikling ?? false,
    underAvviklingDato: f.underAvvikling ? '2025-03-01' : undefined,
    underTvangsavviklingEllerTvangsopplosning: false,
    slettedato: f.slettedato ?? undefined,
    maalform: 'Bokmål',
    vedtektsfestetFormaal: f.vedtektsfestetFormaal,
    aktivitet: f.aktivitet,
    epostadresse: f.epostadresse,
    hjemmeside: f.hjemmeside,
    telefon: f.telefon,
    paategninger: [],
    erIKonsern: false,
    _links: { self: { href: `https://data.brreg.no/enhetsregisteret/api/enheter/${orgnr}` } },
    respons_klasse: 'Enhet',
    ...f.extra,
  };
  // As received from JSON: absent fields are absent, not null.
  for (const k of Object.keys(data)) if (data[k] === undefined) delete data[k];
  await db.insert(registerEnheter).values({
    orgnr,
    navn: f.navn,
    organisasjonsform: form,
    kommunenummer,
    stiftelsesdato: (data.stiftelsesdato as string | undefined) ?? null,
    registreringsdato: data.registreringsdatoEnhetsregisteret as string,
    naeringskode1: (data.naeringskode1 as { kode: string }).kode,
    antallAnsatte: f.antallAnsatte ?? null,
    registrertIFrivillighetsregisteret: frr,
    registrertIMvaregisteret: false,
    underAvvikling: f.underAvvikling ?? false,
    konkurs: f.konkurs ?? false,
    slettedato: f.slettedato ?? null,
    data,
    dataHash: hash(data),
  });
  return orgnr;
}

export interface FrivilligFixture {
  orgnr: string;
  /** ICNPO codes in rank order (rekkefoelge 1, 2, 3); stored in the record in reverse to prove ranking by rekkefoelge. */
  icnpo?: string[];
  grasrotandel?: boolean;
  kontonummer?: string;
  innfoertDato?: string;
  foersteGangInnfoert?: string;
  slettetDato?: string | null;
  regnskapsaar?: number;
  vedtekter?: boolean;
}

export async function insertFrivillig(db: Db, f: FrivilligFixture): Promise<void> {
  const icnpo = f.icnpo ?? ['1200'];
  const data: Record<string, unknown> = {
    organisasjonsnummer: f.orgnr,
    frivilligOrganisasjonsstatus: 'REGISTRERT',
    kontonummer: f.kontonummer ?? '12345678903',
    innfoertDato: f.innfoertDato ?? '2015-06-01',
    foersteGangInnfoert: f.foersteGangInnfoert ?? '2010-01-04',
    grasrotandel: { deltarI: f.grasrotandel ?? false },
    regnskapsrapportering: {
      harPaatattSegRapporteringsplikt: f.regnskapsaar !== undefined,
      sistInnsendteAarsregnskap:
        f.regnskapsaar !== undefined ? { regnskapsaar: f.regnskapsaar, registreringsdato: `${f.regnskapsaar + 1}-05-30` } : undefined,
    },
    vedtekter: { frivilligRegistrerteVedtekter: f.vedtekter ?? false, sistOppdaterteVedtekter: f.vedtekter ? '2019-04-02' : undefined },
    // Reversed on purpose: the primary category is the one with rekkefoelge 1, not the first in the array (brief §2.3).
    icnpoKategorier: icnpo
      .map((nummer, i) => ({ kategori: `ICNPOKategori.kode${nummer}`, icnpoNummer: nummer, navn: null, rekkefoelge: i + 1 }))
      .reverse(),
    paategninger: [],
    slettetDato: f.slettetDato ?? undefined,
    _links: {},
  };
  await db.insert(registerFrivillige).values({
    orgnr: f.orgnr,
    icnpo1: icnpo[0] ?? null,
    icnpo2: icnpo[1] ?? null,
    icnpo3: icnpo[2] ?? null,
    grasrotandel: f.grasrotandel ?? false,
    status: 'REGISTRERT',
    innfoertDato: data.innfoertDato as string,
    foersteGangInnfoert: data.foersteGangInnfoert as string,
    slettetDato: f.slettetDato ?? null,
    data: JSON.parse(JSON.stringify(data)) as Record<string, unknown>,
    dataHash: hash(data),
  });
}

export interface RolleFixture {
  /** Default STYR for board roles, DAGL for DAGL, else the role's own code. */
  rollegruppe?: string;
  rolle: string;
  fornavn?: string;
  mellomnavn?: string;
  etternavn?: string;
  fodselsdato?: string;
  fratraadt?: boolean;
  avregistrert?: boolean;
  erDoed?: boolean;
  /** A role held by an organisation (REVI, REGN). */
  enhet?: { orgnr: string; navn: string };
}

const GROUP_NAMES: Record<string, string> = { STYR: 'Styre', DAGL: 'Daglig leder/ adm.direktør', REVI: 'Revisor', KONT: 'Kontaktperson' };
const ROLE_NAMES: Record<string, string> = {
  LEDE: 'Styrets leder',
  NEST: 'Nestleder',
  MEDL: 'Styremedlem',
  VARA: 'Varamedlem',
  DAGL: 'Daglig leder',
  KONT: 'Kontaktperson',
  REVI: 'Revisor',
};

/** Stores the roles of one unit: the answer of /enheter/{orgnr}/roller as received, and one row per role. */
export async function insertRoller(db: Db, orgnr: string, roller: RolleFixture[]): Promise<void> {
  const groups = new Map<string, RolleFixture[]>();
  for (const r of roller) {
    const g = r.rollegruppe ?? (['LEDE', 'NEST', 'MEDL', 'VARA'].includes(r.rolle) ? 'STYR' : r.rolle);
    groups.set(g, [...(groups.get(g) ?? []), r]);
  }
  const data = {
    rollegrupper: [...groups].map(([g, rs]) => ({
      type: {
        kode: g,
        beskrivelse: GROUP_NAMES[g] ?? g,
        _links: { self: { href: `https://data.brreg.no/enhetsregisteret/api/roller/rollegruppetyper/${g}` } },
      },
      sistEndret: '2024-03-20',
      roller: rs.map((r, i) => ({
        type: { kode: r.rolle, beskrivelse: ROLE_NAMES[r.rolle] ?? r.rolle },
        ...(r.enhet
          ? { enhet: { organisasjonsnummer: r.enhet.orgnr, organisasjonsform: { kode: 'AS' }, navn: [r.enhet.navn], erSlettet: false } }
          : {
              person: {
                fodselsdato: r.fodselsdato ?? '1970-01-01',
                navn: { fornavn: r.fornavn, mellomnavn: r.mellomnavn, etternavn: r.etternavn },
                erDoed: r.erDoed ?? false,
              },
            }),
        fratraadt: r.fratraadt ?? false,
        avregistrert: r.avregistrert ?? false,
        rekkefolge: i,
      })),
    })),
  };
  await db
    .insert(registerRolleSett)
    .values({ orgnr, data: JSON.parse(JSON.stringify(data)) as Record<string, unknown>, dataHash: hash(data) });
  const rows = [...groups].flatMap(([g, rs]) =>
    rs.map((r, i) => ({
      orgnr,
      rollegruppe: g,
      rolle: r.rolle,
      fornavn: r.enhet ? null : (r.fornavn ?? null),
      mellomnavn: r.enhet ? null : (r.mellomnavn ?? null),
      etternavn: r.enhet ? null : (r.etternavn ?? null),
      fodselsdato: r.enhet ? null : (r.fodselsdato ?? '1970-01-01'),
      erDoed: r.erDoed ?? false,
      enhetOrgnr: r.enhet?.orgnr ?? null,
      enhetNavn: r.enhet?.navn ?? null,
      fratraadt: r.fratraadt ?? false,
      avregistrert: r.avregistrert ?? false,
      rekkefolge: i,
    })),
  );
  if (rows.length > 0) await db.insert(registerRoller).values(rows);
}

let nextOppdateringsid = 25_255_241;

/** One entry of the update feed (brief §1.5) as the follower stores it. */
export async function insertChange(
  db: Db,
  c: { orgnr: string; endringstype: 'Ny' | 'Endring' | 'Sletting' | 'Ukjent'; dato: string; endringer?: unknown[] },
): Promise<number> {
  const oppdateringsid = nextOppdateringsid++;
  await db.insert(registerChanges).values({
    oppdateringsid,
    orgnr: c.orgnr,
    endringstype: c.endringstype,
    dato: new Date(c.dato),
    endringer: c.endringer ?? null,
  });
  return oppdateringsid;
}

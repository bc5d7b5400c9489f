import type { Enhet } from '../register/brreg-shapes.ts';
import formReference from '../register/reference-data/organisasjonsformer.json' with { type: 'json' };
import { dayFromIso, dayOfYearStart, isoFromDay, yearOfDay } from './dates.ts';
import { KOMMUNE_TABLE, KOMMUNER, type Kommune, SAMI_KOMMUNER } from './kommuner.ts';
import {
  CLUB_WORDS,
  DIRECTIONS,
  ENK_PREFIXES,
  FANCY_WORDS,
  FEMALE_NAMES,
  FLI_PATTERNS,
  FOREIGN_COUNTRIES,
  FOREIGN_WORDS,
  LOCAL_PLACES,
  LONG_NAME_PARTS,
  MALE_NAMES,
  NAERING,
  type Naering,
  SAMI_KINDS,
  SAMI_PLACES,
  STREETS,
  SURNAMES,
  TRADES,
} from './names.ts';
import type { OrgnrSpace } from './orgnr-space.ts';
import { hashInts, Rng, WeightedTable } from './random.ts';

/**
 * One generated unit (hovedenhet) of Enhetsregisteret in the v2 shape (brief §1.2), derived from
 * (seed, index) alone. `unitCore` is the cheap part the search filters on (form, kommune, name, flags);
 * `buildEnhet` adds the rest. Each part draws from its own random stream, so adding a field to one never
 * shifts the values of another.
 */

export type FormCode = 'AS' | 'ENK' | 'FLI' | 'ANS' | 'DA' | 'SA' | 'STI' | 'NUF' | 'BRL' | 'ESEK' | 'SAM';

/**
 * Share of main units per organisation form, roughly as in the open data (AS and ENK dominate; FLI, the
 * normal form for lag og foreninger, is about 13 %). TVAM, BEDR, AAFY and UTLA are excluded from the open
 * bulk (brief §1.4), and public-sector forms are few, so neither is generated.
 */
const FORM_WEIGHTS: Record<FormCode, number> = {
  AS: 42,
  ENK: 33,
  FLI: 13,
  ANS: 1.5,
  DA: 1.2,
  SA: 0.9,
  STI: 1.1,
  NUF: 2.3,
  BRL: 1.8,
  ESEK: 2,
  SAM: 0.9,
};
const FORM_TABLE = new WeightedTable(Object.keys(FORM_WEIGHTS) as FormCode[], Object.values(FORM_WEIGHTS));
const FLI_TABLE = new WeightedTable(
  FLI_PATTERNS,
  FLI_PATTERNS.map((p) => p.weight),
);

export const FORM_DESCRIPTIONS: Record<string, string> = Object.fromEntries(
  formReference.hovedenhet_former.map((f) => [f.kode, f.beskrivelse]),
);

/** Enhetsregisteret opened in 1995; older units got registration dates from then on. */
const ER_START = dayFromIso('1995-02-01');
const ER_BACKLOG_END = dayFromIso('1999-12-31');
/** Frivillighetsregisteret opened in 2009. */
export const FRR_START = dayFromIso('2009-02-01');
/** FLI pattern FRR chances are scaled so that about 6 % of all units end up registered (brief §1.4: 72 798 of 1.17 M). */
const FLI_FRR_SCALE = 0.93;

export type OddKind = 'none' | 'foreign' | 'long-name' | 'sami' | 'minimal' | 'quoted';

export interface UnitCore {
  form: FormCode;
  kommune: Kommune;
  odd: OddKind;
  navn: string;
  naering: Naering | undefined;
  /** ICNPO categories that fit the organisation, the most likely first (empty: not a voluntary organisation). */
  icnpo: readonly string[];
  purpose: string | undefined;
  frr: boolean;
  status: 'active' | 'underAvvikling' | 'konkurs';
}

export interface UnitContext {
  seedHash: number;
  space: OrgnrSpace;
  /** Base of the links inside records, "https://data.brreg.no" like the real ones. */
  recordBaseUrl: string;
}

const SALT_CORE = 0xc0de;
const SALT_DETAILS = 0xde7a;
const SALT_CHANGE = 0xc4a9;

function upper(value: string): string {
  return value.toUpperCase();
}

function placeFor(rng: Rng, kommune: Kommune): string {
  const roll = rng.next();
  if (roll < 0.55) return kommune.stedsnavn;
  if (roll < 0.9) return rng.pick(LOCAL_PLACES);
  return `${rng.pick(DIRECTIONS)} ${rng.pick(LOCAL_PLACES)}`;
}

function personName(rng: Rng): { fornavn: string; etternavn: string } {
  const fornavn = rng.pick(rng.chance(0.5) ? FEMALE_NAMES : MALE_NAMES);
  return { fornavn, etternavn: rng.pick(SURNAMES) };
}

function fill(template: string, rng: Rng, place: string): string {
  return template
    .replace('{P}', place)
    .replace('{C}', rng.pick(CLUB_WORDS))
    .replace('{N}', String(rng.int(1, 12)));
}

interface NameResult {
  navn: string;
  naering: Naering | undefined;
  icnpo: readonly string[];
  purpose: string | undefined;
  frrChance: number;
}

/** A name for a unit of the given form; also used for renames in the change feed. */
export function nameFor(form: FormCode, rng: Rng, kommune: Kommune): NameResult {
  const place = placeFor(rng, kommune);
  switch (form) {
    case 'FLI': {
      const pattern = FLI_TABLE.pick(rng);
      return {
        navn: upper(fill(rng.pick(pattern.names), rng, place)),
        naering: pattern.naering,
        icnpo: pattern.icnpo,
        purpose: pattern.purpose,
        frrChance: pattern.frr * FLI_FRR_SCALE,
      };
    }
    case 'AS': {
      const trade = rng.pick(TRADES);
      const roll = rng.next();
      const first = roll < 0.4 ? rng.pick(FANCY_WORDS) : roll < 0.75 ? rng.pick(SURNAMES) : place;
      if (rng.chance(0.12)) {
        const initials = String.fromCharCode(65 + rng.int(0, 25), 65 + rng.int(0, 25), 65 + rng.int(0, 25));
        return { navn: `${initials} HOLDING AS`, naering: NAERING.holding, icnpo: ['1200', '1100'], purpose: undefined, frrChance: 0.0015 };
      }
      return {
        navn: upper(`${first} ${trade.kind} AS`),
        naering: trade.naering,
        icnpo: ['1200', '1100'],
        purpose: undefined,
        frrChance: 0.0015,
      };
    }
    case 'ENK': {
      const { fornavn, etternavn } = personName(rng);
      const roll = rng.next();
      if (roll < 0.45)
        return { navn: upper(`${fornavn} ${etternavn}`), naering: rng.pick(TRADES).naering, icnpo: [], purpose: undefined, frrChance: 0 };
      if (roll < 0.8) {
        const prefix = rng.pick(ENK_PREFIXES);
        return {
          navn: upper(`${prefix.kind} ${fornavn} ${etternavn}`),
          naering: prefix.naering,
          icnpo: [],
          purpose: undefined,
          frrChance: 0,
        };
      }
      return {
        navn: upper(`${etternavn} Gård ${fornavn} ${etternavn}`),
        naering: NAERING.jordbruk,
        icnpo: [],
        purpose: undefined,
        frrChance: 0,
      };
    }
    case 'STI': {
      const roll = rng.next();
      if (roll < 0.3)
        return {
          navn: upper(`${rng.pick(SURNAMES)}s Legat`),
          naering: NAERING.legat,
          icnpo: ['8100'],
          purpose: 'Å dele ut midler til allmennyttige formål.',
          frrChance: 0.08,
        };
      const kind = rng.pick(['Kulturhus', 'Museum', 'Fjellstue', 'Kulturstiftelse'] as const);
      const naering = kind === 'Museum' ? NAERING.museum : NAERING.kulturhus;
      return {
        navn: upper(`Stiftelsen ${place} ${kind}`),
        naering,
        icnpo: ['1100', '6100'],
        purpose: 'Å eie og drive anlegget til beste for allmennheten.',
        frrChance: 0.08,
      };
    }
    case 'NUF': {
      const kind = rng.pick(['Services', 'Construction', 'Logistics', 'Consulting', 'Shipping', 'Engineering'] as const);
      const suffix = rng.pick([
        'AB NORWEGIAN BRANCH',
        'GMBH NORSKE AVDELING',
        'LTD',
        'APS NORSK FILIAL',
        'SP. Z O.O. NUF',
        'UAB NUF',
      ] as const);
      return {
        navn: upper(`${rng.pick(FOREIGN_WORDS)} ${kind} ${suffix}`),
        naering: rng.pick(TRADES).naering,
        icnpo: [],
        purpose: undefined,
        frrChance: 0,
      };
    }
    case 'SA': {
      const kind = rng.pick(['Samvirkelag', 'Kraftlag', 'Fiberlag', 'Bygdeallmenning'] as const);
      const naering = kind === 'Kraftlag' ? NAERING.kraft : kind === 'Fiberlag' ? NAERING.telekom : NAERING.handel;
      return { navn: upper(`${place} ${kind} SA`), naering, icnpo: ['6100'], purpose: undefined, frrChance: 0.003 };
    }
    case 'BRL':
      return {
        navn: upper(`${rng.chance(0.6) ? rng.pick(STREETS) : place} Borettslag`),
        naering: NAERING.borettslag,
        icnpo: [],
        purpose: undefined,
        frrChance: 0,
      };
    case 'ESEK':
      return {
        navn: upper(`${rng.chance(0.5) ? 'Eierseksjonssameiet' : 'Sameiet'} ${rng.pick(STREETS)} ${rng.int(1, 90)}`),
        naering: NAERING.sameie,
        icnpo: [],
        purpose: undefined,
        frrChance: 0,
      };
    case 'SAM':
      return {
        navn: upper(`Sameiet Gnr ${rng.int(1, 250)} Bnr ${rng.int(1, 80)} ${place}`),
        naering: undefined,
        icnpo: [],
        purpose: undefined,
        frrChance: 0,
      };
    case 'ANS':
      return {
        navn: upper(`${rng.pick(SURNAMES)} & ${rng.pick(SURNAMES)} ANS`),
        naering: rng.pick(TRADES).naering,
        icnpo: [],
        purpose: undefined,
        frrChance: 0,
      };
    case 'DA': {
      const trade = rng.pick(TRADES);
      return { navn: upper(`${place} ${trade.kind} DA`), naering: trade.naering, icnpo: [], purpose: undefined, frrChance: 0 };
    }
  }
}

/** The cheap, search-relevant part of unit `index`. */
export function unitCore(ctx: UnitContext, index: number): UnitCore {
  const rng = new Rng(hashInts(ctx.seedHash, index, SALT_CORE));
  let form = FORM_TABLE.pick(rng);
  let kommune = KOMMUNER[KOMMUNE_TABLE.pick(rng)] as Kommune;
  const oddRoll = rng.next();
  let odd: OddKind = 'none';
  if (form === 'NUF' ? oddRoll < 0.4 : oddRoll < 0.003) odd = 'foreign';
  else if (oddRoll < 0.005) odd = 'long-name';
  else if (oddRoll < 0.008 || (kommune.sami && oddRoll < 0.08)) odd = 'sami';
  else if (oddRoll < 0.012) odd = 'minimal';
  else if (oddRoll < 0.014) odd = 'quoted';

  let name: NameResult;
  if (odd === 'long-name') {
    form = rng.chance(0.7) ? 'FLI' : 'STI';
    const place = placeFor(rng, kommune);
    const text = fill(rng.pick(LONG_NAME_PARTS), rng, place);
    name = {
      navn: upper(text).slice(0, 175).trimEnd(),
      naering: NAERING.interesse,
      icnpo: ['1100', '13100'],
      purpose: 'Å ta vare på og formidle kulturarven.',
      frrChance: 0.5,
    };
  } else if (odd === 'sami') {
    form = 'FLI';
    if (!kommune.sami) kommune = KOMMUNER[rng.pick(SAMI_KOMMUNER)] as Kommune;
    name = {
      navn: upper(`${rng.pick(SAMI_PLACES)} ${rng.pick(SAMI_KINDS)}`),
      naering: NAERING.interesse,
      icnpo: ['1100', '14100'],
      purpose: 'Sámi giela ja kultuvrra ovddideapmi. Å fremme samisk språk og kultur.',
      frrChance: 0.55,
    };
  } else if (odd === 'quoted') {
    form = 'FLI';
    const place = placeFor(rng, kommune);
    const quote = rng.chance(0.5) ? `"Venner av ${place}"` : `«${place} Minne»`;
    name = {
      navn: upper(`Foreningen ${quote}`),
      naering: NAERING.interesse,
      icnpo: ['1100', '6100'],
      purpose: 'Å ta vare på stedets historie.',
      frrChance: 0.45,
    };
  } else {
    name = nameFor(form, rng, kommune);
  }
  const frr = rng.chance(name.frrChance);
  const statusRoll = rng.next();
  const canGoBankrupt = form === 'AS' || form === 'ENK' || form === 'ANS' || form === 'DA' || form === 'NUF';
  const status = canGoBankrupt && statusRoll < 0.005 ? 'konkurs' : statusRoll >= 0.005 && statusRoll < 0.013 ? 'underAvvikling' : 'active';
  return { form, kommune, odd, navn: name.navn, naering: name.naering, icnpo: name.icnpo, purpose: name.purpose, frr, status };
}

/** A day in [from, to]; exponent < 1 leans towards `to` (recent dates are more common). */
function pickDay(rng: Rng, from: number, to: number, exponent = 1): number {
  if (to <= from) return from;
  return from + Math.floor((to - from + 1) * rng.next() ** exponent);
}

function pad4(n: number): string {
  return String(n).padStart(4, '0');
}

function streetLine(rng: Rng): string {
  return `${rng.pick(STREETS)} ${rng.int(1, 120)}${rng.chance(0.08) ? rng.pick(['A', 'B', 'C']) : ''}`;
}

type Adresse = NonNullable<Enhet['forretningsadresse']>;

function norwegianAddress(rng: Rng, kommune: Kommune, adresse: string[]): Adresse {
  return {
    land: 'Norge',
    landkode: 'NO',
    postnummer: pad4(kommune.postnummerBase + rng.int(0, 9)),
    poststed: kommune.navn,
    adresse,
    kommune: kommune.navn,
    kommunenummer: kommune.nummer,
  };
}

function foreignAddress(rng: Rng): Adresse {
  const country = rng.pick(FOREIGN_COUNTRIES);
  const postnummer = country.postnummer(rng.int(0, 1_000_000));
  const adresse = [`${rng.pick(FOREIGN_WORDS)} Street ${rng.int(1, 200)}`];
  // No kommune or kommunenummer abroad, and sometimes no postnummer (brief §1.2).
  return {
    land: country.land,
    landkode: country.landkode,
    postnummer: postnummer || undefined,
    poststed: rng.pick(country.poststeder),
    adresse,
    kommune: undefined,
    kommunenummer: undefined,
  };
}

function slug(navn: string): string {
  return navn
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[^a-z0-9]+/g, '')
    .slice(0, 24);
}

function phone(rng: Rng): string {
  const d = () => rng.int(0, 9);
  return `${rng.int(2, 7)}${d()} ${d()}${d()} ${d()}${d()} ${d()}${d()}`;
}

function mobile(rng: Rng): string {
  const d = () => rng.int(0, 9);
  return `${rng.chance(0.5) ? 4 : 9}${d()}${d()} ${d()}${d()} ${d()}${d()}${d()}`;
}

const SECTOR: Partial<Record<FormCode, { kode: string; beskrivelse: string }>> = {
  AS: { kode: '2100', beskrivelse: 'Private aksjeselskaper mv.' },
  ENK: { kode: '8200', beskrivelse: 'Personlig næringsdrivende' },
  FLI: { kode: '7000', beskrivelse: 'Ideelle organisasjoner' },
  STI: { kode: '7000', beskrivelse: 'Ideelle organisasjoner' },
};

const MVA_SHARE: Record<FormCode, number> = {
  AS: 0.6,
  ENK: 0.35,
  FLI: 0.08,
  STI: 0.1,
  SA: 0.7,
  NUF: 0.6,
  ANS: 0.6,
  DA: 0.6,
  BRL: 0.02,
  ESEK: 0.03,
  SAM: 0.1,
};
const FORETAK_SHARE: Record<FormCode, number> = {
  AS: 1,
  ANS: 1,
  DA: 1,
  SA: 1,
  NUF: 1,
  BRL: 1,
  ENK: 0.4,
  FLI: 0.03,
  STI: 0,
  ESEK: 0,
  SAM: 0,
};
const EMPLOYEES_SHARE: Record<FormCode, number> = {
  AS: 0.45,
  ENK: 0.15,
  FLI: 0.06,
  STI: 0.3,
  SA: 0.4,
  NUF: 0.5,
  ANS: 0.4,
  DA: 0.4,
  BRL: 0.05,
  ESEK: 0.01,
  SAM: 0.01,
};
const NYNORSK_SHARE: Record<string, number> = { '46': 0.55, '15': 0.35, '40': 0.25, '34': 0.15, '50': 0.08 };

function stiftelseFor(rng: Rng, form: FormCode, maxDay: number): number {
  const roll = rng.next();
  if (form === 'FLI') {
    if (roll < 0.12) return pickDay(rng, dayOfYearStart(1870), dayOfYearStart(1970) - 1);
    if (roll < 0.45) return pickDay(rng, dayOfYearStart(1970), dayOfYearStart(2000) - 1);
    return pickDay(rng, dayOfYearStart(2000), maxDay, 0.8);
  }
  if (form === 'AS')
    return roll < 0.08 ? pickDay(rng, dayOfYearStart(1950), dayOfYearStart(2000) - 1) : pickDay(rng, dayOfYearStart(2000), maxDay, 0.6);
  if (form === 'ENK' || form === 'NUF') return pickDay(rng, dayOfYearStart(1980), maxDay, 0.5);
  return pickDay(rng, dayOfYearStart(1950), maxDay, 0.8);
}

export interface BuildOptions {
  /** Last day any date may take: the snapshot day for the bulk, the registration day for new units. */
  maxDay: number;
  /** Registration day fixed by a "Ny" event in the change feed. */
  registrationDay?: number;
}

/**
 * The enhet record of unit `index` as first registered (version 0).
 *
 * The record is one object literal with every field in a fixed order; a field the unit does not have is
 * `undefined`, which JSON.stringify leaves out. One shape for all records keeps V8 on its fast paths — the
 * bulk file of 1.17 M units is generated at well over 50 000 units a second that way, several times faster
 * than adding fields one by one.
 */
export function buildEnhet(ctx: UnitContext, index: number, core: UnitCore, opts: BuildOptions): Enhet {
  const rng = new Rng(hashInts(ctx.seedHash, index, SALT_DETAILS));
  const { form, kommune, odd } = core;
  const orgnr = ctx.space.orgnrOf(index);
  const base = ctx.recordBaseUrl;
  const minimal = odd === 'minimal';
  const maxDay = opts.maxDay;

  // Dates: stiftelse, then registration (not before 1995), then everything else after registration.
  let stiftelse: number | undefined;
  let registrering: number;
  if (opts.registrationDay !== undefined) {
    registrering = opts.registrationDay;
    stiftelse = registrering - rng.int(0, 60);
  } else {
    stiftelse = !minimal && rng.chance(0.92) ? stiftelseFor(rng, form, maxDay) : undefined;
    if (stiftelse === undefined) registrering = pickDay(rng, ER_START, maxDay, 0.7);
    else if (stiftelse < ER_START) registrering = pickDay(rng, ER_START, Math.min(maxDay, ER_BACKLOG_END));
    else registrering = Math.min(maxDay, stiftelse + rng.int(0, 120));
  }
  const after = (from: number, exponent = 1) => pickDay(rng, Math.min(from, maxDay), maxDay, exponent);

  const contact = !minimal && rng.chance(form === 'FLI' ? 0.25 : 0.3);
  const hjemmeside = contact && rng.chance(0.5) ? `www.${slug(core.navn)}.no` : undefined;
  const epostadresse = contact && rng.chance(0.6) ? `post@${slug(core.navn)}.no` : undefined;
  const telefon = contact && rng.chance(0.5) ? phone(rng) : undefined;
  const mobil = contact && rng.chance(0.3) ? mobile(rng) : undefined;

  // Addresses: many lag have only a postadresse; most companies only a forretningsadresse (brief §1.2).
  const foreign = odd === 'foreign';
  const hasForretning = minimal ? false : rng.chance(form === 'FLI' ? 0.55 : form === 'ENK' ? 0.95 : form === 'AS' ? 0.99 : 0.9);
  const forretningsadresse = hasForretning
    ? foreign
      ? foreignAddress(rng)
      : norwegianAddress(rng, kommune, [streetLine(rng)])
    : undefined;
  let postadresse: Adresse | undefined;
  if (!hasForretning || rng.chance(0.25)) {
    const roll = rng.next();
    if (foreign && !hasForretning) postadresse = foreignAddress(rng);
    else if (roll < 0.45) postadresse = norwegianAddress(rng, kommune, [`Postboks ${rng.int(1, 9999)}`]);
    else if (roll < 0.6) {
      const p = personName(rng);
      postadresse = norwegianAddress(rng, kommune, [`c/o ${p.fornavn} ${p.etternavn}`, streetLine(rng)]);
    } else postadresse = norwegianAddress(rng, kommune, [streetLine(rng)]);
  }

  const mva = rng.chance(MVA_SHARE[form]);
  const mvaDate = mva ? isoFromDay(after(registrering, 0.8)) : undefined;
  let naeringskode1: Naering | undefined;
  let naeringskode2: Naering | undefined;
  if (core.naering && !(minimal || (form === 'FLI' && rng.chance(0.1)))) {
    naeringskode1 = { kode: core.naering.kode, beskrivelse: core.naering.beskrivelse };
    if (rng.chance(0.05)) {
      const second = rng.pick(TRADES).naering;
      if (second.kode !== core.naering.kode) naeringskode2 = { kode: second.kode, beskrivelse: second.beskrivelse };
    }
  }

  // Since API v2 antallAnsatte is left out for 0–4 employees even when registered (brief §1.2).
  const employees = !minimal && rng.chance(EMPLOYEES_SHARE[form]);
  let antallAnsatte: number | undefined;
  let ansatteDato: string | undefined;
  let ansatteAaregDato: string | undefined;
  if (employees) {
    const roll = rng.next();
    const count = roll < 0.55 ? rng.int(1, 4) : roll < 0.995 ? 5 + Math.floor(rng.next() ** 3 * 400) : rng.int(500, 5000);
    if (count >= 5) antallAnsatte = count;
    const when = after(Math.max(registrering, maxDay - 730));
    ansatteDato = isoFromDay(when);
    ansatteAaregDato = isoFromDay(Math.max(registrering, when - rng.int(0, 5)));
  }
  const sector = minimal ? undefined : SECTOR[form];

  const foretak = rng.chance(FORETAK_SHARE[form]);
  const foretakDato = foretak ? isoFromDay(Math.min(maxDay, registrering + rng.int(0, 3))) : undefined;
  const frrDato = core.frr ? isoFromDay(after(Math.max(registrering, FRR_START), 0.9)) : undefined;
  let aarsregnskap: string | undefined;
  if ((form === 'AS' && rng.chance(0.8)) || (form === 'FLI' && rng.chance(0.03))) {
    const year = yearOfDay(maxDay) - 1;
    if (yearOfDay(registrering) < year) aarsregnskap = String(year);
  }
  const konkursdato = core.status === 'konkurs' ? isoFromDay(after(Math.max(registrering, maxDay - 1100), 0.7)) : undefined;
  const avviklingDato = core.status === 'underAvvikling' ? isoFromDay(after(Math.max(registrering, maxDay - 1100), 0.7)) : undefined;
  const tvang = form === 'AS' && core.status === 'active' && rng.chance(0.003);
  const nynorsk = rng.chance(NYNORSK_SHARE[kommune.fylkesnummer] ?? 0.04);
  let vedtektsfestetFormaal: string[] | undefined;
  let aktivitet: string[] | undefined;
  if (core.purpose && !minimal && rng.chance(0.7)) vedtektsfestetFormaal = [core.purpose];
  else if (core.naering && !minimal && rng.chance(0.4)) aktivitet = [`${core.naering.beskrivelse} og det som naturlig hører til.`];
  let kapital: Enhet['kapital'];
  let erIKonsern: boolean | undefined;
  if (form === 'AS') {
    const belop = rng.pick(SHARE_CAPITAL);
    kapital = {
      belop,
      valuta: 'NOK',
      type: 'Aksjekapital',
      antallAksjer: belop / rng.pick(SHARE_DENOMINATORS),
      innfortDato: isoFromDay(registrering),
    };
    erIKonsern = rng.chance(0.05);
  }
  const hjemland = form === 'NUF' ? `${rng.int(100000, 999999)}-${rng.int(1000, 9999)}` : undefined;

  const record: EnhetFields = {
    organisasjonsnummer: orgnr,
    navn: core.navn,
    organisasjonsform: {
      kode: form,
      beskrivelse: FORM_DESCRIPTIONS[form] ?? form,
      _links: { self: { href: `${base}/enhetsregisteret/api/organisasjonsformer/${form}` } },
    },
    historiskeNavn: undefined,
    hjemmeside,
    epostadresse,
    telefon,
    mobil,
    postadresse,
    registreringsdatoEnhetsregisteret: isoFromDay(registrering),
    registrertIMvaregisteret: mva,
    registreringsdatoMerverdiavgiftsregisteret: mvaDate,
    naeringskode1,
    naeringskode2,
    naeringskode3: undefined,
    antallAnsatte,
    harRegistrertAntallAnsatte: employees,
    registreringsdatoAntallAnsatteEnhetsregisteret: ansatteDato,
    registreringsdatoAntallAnsatteNAVAaregisteret: ansatteAaregDato,
    forretningsadresse,
    stiftelsesdato: stiftelse === undefined ? undefined : isoFromDay(stiftelse),
    vedtektsdato: undefined,
    overordnetEnhet: undefined,
    institusjonellSektorkode: sector ? { kode: sector.kode, beskrivelse: sector.beskrivelse } : undefined,
    registrertIForetaksregisteret: foretak,
    registreringsdatoForetaksregisteret: foretakDato,
    registrertIStiftelsesregisteret: form === 'STI',
    registrertIFrivillighetsregisteret: core.frr,
    registreringsdatoFrivillighetsregisteret: frrDato,
    registrertIPartiregisteret: false,
    sisteInnsendteAarsregnskap: aarsregnskap,
    konkurs: core.status === 'konkurs',
    konkursdato,
    underAvvikling: core.status === 'underAvvikling',
    underAvviklingDato: avviklingDato,
    underTvangsavviklingEllerTvangsopplosning: tvang,
    slettedato: undefined,
    maalform: nynorsk ? 'Nynorsk' : 'Bokmål',
    vedtektsfestetFormaal,
    aktivitet,
    kapital,
    erIKonsern,
    registreringsnummerIHjemlandet: hjemland,
    _links: { self: { href: `${base}/enhetsregisteret/api/enheter/${orgnr}` } },
    respons_klasse: 'Enhet',
  };
  return record as Enhet;
}

const SHARE_CAPITAL = [30_000, 30_000, 30_000, 50_000, 100_000, 1_000_000] as const;
const SHARE_DENOMINATORS = [1, 10, 100] as const;

/** Every field of the generated record present, absent ones as undefined (see buildEnhet). */
type EnhetFields = { [K in keyof Required<Enhet>]: Enhet[K] | undefined };

/** Records have every field (absent ones undefined, see buildEnhet): a change is a copy with one value replaced. */
function setField(record: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  return { ...record, [key]: value };
}

function removeField(record: Record<string, unknown>, key: string): Record<string, unknown> {
  return { ...record, [key]: undefined };
}

const CHANGE_KINDS = ['adresse', 'navn', 'ansatte', 'kontakt', 'naering', 'mva', 'avvikling', 'postadresse'] as const;
const CHANGE_TABLE = new WeightedTable(CHANGE_KINDS, [30, 12, 18, 15, 8, 7, 4, 6]);

/**
 * Apply the `version`-th change ("Endring" in the change feed) to a record. Each change is derived from
 * (seed, index, version) and dated `day`, so every version of every unit can be rebuilt on its own.
 */
export function applyChange(ctx: UnitContext, index: number, core: UnitCore, record: Enhet, version: number, day: number): Enhet {
  const rng = new Rng(hashInts(ctx.seedHash, index, SALT_CHANGE + version));
  let r = record as unknown as Record<string, unknown>;
  const date = isoFromDay(day);
  let kind = CHANGE_TABLE.pick(rng);
  if (kind === 'avvikling' && (r.underAvvikling || r.konkurs)) kind = 'adresse';
  switch (kind) {
    case 'adresse': {
      const key = r.forretningsadresse ? 'forretningsadresse' : 'postadresse';
      const current = r[key] as Adresse | undefined;
      const moved =
        current?.kommunenummer || !current
          ? norwegianAddress(rng, core.kommune, [streetLine(rng)])
          : { ...current, adresse: [streetLine(rng)] };
      r = setField(r, key, moved);
      break;
    }
    case 'navn': {
      const renamed = nameFor(core.form, rng, core.kommune).navn;
      const historiske = [...((r.historiskeNavn as Enhet['historiskeNavn']) ?? [])];
      historiske.unshift({
        navn: r.navn as string,
        fraDato: `${r.registreringsdatoEnhetsregisteret as string} 00:00:00`,
        tilDato: `${date} 00:00:00`,
      });
      r = setField({ ...r, navn: renamed }, 'historiskeNavn', historiske);
      break;
    }
    case 'ansatte': {
      const count = rng.chance(0.5) ? rng.int(1, 4) : rng.int(5, 80);
      r = count >= 5 ? setField(r, 'antallAnsatte', count) : removeField(r, 'antallAnsatte');
      r = { ...r, harRegistrertAntallAnsatte: true };
      r = setField(r, 'registreringsdatoAntallAnsatteEnhetsregisteret', date);
      r = setField(r, 'registreringsdatoAntallAnsatteNAVAaregisteret', date);
      break;
    }
    case 'kontakt': {
      r = setField(r, 'hjemmeside', `www.${slug(r.navn as string)}${rng.int(1, 99)}.no`);
      r = rng.chance(0.5) ? setField(r, 'telefon', phone(rng)) : removeField(r, 'telefon');
      break;
    }
    case 'naering': {
      const next = rng.pick(TRADES).naering;
      r = setField(r, 'naeringskode1', { kode: next.kode, beskrivelse: next.beskrivelse });
      break;
    }
    case 'mva': {
      const on = !(r.registrertIMvaregisteret as boolean);
      r = { ...r, registrertIMvaregisteret: on };
      r = on
        ? setField(r, 'registreringsdatoMerverdiavgiftsregisteret', date)
        : removeField(r, 'registreringsdatoMerverdiavgiftsregisteret');
      break;
    }
    case 'avvikling': {
      r = setField({ ...r, underAvvikling: true }, 'underAvviklingDato', date);
      break;
    }
    case 'postadresse': {
      r =
        r.postadresse && r.forretningsadresse
          ? removeField(r, 'postadresse')
          : setField(r, 'postadresse', norwegianAddress(rng, core.kommune, [`Postboks ${rng.int(1, 9999)}`]));
      break;
    }
  }
  return r as unknown as Enhet;
}

export { personName, pickDay };

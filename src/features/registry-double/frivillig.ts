import type { FrivilligOrganisasjon } from '../register/brreg-shapes.ts';
import icnpoReference from '../register/reference-data/icnpo_kategorier.json' with { type: 'json' };
import { isoFromDay, yearOfDay } from './dates.ts';
import { hashInts, Rng } from './random.ts';
import { FRR_START, pickDay, type UnitContext, type UnitCore } from './unit.ts';

/**
 * A unit's record in Frivillighetsregisteret (brief §2.3): 1–3 ranked ICNPO categories, grasrotandel with a
 * MOD11-valid kontonummer, accounts and statutes flags. There is no name or address in it.
 */

export interface IcnpoRow {
  icnpoNummer: string;
  navn: string;
  /** Main group number for sub-categories, undefined for the 14 main groups. */
  hovedkategori: string | undefined;
}

/** The 14 main groups and 32 sub-categories, as `GET /icnpo-kategorier` lists them (46 rows). */
export const ICNPO_ROWS: readonly IcnpoRow[] = icnpoReference.categories.flatMap((c) => [
  { icnpoNummer: c.code, navn: c.navn, hovedkategori: undefined },
  ...c.subcategories.map((s) => ({ icnpoNummer: s.icnpoNummer, navn: s.navn, hovedkategori: c.code })),
]);
const SUBCATEGORIES = ICNPO_ROWS.filter((r) => r.hovedkategori !== undefined);
/** Categories commonly added as second or third choice: culture, sport, social, local community, children. */
const COMMON_SECONDARY = ['1100', '1200', '1300', '4100', '6100', '13100', '5100', '12100', '14100'] as const;
const NAME_OF = new Map(ICNPO_ROWS.map((r) => [r.icnpoNummer, r.navn]));

/**
 * The `kategori` enum name. Only "ICNPOKategori.internasjonaleOrganisasjoner" (9100) is attested (brief §2.3);
 * the others follow the same rule — the sub-category name in lower camel case, with æ/ø/å written ae/oe/aa as
 * Brønnøysund's field names do ("foersteGangInnfoert").
 */
export function kategoriEnum(icnpoNummer: string): string {
  const navn = NAME_OF.get(icnpoNummer) ?? 'andre';
  const words = navn
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/é/g, 'e')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return `ICNPOKategori.${words.map((w, i) => (i === 0 ? w : w[0]?.toUpperCase() + w.slice(1))).join('')}`;
}

/** Bank registration numbers (first four digits) of Norwegian banks, for plausible account numbers. */
const BANK_PREFIXES = [
  '1503',
  '1506',
  '1822',
  '2801',
  '3000',
  '3201',
  '3624',
  '4200',
  '6011',
  '9001',
  '1254',
  '1594',
  '2220',
  '3411',
  '4312',
  '9710',
];
const KONTO_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** A Norwegian account number with a valid MOD11 check digit (core/validators/kontonummer.ts). */
export function kontonummer(rng: Rng): string {
  for (;;) {
    const body = `${rng.pick(BANK_PREFIXES)}${String(rng.int(0, 999_999)).padStart(6, '0')}`;
    let sum = 0;
    for (let i = 0; i < 10; i++) sum += Number(body[i]) * (KONTO_WEIGHTS[i] as number);
    const rest = sum % 11;
    const check = rest === 0 ? 0 : 11 - rest;
    if (check !== 10) return `${body}${check}`;
  }
}

const SALT_FRR = 0xf11;

export interface FrivilligOptions {
  /** registreringsdatoFrivillighetsregisteret of the enhet: the first time it was registered. */
  registeredDay: number;
  maxDay: number;
  /** Fill `navn` in the categories (single lookups with spraak=NOB); list responses have null (brief §2.3). */
  withNames: boolean;
}

export function buildFrivillig(ctx: UnitContext, index: number, core: UnitCore, opts: FrivilligOptions): FrivilligOrganisasjon {
  const rng = new Rng(hashInts(ctx.seedHash, index, SALT_FRR));
  const orgnr = ctx.space.orgnrOf(index);
  const first = Math.max(FRR_START, opts.registeredDay);
  const latest = pickDay(rng, first, opts.maxDay, 0.5);

  const codes: string[] = [];
  const candidates = core.icnpo.length > 0 ? core.icnpo : [rng.pick(COMMON_SECONDARY)];
  codes.push(candidates[0] as string);
  const count = rng.chance(0.45) ? (rng.chance(0.33) ? 3 : 2) : 1;
  for (const c of candidates.slice(1)) if (codes.length < count && !codes.includes(c)) codes.push(c);
  while (codes.length < count) {
    const c = rng.chance(0.9) ? rng.pick(COMMON_SECONDARY) : rng.pick(SUBCATEGORIES).icnpoNummer;
    if (!codes.includes(c)) codes.push(c);
  }
  const kategorier = codes.map((icnpoNummer, i) => ({
    kategori: kategoriEnum(icnpoNummer),
    icnpoNummer,
    navn: opts.withNames ? (NAME_OF.get(icnpoNummer) ?? null) : null,
    rekkefoelge: i + 1,
  }));
  // The array is not guaranteed to be in rekkefoelge order (brief §2.3), so sometimes it is not.
  if (kategorier.length > 1 && rng.chance(0.25)) kategorier.reverse();

  // Grasrotandel: organisations only in main group 2 (education) do not qualify (brief §2.4).
  const onlyEducation = codes.every((c) => c.startsWith('2') && c.length === 4);
  const deltarI = !onlyEducation && rng.chance(0.65);
  const record: Record<string, unknown> = {
    organisasjonsnummer: orgnr,
    frivilligOrganisasjonsstatus: 'AKTIV',
  };
  if (deltarI || rng.chance(0.3)) record.kontonummer = kontonummer(rng);
  record.innfoertDato = isoFromDay(latest);
  record.foersteGangInnfoert = isoFromDay(first);
  const grasrotandel: FrivilligOrganisasjon['grasrotandel'] = { deltarI };
  if (deltarI && rng.chance(0.01)) {
    const from = pickDay(rng, first, opts.maxDay);
    grasrotandel.utestengelsesperiode = { fraDato: isoFromDay(from), tilDato: isoFromDay(from + 365) };
  }
  record.grasrotandel = grasrotandel;
  const rapporterer = rng.chance(0.06);
  const regnskap: FrivilligOrganisasjon['regnskapsrapportering'] = { harPaatattSegRapporteringsplikt: rapporterer };
  const year = yearOfDay(opts.maxDay) - 1;
  if (rapporterer && yearOfDay(first) <= year) {
    const filed = Math.min(opts.maxDay, Date.UTC(year + 1, 5, 30) / 86_400_000);
    regnskap.sistInnsendteAarsregnskap = { regnskapsaar: year, registreringsdato: isoFromDay(Math.max(first, filed)) };
  }
  record.regnskapsrapportering = regnskap;
  const vedtekter = rng.chance(0.6);
  record.vedtekter = vedtekter
    ? { frivilligRegistrerteVedtekter: true, sistOppdaterteVedtekter: isoFromDay(pickDay(rng, first, opts.maxDay)) }
    : { frivilligRegistrerteVedtekter: false };
  record.icnpoKategorier = kategorier;
  record.paategninger = [];
  record._links = { self: { href: `${ctx.recordBaseUrl}/frivillighetsregisteret/api/frivillige-organisasjoner/${orgnr}` } };
  return record as unknown as FrivilligOrganisasjon;
}

import crypto from 'node:crypto';
import { z } from 'zod';
import { isValidOrgnr } from '../../core/validators/orgnr.ts';

/**
 * Validation and preparation of register records before they are stored (the shapes of brief §1.2, §1.6 and
 * §2.3). Schemas are loose objects: unknown fields are kept, because the full record is stored as received
 * (`data`) and Brønnøysund adds fields over time. What is checked strictly is what we derive columns from —
 * a date that PostgreSQL could not cast would otherwise fail a whole batch instead of one record.
 *
 * brreg-shapes.ts holds the strict contract of the documented shapes (every documented field required as
 * documented), which the register double is tested against. The importers deliberately accept more: a real
 * record that lacks, say, `_links` or `maalform` is still a unit we want, and quarantining it would lose it.
 */

/** A calendar date as PostgreSQL's `date` accepts it (zod checks month lengths and leap years; year 0 does not exist). */
const isoDate = z.iso.date().refine((v) => !v.startsWith('0000'), 'year 0000 is not a date');
const orgnr = z
  .string()
  .regex(/^\d{9}$/, 'must be nine digits')
  .refine(isValidOrgnr, 'fails the MOD11 check');
const kodeOgBeskrivelse = z.looseObject({ kode: z.string().min(1), beskrivelse: z.string().nullish() });
const adresse = z.looseObject({
  adresse: z.array(z.string().nullable()).nullish(),
  postnummer: z.string().nullish(),
  poststed: z.string().nullish(),
  kommune: z.string().nullish(),
  kommunenummer: z
    .string()
    .regex(/^\d{4}$/, 'must be four digits')
    .nullish(),
  land: z.string().nullish(),
  landkode: z.string().nullish(),
});

/** One unit (hovedenhet) as in the v2 API and the bulk download (brief §1.2). */
export const enhetRecordSchema = z.looseObject({
  organisasjonsnummer: orgnr,
  navn: z.string().trim().min(1, 'must not be empty'),
  organisasjonsform: kodeOgBeskrivelse.nullish(),
  postadresse: adresse.nullish(),
  forretningsadresse: adresse.nullish(),
  naeringskode1: kodeOgBeskrivelse.nullish(),
  naeringskode2: kodeOgBeskrivelse.nullish(),
  naeringskode3: kodeOgBeskrivelse.nullish(),
  institusjonellSektorkode: kodeOgBeskrivelse.nullish(),
  antallAnsatte: z.number().int().min(0).max(2_000_000_000).nullish(),
  harRegistrertAntallAnsatte: z.boolean().nullish(),
  stiftelsesdato: isoDate.nullish(),
  registreringsdatoEnhetsregisteret: isoDate.nullish(),
  slettedato: isoDate.nullish(),
  registrertIFrivillighetsregisteret: z.boolean().nullish(),
  registrertIMvaregisteret: z.boolean().nullish(),
  registrertIForetaksregisteret: z.boolean().nullish(),
  registrertIStiftelsesregisteret: z.boolean().nullish(),
  underAvvikling: z.boolean().nullish(),
  konkurs: z.boolean().nullish(),
  historiskeNavn: z.array(z.looseObject({ navn: z.string().nullish() })).nullish(),
  aktivitet: z.array(z.string().nullable()).nullish(),
  vedtektsfestetFormaal: z.array(z.string().nullable()).nullish(),
});
export type EnhetRecord = z.infer<typeof enhetRecordSchema>;

const icnpoNummer = z.union([z.string().regex(/^\d+$/, 'must be digits'), z.number().int().min(0)]).transform(String);

/** One organisation from Frivillighetsregisteret's listing (brief §2.3); it has no name or address. */
export const frivilligRecordSchema = z.looseObject({
  organisasjonsnummer: orgnr,
  frivilligOrganisasjonsstatus: z.string().nullish(),
  kontonummer: z.string().nullish(),
  innfoertDato: isoDate.nullish(),
  foersteGangInnfoert: isoDate.nullish(),
  slettetDato: isoDate.nullish(),
  grasrotandel: z.looseObject({ deltarI: z.boolean().nullish() }).nullish(),
  icnpoKategorier: z
    .array(
      z.looseObject({
        icnpoNummer,
        rekkefoelge: z.number().int().min(1),
        kategori: z.string().nullish(),
        navn: z.string().nullish(),
      }),
    )
    .nullish(),
});
export type FrivilligRecord = z.infer<typeof frivilligRecordSchema>;

const rolle = z.looseObject({
  type: kodeOgBeskrivelse,
  person: z
    .looseObject({
      fodselsdato: isoDate.nullish(),
      navn: z.looseObject({ fornavn: z.string().nullish(), mellomnavn: z.string().nullish(), etternavn: z.string().nullish() }).nullish(),
      erDoed: z.boolean().nullish(),
    })
    .nullish(),
  enhet: z
    .looseObject({
      organisasjonsnummer: z.string().nullish(),
      navn: z.union([z.array(z.string().nullable()), z.string()]).nullish(),
      erSlettet: z.boolean().nullish(),
    })
    .nullish(),
  fratraadt: z.boolean().nullish(),
  avregistrert: z.boolean().nullish(),
  rekkefolge: z.number().int().nullish(),
});

/** The answer of `GET /enheter/{orgnr}/roller` (brief §1.6). */
export const rollerResponseSchema = z.looseObject({
  rollegrupper: z.array(
    z.looseObject({
      type: kodeOgBeskrivelse,
      sistEndret: isoDate.nullish(),
      roller: z.array(rolle),
    }),
  ),
});
export type RollerResponse = z.infer<typeof rollerResponseSchema>;

/**
 * JSON with object keys sorted at every level, so the same record hashes the same whether it came from the
 * bulk file or a single lookup (which may order keys differently).
 *
 * The objects are put in order first and then serialised by a plain JSON.stringify: a replacer function
 * would take V8 off its fast serialisation path, which made this the importer's most expensive step (the
 * bulk import runs it 1.17 million times; bench/README.md).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortedDeep(value)) ?? 'null';
}

/** The value with every object's keys in order; objects and arrays already in order are returned as they are. */
function sortedDeep(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      const sorted = sortedDeep(item);
      if (sorted !== item) {
        copy ??= value.slice();
        copy[i] = sorted;
      }
    }
    return copy ?? value;
  }
  // Anything with its own JSON form (a Date, say) is left to JSON.stringify, as a replacer would see it too.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  let inOrder = true;
  for (let i = 1; i < keys.length; i++) {
    if (keys[i - 1]! > keys[i]!) {
      inOrder = false;
      break;
    }
  }
  if (inOrder) {
    // The keys are in order, but a nested object may not be.
    let copy: Record<string, unknown> | undefined;
    for (const key of keys) {
      const item = obj[key];
      const sorted = sortedDeep(item);
      if (sorted !== item) {
        copy ??= copyObject(obj, keys);
        copy[key] = sorted;
      }
    }
    return copy ?? value;
  }
  keys.sort();
  const out = newObject(keys);
  for (const key of keys) out[key] = sortedDeep(obj[key]);
  return out;
}

/**
 * A plain object, which V8 serialises fastest, unless a key is "__proto__": assigning that key to a plain
 * object would set its prototype instead of adding the key, so such an object is made without a prototype.
 */
function newObject(keys: string[]): Record<string, unknown> {
  return keys.includes('__proto__') ? Object.create(null) : {};
}

function copyObject(obj: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out = newObject(keys);
  for (const key of keys) out[key] = obj[key];
  return out;
}

/** sha256 in hex; the one-shot crypto.hash (Node 20.12+) where there is one, as it skips the Hash object. */
export function hashJson(json: string): string {
  // Looked up on the module object, not imported by name: a named import of it fails to load on older Node 20.
  return typeof crypto.hash === 'function' ? crypto.hash('sha256', json, 'hex') : crypto.createHash('sha256').update(json).digest('hex');
}

/**
 * PostgreSQL's jsonb cannot hold the NUL character or a lone UTF-16 surrogate; JSON.stringify writes both
 * as \u escapes (paired surrogates are written as characters). An escape is real when preceded by an even
 * number of backslashes.
 */
const UNSTORABLE_ESCAPE = /(?:^|[^\\])(?:\\\\)*\\u(0000|d[89a-f][0-9a-f]{2})/i;

export function unstorableReason(json: string): string | null {
  if (!json.includes('\\u')) return null;
  const match = UNSTORABLE_ESCAPE.exec(json);
  if (!match) return null;
  return match[1] === '0000'
    ? 'contains the character U+0000, which PostgreSQL cannot store'
    : 'contains a lone UTF-16 surrogate (broken Unicode), which PostgreSQL cannot store';
}

/** "navn: must not be empty; organisasjonsnummer: fails the MOD11 check" — short, for the quarantine reason. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(record)'}: ${issue.message}`)
    .join('; ');
}

/** Raw text as it can be stored in a text column (which cannot hold NUL either). */
export function storableRaw(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '\\u0000') : text;
}

/** A record that passed validation, ready to store: canonical JSON and its hash. */
export interface PreparedRecord<T> {
  orgnr: string;
  record: T;
  json: string;
  hash: string;
}

export type Checked<T> = { ok: true; value: PreparedRecord<T> } | { ok: false; reason: string };

function prepare<T extends { organisasjonsnummer: string }>(schema: z.ZodType<T>, value: unknown, what: string): Checked<T> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, reason: `not a JSON object (${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value})` };
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: `not a valid ${what}: ${describeIssues(parsed.error)}` };
  // The stored record is the one received (loose schemas keep every field); only keys are put in order.
  const json = canonicalJson(value);
  const unstorable = unstorableReason(json);
  if (unstorable) return { ok: false, reason: unstorable };
  return { ok: true, value: { orgnr: parsed.data.organisasjonsnummer, record: parsed.data, json, hash: hashJson(json) } };
}

/** Validates one parsed `enhet` (brief §1.2). The feed follower uses this before `applyEnhetRecords`. */
export function prepareEnhet(value: unknown): Checked<EnhetRecord> {
  return prepare(enhetRecordSchema, value, 'enhet');
}

/** A unit from the bulk file, ready for staging: the JSON text to store and its sha256. */
export interface BulkEnhet {
  orgnr: string;
  json: string;
  hash: string;
}

/**
 * `prepareEnhet` for the bulk import, where it runs 1.17 million times: a record that passes
 * `isCertainlyValidEnhet` (a hand-written check of the same rules, never more lenient than the schema) is stored
 * as the text it came as, without building a canonical copy; PostgreSQL's jsonb does not keep key order or
 * whitespace anyway, and the merge compares the stored jsonb, not hashes. Everything else — a record the quick
 * check does not accept, or text with \u escapes (a NUL or a lone surrogate must be refused, an escaped
 * pair must not be) — goes through `prepareEnhet`, whose answer (and quarantine reason) is the schema's.
 */
export function prepareBulkEnhet(value: unknown, text: string): { ok: true; value: BulkEnhet } | { ok: false; reason: string } {
  if (!text.includes('\\u') && isCertainlyValidEnhet(value)) {
    return { ok: true, value: { orgnr: value.organisasjonsnummer as string, json: text, hash: hashJson(text) } };
  }
  const checked = prepareEnhet(value);
  if (!checked.ok) return checked;
  return { ok: true, value: { orgnr: checked.value.orgnr, json: checked.value.json, hash: checked.value.hash } };
}

// ---------- the quick check of an enhet ----------
// The same rules as enhetRecordSchema, written out: about ten times faster than the schema, which matters
// 1.17 million times over. It may only ever be stricter than the schema (a record it refuses is checked by the
// schema again); import-records.test.ts holds them side by side on generated and broken records.

type Loose = Record<string, unknown>;

const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNullish = (v: unknown) => v === undefined || v === null;
const optString = (v: unknown) => isNullish(v) || typeof v === 'string';
const optBoolean = (v: unknown) => isNullish(v) || typeof v === 'boolean';
const optStringArray = (v: unknown) => isNullish(v) || (Array.isArray(v) && v.every((item) => item === null || typeof item === 'string'));
const optKode = (v: unknown) =>
  isNullish(v) || (isObject(v) && typeof v.kode === 'string' && v.kode.length > 0 && optString(v.beskrivelse));
const FOUR_DIGITS = /^[0-9]{4}$/;
const optAdresse = (v: unknown) =>
  isNullish(v) ||
  (isObject(v) &&
    optStringArray(v.adresse) &&
    optString(v.postnummer) &&
    optString(v.poststed) &&
    optString(v.kommune) &&
    (isNullish(v.kommunenummer) || (typeof v.kommunenummer === 'string' && FOUR_DIGITS.test(v.kommunenummer))) &&
    optString(v.land) &&
    optString(v.landkode));

const DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A calendar date YYYY-MM-DD of the proleptic Gregorian calendar, year 0001 or later (as isoDate). */
export function isCalendarDate(v: string): boolean {
  const m = DATE.exec(v);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year === 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}
const optDate = (v: unknown) => isNullish(v) || (typeof v === 'string' && isCalendarDate(v));

const ORGNR = /^[0-9]{9}$/;

/** True only for a value enhetRecordSchema accepts; false says nothing (ask the schema). */
export function isCertainlyValidEnhet(v: unknown): v is Loose {
  if (!isObject(v)) return false;
  const { organisasjonsnummer, navn, antallAnsatte, historiskeNavn } = v;
  return (
    typeof organisasjonsnummer === 'string' &&
    ORGNR.test(organisasjonsnummer) &&
    isValidOrgnr(organisasjonsnummer) &&
    typeof navn === 'string' &&
    navn.trim().length > 0 &&
    optKode(v.organisasjonsform) &&
    optAdresse(v.postadresse) &&
    optAdresse(v.forretningsadresse) &&
    optKode(v.naeringskode1) &&
    optKode(v.naeringskode2) &&
    optKode(v.naeringskode3) &&
    optKode(v.institusjonellSektorkode) &&
    (isNullish(antallAnsatte) ||
      (typeof antallAnsatte === 'number' && Number.isInteger(antallAnsatte) && antallAnsatte >= 0 && antallAnsatte <= 2_000_000_000)) &&
    optBoolean(v.harRegistrertAntallAnsatte) &&
    optDate(v.stiftelsesdato) &&
    optDate(v.registreringsdatoEnhetsregisteret) &&
    optDate(v.slettedato) &&
    optBoolean(v.registrertIFrivillighetsregisteret) &&
    optBoolean(v.registrertIMvaregisteret) &&
    optBoolean(v.registrertIForetaksregisteret) &&
    optBoolean(v.registrertIStiftelsesregisteret) &&
    optBoolean(v.underAvvikling) &&
    optBoolean(v.konkurs) &&
    (isNullish(historiskeNavn) || (Array.isArray(historiskeNavn) && historiskeNavn.every((h) => isObject(h) && optString(h.navn)))) &&
    optStringArray(v.aktivitet) &&
    optStringArray(v.vedtektsfestetFormaal)
  );
}

export function prepareFrivillig(value: unknown): Checked<FrivilligRecord> {
  return prepare(frivilligRecordSchema, value, 'frivillig organisasjon');
}

/** The ICNPO codes ranked by `rekkefoelge` (brief §2.3: not by array position), at most three. */
export function rankedIcnpo(record: FrivilligRecord): [string | null, string | null, string | null] {
  const ranked = [...(record.icnpoKategorier ?? [])]
    .map((k, i) => ({ k, i }))
    .sort((a, b) => a.k.rekkefoelge - b.k.rekkefoelge || a.i - b.i)
    .map(({ k }) => k.icnpoNummer);
  return [ranked[0] ?? null, ranked[1] ?? null, ranked[2] ?? null];
}

/** One row of `register_roller`. */
export interface RolleRow {
  rollegruppe: string;
  rolle: string;
  fornavn: string | null;
  mellomnavn: string | null;
  etternavn: string | null;
  fodselsdato: string | null;
  erDoed: boolean;
  enhetOrgnr: string | null;
  enhetNavn: string | null;
  fratraadt: boolean;
  avregistrert: boolean;
  rekkefolge: number | null;
}

/** Flattens a roles answer into one row per role (a person, or an organisation such as the auditor). */
export function flattenRoller(response: RollerResponse): RolleRow[] {
  const rows: RolleRow[] = [];
  for (const gruppe of response.rollegrupper) {
    for (const r of gruppe.roller) {
      const navn = r.enhet?.navn;
      rows.push({
        rollegruppe: gruppe.type.kode,
        rolle: r.type.kode,
        fornavn: r.person?.navn?.fornavn ?? null,
        mellomnavn: r.person?.navn?.mellomnavn ?? null,
        etternavn: r.person?.navn?.etternavn ?? null,
        fodselsdato: r.person?.fodselsdato ?? null,
        erDoed: r.person?.erDoed ?? false,
        enhetOrgnr: r.enhet?.organisasjonsnummer ?? null,
        enhetNavn: navn == null ? null : Array.isArray(navn) ? navn.filter(Boolean).join(' ') || null : navn,
        fratraadt: r.fratraadt ?? false,
        avregistrert: r.avregistrert ?? false,
        rekkefolge: r.rekkefolge ?? null,
      });
    }
  }
  return rows;
}

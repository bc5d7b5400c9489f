import { createHash } from 'node:crypto';
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
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, sortKeys) ?? 'null';
}

/** JSON.stringify replacer giving objects their keys in order; most objects already are, and are passed as is. */
function sortKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  let sorted = true;
  for (let i = 1; i < keys.length; i++) {
    if (keys[i - 1]! > keys[i]!) {
      sorted = false;
      break;
    }
  }
  if (sorted) return value;
  // A prototype-less object, so a key named "__proto__" stays an ordinary key.
  const out: Record<string, unknown> = Object.create(null);
  for (const key of keys.sort()) out[key] = obj[key];
  return out;
}

export function hashJson(json: string): string {
  return createHash('sha256').update(json).digest('hex');
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

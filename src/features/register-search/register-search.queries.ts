import { asc, eq, type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../core/db/client.ts';
import { fylker, icnpoKategorier, kommuner, organisasjonsformer } from '../../core/db/schema.ts';
import { MAX_RESULT_WINDOW, type SearchQuery } from './register-search.schema.ts';

/**
 * All SQL of the organisation search. Written for PostgreSQL 15 and PGlite (18).
 *
 * Name matching combines three things (stack notes: trigram `%` alone is slow on short, repetitive names):
 * - full text with Norwegian stemming: `search_vector @@ websearch_to_tsquery('norwegian', q)`;
 * - prefix matching of every word as you type: `to_tsquery('norwegian', 'w1:* & w2:*')` on the same GIN index;
 * - typo tolerance: `lower(navn) %> lower(q)`, i.e. word_similarity(q, name) above pg_trgm's word threshold (0.6),
 *   on the trigram GIN index on lower(navn); only for queries of 3 characters or more.
 * A nine-digit query also matches the organisasjonsnummer.
 */

export interface TextQuery {
  /** The query as typed (whitespace collapsed). */
  raw: string;
  /** `word:* & word:*` built from letters and digits only, so it can never be a tsquery syntax error. */
  prefix: string | null;
  orgnr: string | null;
  trigram: boolean;
}

export function textQuery(q: string): TextQuery {
  const words = q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 12);
  const digits = q.replace(/[\s.-]/g, '');
  return {
    raw: q,
    prefix: words.length > 0 ? words.map((w) => `${w}:*`).join(' & ') : null,
    orgnr: /^\d{9}$/.test(digits) ? digits : null,
    trigram: q.length >= 3,
  };
}

function textMatch(t: TextQuery): SQL {
  const parts: SQL[] = [sql`e.search_vector @@ websearch_to_tsquery('norwegian', ${t.raw})`];
  if (t.prefix) parts.push(sql`e.search_vector @@ to_tsquery('norwegian', ${t.prefix})`);
  if (t.trigram) parts.push(sql`lower(e.navn) %> lower(${t.raw})`);
  if (t.orgnr) parts.push(sql`e.orgnr = ${t.orgnr}`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** Higher is better: the organisasjonsnummer, then the exact name, stemmed words, word prefixes, trigram closeness. */
function rank(t: TextQuery): SQL {
  const parts: SQL[] = [
    sql`case when lower(e.navn) = lower(${t.raw}) then 4 else 0 end`,
    sql`case when e.search_vector @@ websearch_to_tsquery('norwegian', ${t.raw})
          then 2 + ts_rank(e.search_vector, websearch_to_tsquery('norwegian', ${t.raw})) else 0 end`,
    sql`word_similarity(lower(${t.raw}), lower(e.navn))`,
  ];
  if (t.prefix) parts.push(sql`case when e.search_vector @@ to_tsquery('norwegian', ${t.prefix}) then 1 else 0 end`);
  if (t.orgnr) parts.push(sql`case when e.orgnr = ${t.orgnr} then 10 else 0 end`);
  return sql`(${sql.join(parts, sql` + `)})`;
}

/**
 * Norwegian alphabetical order (… X Y Z Æ Ø Å) under any database collation: Æ, Ø, Å (and Ä, Ö) become the
 * ASCII characters after Z, compared byte-wise with the "C" collation, which every PostgreSQL has.
 */
export const norwegianNameKey = sql`translate(upper(e.navn), 'ÆØÅÄÖÜÉ', '[\\][\\YE') collate "C"`;

export interface ResolvedFilters {
  query: SearchQuery;
  /** The ICNPO codes that match the icnpo filter: a main category with all its sub-categories, or one sub-category. */
  icnpoCodes: string[] | null;
}

function filterConditions(f: ResolvedFilters, t: TextQuery | null): SQL[] {
  const q = f.query;
  const where: SQL[] = [];
  if (t) where.push(textMatch(t));
  if (q.kommune) where.push(sql`e.kommunenummer = ${q.kommune}`);
  if (q.fylke) where.push(sql`e.kommunenummer in (select k.nummer from kommuner k where k.fylkesnummer = ${q.fylke})`);
  if (q.form) where.push(sql`e.organisasjonsform = ${q.form}`);
  if (q.frivillighetsregisteret !== undefined) where.push(sql`e.registrert_i_frivillighetsregisteret = ${q.frivillighetsregisteret}`);
  if (f.icnpoCodes && f.icnpoCodes.length > 0) {
    const codes = sql.join(
      f.icnpoCodes.map((c) => sql`${c}`),
      sql`, `,
    );
    where.push(sql`exists (select 1 from register_frivillige fi where fi.orgnr = e.orgnr and fi.slettet_dato is null
      and (fi.icnpo1 in (${codes}) or fi.icnpo2 in (${codes}) or fi.icnpo3 in (${codes})))`);
  }
  if (q.grasrotandel !== undefined) {
    const exists = sql`exists (select 1 from register_frivillige fg where fg.orgnr = e.orgnr and fg.slettet_dato is null and fg.grasrotandel)`;
    where.push(q.grasrotandel ? exists : sql`not ${exists}`);
  }
  if (q.stiftetFra !== undefined) where.push(sql`e.stiftelsesdato >= ${`${q.stiftetFra}-01-01`}::date`);
  if (q.stiftetTil !== undefined) where.push(sql`e.stiftelsesdato <= ${`${q.stiftetTil}-12-31`}::date`);
  switch (q.status) {
    case 'aktive':
      where.push(sql`e.slettedato is null and not e.under_avvikling and not e.konkurs`);
      break;
    case 'avvikling':
      where.push(sql`e.slettedato is null and (e.under_avvikling or e.konkurs)`);
      break;
    case 'slettede':
      where.push(sql`e.slettedato is not null`);
      break;
    case 'alle':
      break;
  }
  return where;
}

export interface SearchRow {
  orgnr: string;
  navn: string;
  organisasjonsform: string | null;
  formBeskrivelse: string | null;
  kommunenummer: string | null;
  kommuneNavn: string | null;
  stiftelsesdato: string | null;
  frivillighetsregisteret: boolean;
  grasrotandel: boolean;
  icnpo1: string | null;
  icnpo1Navn: string | null;
  underAvvikling: boolean;
  konkurs: boolean;
  slettedato: string | null;
}

/** One page of hits, and how many there are in all (counted up to MAX_RESULT_WINDOW + 1, like Brønnøysund's search). */
export async function searchEnheter(
  db: Db,
  f: ResolvedFilters,
  page: { offset: number; limit: number },
): Promise<{ rows: SearchRow[]; total: number; capped: boolean }> {
  const t = f.query.q ? textQuery(f.query.q) : null;
  const conditions = filterConditions(f, t);
  const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const sort = f.query.sorter ?? (t ? 'relevans' : 'navn');
  const order =
    sort === 'relevans' && t
      ? sql`${rank(t)} desc, ${norwegianNameKey}, e.orgnr`
      : sort === 'stiftet'
        ? sql`e.stiftelsesdato asc nulls last, ${norwegianNameKey}, e.orgnr`
        : sort === 'stiftet-nyest'
          ? sql`e.stiftelsesdato desc nulls last, ${norwegianNameKey}, e.orgnr`
          : sql`${norwegianNameKey}, e.orgnr`;

  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select e.orgnr, e.navn, e.organisasjonsform, f.beskrivelse as form_beskrivelse, e.kommunenummer, k.navn as kommune_navn,
             e.stiftelsesdato::text as stiftelsesdato, e.registrert_i_frivillighetsregisteret as frivillighetsregisteret,
             coalesce(rf.grasrotandel, false) as grasrotandel, rf.icnpo1, ik.navn as icnpo1_navn,
             e.under_avvikling, e.konkurs, e.slettedato::text as slettedato
      from register_enheter e
      left join organisasjonsformer f on f.kode = e.organisasjonsform
      left join kommuner k on k.nummer = e.kommunenummer
      left join register_frivillige rf on rf.orgnr = e.orgnr and rf.slettet_dato is null
      left join icnpo_kategorier ik on ik.nummer = rf.icnpo1
      ${where}
      order by ${order}
      limit ${page.limit} offset ${page.offset}`),
  );
  const [count] = rowsOf<{ n: number }>(
    await db.execute(
      sql`select count(*)::int as n from (select 1 from register_enheter e ${where} limit ${MAX_RESULT_WINDOW + 1}) as hits`,
    ),
  );
  const n = Number(count?.n ?? 0);
  return {
    rows: rows.map((r) => ({
      orgnr: String(r.orgnr),
      navn: String(r.navn),
      organisasjonsform: (r.organisasjonsform as string | null) ?? null,
      formBeskrivelse: (r.form_beskrivelse as string | null) ?? null,
      kommunenummer: (r.kommunenummer as string | null) ?? null,
      kommuneNavn: (r.kommune_navn as string | null) ?? null,
      stiftelsesdato: (r.stiftelsesdato as string | null) ?? null,
      frivillighetsregisteret: Boolean(r.frivillighetsregisteret),
      grasrotandel: Boolean(r.grasrotandel),
      icnpo1: (r.icnpo1 as string | null) ?? null,
      icnpo1Navn: (r.icnpo1_navn as string | null) ?? null,
      underAvvikling: Boolean(r.under_avvikling),
      konkurs: Boolean(r.konkurs),
      slettedato: (r.slettedato as string | null) ?? null,
    })),
    total: Math.min(n, MAX_RESULT_WINDOW),
    capped: n > MAX_RESULT_WINDOW,
  };
}

export interface ReferenceData {
  fylker: { nummer: string; navn: string }[];
  kommuner: { nummer: string; navn: string; fylkesnummer: string }[];
  icnpo: { nummer: string; navn: string; hovedkategori: string; erHovedkategori: boolean }[];
  former: { kode: string; beskrivelse: string }[];
}

// Reference data changes only with a migration (0003), so one load per database handle is enough.
const referenceCache = new WeakMap<Db, Promise<ReferenceData>>();

export function loadReferenceData(db: Db): Promise<ReferenceData> {
  let cached = referenceCache.get(db);
  if (!cached) {
    cached = (async () => ({
      fylker: await db.select().from(fylker).orderBy(asc(fylker.nummer)),
      kommuner: await db.select().from(kommuner).orderBy(asc(kommuner.nummer)),
      icnpo: (await db.select().from(icnpoKategorier)).sort((a, b) => icnpoOrder(a.nummer) - icnpoOrder(b.nummer)),
      former: await db
        .select({ kode: organisasjonsformer.kode, beskrivelse: organisasjonsformer.beskrivelse })
        .from(organisasjonsformer)
        .where(eq(organisasjonsformer.erUnderenhetsform, false))
        .orderBy(asc(organisasjonsformer.beskrivelse)),
    }))();
    // A failed load (database down) must not be remembered.
    cached.catch(() => referenceCache.delete(db));
    referenceCache.set(db, cached);
  }
  return cached;
}

/** "1" < "1100" < "1200" < "2" < … < "13" < "13100": main categories by number, each followed by its sub-categories. */
export function icnpoOrder(nummer: string): number {
  return nummer.length <= 2 ? Number(nummer) * 1000 : Number(nummer);
}

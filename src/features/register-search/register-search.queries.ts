import { asc, eq, type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../core/db/client.ts';
import { fylker, icnpoKategorier, kommuner, organisasjonsformer } from '../../core/db/schema.ts';
import { MAX_RESULT_WINDOW, type SearchQuery } from './register-search.schema.ts';

/**
 * All SQL of the organisation search. Written for PostgreSQL 15 and PGlite (18).
 *
 * The search reads register_enheter_search, a narrow copy of the searchable columns of register_enheter and
 * of the current Frivillighetsregisteret record (ICNPO, Grasrotandelen), kept up to date by triggers on both
 * tables (migration 0019), whatever writes them. register_enheter itself carries each record as received
 * (~1.5 KB of jsonb a row, four rows to a page), so every name a search looked at used to cost a page read;
 * in the narrow copy a page holds some fifty (bench/README.md).
 *
 * Name matching combines three things (stack notes: trigram `%` alone is slow on short, repetitive names):
 * - full text with Norwegian stemming: `search_vector @@ websearch_to_tsquery('norwegian', q)`;
 * - prefix matching of every word as you type: `to_tsquery('norwegian', 'w1:* & w2:*')` on the same GIN index,
 *   and names that begin with the text typed (a range of the name-key index);
 * - typo tolerance: `lower(navn) %> word`, i.e. word_similarity(word, name) above pg_trgm's word threshold (0.6),
 *   on the trigram GIN index on lower(navn), for each word that occurs in no name (fuzzyMatch); only for
 *   queries of 3 characters or more, and only when the words themselves find nothing (a typo is what finds
 *   nothing; adding look-alikes to a search that already found the name only buries it, and ranking thousands
 *   of look-alikes of a common word is what made it slow).
 * A nine-digit query also matches the organisasjonsnummer. A query that is nothing but an organisasjonsnummer
 * (digits, spaces, dots, dashes) is looked up by number and by names beginning with it, not by words or
 * likeness: nine digits are never a word of a name, and OR-ing the full-text and trigram indexes with the
 * primary key made the planner read the whole table (seconds per lookup at 1.17 M units; bench/README.md).
 *
 * Relevance, best first: the organisasjonsnummer; names that begin with the text (the exact name first); names
 * whose words match; then, when the words find nothing, names like the text (by word similarity). Within a
 * group, Norwegian alphabetical order. Each group is cut at the page's end, and names whose words match are
 * only looked at when the names beginning with the text do not fill the page — so typing "for" does not rank
 * the 80 000 names with a word beginning with "for" on every keystroke.
 */

export interface TextQuery {
  /** The query as typed (whitespace collapsed). */
  raw: string;
  /** The words typed (letters and digits only, so never tsquery syntax), lower case. */
  words: string[];
  /**
   * The words matched as word prefixes: all of them, except single letters next to longer words ("vil h"
   * while typing "vil holding"): a one-letter prefix matches a fifth of all names and narrows nothing.
   */
  prefixWords: string[];
  orgnr: string | null;
  /** The query is an organisasjonsnummer and nothing else: no words or likeness to match. */
  orgnrOnly: boolean;
  trigram: boolean;
}

export function textQuery(q: string): TextQuery {
  const words = q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 12);
  const digits = q.replace(/[\s.-]/g, '');
  const longer = words.filter((w) => w.length > 1);
  const orgnr = /^\d{9}$/.test(digits) ? digits : null;
  if (orgnr) return { raw: q, words: [], prefixWords: [], orgnr, orgnrOnly: true, trigram: false };
  return {
    raw: q,
    words,
    prefixWords: longer.length > 0 ? longer : words,
    orgnr: null,
    orgnrOnly: false,
    trigram: q.length >= 3,
  };
}

/**
 * Norwegian alphabetical order (… X Y Z Æ Ø Å) under any database collation: Æ, Ø, Å (and Ä, Ö) become the
 * ASCII characters after Z, compared byte-wise with the "C" collation, which every PostgreSQL has. Stored as
 * register_enheter_search.navn_key (a generated column with this expression) and indexed.
 */
export const norwegianNameKey = sql`e.navn_key`;
/** The name key of a text, by the same expression as the navn_key column. */
const keyOf = (text: string) => sql`(translate(upper(${text}::text), 'ÆØÅÄÖÜÉ', '[\\][\\YE') collate "C")`;

/** The name begins with the text typed: a range of the name key, read in order from its index. */
function beginsWith(t: TextQuery): SQL {
  return sql`(e.navn_key >= ${keyOf(t.raw)} and e.navn_key < (${keyOf(t.raw)} || chr(1114111)))`;
}

/**
 * Which of a text's full-text queries have lexemes. A text of stop words only ("ved", "og") gives an empty
 * tsquery, which matches nothing but makes the GIN index read every entry, so empty ones are left out.
 */
export interface Analysed {
  t: TextQuery;
  websearch: boolean;
  prefix: boolean;
}

/**
 * One word as a prefix, stemmed (Norwegian) or as typed: "bygda" must match the stem "bygd", and "vil" —
 * a Norwegian stop word, gone from the stemmed query — must still match "villa" while it is being typed.
 */
const prefixOf = (w: string) => sql`(to_tsquery('norwegian', ${`${w}:*`}) || to_tsquery('simple', ${`${w}:*`}))`;

/** Every word as a prefix (see TextQuery.prefixWords). */
function prefixQuery(t: TextQuery): SQL | null {
  return t.prefixWords.length > 0 ? sql`(${sql.join(t.prefixWords.map(prefixOf), sql` && `)})` : null;
}

async function analyse(db: Db, t: TextQuery): Promise<Analysed> {
  if (t.orgnrOnly) return { t, websearch: false, prefix: false };
  const prefix = prefixQuery(t);
  const [row] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select numnode(websearch_to_tsquery('norwegian', ${t.raw})) > 0 as websearch,
      ${prefix ? sql`numnode(${prefix}) > 0` : sql`false`} as prefix`),
  );
  return { t, websearch: row?.websearch === true, prefix: row?.prefix === true };
}

/** The words of the name match (stemmed), or begin with, all the words typed. */
function wordMatch(a: Analysed): SQL {
  const parts: SQL[] = [];
  if (a.websearch) parts.push(sql`e.search_vector @@ websearch_to_tsquery('norwegian', ${a.t.raw})`);
  const prefix = prefixQuery(a.t);
  if (a.prefix && prefix) parts.push(sql`e.search_vector @@ ${prefix}`);
  return parts.length > 0 ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/**
 * Typo tolerance, for a text whose words found nothing: the words that occur in some name must still match
 * (as word prefixes); each word that occurs nowhere — the typo — need only be like a word of the name
 * (word_similarity above pg_trgm's threshold, on the trigram index). "idrettslaget viidar" so finds
 * IDRETTSLAGET VIDAR, not every idrettslag; and the index has few names to check, since the words narrow it
 * down together. Words too short for trigrams are left out. Null when nothing is left to match.
 */
async function fuzzyMatch(db: Db, a: Analysed): Promise<SQL | null> {
  const words = a.t.prefixWords;
  if (words.length === 0) return null;
  // One EXISTS per word, each with its word as a constant so it can use the full-text index.
  const checks = words.map(
    (w, i) => sql`select ${i}::int as i, exists (select 1 from register_enheter_search e where e.search_vector @@ ${prefixOf(w)}) as found`,
  );
  const found = new Set(
    rowsOf<{ i: number; found: boolean }>(await db.execute(sql.join(checks, sql` union all `)))
      .filter((r) => r.found)
      .map((r) => Number(r.i)),
  );
  const parts: SQL[] = [];
  words.forEach((w, i) => {
    if (found.has(i)) parts.push(sql`e.search_vector @@ ${prefixOf(w)}`);
    else if (w.length >= 3) parts.push(sql`lower(e.navn) %> ${w}`);
  });
  return parts.length > 0 ? sql`(${sql.join(parts, sql` and `)})` : null;
}

function textMatch(a: Analysed, fuzzy: SQL | null): SQL {
  const { t } = a;
  const parts: SQL[] = [beginsWith(t), wordMatch(a)];
  if (fuzzy) parts.push(fuzzy);
  if (t.orgnr) parts.push(sql`e.orgnr = ${t.orgnr}`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

export interface ResolvedFilters {
  query: SearchQuery;
  /** The ICNPO codes that match the icnpo filter: a main category with all its sub-categories, or one sub-category. */
  icnpoCodes: string[] | null;
}

const list = (values: string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

function filterConditions(f: ResolvedFilters): SQL[] {
  const q = f.query;
  const where: SQL[] = [];
  if (q.kommune) where.push(sql`e.kommunenummer = ${q.kommune}`);
  if (q.fylke) where.push(sql`e.fylkesnummer = ${q.fylke}`);
  if (q.form) where.push(sql`e.organisasjonsform = ${q.form}`);
  if (q.frivillighetsregisteret !== undefined) where.push(sql`e.registrert_i_frivillighetsregisteret = ${q.frivillighetsregisteret}`);
  if (f.icnpoCodes && f.icnpoCodes.length > 0) {
    // The ICNPO columns hold the current FRR record's categories (null when it has none, or left FRR).
    // `e.frr` is implied; said outright so the planner can use the index of FRR units.
    const codes = list(f.icnpoCodes);
    where.push(sql`e.frr and (e.icnpo1 in (${codes}) or e.icnpo2 in (${codes}) or e.icnpo3 in (${codes}))`);
  }
  if (q.grasrotandel !== undefined) where.push(q.grasrotandel ? sql`e.frr and e.grasrotandel` : sql`not e.grasrotandel`);
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

const whereOf = (conditions: SQL[]) => (conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``);

/** How many names match, counted up to `limit` (a count stops early instead of reading every match). */
async function countUpTo(db: Db, conditions: SQL[], limit: number): Promise<number> {
  const [count] = rowsOf<{ n: number }>(
    await db.execute(
      sql`select count(*)::int as n from (select 1 from register_enheter_search e ${whereOf(conditions)} limit ${limit}) as hits`,
    ),
  );
  return Number(count?.n ?? 0);
}

/**
 * The orgnr and position of one page of hits in relevance order. Each group (see the top of this file) is cut
 * at the page's end; a name in two groups counts in the better one. Cutting each group there is enough: if
 * the better groups hold fewer names than that, all of them were read, and at most that many of a later
 * group's first names are among them.
 *
 * The word-match group is read through a fence (`offset 0`): all its matches from the full-text index, then
 * sorted. Left to itself the planner would walk the name-key index and test each name, which is fast for a
 * word spread over the alphabet but reads almost the whole index when the matches sit together ("spo": names
 * beginning with SPO), as a prefix's matches do. It is skipped altogether when the names beginning with the
 * text fill the page, which is what makes the short prefixes typed first cheap.
 */
function relevancePage(a: Analysed, filters: SQL[], fuzzy: SQL | null, page: { offset: number; limit: number }): SQL {
  const { t } = a;
  const end = page.offset + page.limit;
  const where = (condition: SQL) => whereOf([condition, ...filters]);
  const groups: SQL[] = [
    sql`select orgnr, 1 as grp, 0::float8 as score, navn_key from begins`,
    sql`(select m.orgnr, 2 as grp, 0::float8 as score, m.navn_key
         from (select e.orgnr, e.navn_key from register_enheter_search e ${where(wordMatch(a))} offset 0) as m
         where (select count(*) from begins) < ${end}
         order by m.navn_key, m.orgnr limit ${end})`,
  ];
  if (t.orgnr) {
    groups.unshift(
      sql`select e.orgnr, 0 as grp, 0::float8 as score, e.navn_key from register_enheter_search e ${where(sql`e.orgnr = ${t.orgnr}`)}`,
    );
  }
  if (fuzzy) {
    // Only when the words found nothing: then ranked by how similar the name is.
    groups.push(sql`(select e.orgnr, 3 as grp, word_similarity(lower(${t.raw}), lower(e.navn))::float8 as score, e.navn_key
         from register_enheter_search e ${where(fuzzy)} order by score desc, e.navn_key, e.orgnr limit ${end})`);
  }
  return sql`with begins as (
      select e.orgnr, e.navn_key from register_enheter_search e ${where(beginsWith(t))} order by e.navn_key, e.orgnr limit ${end})
    select orgnr, row_number() over (order by grp, score desc, navn_key, orgnr) as position
    from (select distinct on (orgnr) orgnr, grp, score, navn_key from (${sql.join(groups, sql` union all `)}) as g order by orgnr, grp) as best
    order by position limit ${page.limit} offset ${page.offset}`;
}

/** One page of hits, and how many there are in all (counted up to MAX_RESULT_WINDOW + 1, like Brønnøysund's search). */
export async function searchEnheter(
  db: Db,
  f: ResolvedFilters,
  page: { offset: number; limit: number },
): Promise<{ rows: SearchRow[]; total: number; capped: boolean }> {
  const t = f.query.q ? textQuery(f.query.q) : null;
  const filters = filterConditions(f);
  const a = t ? await analyse(db, t) : null;
  // Typo tolerance only when the words find nothing (see the top of this file).
  const fuzzy = a?.t.trigram && (await countUpTo(db, [textMatch(a, null), ...filters], 1)) === 0 ? await fuzzyMatch(db, a) : null;
  const conditions = a ? [textMatch(a, fuzzy), ...filters] : filters;
  const sort = f.query.sorter ?? (t ? 'relevans' : 'navn');
  const order =
    sort === 'stiftet'
      ? sql`e.stiftelsesdato asc nulls last, e.navn_key, e.orgnr`
      : sort === 'stiftet-nyest'
        ? sql`e.stiftelsesdato desc nulls last, e.navn_key, e.orgnr`
        : sql`e.navn_key, e.orgnr`;
  // The page's orgnr and positions first, then their details. With a text, the matches are fetched and then
  // sorted (the fence, as in relevancePage); without one, the filters alone are read in name order.
  const matches = t
    ? sql`(select * from register_enheter_search e ${whereOf(conditions)} offset 0) as e`
    : sql`register_enheter_search e ${whereOf(conditions)}`;
  const pageOf =
    sort === 'relevans' && a
      ? relevancePage(a, filters, fuzzy, page)
      : sql`select e.orgnr, row_number() over (order by ${order}) as position from ${matches}
          order by ${order} limit ${page.limit} offset ${page.offset}`;

  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      with page as (${pageOf})
      select e.orgnr, e.navn, e.organisasjonsform, f.beskrivelse as form_beskrivelse, e.kommunenummer, k.navn as kommune_navn,
             e.stiftelsesdato::text as stiftelsesdato, e.registrert_i_frivillighetsregisteret as frivillighetsregisteret,
             e.grasrotandel, e.icnpo1, ik.navn as icnpo1_navn, e.under_avvikling, e.konkurs, e.slettedato::text as slettedato
      from page
      join register_enheter_search e on e.orgnr = page.orgnr
      left join organisasjonsformer f on f.kode = e.organisasjonsform
      left join kommuner k on k.nummer = e.kommunenummer
      left join icnpo_kategorier ik on ik.nummer = e.icnpo1
      order by page.position`),
  );
  const n = await countUpTo(db, conditions, MAX_RESULT_WINDOW + 1);
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

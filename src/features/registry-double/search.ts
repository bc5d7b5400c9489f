import type { Enhet } from '../register/brreg-shapes.ts';
import type { Registry } from './registry.ts';

/**
 * `GET /enheter` over the generated register (brief §1.3): the filters the platform uses, a fuzzy-ish name
 * match ranked by score, and prefix matching with navnMetodeForSoek=FORTLOEPENDE. It scans the current units,
 * deciding from the cheap unit core where it can and building a full record only where it must.
 */

export interface EnhetQuery {
  navn?: string;
  fortloepende: boolean;
  organisasjonsnummer?: Set<string>;
  organisasjonsform?: Set<string>;
  kommunenummer?: Set<string>;
  naeringskode?: string[];
  registrertIMvaregisteret?: boolean;
  registrertIForetaksregisteret?: boolean;
  registrertIStiftelsesregisteret?: boolean;
  registrertIFrivillighetsregisteret?: boolean;
  konkurs?: boolean;
  underAvvikling?: boolean;
  underTvangsavviklingEllerTvangsopplosning?: boolean;
  sort?: { field: 'navn' | 'organisasjonsnummer'; descending: boolean };
}

export interface SearchResult {
  total: number;
  /** Indexes of all hits in result order. */
  hits: number[];
}

function normalise(value: string): string {
  return value.toUpperCase().replace(/\s+/g, ' ').trim();
}

function tokens(value: string): string[] {
  return normalise(value)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Levenshtein distance, stopping early above 1 (all the fuzzy match needs). */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** Score of a name for the query tokens; 0 when some token matches no word of the name. */
function nameScore(name: string, queryTokens: string[]): number {
  const words = tokens(name);
  let score = 0;
  for (const q of queryTokens) {
    let best = 0;
    for (const w of words) {
      if (w === q) best = 3;
      else if (best < 2 && w.startsWith(q)) best = 2;
      else if (best < 1 && q.length >= 4 && withinOneEdit(w, q)) best = 1;
      if (best === 3) break;
    }
    if (best === 0) return 0;
    score += best;
  }
  return score;
}

function kommuneOf(record: Enhet): string | undefined {
  return record.forretningsadresse?.kommunenummer ?? record.postadresse?.kommunenummer;
}

export function searchEnheter(registry: Registry, query: EnhetQuery): SearchResult {
  const queryTokens = query.navn ? tokens(query.navn) : [];
  const prefix = query.navn && query.fortloepende ? normalise(query.navn) : undefined;
  const needsRecord =
    query.naeringskode !== undefined ||
    query.registrertIMvaregisteret !== undefined ||
    query.registrertIForetaksregisteret !== undefined ||
    query.registrertIStiftelsesregisteret !== undefined ||
    query.underTvangsavviklingEllerTvangsopplosning !== undefined;
  const hits: { index: number; score: number; name: string; orgnr: number }[] = [];
  const candidates: Iterable<number> = query.organisasjonsnummer
    ? [...query.organisasjonsnummer].flatMap((orgnr) => {
        const found = registry.lookup(orgnr);
        return found.status === 'found' ? [found.index] : [];
      })
    : registry.indexes('current');

  for (const index of candidates) {
    const core = registry.core(index);
    if (query.organisasjonsform && !query.organisasjonsform.has(core.form)) continue;
    if (query.registrertIFrivillighetsregisteret !== undefined && core.frr !== query.registrertIFrivillighetsregisteret) continue;
    const changed = registry.timeline.histories.get(index)?.changes.length ?? 0;
    // Units never changed are decided from the core; a change can rename, move or wind up a unit.
    if (changed === 0 && !needsRecord) {
      if (query.kommunenummer && core.odd !== 'foreign' && !query.kommunenummer.has(core.kommune.nummer)) continue;
      if (query.konkurs !== undefined && (core.status === 'konkurs') !== query.konkurs) continue;
      if (query.underAvvikling !== undefined && (core.status === 'underAvvikling') !== query.underAvvikling) continue;
    }
    let name = core.navn;
    let record: Enhet | undefined;
    if (changed > 0 || needsRecord || (query.kommunenummer && core.odd === 'foreign')) {
      record = registry.enhet(index, 'current', core);
      name = record.navn;
      if (query.kommunenummer && !query.kommunenummer.has(kommuneOf(record) ?? '')) continue;
      if (query.konkurs !== undefined && record.konkurs !== query.konkurs) continue;
      if (query.underAvvikling !== undefined && record.underAvvikling !== query.underAvvikling) continue;
      if (query.registrertIMvaregisteret !== undefined && record.registrertIMvaregisteret !== query.registrertIMvaregisteret) continue;
      if (query.registrertIForetaksregisteret !== undefined && record.registrertIForetaksregisteret !== query.registrertIForetaksregisteret)
        continue;
      if (
        query.registrertIStiftelsesregisteret !== undefined &&
        record.registrertIStiftelsesregisteret !== query.registrertIStiftelsesregisteret
      )
        continue;
      if (
        query.underTvangsavviklingEllerTvangsopplosning !== undefined &&
        record.underTvangsavviklingEllerTvangsopplosning !== query.underTvangsavviklingEllerTvangsopplosning
      ) {
        continue;
      }
      if (query.naeringskode) {
        const codes = [record.naeringskode1?.kode, record.naeringskode2?.kode, record.naeringskode3?.kode].filter((c): c is string => !!c);
        if (!query.naeringskode.some((q) => codes.some((c) => c.startsWith(q)))) continue;
      }
    }
    let score = 0;
    if (prefix !== undefined) {
      if (!normalise(name).startsWith(prefix)) continue;
      score = 1;
    } else if (queryTokens.length > 0) {
      score = nameScore(name, queryTokens);
      if (score === 0) continue;
    }
    hits.push({ index, score, name, orgnr: registry.ctx.space.orgnrNumberOf(index) });
  }

  const sort = query.sort;
  if (sort) {
    const direction = sort.descending ? -1 : 1;
    hits.sort((a, b) => direction * (sort.field === 'navn' ? a.name.localeCompare(b.name, 'nb') || a.orgnr - b.orgnr : a.orgnr - b.orgnr));
  } else if (queryTokens.length > 0) {
    // Best score first; among equals the shorter (closer) name, then the number, so pages are stable.
    hits.sort((a, b) => b.score - a.score || a.name.length - b.name.length || a.orgnr - b.orgnr);
  } else {
    hits.sort((a, b) => a.orgnr - b.orgnr);
  }
  return { total: hits.length, hits: hits.map((h) => h.index) };
}

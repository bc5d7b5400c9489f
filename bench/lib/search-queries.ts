import { hashString, Rng } from '../../src/features/registry-double/random.ts';
import type { Registry } from '../../src/features/registry-double/registry.ts';

/**
 * Realistic search requests for `GET /api/v1/organisasjoner`, drawn from the units of the generated register
 * that the benchmark imported, deterministic by seed (the same list on both engines and in every run).
 *
 * The mix imitates people using the search page: whole names, single words ("idrettslag", a place name),
 * prefixes as they are typed (three requests per name, as the live search sends while typing), typos,
 * filters by kommune, fylke, ICNPO category, Frivillighetsregisteret and Grasrotandelen, with and without a
 * name, and filters alone (browsing a kommune). Names come mostly from the voluntary sector (FLI units and
 * units in Frivillighetsregisteret), which is what Frivillig's users look for, and partly from any unit.
 */

export interface SearchRequest {
  kind: SearchKind;
  /** Query string parameters of GET /api/v1/organisasjoner. */
  params: Record<string, string>;
}

export const SEARCH_KINDS = [
  'whole name',
  'one word',
  'prefix as typed',
  'typo',
  'word + kommune',
  'word + fylke',
  'ICNPO category',
  'word + in FRR',
  'Grasrotandelen + area',
  'filters only',
  'organisasjonsnummer',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Share of each kind, in per cent (sums to 100). */
const MIX: Record<Exclude<SearchKind, 'organisasjonsnummer'>, number> = {
  'whole name': 12,
  'one word': 13,
  'prefix as typed': 20,
  typo: 15,
  'word + kommune': 10,
  'word + fylke': 8,
  'ICNPO category': 6,
  'word + in FRR': 5,
  'Grasrotandelen + area': 5,
  'filters only': 6,
};

interface Unit {
  navn: string;
  kommune: string;
  icnpo: string | null;
  grasrot: boolean;
}

/** Words that carry no meaning on their own in a name search. */
const STOP = new Set(['og', 'i', 'på', 'av', 'for', 'til', 'as', 'sa', 'da', 'ans', 'ba', 'the', 'of', 'and']);

function words(navn: string): string[] {
  return navn.split(/[^\p{L}\p{N}-]+/u).filter((w) => w.length >= 2 && !STOP.has(w.toLowerCase()));
}

/** As people type: mostly lower case, sometimes as written. */
function typed(rng: Rng, text: string): string {
  return rng.chance(0.75) ? text.toLowerCase() : text;
}

const LETTERS = 'abcdefghijklmnoprstuvyæøå';
const ASCII_FOR: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a' };

/** One typing mistake in a word of five letters or more: a wrong, missing, doubled or swapped letter, or æøå as ASCII. */
function misspell(rng: Rng, word: string): string {
  const w = word.toLowerCase();
  const special = [...w].findIndex((c) => c in ASCII_FOR);
  if (special >= 0 && rng.chance(0.4)) return w.slice(0, special) + ASCII_FOR[w[special]!] + w.slice(special + 1);
  const i = rng.int(1, w.length - 2);
  switch (rng.int(0, 3)) {
    case 0:
      return w.slice(0, i) + rng.pick([...LETTERS]) + w.slice(i + 1);
    case 1:
      return w.slice(0, i) + w.slice(i + 1);
    case 2:
      return w.slice(0, i) + w[i] + w.slice(i);
    default:
      return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  }
}

/**
 * `count` requests (the prefix kind comes in runs of three, so the count is met exactly by trimming the last
 * run). `registry` must be the one whose bulk file was imported.
 */
export function buildSearchRequests(registry: Registry, count: number, seed: string): SearchRequest[] {
  const rng = new Rng(hashString(`${seed}:search-queries`));

  /** An active unit with a Norwegian kommune, from the voluntary sector with probability `voluntary`. */
  const pickUnit = (voluntary: number, needFrr = false): Unit => {
    const wantVoluntary = needFrr || rng.chance(voluntary);
    for (let attempt = 0; ; attempt++) {
      const index = rng.int(0, registry.units - 1);
      const core = registry.core(index);
      if (attempt < 5000) {
        if (needFrr && !core.frr) continue;
        if (wantVoluntary && !needFrr && core.form !== 'FLI' && !core.frr) continue;
      }
      const enhet = registry.enhet(index, 'snapshot', core) as unknown as Record<string, unknown>;
      if (enhet.underAvvikling || enhet.konkurs || enhet.slettedato) continue;
      const address = (enhet.forretningsadresse ?? enhet.postadresse) as { kommunenummer?: string } | undefined;
      if (!address?.kommunenummer) continue;
      const frivillig = core.frr ? registry.frivillig(index, 'snapshot', false, core) : undefined;
      if (needFrr && !frivillig && attempt < 5000) continue;
      const icnpo = frivillig?.icnpoKategorier?.slice().sort((a, b) => a.rekkefoelge - b.rekkefoelge)[0]?.icnpoNummer ?? null;
      return {
        navn: String(enhet.navn),
        kommune: address.kommunenummer,
        icnpo: icnpo === null ? null : String(icnpo),
        grasrot: frivillig?.grasrotandel?.deltarI === true,
      };
    }
  };
  const someWord = (u: Unit, minLength = 2) => {
    const ws = words(u.navn).filter((w) => w.length >= minLength);
    return ws.length > 0 ? rng.pick(ws) : u.navn;
  };
  const fylkeOf = (kommune: string) => kommune.slice(0, 2);

  const kinds: (keyof typeof MIX)[] = [];
  for (const kind of Object.keys(MIX) as (keyof typeof MIX)[]) {
    const n = Math.round((MIX[kind] / 100) * count);
    for (let i = 0; i < n; i++) kinds.push(kind);
  }
  // Shuffle (Fisher–Yates), so the kinds are interleaved as they would be from many users.
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
  }

  const out: SearchRequest[] = [];
  for (const kind of kinds) {
    if (out.length >= count) break;
    switch (kind) {
      case 'whole name':
        out.push({ kind, params: { q: typed(rng, pickUnit(0.7).navn) } });
        break;
      case 'one word':
        out.push({ kind, params: { q: typed(rng, someWord(pickUnit(0.7), 4)) } });
        break;
      case 'prefix as typed': {
        // Three requests while typing the name: e.g. "tro", "troms", "tromsø sja".
        const text = typed(rng, pickUnit(0.7).navn);
        const stops = [3, rng.int(4, 6), rng.int(8, 12)];
        for (const length of stops) {
          const prefix = text.slice(0, Math.min(length, text.length)).trimEnd();
          if (prefix.length > 0) out.push({ kind, params: { q: prefix } });
        }
        break;
      }
      case 'typo': {
        const u = pickUnit(0.7);
        const ws = words(u.navn);
        const long = ws.filter((w) => w.length >= 5);
        if (long.length === 0) {
          out.push({ kind, params: { q: typed(rng, u.navn) } });
          break;
        }
        const wrong = rng.pick(long);
        const misspelt = misspell(rng, wrong);
        const first = ws.slice(0, 3);
        const q = first.includes(wrong) ? first.map((w) => (w === wrong ? misspelt : w.toLowerCase())).join(' ') : misspelt;
        out.push({ kind, params: { q } });
        break;
      }
      case 'word + kommune': {
        const u = pickUnit(0.8);
        out.push({ kind, params: { q: typed(rng, someWord(u, 3)), kommune: u.kommune } });
        break;
      }
      case 'word + fylke': {
        const u = pickUnit(0.8);
        out.push({ kind, params: { q: typed(rng, someWord(u, 3)), fylke: fylkeOf(u.kommune) } });
        break;
      }
      case 'ICNPO category': {
        const u = pickUnit(1, true);
        if (!u.icnpo) {
          out.push({ kind, params: { q: typed(rng, someWord(u, 3)), frivillighetsregisteret: 'ja' } });
          break;
        }
        // The main category ("1") or the sub-category ("1200"); with a kommune, a fylke or a word.
        const code = rng.chance(0.5) ? u.icnpo.slice(0, -3) || u.icnpo : u.icnpo;
        const where = rng.int(0, 2);
        out.push({
          kind,
          params:
            where === 0
              ? { icnpo: code, kommune: u.kommune }
              : where === 1
                ? { icnpo: code, fylke: fylkeOf(u.kommune) }
                : { icnpo: code, q: typed(rng, someWord(u, 4)) },
        });
        break;
      }
      case 'word + in FRR': {
        const u = pickUnit(1, true);
        out.push({ kind, params: { q: typed(rng, someWord(u, 3)), frivillighetsregisteret: 'ja' } });
        break;
      }
      case 'Grasrotandelen + area': {
        const u = pickUnit(1, true);
        out.push({
          kind,
          params: rng.chance(0.6) ? { grasrotandel: 'ja', kommune: u.kommune } : { grasrotandel: 'ja', fylke: fylkeOf(u.kommune) },
        });
        break;
      }
      case 'filters only': {
        const u = pickUnit(0.8);
        const variant = rng.int(0, 2);
        out.push({
          kind,
          params:
            variant === 0
              ? { kommune: u.kommune }
              : variant === 1
                ? { fylke: fylkeOf(u.kommune), form: 'FLI' }
                : { kommune: u.kommune, sorter: 'stiftet-nyest' },
        });
        break;
      }
    }
  }
  while (out.length < count) out.push({ kind: 'whole name', params: { q: typed(rng, pickUnit(0.7).navn) } });
  return out.slice(0, count);
}

/** The baseline: one organisasjonsnummer per request, through the same endpoint (`?q=<orgnr>`). */
export function buildOrgnrRequests(registry: Registry, count: number, seed: string): SearchRequest[] {
  const rng = new Rng(hashString(`${seed}:orgnr-queries`));
  const out: SearchRequest[] = [];
  while (out.length < count) {
    const index = rng.int(0, registry.units - 1);
    out.push({ kind: 'organisasjonsnummer', params: { q: registry.orgnrOf(index) } });
  }
  return out;
}

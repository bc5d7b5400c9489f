/**
 * Small, fast, deterministic randomness for the register generator. Every record is derived from
 * (seed, index, salt) alone, so any record can be rebuilt without generating the ones before it — that is what
 * lets the double answer single lookups among millions of units without holding them in memory.
 *
 * Not cryptographic, and not meant to be: the only promises are "same inputs, same outputs" on every platform
 * (32-bit integer arithmetic through Math.imul, no floating-point transcendental functions) and a spread good
 * enough that the data looks random.
 */

/** Finaliser of a 32-bit hash (lowbias32, Chris Wellons): a good avalanche for consecutive inputs. */
export function mix32(input: number): number {
  let x = input >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Hash of several 32-bit integers. */
export function hashInts(a: number, b: number, c = 0): number {
  return mix32(mix32(mix32(a) ^ (b >>> 0)) + (c >>> 0));
}

/** FNV-1a over the UTF-16 code units of a string, then mixed: turns any `--seed` into 32 bits. */
export function hashString(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** mulberry32: one 32-bit state, fast, plenty for test data. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
}

/** Weighted choice in O(log n) from a precomputed cumulative table. */
export class WeightedTable<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;
  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) throw new Error('WeightedTable needs one weight per item');
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((w, i) => {
      sum += w;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }
  pick(rng: Rng): T {
    const target = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}

/**
 * A keyed permutation of [0, m²) — a four-round Feistel network on the pair (x div m, x mod m) with modular
 * addition, so it is a bijection for any m and needs no cycle walking. Used to scatter unit indexes over the
 * organisasjonsnummer space while staying invertible.
 */
export class FeistelPermutation {
  private readonly keys: number[];
  readonly size: number;
  constructor(
    private readonly m: number,
    key: number,
  ) {
    this.size = m * m;
    this.keys = [0, 1, 2, 3].map((round) => hashInts(key, 0x5eed + round));
  }
  private round(r: number, value: number): number {
    return mix32(value ^ (this.keys[r] as number)) % this.m;
  }
  forward(x: number): number {
    let left = Math.floor(x / this.m);
    let right = x % this.m;
    for (let r = 0; r < 4; r++) {
      const next = (left + this.round(r, right)) % this.m;
      left = right;
      right = next;
    }
    return left * this.m + right;
  }
  inverse(y: number): number {
    let left = Math.floor(y / this.m);
    let right = y % this.m;
    for (let r = 3; r >= 0; r--) {
      const previous = (right - this.round(r, left) + this.m) % this.m;
      right = left;
      left = previous;
    }
    return left * this.m + right;
  }
}

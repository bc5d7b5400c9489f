import { FeistelPermutation } from './random.ts';

/**
 * A seed-dependent bijection between unit indexes [0, capacity) and valid organisasjonsnumre, so the double
 * can find unit i from its number (and back) without a table.
 *
 * Organisasjonsnummer = eight digits + a MOD11 check digit with weights 3 2 7 6 5 4 3 2 (core/validators/orgnr.ts);
 * a base whose check digit would be 10 is never issued. The space used is the bases 80 000 000–99 999 999
 * (numbers beginning with 8 or 9, like real ones). Bases are taken ten at a time ("decades": same first seven
 * digits): the last base digit has weight 2, and 2 is invertible mod 11, so exactly one of the ten last digits
 * can give check digit 10 — or none, in which case digit 9 is left out. Every decade thus holds exactly nine
 * usable numbers, and rank r ↔ (decade r div 9, slot r mod 9) is simple arithmetic both ways. A Feistel
 * permutation keyed by the seed scatters index → rank.
 */
const FIRST_DECADE = 8_000_000;
const SLOTS = 9;
/** √(2 000 000 decades × 9 slots) rounded down: the Feistel domain is side², just under the 18 000 000 ranks. */
const SIDE = 4242;
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3] as const;

function decadeSum(decade: number): number {
  let sum = 0;
  let rest = decade;
  for (let i = 6; i >= 0; i--) {
    sum += (rest % 10) * (WEIGHTS[i] as number);
    rest = Math.floor(rest / 10);
  }
  return sum % 11;
}

/** The last base digit left out of a decade (0–9). */
function excludedDigit(sum: number): number {
  // Check digit 10 ⇔ (sum + 2d) mod 11 = 1 ⇔ d ≡ 6(1 − sum) (mod 11), since 2⁻¹ ≡ 6.
  const d = (((6 * (1 - sum)) % 11) + 11) % 11;
  return d === 10 ? 9 : d;
}

function checkDigit(sum: number, lastBaseDigit: number): number {
  const rest = (sum + 2 * lastBaseDigit) % 11;
  return rest === 0 ? 0 : 11 - rest;
}

export class OrgnrSpace {
  /** How many indexes the space can hold (about 18 million). */
  static readonly capacity = SIDE * SIDE;
  private readonly permutation: FeistelPermutation;

  constructor(seedHash: number) {
    this.permutation = new FeistelPermutation(SIDE, seedHash);
  }

  /** The organisasjonsnummer of unit `index`, as a number (nine digits). */
  orgnrNumberOf(index: number): number {
    if (!Number.isInteger(index) || index < 0 || index >= OrgnrSpace.capacity) throw new RangeError(`index ${index} outside the space`);
    const rank = this.permutation.forward(index);
    const decade = FIRST_DECADE + Math.floor(rank / SLOTS);
    const slot = rank % SLOTS;
    const sum = decadeSum(decade);
    const excluded = excludedDigit(sum);
    const digit = slot < excluded ? slot : slot + 1;
    return (decade * 10 + digit) * 10 + checkDigit(sum, digit);
  }

  orgnrOf(index: number): string {
    return String(this.orgnrNumberOf(index));
  }

  /** The index of a valid organisasjonsnummer, or undefined when the number is outside this space. */
  indexOf(orgnr: string): number | undefined {
    if (!/^[89]\d{8}$/.test(orgnr)) return undefined;
    const value = Number(orgnr);
    const base = Math.floor(value / 10);
    const decade = Math.floor(base / 10);
    const digit = base % 10;
    const sum = decadeSum(decade);
    if (checkDigit(sum, digit) !== value % 10) return undefined;
    const excluded = excludedDigit(sum);
    if (digit === excluded) return undefined;
    const rank = (decade - FIRST_DECADE) * SLOTS + (digit < excluded ? digit : digit - 1);
    if (rank >= OrgnrSpace.capacity) return undefined;
    return this.permutation.inverse(rank);
  }
}

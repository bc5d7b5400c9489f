/**
 * Fødselsnummer and D-nummer: 11 digits, DDMMYY + individnummer (3) + two MOD11 check digits
 * (Skatteetaten). A D-nummer adds 4 to the first digit of the day. Synthetic test numbers from
 * Skatteetaten's Tenor add 80 to the month; they are accepted only when `allowSynthetic` is set.
 */
const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2] as const;
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

function mod11(digits: number[], weights: readonly number[]): number | null {
  const sum = weights.reduce((acc, w, i) => acc + w * digits[i]!, 0);
  const rest = 11 - (sum % 11);
  if (rest === 11) return 0;
  if (rest === 10) return null;
  return rest;
}

export type PersonnummerKind = 'fodselsnummer' | 'd-nummer';

export function parsePersonnummer(
  input: string,
  opts: { allowSynthetic?: boolean } = {},
): { kind: PersonnummerKind; birthDate: string } | null {
  const value = input.replace(/\s/g, '');
  if (!/^\d{11}$/.test(value)) return null;
  const d = [...value].map(Number);
  if (mod11(d, K1) !== d[9] || mod11(d, K2) !== d[10]) return null;
  let day = Number(value.slice(0, 2));
  let month = Number(value.slice(2, 4));
  const yy = Number(value.slice(4, 6));
  const individ = Number(value.slice(6, 9));
  let kind: PersonnummerKind = 'fodselsnummer';
  if (day > 40) {
    kind = 'd-nummer';
    day -= 40;
  }
  if (opts.allowSynthetic && month > 80) month -= 80;
  // Century from the individnummer ranges (Skatteetaten): 000–499 → 1900s; 500–749 with yy 54–99 → 1800s;
  // 500–999 with yy 00–39 → 2000s; 900–999 with yy 40–99 → 1900s. 750–899 with yy 40–99 is never issued.
  let year: number;
  if (individ <= 499) year = 1900 + yy;
  else if (yy <= 39) year = 2000 + yy;
  else if (individ <= 749 && yy >= 54) year = 1800 + yy;
  else if (individ >= 900) year = 1900 + yy;
  else return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { kind, birthDate: date.toISOString().slice(0, 10) };
}

export function isValidPersonnummer(input: string, opts: { allowSynthetic?: boolean } = {}): boolean {
  return parsePersonnummer(input, opts) !== null;
}

/** Shown on screen as "010190 *****": the birth date part, never the personal digits. */
export function maskPersonnummer(value: string): string {
  const v = value.replace(/\s/g, '');
  return v.length === 11 ? `${v.slice(0, 6)} *****` : '***********';
}

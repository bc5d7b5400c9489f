/**
 * Norwegian bank account number: 11 digits, the last a MOD11 check digit with weights 5 4 3 2 7 6 5 4 3 2
 * (Bits / Finans Norge). Remainder giving check digit 10 means invalid.
 */
const WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

export function normaliseKontonummer(input: string): string {
  return input.replace(/[\s.]/g, '');
}

export function isValidKontonummer(input: string): boolean {
  const value = normaliseKontonummer(input);
  if (!/^\d{11}$/.test(value)) return false;
  const d = [...value].map(Number);
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * d[i]!, 0);
  const rest = sum % 11;
  const check = rest === 0 ? 0 : 11 - rest;
  return check !== 10 && check === d[10];
}

/** "1234.56.78903", the way banks print it. */
export function formatKontonummer(value: string): string {
  return normaliseKontonummer(value).replace(/^(\d{4})(\d{2})(\d{5})$/, '$1.$2.$3');
}

/**
 * Organisasjonsnummer: nine digits, the last a MOD11 check digit with weights 3 2 7 6 5 4 3 2
 * (Brønnøysundregistrene). A remainder giving check digit 10 means the number is never issued.
 */
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

export function normaliseOrgnr(input: string): string {
  return input.replace(/[\s.-]/g, '');
}

export function isValidOrgnr(input: string): boolean {
  const value = normaliseOrgnr(input);
  if (!/^\d{9}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * digits[i]!, 0);
  const rest = sum % 11;
  const check = rest === 0 ? 0 : 11 - rest;
  return check !== 10 && check === digits[8];
}

/** "123456785" → "123 456 785", the way Brønnøysundregistrene prints it. */
export function formatOrgnr(value: string): string {
  return value.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');
}

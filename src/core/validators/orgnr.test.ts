import { describe, expect, it } from 'vitest';
import { formatOrgnr, isValidOrgnr } from './orgnr.ts';

describe('organisasjonsnummer (MOD11)', () => {
  it.each([
    ['974760673', true], // Brønnøysundregistrene
    ['923609016', true], // Equinor ASA
    ['910000012', true],
    ['974 760 673', true],
    ['974760674', false], // wrong check digit
    ['97476067', false], // too short
    ['9747606733', false], // too long
    ['97476067a', false],
    ['', false],
  ])('%s → %s', (input, expected) => {
    expect(isValidOrgnr(input)).toBe(expected);
  });

  it('never accepts a number whose check digit would be 10', () => {
    const weights = [3, 2, 7, 6, 5, 4, 3, 2];
    let found: string | null = null;
    for (let n = 10_000_000; n < 10_001_000 && !found; n++) {
      const digits = String(n).padStart(8, '0');
      const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
      if (sum % 11 === 1) found = digits;
    }
    expect(found).not.toBeNull();
    for (let d = 0; d <= 9; d++) expect(isValidOrgnr(`${found}${d}`)).toBe(false);
  });

  it('formats in groups of three', () => {
    expect(formatOrgnr('974760673')).toBe('974 760 673');
  });
});

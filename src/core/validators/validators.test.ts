import { describe, expect, it } from 'vitest';
import { fylkesnummerOf, isValidKommunenummer, kommuneName } from './kommunenummer.ts';
import { formatKontonummer, isValidKontonummer } from './kontonummer.ts';
import { isValidPersonnummer, maskPersonnummer, parsePersonnummer } from './personnummer.ts';

describe('fødselsnummer and D-nummer (two MOD11 check digits)', () => {
  it.each([
    ['15076500565', { kind: 'fodselsnummer', birthDate: '1965-07-15' }],
    ['29020050169', { kind: 'fodselsnummer', birthDate: '2000-02-29' }], // leap day, individnummer 500–749 → 2000s
    ['45017612399', { kind: 'd-nummer', birthDate: '1976-01-05' }],
    ['01020349960', { kind: 'fodselsnummer', birthDate: '1903-02-01' }],
    ['31129990158', { kind: 'fodselsnummer', birthDate: '1999-12-31' }], // individnummer 900–999, yy ≥ 40 → 1900s
    ['01011080150', { kind: 'fodselsnummer', birthDate: '2010-01-01' }], // individnummer 500–999, yy ≤ 39 → 2000s
  ])('%s is valid', (input, expected) => {
    expect(parsePersonnummer(input)).toEqual(expected);
  });

  it.each([
    ['15076500566', 'wrong second check digit'],
    ['15076500575', 'wrong first check digit'],
    ['30028112366', 'check digits right but 30 February'],
    ['31129980004', 'check digits right but individnummer 750–899 is never issued for yy 40–99'],
    ['1507650056', 'too short'],
    ['150765005650', 'too long'],
    ['1507650056a', 'not digits'],
  ])('%s is invalid (%s)', (input) => {
    expect(isValidPersonnummer(input)).toBe(false);
  });

  it('masks all but the birth date', () => {
    expect(maskPersonnummer('15076500565')).toBe('150765 *****');
    expect(maskPersonnummer('x')).toBe('***********');
  });
});

describe('kontonummer (MOD11)', () => {
  it.each([
    ['86011117947', true],
    ['8601.11.17947', true],
    ['12345678903', true],
    ['86011117948', false],
    ['8601111794', false],
  ])('%s → %s', (input, expected) => {
    expect(isValidKontonummer(input)).toBe(expected);
  });
  it('formats as 4.2.5', () => {
    expect(formatKontonummer('86011117947')).toBe('8601.11.17947');
  });
});

describe('kommunenummer (2024 structure)', () => {
  it('knows the 2024 kommuner and their fylke', () => {
    expect(isValidKommunenummer('0301')).toBe(true);
    expect(kommuneName('1508')).toBe('Ålesund');
    expect(isValidKommunenummer('1580')).toBe(true); // Haram, re-established 2024
    expect(isValidKommunenummer('1507')).toBe(false); // old Ålesund
    expect(isValidKommunenummer('3001')).toBe(false); // Viken was split
    expect(fylkesnummerOf('5501')).toBe('55');
    expect(isValidKommunenummer('abcd')).toBe(false);
  });
});

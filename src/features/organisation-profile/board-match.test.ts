import { describe, expect, it } from 'vitest';
import { namesMatch, nameTokens } from './board-match.ts';

describe('board role name matching', () => {
  it('normalises case, Unicode form, hyphens and spaces', () => {
    expect(nameTokens('  KARI-ANNE   Nordmann ')).toEqual(['kari', 'anne', 'nordmann']);
    // "Å" written as A + combining ring (NFD) is the same letter as the precomposed Å.
    expect(nameTokens('A\u030Ase Ødegård')).toEqual(nameTokens('Åse Ødegård'));
  });

  it('compares the first given name and the last surname', () => {
    const role = { fornavn: 'KARI ANNE', etternavn: 'NORDMANN' };
    expect(namesMatch('Kari Nordmann', role)).toBe(true);
    expect(namesMatch('Kari Anne Nordmann', role)).toBe(true);
    expect(namesMatch('Anne Nordmann', role)).toBe(false);
    expect(namesMatch('Kari Nordmannsen', role)).toBe(false);
    expect(namesMatch('Per Berg-Hansen', { fornavn: 'Per', etternavn: 'Berg Hansen' })).toBe(true);
  });

  it('never matches on a single name or a role without names', () => {
    expect(namesMatch('Kari', { fornavn: 'Kari', etternavn: 'Kari' })).toBe(false);
    expect(namesMatch('Kari Nordmann', { fornavn: null, etternavn: 'Nordmann' })).toBe(false);
    expect(namesMatch('Kari Nordmann', { fornavn: 'Kari', etternavn: null })).toBe(false);
  });

  it('does not treat different Norwegian letters as the same', () => {
    expect(namesMatch('Ase Odegard', { fornavn: 'Åse', etternavn: 'Ødegård' })).toBe(false);
  });
});

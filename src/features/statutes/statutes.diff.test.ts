import { describe, expect, it } from 'vitest';
import { SAMPLE_ANSWERS } from '../../../test/helpers/statutes-fixtures.ts';
import { diffStatutes, diffWords, lcsDiff, splitBlocks } from './statutes.diff.ts';
import { statutesText } from './statutes.template.ts';

describe('statutes diff', () => {
  it('computes a longest-common-subsequence edit script', () => {
    const ops = lcsDiff(['a', 'b', 'c', 'd'], ['a', 'c', 'x', 'd']);
    expect(ops.map((o) => `${o.kind[0]}${o.item}`)).toEqual(['sa', 'rb', 'sc', 'ax', 'sd']);
    expect(lcsDiff([], ['x'])).toEqual([{ kind: 'added', item: 'x' }]);
    expect(lcsDiff(['x'], [])).toEqual([{ kind: 'removed', item: 'x' }]);
  });

  it('splits text into blocks at blank lines', () => {
    expect(splitBlocks('A\n\n§ 1 Navn\r\n\r\nB\nC\n\n\n')).toEqual(['A', '§ 1 Navn', 'B\nC']);
  });

  it('marks the changed words inside a paragraph, and joining the tokens gives both texts back', () => {
    const before = 'Styret har fra 3 til 7 medlemmer, medregnet leder.';
    const after = 'Styret har fra 5 til 7 medlemmer, medregnet leder.';
    const tokens = diffWords(before, after);
    expect(tokens.filter((t) => t.kind !== 'same')).toEqual([
      { kind: 'removed', text: '3' },
      { kind: 'added', text: '5' },
    ]);
    expect(
      tokens
        .filter((t) => t.kind !== 'added')
        .map((t) => t.text)
        .join(''),
    ).toBe(before);
    expect(
      tokens
        .filter((t) => t.kind !== 'removed')
        .map((t) => t.text)
        .join(''),
    ).toBe(after);
  });

  it('shows nothing changed between identical versions', () => {
    const text = statutesText(SAMPLE_ANSWERS, 'nb');
    const diff = diffStatutes(text, text);
    expect(diff.summary).toEqual({ added: 0, removed: 0, changed: 0 });
    expect(diff.blocks.every((b) => b.kind === 'same')).toBe(true);
  });

  it('finds one changed paragraph when the board size changes, word by word', () => {
    const before = statutesText(SAMPLE_ANSWERS, 'nb');
    const after = statutesText({ ...SAMPLE_ANSWERS, board: { ...SAMPLE_ANSWERS.board, minMembers: 5 } }, 'nb');
    const diff = diffStatutes(before, after);
    expect(diff.summary).toEqual({ added: 0, removed: 0, changed: 1 });
    const changed = diff.blocks.find((b) => b.kind === 'changed');
    expect(changed?.kind === 'changed' && changed.tokens.filter((t) => t.kind !== 'same')).toEqual([
      { kind: 'removed', text: '3' },
      { kind: 'added', text: '5' },
    ]);
  });

  it('shows an added paragraph (a second dissolution meeting) as added, not as a change to its neighbours', () => {
    const one = { ...SAMPLE_ANSWERS, dissolution: { ...SAMPLE_ANSWERS.dissolution, requiresSecondMeeting: false } };
    const diff = diffStatutes(statutesText(one, 'nb'), statutesText(SAMPLE_ANSWERS, 'nb'));
    expect(diff.summary).toEqual({ added: 1, removed: 0, changed: 0 });
    const added = diff.blocks.find((b) => b.kind === 'added');
    expect(added?.kind === 'added' && added.text).toContain('ekstraordinært årsmøte som holdes tidligst tre måneder senere');
  });

  it('shows a rewritten paragraph as removed and added when few words are shared', () => {
    const diff = diffStatutes('Tittel\n\nEn helt annen tekst om noe.', 'Tittel\n\nFoto og film for pensjonister i bygda.');
    expect(diff.summary).toEqual({ added: 1, removed: 1, changed: 0 });
    expect(diff.blocks.map((b) => b.kind)).toEqual(['same', 'removed', 'added']);
  });
});

import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './render.tsx';

describe('safeReturnPath', () => {
  it.each([
    ['/arbeidsrom', '/arbeidsrom'],
    ['/organisasjoner?q=sjakk&side=2', '/organisasjoner?q=sjakk&side=2'],
  ])('keeps the same-site path %s', (value, expected) => {
    expect(safeReturnPath(value, '/fallback')).toBe(expected);
  });

  it.each([
    [undefined],
    [null],
    [''],
    ['https://evil.example/'],
    ['//evil.example'],
    ['/\\evil.example'],
    ['/\t/evil.example'],
    ['/\n/evil.example'],
    ['/arbeidsrom\r\nSet-Cookie: x=y'],
    ['/\u007f/evil.example'],
    ['arbeidsrom'],
  ])('refuses %j and gives the fallback', (value) => {
    expect(safeReturnPath(value, '/fallback')).toBe('/fallback');
  });
});

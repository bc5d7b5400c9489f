import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { JsonArraySplitter, JsonStreamError, splitJsonArray } from './json-array-stream.ts';

/** Feeds `text` in chunks of `size` bytes and returns the elements as strings. */
function split(text: string | Buffer, size: number, splitter = new JsonArraySplitter()): string[] {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += size) {
    for (const el of splitter.push(bytes.subarray(i, i + size))) out.push(el.toString('utf8').trim());
  }
  splitter.end();
  return out;
}

const TRICKY = [
  { organisasjonsnummer: '974760673', navn: 'Med "sitat", komma, [klammer] og {krøll}' },
  { navn: 'Backslash \\ før "sitat" \\', tom: '' },
  { navn: 'Æøå — 🎉 multibyte', nested: { a: [1, [2, { b: ']' }]], c: '}' } },
  'en streng, med komma',
  42,
  null,
  [1, 2, [3]],
  { escapes: '\n\t\u0001\u2028', slutt: '\\' },
];

describe('JsonArraySplitter', () => {
  it('splits elements whatever the chunk boundaries, with strings, escapes, nesting and multibyte text', () => {
    const text = JSON.stringify(TRICKY, null, 1);
    const expected = TRICKY.map((v) => JSON.stringify(v));
    for (const size of [1, 2, 3, 5, 7, 16, 64, 4096]) {
      const elements = split(text, size).map((e) => JSON.stringify(JSON.parse(e)));
      expect(elements, `chunk size ${size}`).toEqual(expected);
    }
  });

  it('accepts an empty array, surrounding whitespace and a byte order mark', () => {
    expect(split('[]', 1)).toEqual([]);
    expect(split(' \n[ \n ]\n ', 2)).toEqual([]);
    expect(split(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('[{"a":1}]')]), 4)).toEqual(['{"a":1}']);
  });

  it('hands out broken elements as they are, so the caller can quarantine them instead of losing them', () => {
    // Stray characters, a missing comma between two records, empty elements and a trailing comma.
    const text = '[{"a":1}x, {"b":2} {"c":3}, , {"d":4} ,]';
    expect(split(text, 3)).toEqual(['{"a":1}x', '{"b":2} {"c":3}', '', '{"d":4}', '']);
  });

  it('throws a clear error for input that is not one complete array', () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['   ', /no JSON array/],
      ['{"a":1}', /not a JSON array/],
      ['[{"a":1},{"b":2', /ended inside element 1 .*truncated or corrupt/],
      ['[{"a":1},', /ended before the JSON array was closed, after 1 complete/],
      ['[{"a":"unterminated}]', /ended inside element 0/],
      ['[{"a":1}] trailing', /after the end of the JSON array at byte 10/],
      ['[1][2]', /after the end/],
    ];
    for (const [text, message] of cases) {
      expect(() => split(text, 2), text).toThrow(message);
      expect(() => split(text, 2), text).toThrow(JsonStreamError);
    }
  });

  it('refuses an element larger than the limit (unbalanced structure) instead of buffering the rest of the file', () => {
    const splitter = new JsonArraySplitter({ maxElementBytes: 100 });
    const text = `[{"a":1},{"broken": [${'1,'.repeat(200)}`;
    expect(() => split(text, 16, splitter)).toThrow(/Element 1 is larger than 100 bytes/);
    expect(splitter.maxHeldBytes).toBeLessThanOrEqual(100 + 16);
  });

  it('streams 50 000 gzip-compressed records holding no more than one record between chunks', async () => {
    const count = 50_000;
    let largest = 0;
    const records = function* () {
      yield '[';
      for (let i = 0; i < count; i++) {
        const json = JSON.stringify({
          organisasjonsnummer: String(800_000_000 + i),
          navn: `Forening nummer ${i}, "med" {tegn} [som] må hoppes over`,
          aktivitet: ['Idrett', 'Kultur'],
          postadresse: { adresse: [`Vei ${i}`], kommunenummer: '0301' },
        });
        largest = Math.max(largest, Buffer.byteLength(json));
        yield i === 0 ? json : `,${json}`;
      }
      yield ']';
    };
    const source = Readable.from(records()).pipe(createGzip()).pipe(createGunzip());
    const splitter = new JsonArraySplitter();
    let seen = 0;
    let last = '';
    for await (const element of splitJsonArray(source, splitter)) {
      seen++;
      last = element.toString('utf8');
    }
    expect(seen).toBe(count);
    expect(JSON.parse(last).organisasjonsnummer).toBe(String(800_000_000 + count - 1));
    expect(splitter.bytesIn).toBeGreaterThan(count * 100);
    // The memory bound: the splitter never held more than one (partial) record, however long the file.
    expect(splitter.maxHeldBytes).toBeGreaterThan(0);
    expect(splitter.maxHeldBytes).toBeLessThanOrEqual(largest);
    expect(splitter.heldBytes).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { Registry } from '../registry-double/registry.ts';
import { enhet } from './import-fixtures.ts';
import {
  canonicalJson,
  enhetRecordSchema,
  isCalendarDate,
  isCertainlyValidEnhet,
  prepareBulkEnhet,
  prepareEnhet,
} from './import-records.ts';

/**
 * The bulk import's quick paths (import-records.ts) against the definitions they stand in for: the quick
 * enhet check may only ever accept what enhetRecordSchema accepts, and canonicalJson must give exactly what
 * the former JSON.stringify-with-a-sorting-replacer gave (stored hashes depend on it).
 */

/** The former canonicalJson, kept here as the reference. */
function referenceCanonicalJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) => {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
      const obj = v as Record<string, unknown>;
      const keys = Object.keys(obj);
      if (keys.every((k, i) => i === 0 || keys[i - 1]! <= k)) return v;
      const out: Record<string, unknown> = Object.create(null);
      for (const key of keys.sort()) out[key] = obj[key];
      return out;
    }) ?? 'null'
  );
}

const generated = (() => {
  const registry = new Registry({ seed: 'quick-check', units: 3000 });
  const records: Record<string, unknown>[] = [];
  for (let i = 0; i < registry.units; i++)
    records.push(JSON.parse(JSON.stringify(registry.enhet(i, 'snapshot'))) as Record<string, unknown>);
  return records;
})();

/** Every way a field can be wrong (and some ways it can be right) that the schema distinguishes. */
const VALUES: unknown[] = [
  undefined,
  null,
  '',
  ' ',
  'x',
  '0301',
  '301',
  '2024-02-29',
  '2023-02-29',
  '0000-01-01',
  '2024-13-01',
  0,
  -1,
  1.5,
  2_000_000_001,
  true,
  false,
  [],
  [null],
  ['a', 1],
  {},
  { kode: '' },
  { kode: 'FLI' },
  { kode: 'FLI', beskrivelse: 7 },
  { kommunenummer: '12345' },
  { kommunenummer: '1234', adresse: ['a', null] },
  { adresse: 'a' },
  [{ navn: 'x' }],
  [{ navn: 1 }],
  ['x'],
];
const FIELDS = [
  ...Object.keys(enhetRecordSchema.shape),
  // A field the schema does not know is kept as it is, whatever it holds.
  'ukjentFelt',
];

describe('isCertainlyValidEnhet (the bulk import’s quick check)', () => {
  it('accepts the generated register, and never anything the schema refuses', () => {
    let accepted = 0;
    for (const record of generated) {
      const quick = isCertainlyValidEnhet(record);
      if (quick) accepted++;
      if (quick) expect(enhetRecordSchema.safeParse(record).success).toBe(true);
    }
    // Not a formality: the quick path has to carry the import.
    expect(accepted / generated.length).toBeGreaterThan(0.99);
  });

  it('is never more lenient than the schema, field by field', () => {
    const bases = [enhet(1), generated[0]!, generated[1]!];
    let checked = 0;
    for (const base of bases) {
      for (const field of FIELDS) {
        for (const value of VALUES) {
          const record = { ...base, [field]: value };
          if (value === undefined) delete record[field];
          checked++;
          if (isCertainlyValidEnhet(record)) {
            expect(enhetRecordSchema.safeParse(record).success, `${field} = ${JSON.stringify(value)}`).toBe(true);
          }
        }
      }
    }
    for (const notAnObject of [null, 'x', 1, [], [enhet(1)]]) expect(isCertainlyValidEnhet(notAnObject)).toBe(false);
    expect(checked).toBeGreaterThan(500);
  });

  it('knows calendar dates exactly as the schema does (leap years, year 0000)', () => {
    const dates: string[] = [];
    for (const year of ['0000', '0001', '0004', '0100', '0400', '1900', '2000', '2023', '2024', '9999']) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) dates.push(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
      }
    }
    dates.push('2024-1-01', '20240101', '2024-01-01T00:00:00Z', ' 2024-01-01', '２０２４-01-01');
    for (const date of dates) {
      const schema = enhetRecordSchema.shape.stiftelsesdato.safeParse(date).success;
      expect(isCalendarDate(date), date).toBe(schema);
    }
  });
});

describe('prepareBulkEnhet', () => {
  it('stores a valid record as the text it came as', () => {
    const text = JSON.stringify(enhet(1));
    const checked = prepareBulkEnhet(JSON.parse(text), text);
    expect(checked).toMatchObject({ ok: true, value: { orgnr: enhet(1).organisasjonsnummer, json: text } });
    expect(checked.ok && checked.value.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('takes text with \\u escapes through the schema: an escaped pair is kept, a lone surrogate or NUL refused', () => {
    const pair = `{${JSON.stringify(enhet(2)).slice(1, -1).replace('"navn":"', '"navn":"\\ud83d\\ude00 ')}}`;
    const kept = prepareBulkEnhet(JSON.parse(pair), pair);
    expect(kept.ok).toBe(true);
    expect(kept.ok && kept.value.json).toBe(canonicalJson(JSON.parse(pair)));
    for (const escaped of ['\\ud83d', '\\u0000']) {
      const text = JSON.stringify(enhet(3)).replace('"navn":"', `"navn":"${escaped}`);
      expect(prepareBulkEnhet(JSON.parse(text), text)).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/PostgreSQL cannot store/),
      });
    }
  });

  it('gives the schema’s reason for a record the quick check refuses', () => {
    const record = enhet(4, { stiftelsesdato: '2023-02-29' });
    const text = JSON.stringify(record);
    const bulk = prepareBulkEnhet(record, text);
    const schema = prepareEnhet(record);
    expect(bulk).toEqual(schema);
    expect(bulk.ok).toBe(false);
  });
});

describe('canonicalJson', () => {
  it('gives exactly what the sorting replacer gave', () => {
    const tricky = [
      JSON.parse('{"b":1,"__proto__":{"z":1,"a":2},"a":[{"y":1,"x":2}],"10":1,"2":2}'),
      JSON.parse('{"a":{"d":1,"c":2},"b":[[{"z":0,"y":[{"b":1,"a":2}]}]]}'),
      JSON.parse('[{"b":1,"a":null},3,"x",null,true]'),
      JSON.parse('{"a":1,"b":{"__proto__":5}}'),
      'text',
      3,
      null,
    ];
    for (const value of [...generated.slice(0, 500), ...tricky]) expect(canonicalJson(value)).toBe(referenceCanonicalJson(value));
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGE_SETS, translator } from './catalogue.ts';
import type { MessageSet } from './i18n.ts';
import { interpolate, langFromAcceptLanguage } from './i18n.ts';

describe('message catalogue', () => {
  for (const [feature, set] of Object.entries(MESSAGE_SETS) as [string, MessageSet<string>][]) {
    it(`${feature}: every bokmål key has a nynorsk text and vice versa, none empty`, () => {
      const nb = Object.keys(set.nb).sort();
      const nn = Object.keys(set.nn).sort();
      expect(nn).toEqual(nb);
      for (const key of nb) {
        expect(set.nb[key]?.trim(), `nb ${key}`).toBeTruthy();
        expect(set.nn[key]?.trim(), `nn ${key}`).toBeTruthy();
      }
      for (const key of Object.keys(set.en)) expect(nb, `en key ${key} has no bokmål source`).toContain(key);
    });

    it(`${feature}: placeholders are the same in every language`, () => {
      const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const key of Object.keys(set.nb)) {
        expect(placeholders(set.nn[key]!), `nn ${key}`).toEqual(placeholders(set.nb[key]!));
        if (set.en[key]) expect(placeholders(set.en[key]!), `en ${key}`).toEqual(placeholders(set.nb[key]!));
      }
    });
  }

  it('no key is defined by two features', () => {
    const seen = new Map<string, string>();
    for (const [feature, set] of Object.entries(MESSAGE_SETS) as [string, MessageSet<string>][]) {
      for (const key of Object.keys(set.nb)) {
        expect(seen.get(key), `${key} in ${feature} and ${seen.get(key)}`).toBeUndefined();
        seen.set(key, feature);
      }
    }
  });

  it('every literal key used in the source exists in the catalogue', () => {
    const known = new Set(Object.values(MESSAGE_SETS).flatMap((s) => Object.keys((s as MessageSet<string>).nb)));
    const missing: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !name.endsWith('.test.ts') && !name.includes('messages')) {
          const text = readFileSync(path, 'utf8');
          for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) if (!known.has(m[1]!)) missing.push(`${path}: ${m[1]}`);
          for (const m of text.matchAll(/AppError\(\s*'\w+',\s*'([^']+)'/g)) if (!known.has(m[1]!)) missing.push(`${path}: ${m[1]}`);
        }
      }
    };
    walk(join(import.meta.dirname, '..', '..'));
    expect(missing).toEqual([]);
  });

  it('translates with parameters and falls back to bokmål for English gaps', () => {
    expect(translator('nn')('layout.signedInAs', { name: 'Kari' })).toBe('Logga inn som Kari');
    expect(translator('nb')('layout.signedInAs', { name: 'Kari' })).toBe('Logget inn som Kari');
    expect(translator('en')('service.name')).toBe('Frivillig');
    expect(interpolate('{a} og {b}', { a: 1 })).toBe('1 og {b}');
  });

  it('reads Accept-Language, with nynorsk, bokmål and "no"', () => {
    expect(langFromAcceptLanguage('nn-NO,nn;q=0.9')).toBe('nn');
    expect(langFromAcceptLanguage('en-GB,en;q=0.5,nb;q=0.8')).toBe('en');
    expect(langFromAcceptLanguage('de,no;q=0.5')).toBe('nb');
    expect(langFromAcceptLanguage('fr')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { buildIcs, escapeText, foldLine } from './calendar.ics.ts';
import { parseIcs, prop, unescapeText } from './ics-parser.test-helper.ts';

describe('iCalendar writer (RFC 5545)', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b; c', 'a\\, b\\; c'],
    ['line one\nline two', 'line one\\nline two'],
    ['windows\r\nbreak', 'windows\\nbreak'],
    ['back\\slash', 'back\\\\slash'],
    ['æøå – ÆØÅ', 'æøå – ÆØÅ'],
  ])('escapes %j as %j and reads back', (text, escaped) => {
    expect(escapeText(text)).toBe(escaped);
    expect(unescapeText(escapeText(text))).toBe(text.replace(/\r\n/g, '\n'));
  });

  it('folds at 75 octets, counting UTF-8 bytes, and never splits a character', () => {
    const line = `SUMMARY:${'å'.repeat(100)}`; // 8 + 200 octets
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(2);
    for (const [i, p] of physical.entries()) {
      expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
      if (i > 0) expect(p.startsWith(' ')).toBe(true);
    }
    // The first line holds 8 ASCII octets + 33 two-octet letters = 74; a 34th would make 76.
    expect(Buffer.byteLength(physical[0]!, 'utf8')).toBe(74);
    expect(physical.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:line')).toBe('SHORT:line');
    // Exactly 75 octets stays on one line; 76 folds.
    expect(foldLine(`X:${'a'.repeat(73)}`)).not.toContain('\r\n');
    expect(foldLine(`X:${'a'.repeat(74)}`)).toContain('\r\n ');
    // Three- and four-octet characters too.
    for (const p of foldLine(`DESCRIPTION:${'–€😀'.repeat(40)}`).split('\r\n'))
      expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('writes a calendar a strict parser reads back, with all-day events', () => {
    const description =
      'Søknaden må være hos Lotteri- og stiftelsestilsynet, senest 1. september; se regelen.\nNy linje: «sitat» – og æøå.';
    const ics = buildIcs({
      prodId: '-//Frivillig//Arshjul 1.0//NO',
      name: 'Årshjul – Sjakklubben, Bergen; avd. 2',
      description: 'Frister',
      stamp: new Date('2025-08-18T06:30:15.123Z'),
      events: [
        {
          uid: 'momskompensasjon:2024.3b1f@frivillig.example',
          date: '2024-09-02',
          summary: 'Søknadsfrist for momskompensasjon',
          description,
          url: 'https://frivillig.example/arbeidsrom/x/arshjul',
          categories: 'Frist',
        },
        { uid: 'arsmote:2025.3b1f@frivillig.example', date: '2025-12-31', summary: 'Siste frist for årsmøtet', description: 'x' },
      ],
    });
    expect(ics).not.toMatch(/[^\r]\n/);
    const cal = parseIcs(ics);
    expect(prop(cal, 'VERSION')?.value).toBe('2.0');
    expect(prop(cal, 'PRODID')?.value).toBe('-//Frivillig//Arshjul 1.0//NO');
    expect(prop(cal, 'CALSCALE')?.value).toBe('GREGORIAN');
    expect(prop(cal, 'METHOD')?.value).toBe('PUBLISH');
    expect(unescapeText(prop(cal, 'X-WR-CALNAME')!.value)).toBe('Årshjul – Sjakklubben, Bergen; avd. 2');
    const [first, second] = cal.components;
    expect(first!.type).toBe('VEVENT');
    expect(prop(first!, 'UID')?.value).toBe('momskompensasjon:2024.3b1f@frivillig.example');
    expect(prop(first!, 'DTSTAMP')?.value).toBe('20250818T063015Z');
    expect(prop(first!, 'DTSTART')).toEqual({ name: 'DTSTART', params: { VALUE: 'DATE' }, value: '20240902' });
    expect(prop(first!, 'DTEND')).toEqual({ name: 'DTEND', params: { VALUE: 'DATE' }, value: '20240903' });
    expect(unescapeText(prop(first!, 'SUMMARY')!.value)).toBe('Søknadsfrist for momskompensasjon');
    expect(unescapeText(prop(first!, 'DESCRIPTION')!.value)).toBe(description);
    expect(prop(first!, 'URL')?.value).toBe('https://frivillig.example/arbeidsrom/x/arshjul');
    // The year turns over in DTEND.
    expect(prop(second!, 'DTEND')?.value).toBe('20260101');
  });
});

import { describe, expect, it } from 'vitest';
import { ALL_CANONICAL_TASK_IDS } from '../life-event-map/life-event-map.content.ts';
import { adviseRegistration, answersToQuery, firstUnanswered, type GuideAnswers, headline, readAnswers } from './registration-guide.ts';

type Row = [string, Required<GuideAnswers>, { er: string; frr: string; head: string; reasons: string[]; also: string[] }];

/** One row per rule of the guide (registration-guide.ts; brief §2.1, §4.1, §5.1, §5.2). */
const cases: Row[] = [
  [
    'nothing needs it: registration is a right, not a duty',
    { bankkonto: 'nei', midler: 'nei', ansatte: 'nei', salg: 'nei' },
    { er: 'not-yet', frr: 'not-yet', head: 'not-yet', reasons: [], also: [] },
  ],
  [
    'a bank account needs an organisasjonsnummer (Enhetsregisteret only)',
    { bankkonto: 'ja', midler: 'nei', ansatte: 'nei', salg: 'nei' },
    { er: 'needed', frr: 'not-yet', head: 'enhetsregisteret', reasons: ['bankkonto'], also: [] },
  ],
  [
    'grants, momskompensasjon and grasrot need Frivillighetsregisteret, which needs Enhetsregisteret',
    { bankkonto: 'nei', midler: 'ja', ansatte: 'nei', salg: 'nei' },
    { er: 'needed', frr: 'needed', head: 'both', reasons: ['midler'], also: [] },
  ],
  [
    'employees need Enhetsregisteret and registration as employer',
    { bankkonto: 'nei', midler: 'nei', ansatte: 'ja', salg: 'nei' },
    { er: 'needed', frr: 'not-yet', head: 'enhetsregisteret', reasons: ['ansatte'], also: ['arbeidsgiver'] },
  ],
  [
    'selling only may need registering (above the VAT threshold), and Foretaksregisteret only for a business',
    { bankkonto: 'nei', midler: 'nei', ansatte: 'nei', salg: 'ja' },
    { er: 'maybe', frr: 'not-yet', head: 'maybe', reasons: ['salg'], also: ['mva', 'foretaksregisteret'] },
  ],
  [
    '"don\'t know" is something to find out, not a need',
    { bankkonto: 'vet-ikke', midler: 'vet-ikke', ansatte: 'nei', salg: 'nei' },
    { er: 'maybe', frr: 'maybe', head: 'maybe', reasons: ['bankkonto', 'midler'], also: [] },
  ],
  [
    'everything at once',
    { bankkonto: 'ja', midler: 'ja', ansatte: 'ja', salg: 'ja' },
    {
      er: 'needed',
      frr: 'needed',
      head: 'both',
      reasons: ['bankkonto', 'midler', 'ansatte', 'salg'],
      also: ['arbeidsgiver', 'mva', 'foretaksregisteret'],
    },
  ],
];

describe('adviseRegistration', () => {
  it.each(cases)('%s', (_name, answers, expected) => {
    const advice = adviseRegistration(answers);
    expect(advice.enhetsregisteret).toBe(expected.er);
    expect(advice.frivillighetsregisteret).toBe(expected.frr);
    expect(headline(advice)).toBe(expected.head);
    expect(advice.reasons.map((r) => r.id)).toEqual(expected.reasons);
    expect(advice.alsoConsider).toEqual(expected.also);
  });

  it('a "yes" is a reason, a "don\'t know" is marked uncertain', () => {
    const advice = adviseRegistration({ bankkonto: 'ja', midler: 'vet-ikke', ansatte: 'nei', salg: 'nei' });
    expect(advice.reasons.map((r) => [r.id, r.certain])).toEqual([
      ['bankkonto', true],
      ['midler', false],
    ]);
  });

  it('links every reason to tasks that exist on the life-event map', () => {
    const advice = adviseRegistration({ bankkonto: 'ja', midler: 'ja', ansatte: 'ja', salg: 'ja' });
    for (const id of advice.reasons.flatMap((r) => r.tasks)) expect(ALL_CANONICAL_TASK_IDS).toContain(id);
  });
});

describe('answers in the query string', () => {
  it('reads only known answers, and finds the first question not answered', () => {
    const answers = readAnswers({ bankkonto: 'ja', midler: 'kanskje', ansatte: 'nei', annet: 'x' });
    expect(answers).toEqual({ bankkonto: 'ja', ansatte: 'nei' });
    expect(firstUnanswered(answers)).toBe('midler');
    expect(firstUnanswered(answers, 1)).toBeNull();
    expect(answersToQuery(answers, { endre: '1' })).toBe('?bankkonto=ja&ansatte=nei&endre=1');
    expect(answersToQuery({})).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { LOVNORM_DEFAULTS } from '../statutes/statutes.answers.ts';
import {
  accountsRule,
  annualMeetingRule,
  type CalendarFacts,
  type CalendarStatutes,
  type Deadline,
  deadlinesBetween,
  dissolutionTimeline,
  grasrotRule,
  momskompensasjonDeadline,
  momskompensasjonRule,
  politiattestRule,
  type RuleInput,
  registerUpdateRule,
  upcomingDeadlines,
} from './calendar.rules.ts';

/** A registered, running organisation on the lovnorm defaults, founded long ago; tests change one thing each. */
function facts(overrides: Partial<{ [K in keyof CalendarFacts]: CalendarFacts[K]['value'] }> = {}): CalendarFacts {
  const base: CalendarFacts = {
    phase: { value: 3, source: 'workspace' },
    registered: { value: true, source: 'enhetsregisteret' },
    foundedOn: { value: '2010-05-04', source: 'enhetsregisteret' },
    deleted: { value: false, source: 'enhetsregisteret' },
    inFrivillighetsregisteret: { value: true, source: 'frivillighetsregisteret' },
    wantsFrivillighetsregisteret: { value: false, source: 'default' },
    grasrotandel: { value: false, source: 'frivillighetsregisteret' },
    umbrellaMomsDeadline: { value: null, source: 'default' },
    accountsReportingTakenOn: { value: false, source: 'default' },
    politiattester: { value: [], source: 'default' },
    dissolutionDecidedOn: { value: null, source: 'default' },
  };
  for (const [key, value] of Object.entries(overrides)) {
    (base as unknown as Record<string, { value: unknown; source: string }>)[key] = { value, source: 'declared' };
  }
  return base;
}

const lovnorm: CalendarStatutes = {
  source: 'default',
  version: null,
  annualMeeting: { ...LOVNORM_DEFAULTS.annualMeeting },
  audit: LOVNORM_DEFAULTS.audit,
  dissolutionRequiresSecondMeeting: true,
};

function statutes(
  overrides: Partial<CalendarStatutes['annualMeeting']> & { audit?: CalendarStatutes['audit']; secondMeeting?: boolean } = {},
) {
  const { audit, secondMeeting, ...meeting } = overrides;
  return {
    source: 'statutes',
    version: 2,
    annualMeeting: { ...lovnorm.annualMeeting, ...meeting },
    audit: audit ?? 'elected',
    dissolutionRequiresSecondMeeting: secondMeeting ?? true,
  } satisfies CalendarStatutes;
}

const input = (f: CalendarFacts = facts(), s: CalendarStatutes = lovnorm, today = '2025-01-10'): RuleInput => ({
  facts: f,
  statutes: s,
  today,
});
const dates = (ds: Deadline[]) => Object.fromEntries(ds.map((d) => [d.rule, d.date]));

describe('årsmøte rule (brief §5.4)', () => {
  it.each([
    [
      'lovnorm defaults',
      lovnorm,
      { arsmote: '2025-03-31', 'arsmote-innkalling': '2025-03-01', 'arsmote-forslag': '2025-03-17', 'arsmote-sakspapirer': '2025-03-24' },
    ],
    [
      'by 30 June, 4 weeks notice, 21 days proposals, 14 days papers',
      statutes({ deadlineMonth: 6, deadlineDay: 30, noticeDays: 28, proposalsDays: 21, papersDays: 14 }),
      { arsmote: '2025-06-30', 'arsmote-innkalling': '2025-06-02', 'arsmote-forslag': '2025-06-09', 'arsmote-sakspapirer': '2025-06-16' },
    ],
    [
      'by "31 February" means the last day of February; no proposals deadline when 0 days',
      statutes({ deadlineMonth: 2, deadlineDay: 31, noticeDays: 14, proposalsDays: 0, papersDays: 7 }),
      { arsmote: '2025-02-28', 'arsmote-innkalling': '2025-02-14', 'arsmote-sakspapirer': '2025-02-21' },
    ],
  ])('%s', (_name, s, expected) => {
    const out = annualMeetingRule(input(facts(), s), 2025);
    expect(dates(out)).toEqual(expected);
    expect(out[0]!.window).toEqual({ from: '2025-01-01', to: expected.arsmote });
    expect(out.every((d) => d.taskId === 'hold-arsmote')).toBe(true);
  });

  it('cites the statutes, or the lovnorm as the default, and names the source of the meeting rules', () => {
    const own = annualMeetingRule(input(facts(), statutes()), 2025)[0]!;
    expect(own.citation.key).toBe('calendar.cite.statutes');
    expect(own.inputs).toContainEqual({ name: 'annualMeeting', source: 'statutes' });
    const fallback = annualMeetingRule(input(), 2025)[0]!;
    expect(fallback.citation.key).toBe('calendar.cite.lovnorm');
    expect(fallback.inputs).toContainEqual({ name: 'annualMeeting', source: 'default' });
    expect(fallback.inputs).toContainEqual({ name: 'foundedOn', source: 'enhetsregisteret' });
  });

  it.each([
    ['an idea (phase 1, not founded)', facts({ phase: 1, registered: false, foundedOn: null }), 2025, false],
    ['starting, no founding meeting yet', facts({ phase: 2, registered: false, foundedOn: null }), 2025, false],
    [
      'founded in October 2024 holds its first årsmøte in 2025',
      facts({ phase: 2, registered: false, foundedOn: '2024-10-02' }),
      2025,
      true,
    ],
    ['founded in February 2025 has none in 2025 (the founding meeting was this year)', facts({ foundedOn: '2025-02-01' }), 2025, false],
    ['… and its first in 2026', facts({ foundedOn: '2025-02-01' }), 2026, true],
    ['registered, founding date unknown', facts({ foundedOn: null }), 2025, true],
    ['deleted from Enhetsregisteret', facts({ deleted: true }), 2025, false],
  ])('%s', (_name, f, year, expected) => {
    expect(annualMeetingRule(input(f), year).length > 0).toBe(expected);
  });
});

describe('accounts rule (brief §5.4, §5.5)', () => {
  it.each([
    ['audited by an elected auditor', statutes({ audit: 'elected' }), 'calendar.rule.arsregnskap.titleAudited'],
    ['a state-authorised auditor', statutes({ audit: 'registered-auditor' }), 'calendar.rule.arsregnskap.titleAudited'],
    ['no audit in the statutes', statutes({ audit: 'none' }), 'calendar.rule.arsregnskap.title'],
  ])('accounts ready with the papers, %s', (_name, s, titleKey) => {
    const [accounts] = accountsRule(input(facts(), s), 2025);
    expect(accounts).toMatchObject({ date: '2025-03-24', titleKey, taskId: 'bokforing-og-regnskap', params: { accountsYear: 2024 } });
  });

  it.each([
    [false, undefined],
    [true, '2025-04-30'],
  ])('RR-0009 filing when reporting is taken on = %s → %s (a recommendation, not a verified deadline)', (takenOn, expected) => {
    const out = accountsRule(input(facts({ accountsReportingTakenOn: takenOn })), 2025);
    const rr = out.find((d) => d.rule === 'regnskapsregisteret');
    expect(rr?.date).toBe(expected);
    if (rr) expect(rr).toMatchObject({ kind: 'recommendation', taskId: 'send-arsregnskap-regnskapsregisteret' });
  });
});

describe('register update after the årsmøte (brief §4.2)', () => {
  it.each([
    ['registered, lovnorm', facts(), lovnorm, '2025-04-28'],
    ['registered, årsmøte by 15 May', facts(), statutes({ deadlineMonth: 5, deadlineDay: 15 }), '2025-06-12'],
    ['not registered yet', facts({ registered: false, foundedOn: '2020-01-01' }), lovnorm, undefined],
  ])('%s → %s', (_name, f, s, expected) => {
    const [update] = registerUpdateRule(input(f, s), 2025);
    expect(update?.date).toBe(expected);
    if (update) expect(update).toMatchObject({ kind: 'recommendation', taskId: 'oppdater-register-etter-arsmote' });
  });
});

describe('momskompensasjon (brief §5.1, forskrift 23.10.2018 nr. 1600)', () => {
  it.each([
    [2024, '2024-09-02'], // Sunday
    [2025, '2025-09-01'], // Monday
    [2026, '2026-09-01'], // Tuesday
    [2029, '2029-09-03'], // Saturday
    [2030, '2030-09-02'], // Sunday
    [2035, '2035-09-03'], // Saturday
  ])('1 September %i → %s', (year, expected) => {
    expect(momskompensasjonDeadline(year)).toBe(expected);
  });

  it('explains a moved deadline', () => {
    expect(momskompensasjonRule(input(), 2024)[0]!.whyKey).toBe('calendar.rule.momskompensasjon.whyMoved');
    expect(momskompensasjonRule(input(), 2025)[0]!.whyKey).toBe('calendar.rule.momskompensasjon.why');
  });

  it.each([
    ['in FRR', facts(), ['momskompensasjon']],
    [
      'wants FRR but not in it: FRR registration is due by the same date',
      facts({ inFrivillighetsregisteret: false, wantsFrivillighetsregisteret: true }),
      ['momskompensasjon', 'momskompensasjon-frr'],
    ],
    ['neither in nor wanting FRR', facts({ inFrivillighetsregisteret: false }), []],
    ['an idea', facts({ phase: 1, registered: false, foundedOn: null, wantsFrivillighetsregisteret: true }), []],
    ['deleted', facts({ deleted: true }), []],
    [
      'umbrella body’s internal deadline every 15 June',
      facts({ umbrellaMomsDeadline: { month: 6, day: 15 } }),
      ['momskompensasjon', 'momskompensasjon-paraply'],
    ],
    ['umbrella deadline given for another year only', facts({ umbrellaMomsDeadline: { date: '2026-06-01' } }), ['momskompensasjon']],
  ])('%s', (_name, f, rules) => {
    const out = momskompensasjonRule(input(f), 2025);
    expect(out.map((d) => d.rule)).toEqual(rules);
    const frr = out.find((d) => d.rule === 'momskompensasjon-frr');
    if (frr) expect(frr).toMatchObject({ date: '2025-09-01', taskId: 'registrer-frivillighetsregisteret' });
    const umbrella = out.find((d) => d.rule === 'momskompensasjon-paraply');
    if (umbrella) expect(umbrella).toMatchObject({ date: '2025-06-15', params: { deadlineDate: '2025-09-01' } });
  });
});

describe('grasrot payouts (brief §5.2)', () => {
  it.each([
    [true, ['2025-01-01', '2025-05-01', '2025-09-01']],
    [false, []],
  ])('grasrotandel %s → %j', (grasrot, expected) => {
    const out = grasrotRule(input(facts({ grasrotandel: grasrot })), 2025);
    expect(out.map((d) => d.date)).toEqual(expected);
    expect(out.every((d) => d.kind === 'payout' && d.taskId === 'meld-grasrotandel')).toBe(true);
  });
});

describe('politiattest renewals (brief §5.6)', () => {
  it.each([
    [[{ key: 'a', label: 'Trener G12', shownOn: '2022-03-15' }], 2025, ['2025-03-15']],
    [[{ key: 'a', label: 'Trener G12', shownOn: '2022-03-15' }], 2026, []],
    [
      [
        { key: 'a', label: 'Leirleder', shownOn: '2022-02-28' },
        { key: 'b', label: 'Trener', shownOn: '2023-05-01' },
      ],
      2025,
      ['2025-02-28'],
    ],
    [[], 2025, []],
  ])('%j in %i → %j', (attester, year, expected) => {
    const out = politiattestRule(input(facts({ politiattester: attester })), year);
    expect(out.map((d) => d.date)).toEqual(expected);
    for (const d of out) expect(d).toMatchObject({ kind: 'recommendation', taskId: 'politiattest' });
  });

  it('keeps ids stable and distinct per attest, even for the same role on the same day', () => {
    const out = politiattestRule(
      input(
        facts({
          politiattester: [
            { key: 'c1', label: 'Trener G12', shownOn: '2022-03-15' },
            { key: 'c2', label: 'Trener G12', shownOn: '2022-03-15' },
          ],
        }),
      ),
      2025,
    );
    expect(out.map((d) => d.id)).toEqual(['politiattest:c1:2025-03-15', 'politiattest:c2:2025-03-15']);
    expect(out[0]!.params).toMatchObject({ label: 'Trener G12', shownOnDate: '2022-03-15', years: 3 });
  });
});

describe('dissolution timeline (brief §4.3, §5.7)', () => {
  it.each([
    [
      'decided 10 March 2025, two meetings',
      facts({ phase: 6, dissolutionDecidedOn: '2025-03-10' }),
      lovnorm,
      { 'opplosning-ekstraordinaert': '2025-06-10', 'opplosning-sletting': '2025-07-08' },
      'recommendation',
    ],
    [
      'decided, statutes need one meeting only',
      facts({ phase: 6, dissolutionDecidedOn: '2025-03-10' }),
      statutes({ secondMeeting: false }),
      { 'opplosning-sletting': '2025-04-07' },
      'recommendation',
    ],
    [
      'no decision yet: estimated from the next årsmøte deadline',
      facts({ phase: 6 }),
      lovnorm,
      { 'opplosning-vedtak': '2025-03-31', 'opplosning-ekstraordinaert': '2025-06-30', 'opplosning-sletting': '2025-07-28' },
      'estimate',
    ],
    ['not in phase 6', facts({ phase: 3 }), lovnorm, {}, 'estimate'],
  ])('%s', (_name, f, s, expected, kind) => {
    const out = dissolutionTimeline(input(f, s, '2025-01-10'));
    expect(dates(out)).toEqual(expected);
    for (const d of out) expect(d.kind).toBe(kind);
  });

  it('after this year’s årsmøte deadline, the estimate moves to next year', () => {
    const out = dissolutionTimeline(input(facts({ phase: 6 }), lovnorm, '2025-04-01'));
    expect(out[0]).toMatchObject({ rule: 'opplosning-vedtak', date: '2026-03-31' });
  });
});

describe('the coming twelve months', () => {
  it('lists every deadline from today, sorted, across the new year', () => {
    const out = upcomingDeadlines(input(facts({ grasrotandel: true }), lovnorm, '2025-08-20'));
    expect(out.map((d) => `${d.date} ${d.rule}`)).toEqual([
      '2025-09-01 momskompensasjon',
      '2025-09-01 grasrot-utbetaling',
      '2026-01-01 grasrot-utbetaling',
      '2026-03-01 arsmote-innkalling',
      '2026-03-17 arsmote-forslag',
      '2026-03-24 arsmote-sakspapirer',
      '2026-03-24 arsregnskap',
      '2026-03-31 arsmote',
      '2026-04-28 registeroppdatering',
      '2026-05-01 grasrot-utbetaling',
    ]);
    expect(new Set(out.map((d) => d.id)).size).toBe(out.length);
  });

  it('changes when the facts change (FRR registration appears in the register)', () => {
    const before = upcomingDeadlines(
      input(facts({ inFrivillighetsregisteret: false, wantsFrivillighetsregisteret: true }), lovnorm, '2025-06-01'),
    );
    const after = upcomingDeadlines(input(facts({ inFrivillighetsregisteret: true }), lovnorm, '2025-06-01'));
    expect(before.map((d) => d.rule)).toContain('momskompensasjon-frr');
    expect(after.map((d) => d.rule)).not.toContain('momskompensasjon-frr');
  });

  it('changes when the statutes change (årsmøte by 30 June)', () => {
    const before = deadlinesBetween(input(), { from: '2025-01-01', to: '2026-01-01' }).find((d) => d.rule === 'arsmote');
    const after = deadlinesBetween(input(facts(), statutes({ deadlineMonth: 6, deadlineDay: 30 })), {
      from: '2025-01-01',
      to: '2026-01-01',
    }).find((d) => d.rule === 'arsmote');
    expect(before?.date).toBe('2025-03-31');
    expect(after?.date).toBe('2025-06-30');
  });

  it('has nothing for an idea that wants nothing yet', () => {
    expect(upcomingDeadlines(input(facts({ phase: 1, registered: false, foundedOn: null, inFrivillighetsregisteret: false })))).toEqual([]);
  });
});

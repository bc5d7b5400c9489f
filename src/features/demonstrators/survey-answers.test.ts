import { describe, expect, it } from 'vitest';
import type { SurveyQuestion } from '../../core/db/schema.ts';
import { aggregate, checkAnswers, DECISION_STAGE } from './demonstrators.domain.ts';
import { experimentFormSchema, surveyFormSchema } from './demonstrators.schema.ts';

const questions: SurveyQuestion[] = [
  { kind: 'scale', prompt: 'Hvor nyttig?' },
  { kind: 'text', prompt: 'Hva savnet dere?' },
];

describe('checkAnswers', () => {
  const cases: { name: string; raw: Record<string, string>; ok: boolean; errors?: string[] }[] = [
    { name: 'a scale answer and text', raw: { q0: '4', q1: 'Mer tid' }, ok: true },
    { name: 'empty free text is allowed', raw: { q0: '1', q1: '' }, ok: true },
    { name: 'a missing scale answer', raw: { q1: 'x' }, ok: false, errors: ['q0'] },
    { name: 'a scale answer out of range', raw: { q0: '6', q1: '' }, ok: false, errors: ['q0'] },
    { name: 'a decimal scale answer', raw: { q0: '2.5', q1: '' }, ok: false, errors: ['q0'] },
    { name: 'too long free text', raw: { q0: '3', q1: 'x'.repeat(2001) }, ok: false, errors: ['q1'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = checkAnswers(questions, c.raw);
      if (c.ok) expect(result).toHaveProperty('answers');
      else expect(Object.keys((result as { errors: Record<string, string> }).errors)).toEqual(c.errors);
    });
  }
});

describe('aggregate', () => {
  it('counts each scale value, rounds the mean to one decimal, keeps non-empty texts', () => {
    const [scale, text] = aggregate(questions, [{ answers: [4, 'Mal'] }, { answers: [5, ''] }, { answers: [2, 'Tid'] }]);
    expect(scale).toMatchObject({ distribution: [0, 1, 0, 1, 1], mean: 3.7 });
    expect(text!.texts).toEqual(['Mal', 'Tid']);
  });
  it('has no mean without answers', () => {
    expect(aggregate(questions, [])[0]!.mean).toBeNull();
  });
});

describe('forms', () => {
  it('a decision moves the initiative: scale → skalering, adjust → utforsking, stop → stoppet', () => {
    expect(DECISION_STAGE).toEqual({ scale: 'scaling', adjust: 'exploration', stop: 'stopped' });
  });
  it('metrics: blank rows are dropped, a name without a target is refused', () => {
    const base = {
      initiativeId: '00000000-0000-4000-8000-000000000000',
      hypothesis: 'Hvis vi gjør dette, så skjer det.',
      startDate: '2026-01-01',
      endDate: '2026-02-01',
    };
    const ok = experimentFormSchema.safeParse({ ...base, metricName: ['A', ''], metricTarget: ['10', ''] });
    expect(ok.success && ok.data.metrics).toEqual([{ name: 'A', target: '10', outcome: '' }]);
    expect(experimentFormSchema.safeParse({ ...base, metricName: ['A'], metricTarget: [''] }).success).toBe(false);
    expect(experimentFormSchema.safeParse({ ...base, endDate: '2025-12-31', metricName: 'A', metricTarget: '1' }).success).toBe(false);
  });
  it('surveys take one to five questions', () => {
    expect(surveyFormSchema.safeParse({ title: 'Runde 1', questionPrompt: 'Hvordan gikk det?', questionKind: 'scale' }).success).toBe(true);
    expect(
      surveyFormSchema.safeParse({ title: 'Runde 1', questionPrompt: Array(6).fill('Q?'), questionKind: Array(6).fill('text') }).success,
    ).toBe(false);
    expect(surveyFormSchema.safeParse({ title: 'Runde 1', questionPrompt: 'Q?', questionKind: 'multiple' }).success).toBe(false);
  });
});

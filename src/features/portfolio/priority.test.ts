import { describe, expect, it } from 'vitest';
import { PRIORITY_WEIGHTS, type PriorityInputs, priorityScore } from './priority.ts';

describe('priorityScore', () => {
  const cases: { name: string; inputs: PriorityInputs; expected: number }[] = [
    { name: 'nothing linked, no support', inputs: { needCounts: [], supports: 0, gains: 0, phases: 0 }, expected: 0 },
    { name: 'one phase only', inputs: { needCounts: [], supports: 0, gains: 0, phases: 1 }, expected: 1 },
    { name: 'one gain, one phase', inputs: { needCounts: [], supports: 0, gains: 1, phases: 1 }, expected: 3 },
    { name: 'one need held by four', inputs: { needCounts: [4], supports: 0, gains: 0, phases: 1 }, expected: 13 },
    { name: 'two needs add up', inputs: { needCounts: [4, 2], supports: 0, gains: 0, phases: 0 }, expected: 18 },
    { name: 'supports count double', inputs: { needCounts: [], supports: 5, gains: 0, phases: 0 }, expected: 10 },
    { name: 'all terms', inputs: { needCounts: [3, 1], supports: 2, gains: 2, phases: 3 }, expected: 12 + 4 + 4 + 3 },
    { name: 'negative inputs never lower the score', inputs: { needCounts: [-2], supports: -1, gains: 0, phases: 0 }, expected: 0 },
  ];
  for (const c of cases) {
    it(`${c.name} → ${c.expected}`, () => {
      expect(priorityScore(c.inputs)).toBe(c.expected);
    });
  }

  it('uses the weights the page prints', () => {
    expect(PRIORITY_WEIGHTS).toEqual({ needHolders: 3, supports: 2, gains: 2, phases: 1 });
  });
});

/**
 * The portfolio's priority score (issue 5, item 5: "a priority score whose formula is shown"). One function,
 * one set of weights; the portfolio page prints the formula from these same weights, so the page and the
 * numbers cannot disagree.
 *
 *   priority = 3 × (organisations and actors that have the linked needs)
 *            + 2 × (supports)
 *            + 2 × (gains served)
 *            + 1 × (phases served)
 *
 * Why these terms: needs shared by many ("we have this too") are the strongest evidence of value (the
 * building blocks exist to lift them); supports are the co-creators' voice; serving more of the four gains and
 * more phases of the life event widens the effect. Each linked need counts once, through its duplicate group.
 */
export const PRIORITY_WEIGHTS = { needHolders: 3, supports: 2, gains: 2, phases: 1 } as const;

export interface PriorityInputs {
  /** For each linked need (grouped duplicates count once): how many organisations and actors have it. */
  needCounts: readonly number[];
  supports: number;
  gains: number;
  phases: number;
}

export function priorityScore(i: PriorityInputs): number {
  const needHolders = i.needCounts.reduce((sum, n) => sum + Math.max(0, n), 0);
  return (
    PRIORITY_WEIGHTS.needHolders * needHolders +
    PRIORITY_WEIGHTS.supports * Math.max(0, i.supports) +
    PRIORITY_WEIGHTS.gains * Math.max(0, i.gains) +
    PRIORITY_WEIGHTS.phases * Math.max(0, i.phases)
  );
}

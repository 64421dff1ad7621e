import type { Candidate, RankInput, Ranking, Strategy } from './strategy.js';
import { rankByScore } from './strategy.js';

/**
 * Each candidate's load: open leads over capacity, in the candidates' order. A member without a
 * capacity is measured against the largest capacity among the candidates, so they are neither
 * favoured nor starved.
 */
export function loadRatios(candidates: readonly Candidate[]): number[] {
  let largest = 0;
  for (const c of candidates) if (c.rep.maxOpen !== null && c.rep.maxOpen > largest) largest = c.rep.maxOpen;
  return candidates.map((c) => {
    const capacity = c.rep.maxOpen ?? (largest || 1);
    return capacity > 0 ? c.rep.open / capacity : 1;
  });
}

/** Lowest load first; among equals, fewer open leads, then the one who waited longest. */
export const loadBalanced: Strategy = {
  rank({ eligible }: RankInput): Ranking {
    const ratios = loadRatios(eligible);
    // The open count breaks ties between equal ratios at a millionth of a point, below any real difference.
    return rankByScore(eligible, (c, i) => 1 - ratios[i]! - c.rep.open * 1e-6);
  },
};

import type { Candidate } from './strategy.js';

/**
 * Conversion rates smoothed towards the pool's rate with a beta prior of `priorWeight` imaginary
 * outcomes: a new rep starts at the pool's rate instead of zero, and a short lucky streak moves
 * the estimate only a little. Returned in the candidates' order.
 */
export function smoothedRates(candidates: readonly Candidate[], priorWeight: number): number[] {
  let won = 0;
  let closed = 0;
  for (const c of candidates) {
    won += c.rep.won;
    closed += c.rep.won + c.rep.lost;
  }
  const poolRate = closed > 0 ? won / closed : 0.5;
  return candidates.map((c) => {
    const n = c.rep.won + c.rep.lost;
    return n + priorWeight > 0 ? (c.rep.won + priorWeight * poolRate) / (n + priorWeight) : poolRate;
  });
}

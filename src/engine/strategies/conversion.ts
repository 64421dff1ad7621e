import type { Candidate } from './strategy.js';

/**
 * Conversion rate smoothed towards the pool's rate with a beta prior of `priorWeight` imaginary
 * outcomes: a new rep starts at the pool's rate instead of zero, and a short lucky streak moves
 * the estimate only a little.
 */
export function smoothedRates(candidates: readonly Candidate[], priorWeight: number): Map<Candidate, number> {
  let won = 0;
  let closed = 0;
  for (const c of candidates) {
    won += c.rep.won;
    closed += c.rep.won + c.rep.lost;
  }
  const poolRate = closed > 0 ? won / closed : 0.5;
  const rates = new Map<Candidate, number>();
  for (const c of candidates) {
    const n = c.rep.won + c.rep.lost;
    rates.set(c, n + priorWeight > 0 ? (c.rep.won + priorWeight * poolRate) / (n + priorWeight) : poolRate);
  }
  return rates;
}

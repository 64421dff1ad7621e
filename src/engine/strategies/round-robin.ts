import type { StrategyState } from '../model.js';
import { sortedPositions, type Ranking, type RankInput, type Strategy } from './strategy.js';

/** Float sums of weight fractions carry rounding dust; this absorbs it. */
const EPSILON = 1e-9;

/**
 * Weighted, count-based round robin. A member's credit is how many leads the rotation owes it.
 * Each lead, the members who can take it earn their weight's share of that one lead, and the
 * member who takes it pays one lead back, so credits always sum to what is owed to absentees.
 *
 * Among members owed something, the one that would soonest fall a whole lead behind goes first
 * (earliest deadline first over proportional-fair windows). With everyone eligible this keeps
 * every member's count within one lead of its weight share at every point of a run — picking
 * the largest credit instead can stray further.
 *
 * With `whenSkipped: keep-share` a member passed over while unavailable (offline, out of hours,
 * out of office) also earns the share it would have had, up to `maxOwed` leads, and catches up
 * on return; with `forfeit` it does not. Members excluded for other reasons (busy at capacity,
 * a missing skill, an earlier rejection of this lead) never earn.
 */
export const roundRobin: Strategy = {
  rank({ eligible, skipped, state, options }: RankInput): Ranking {
    const next: StrategyState = state ? { ...state } : {};
    let present = 0;
    for (const c of eligible) present += c.weight;
    const credit = eligible.map((c) => (next[c.rep.id] = (next[c.rep.id] ?? 0) + c.weight / present));
    if (options.whenSkipped === 'keep-share' && skipped.length > 0) {
      let everyone = present;
      for (const c of skipped) everyone += c.weight;
      for (const c of skipped) next[c.rep.id] = Math.min(options.maxOwed, (next[c.rep.id] ?? 0) + c.weight / everyone);
    }
    // Leads until the member is a whole lead behind; members owed nothing wait behind the rest.
    const due = eligible.map((c, i) =>
      credit[i]! > EPSILON ? Math.ceil(((1 - credit[i]!) * present) / c.weight - EPSILON) : Number.POSITIVE_INFINITY,
    );
    const moreOwed = (a: number, b: number) => (Math.abs(credit[b]! - credit[a]!) > EPSILON ? credit[b]! - credit[a]! : 0);
    const order = sortedPositions(
      eligible.length,
      (a, b) => due[a]! - due[b]! || moreOwed(a, b) || eligible[b]!.weight - eligible[a]!.weight || eligible[a]!.order - eligible[b]!.order,
    );
    next[eligible[order[0]!]!.rep.id]! -= 1;
    return { order, scores: credit, state: next };
  },
};

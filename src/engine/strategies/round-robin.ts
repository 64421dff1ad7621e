import type { StrategyState } from '../model.js';
import type { Candidate, Ranking, RankInput, Strategy } from './strategy.js';

/**
 * Weighted, count-based round robin (smooth weighted round robin). Every lead, each member in
 * the rotation earns credit equal to its weight; the member with the most credit takes the
 * lead and pays back the rotation's total weight. Over any run each member's count tracks its
 * weight share within one lead.
 *
 * With `whenSkipped: keep-share` a member who is away, busy or out of hours keeps earning, so
 * they catch up on return; with `forfeit` only the members who could take the lead earn.
 * Members excluded for this lead only (a missing skill, an earlier rejection) never earn.
 */
export const roundRobin: Strategy = {
  rank({ eligible, skipped, state, options }: RankInput): Ranking {
    const earning = options.whenSkipped === 'keep-share' && skipped.length > 0 ? [...eligible, ...skipped] : eligible;
    const next: StrategyState = {};
    let total = 0;
    for (const c of earning) {
      next[c.rep.id] = (state?.[c.rep.id] ?? 0) + c.weight;
      total += c.weight;
    }
    const order = [...eligible].sort(
      (a, b) => next[b.rep.id]! - next[a.rep.id]! || b.weight - a.weight || a.order - b.order,
    );
    const scores = order.map((c: Candidate) => next[c.rep.id]!);
    next[order[0]!.rep.id]! -= total;
    // Members who neither earned nor took keep their credit as it was.
    if (state) for (const [id, credit] of Object.entries(state)) if (!(id in next)) next[id] = credit;
    return { order, scores, state: next };
  },
};

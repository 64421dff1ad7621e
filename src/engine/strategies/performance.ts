import type { StrategyState } from '../model.js';
import { smoothedRates } from './conversion.js';
import type { Candidate, RankInput, Ranking, Strategy } from './strategy.js';
import { rankByScore } from './strategy.js';

/** Recent shares decay so that roughly the last WINDOW leads count. */
const WINDOW = 50;
const DECAY = 1 - 1 / WINDOW;

/**
 * Highest smoothed conversion rate first. A member whose recent share of this team's leads has
 * reached `maxShare` goes behind the others, so top performers get more but not everything.
 * The state holds each member's decayed count of recent leads.
 */
export const performance: Strategy = {
  rank({ eligible, state, options }: RankInput): Ranking {
    const rates = smoothedRates(eligible, options.priorWeight);
    let recentTotal = 0;
    for (const c of eligible) recentTotal += state?.[c.rep.id] ?? 0;
    const capped = (c: Candidate) => recentTotal > 0 && (state?.[c.rep.id] ?? 0) / recentTotal >= options.maxShare;
    // Capped members rank after every uncapped one: a rate is at most 1, so 2 separates them.
    const ranking = rankByScore(eligible, (c) => rates.get(c)! - (capped(c) ? 2 : 0));
    const next: StrategyState = {};
    for (const [id, recent] of Object.entries(state ?? {})) next[id] = recent * DECAY;
    const pick = ranking.order[0]!.rep.id;
    next[pick] = (next[pick] ?? 0) + 1;
    return { ...ranking, scores: ranking.order.map((c) => rates.get(c)!), state: next };
  },
};

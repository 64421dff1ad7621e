import type { StrategyState } from '../model.js';
import { smoothedRates } from './conversion.js';
import { sortedPositions, type RankInput, type Ranking, type Strategy } from './strategy.js';

/** Recent shares decay so that roughly the last WINDOW leads count. */
const WINDOW = 50;
const DECAY = 1 - 1 / WINDOW;

/**
 * Highest smoothed conversion rate first. A member whose share of this team's recent leads
 * would pass `maxShare` by taking this one goes behind the others, so top performers get more
 * but not everything. When every member is at the cap, the one furthest below it goes first,
 * so a tight cap spreads leads evenly. The state holds each member's decayed count of recent leads.
 */
export const performance: Strategy = {
  rank({ eligible, state, options }: RankInput): Ranking {
    const rates = smoothedRates(eligible, options.priorWeight);
    let recentTotal = 0;
    for (const c of eligible) recentTotal += state?.[c.rep.id] ?? 0;
    const shareAfter = eligible.map((c) => ((state?.[c.rep.id] ?? 0) + 1) / (recentTotal + 1));
    const over = shareAfter.map((share) => share > options.maxShare);
    // When everyone would pass the cap it cannot hold: it only orders them, furthest below first.
    const capped = over.every(Boolean) ? over.map(() => false) : over;
    const order = sortedPositions(
      eligible.length,
      (a, b) =>
        Number(capped[a]) - Number(capped[b]) ||
        (over[a] ? shareAfter[a]! - shareAfter[b]! : 0) ||
        rates[b]! - rates[a]! ||
        eligible[a]!.rep.lastAssigned - eligible[b]!.rep.lastAssigned ||
        eligible[a]!.order - eligible[b]!.order,
    );
    const next: StrategyState = {};
    for (const [id, recent] of Object.entries(state ?? {})) next[id] = recent * DECAY;
    const pick = eligible[order[0]!]!.rep.id;
    next[pick] = (next[pick] ?? 0) + 1;
    const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
    return {
      order,
      scores: rates,
      notes: capped.map((isCapped, i) => (isCapped ? `share cap: ${percent(shareAfter[i]!)} of recent leads would pass ${percent(options.maxShare)}` : undefined)),
      state: next,
    };
  },
};

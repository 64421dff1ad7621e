import { valueKey } from '../conditions/values.js';
import type { Lead } from '../model.js';
import { smoothedRates } from './conversion.js';
import { loadRatios } from './load-balanced.js';
import type { Candidate, RankInput, Ranking, StrategyOptions, Strategy } from './strategy.js';
import { rankByScore } from './strategy.js';

/**
 * The attributes a lead asks for: the route's required and preferred languages and skills,
 * plus the lead's own language and product.
 */
function wanted(lead: Lead, options: StrategyOptions) {
  const languages = new Set([...options.require.languages, ...options.prefer.languages]);
  const skills = new Set([...options.require.skills, ...options.prefer.skills]);
  const language = valueKey(lead.language);
  const product = valueKey(lead.product);
  if (language) languages.add(language);
  if (product) skills.add(product);
  return { languages, skills, seniority: Math.max(options.require.seniority, options.prefer.seniority) };
}

/** The share of wanted attributes a member has, 0..1; 1 when nothing in particular is wanted. */
function matchOf(c: Candidate, want: ReturnType<typeof wanted>): number {
  let total = 0;
  let met = 0;
  for (const l of want.languages) {
    total++;
    if (c.rep.languages.has(l)) met++;
  }
  for (const s of want.skills) {
    total++;
    if (c.rep.skills.has(s)) met++;
  }
  if (want.seniority > 0) {
    total++;
    met += Math.min(1, c.rep.seniority / want.seniority);
  }
  return total === 0 ? 1 : met / total;
}

/** A weighted score of attribute match, smoothed conversion rate and spare capacity. */
export const bestMatch: Strategy = {
  rank({ eligible, lead, options }: RankInput): Ranking {
    const want = wanted(lead, options);
    const rates = smoothedRates(eligible, options.priorWeight);
    const loads = loadRatios(eligible);
    const { match, performance, load } = options.weights;
    const sum = match + performance + load || 1;
    return rankByScore(eligible, (c, i) => (match * matchOf(c, want) + performance * rates[i]! + load * (1 - Math.min(1, loads[i]!))) / sum);
  },
};

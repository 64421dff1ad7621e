import type { Lead, StrategyState } from '../model.js';
import type { RosterMember } from '../roster.js';
import type { CompiledRequirements } from '../eligibility.js';

export type Candidate = RosterMember;

/** Options of a team route that strategies read; defaults filled in by the schema. */
export interface StrategyOptions {
  readonly whenSkipped: 'keep-share' | 'forfeit';
  /** With keep-share: the most leads the rotation will owe a member who was away. */
  readonly maxOwed: number;
  readonly priorWeight: number;
  readonly maxShare: number;
  readonly weights: { readonly match: number; readonly performance: number; readonly load: number };
  readonly require: CompiledRequirements;
  readonly prefer: CompiledRequirements;
}

export interface RankInput {
  /** Members that may take the lead, in team order; never empty. */
  readonly eligible: readonly Candidate[];
  /** Members passed over while unavailable (offline, out of hours, out of office). */
  readonly skipped: readonly Candidate[];
  readonly lead: Lead;
  /** The strategy's persisted state for this team, if it keeps one. */
  readonly state: StrategyState | undefined;
  readonly options: StrategyOptions;
}

export interface Ranking {
  /** Positions in `eligible`, best first. */
  readonly order: number[];
  /** Each eligible candidate's score, by position in `eligible`. */
  readonly scores: readonly number[];
  /** Why a candidate ranks where it does when the score alone does not say (a share cap), by position in `eligible`. */
  readonly notes?: readonly (string | undefined)[];
  /** State to persist when the first candidate takes the lead; absent when the strategy keeps none. */
  readonly state?: StrategyState;
}

export interface Strategy {
  rank(input: RankInput): Ranking;
}

/** Positions 0..n-1 sorted by `compare`: rankings sort positions, never the candidates themselves. */
export function sortedPositions(count: number, compare: (a: number, b: number) => number): number[] {
  const order = new Array<number>(count);
  for (let i = 0; i < count; i++) order[i] = i;
  return count > 1 ? order.sort(compare) : order;
}

/** Sorts by score (higher first), then by the older last assignment, then by team order: deterministic. */
export function rankByScore(candidates: readonly Candidate[], scoreOf: (c: Candidate, index: number) => number): Ranking {
  const scores = candidates.map(scoreOf);
  const order = sortedPositions(
    candidates.length,
    (a, b) =>
      scores[b]! - scores[a]! || candidates[a]!.rep.lastAssigned - candidates[b]!.rep.lastAssigned || candidates[a]!.order - candidates[b]!.order,
  );
  return { order, scores };
}

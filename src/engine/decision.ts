import type { Exclusion } from './eligibility.js';
import type { StrategyState } from './model.js';

/** One rep as the decision saw them: excluded with a reason, or eligible with a score and rank. */
export interface CandidateTrace {
  repId: string;
  name: string;
  /** The sub-team the rep was considered in, for hierarchical routes. */
  branch?: string;
  excluded?: Exclusion;
  score?: number;
  /** 1 is the pick. */
  rank?: number;
  /** Why the rep ranks where they do when it is not the score alone (sticky owner, share cap). */
  note?: string;
}

export interface BranchTrace {
  key: string;
  /** Why the branch was passed over, or its score when ranked. */
  skipped?: 'no-eligible-member';
  score?: number;
  rank?: number;
}

export type RouteResult = 'no-match' | 'no-candidate' | 'offered' | 'queued' | 'held';

export interface RouteTrace {
  name: string;
  /** The condition that failed, when the route did not match. */
  failed?: string;
  target?: string;
  result: RouteResult;
  /** Why the route found nobody when no candidate says it (e.g. no branch serves the lead's territory). */
  note?: string;
  branches?: BranchTrace[];
  candidates?: CandidateTrace[];
}

export interface Explanation {
  configVersion: number | null;
  /** The decision instant, epoch milliseconds. */
  at: number;
  score: number;
  grade: string | null;
  qualified: boolean;
  /** Indexes of the scoring rules that matched. */
  scoringRules: number[];
  territories: string[];
  /** Set when earlier offers used up the attempts. */
  exhausted?: { attempts: number; maxAttempts: number };
  routes: RouteTrace[];
  /** For a lead held as unavailable: when deciding again may find someone (see Decision.recheckAt). */
  recheckAt?: number;
  summary: string;
}

export type Outcome =
  | { type: 'offer'; repId: string; team: string | null; autoAccept: boolean }
  | { type: 'queue'; queue: string }
  | { type: 'hold'; reason: 'unavailable' | 'unroutable'; route: string | null }
  | { type: 'unqualified' };

export interface StateChange {
  /** e.g. `round-robin:inbound`; the store keeps one row per scope. */
  scope: string;
  state: StrategyState;
}

export interface Decision {
  outcome: Outcome;
  score: number;
  grade: string | null;
  route: string | null;
  /** Eligible reps best first; for an offer the first is the pick, the rest are next in line. */
  ranked: string[];
  /** Strategy state to persist with the decision (in the same transaction). */
  stateChanges: StateChange[];
  /**
   * For a lead held as unavailable, epoch milliseconds: the earliest moment a rep left out for a
   * reason that ends with time (out of office, outside working hours, daily cap) could take it, when
   * the lead is worth deciding again. Null otherwise, and when only events (a lead closed, a change
   * of presence) can free someone: the service wakes held leads on those itself.
   */
  recheckAt: number | null;
  explanation: Explanation;
}

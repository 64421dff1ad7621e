import type { BranchTrace, CandidateTrace, StateChange } from '../decision.js';
import { exclusionOf, isTemporary, isUnavailable, type CompiledRequirements, type EligibilityContext } from '../eligibility.js';
import type { Lead, StrategyState } from '../model.js';
import type { RosterMember } from '../roster.js';

/** What resolving a route's target produced. */
export interface Resolution {
  /** Eligible reps, best first. */
  ranked: RosterMember[];
  /** Every rep considered, with the reason they were excluded or their score and rank. */
  candidates: CandidateTrace[];
  stateChanges: StateChange[];
  /** Someone was excluded for a reason that passes with time, so holding the lead can succeed. */
  waitable: boolean;
  /** The team (or branch) the pick belongs to. */
  team: string | null;
  /** For hierarchical routes: the branches considered. */
  branches?: BranchTrace[];
  /** Why nobody was considered, when no candidate trace can say it. */
  note?: string;
}

export interface ResolveInput {
  readonly lead: Lead;
  readonly eligibility: EligibilityContext;
  readonly state: Readonly<Record<string, StrategyState>>;
}

/** A resolution that found nobody to offer the lead to; fresh arrays every time, as decisions are the caller's to keep. */
export function nobody(found: Partial<Resolution> = {}): Resolution {
  return { ranked: [], candidates: [], stateChanges: [], waitable: false, team: null, ...found };
}

/** Members split by eligibility; every member already traced, the excluded ones with their reason. */
export interface Partition {
  eligible: RosterMember[];
  /** The trace of each eligible member, by position in `eligible`, for the strategy to fill in. */
  eligibleTraces: CandidateTrace[];
  /** Passed over while unavailable: round robin may keep their share. */
  skipped: RosterMember[];
  traces: CandidateTrace[];
  waitable: boolean;
}

export function partition(
  members: readonly RosterMember[],
  require: CompiledRequirements,
  ctx: EligibilityContext,
  branch?: string,
): Partition {
  const eligible: RosterMember[] = [];
  const eligibleTraces: CandidateTrace[] = [];
  const skipped: RosterMember[] = [];
  const traces: CandidateTrace[] = [];
  let waitable = false;
  for (const member of members) {
    const excluded = exclusionOf(member.rep, require, ctx);
    const trace: CandidateTrace = { repId: member.rep.id, name: member.rep.name };
    if (branch !== undefined) trace.branch = branch;
    if (excluded) {
      trace.excluded = excluded;
      waitable ||= isTemporary(excluded);
      if (isUnavailable(excluded)) skipped.push(member);
    } else {
      eligible.push(member);
      eligibleTraces.push(trace);
    }
    traces.push(trace);
  }
  return { eligible, eligibleTraces, skipped, traces, waitable };
}

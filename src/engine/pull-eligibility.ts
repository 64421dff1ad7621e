import { exclusionOf, NO_REQUIREMENTS, type Exclusion } from './eligibility.js';
import type { Roster } from './roster.js';

const NO_ONE: ReadonlySet<string> = new Set();

/**
 * Why a rep may not pull a lead from a queue now, or null when they may: the routing rules minus
 * availability. A rep who pulls is at work by the act of pulling, so working hours, presence and
 * an absence do not stop them; being inactive, at capacity or at the daily cap (on their own
 * calendar day) does.
 */
export function pullExclusion(roster: Roster, repId: string, now: number): Exclusion | null {
  const rep = roster.reps.get(repId);
  if (!rep) return { code: 'not-found' };
  // Presence matters only to routes that require it: with no requirements, it is not asked.
  const atWork = { ...rep, hours: null, oooFrom: Number.POSITIVE_INFINITY, oooUntil: Number.NEGATIVE_INFINITY };
  return exclusionOf(atWork, NO_REQUIREMENTS, { now, clock: roster.clock, excluded: NO_ONE });
}

import type { CompiledQueue } from './config/compile.js';
import { exclusionOf, NO_REQUIREMENTS, type Exclusion } from './eligibility.js';
import type { Roster, RosterTeam } from './roster.js';

const NO_ONE: ReadonlySet<string> = new Set();

/** A rep the queue's configuration does not name among those who may pull from it. */
export interface NotAPuller {
  code: 'not-a-puller';
  queue: string;
}

/** Why a rep may not pull from a queue now: not one of its pullers, or an exclusion as routing has them. */
export type PullRefusal = Exclusion | NotAPuller;

function hasMember(team: RosterTeam, repId: string, seen: Set<string>): boolean {
  if (seen.has(team.key)) return false;
  seen.add(team.key);
  return team.members.some((m) => m.rep.id === repId) || team.branches.some((b) => hasMember(b.team, repId, seen));
}

/** Whether the queue lets this rep pull from it at all: everyone, nobody, or the named reps and the named teams' members, sub-teams included. */
function isPuller(roster: Roster, repId: string, queue: CompiledQueue | undefined): boolean {
  const pullers = queue?.pullers ?? 'everyone';
  if (pullers === 'everyone' || pullers === 'nobody') return pullers === 'everyone';
  if (pullers.reps.has(repId)) return true;
  const seen = new Set<string>();
  return pullers.teams.some((key) => {
    const team = roster.teams.get(key);
    return team !== undefined && hasMember(team, repId, seen);
  });
}

/**
 * Why a rep may not pull a lead from a queue now, or null when they may: they must be one of the
 * queue's pullers and meet its requirements, and otherwise the routing rules apply minus
 * availability. A rep who pulls is at work by the act of pulling, so working hours, presence and
 * an absence do not stop them (unless the queue requires them online); being inactive, at
 * capacity or at the daily cap (on their own calendar day) does.
 */
export function pullRefusal(roster: Roster, repId: string, queueKey: string, queue: CompiledQueue | undefined, now: number): PullRefusal | null {
  const rep = roster.reps.get(repId);
  if (!rep) return { code: 'not-found' };
  if (!isPuller(roster, repId, queue)) return { code: 'not-a-puller', queue: queueKey };
  const atWork = { ...rep, hours: null, oooFrom: Number.POSITIVE_INFINITY, oooUntil: Number.NEGATIVE_INFINITY };
  return exclusionOf(atWork, queue?.require ?? NO_REQUIREMENTS, { now, clock: roster.clock, excluded: NO_ONE });
}

/** Refusals that pass: the rep is busy, or offline for a queue that wants them online. */
const FOR_NOW: ReadonlySet<PullRefusal['code']> = new Set(['at-capacity', 'daily-cap', 'offline']);

/** Whether this is a queue the rep pulls from — one of its pullers, active, with what it requires — even if they cannot pull this minute. */
export function pullsFrom(roster: Roster, repId: string, queueKey: string, queue: CompiledQueue | undefined, now: number): boolean {
  const refusal = pullRefusal(roster, repId, queueKey, queue, now);
  return refusal === null || FOR_NOW.has(refusal.code);
}

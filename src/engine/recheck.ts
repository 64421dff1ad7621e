import type { RouteTrace } from './decision.js';
import { exclusionOf, NO_REQUIREMENTS, type Exclusion } from './eligibility.js';
import type { Roster, RosterRep } from './roster.js';
import { nextLocalMidnight, nextWorkingStart } from './time/next-local.js';
import type { WeeklyHours } from './time/weekly-hours.js';
import type { ZoneClock } from './time/zone-clock.js';

/** When a held lead is worth deciding again, and the rep whose return sets that moment. */
export interface Recheck {
  at: number;
  rep: RosterRep;
}

/**
 * The reasons that end at a moment the engine can work out. Capacity and presence change by
 * events (a lead closed, a rep coming online), on which the service wakes held leads itself.
 */
type Timed = Extract<Exclusion, { code: 'out-of-office' | 'outside-hours' | 'daily-cap' }>;

const isTimed = (exclusion: Exclusion): exclusion is Timed =>
  exclusion.code === 'out-of-office' || exclusion.code === 'outside-hours' || exclusion.code === 'daily-cap';

const NEVER = Number.POSITIVE_INFINITY;
const NO_ONE: ReadonlySet<string> = new Set();
/** More than any real chain of absence, hours and cap needs; a walk cut short only rechecks early. */
const MAX_STEPS = 8;

function remember<K>(memo: Map<K, number>, key: K, work: () => number): number {
  let value = memo.get(key);
  if (value === undefined) memo.set(key, (value = work()));
  return value;
}

/**
 * When reps come back, seen from one decision instant. Reps on the same hours in the same zone
 * start together (the roster gives them one schedule), so each schedule's next start and each
 * zone's next midnight from the decision instant is worked out once, however large the team.
 */
class Returns {
  private readonly starts = new Map<WeeklyHours, Map<string, number>>();
  private readonly midnights = new Map<string, number>();

  constructor(
    private readonly clock: ZoneClock,
    private readonly now: number,
  ) {}

  /**
   * The first moment nothing timed keeps the rep away. One reason may end inside another (hours
   * that begin during an absence, an absence that ends at night, a cap that resets before the
   * day's hours), so the rep is checked again at each end; every step lands on a moment the rep
   * was away until, so stopping early is safe. A reason that ends by an event ends the walk:
   * from then on the service's wake-ups take over.
   */
  of(rep: RosterRep, exclusion: Timed): number {
    let at = this.end(exclusion, rep, this.now);
    // With no absence to come and no daily cap, nothing timed can follow: the first end is the return.
    if (rep.oooUntil <= this.now && rep.dailyCap === null) return at;
    for (let step = 1; step < MAX_STEPS && at !== NEVER; step++) {
      const next = exclusionOf(rep, NO_REQUIREMENTS, { now: at, clock: this.clock, excluded: NO_ONE });
      if (!next || !isTimed(next)) return at;
      at = this.end(next, rep, at);
    }
    return at;
  }

  /** When a timed reason ends, seen from `at`; NEVER for a week without hours or a daily cap of 0. */
  private end(exclusion: Timed, rep: RosterRep, at: number): number {
    switch (exclusion.code) {
      case 'out-of-office':
        return exclusion.until;
      case 'outside-hours':
        return rep.hours ? this.workingStart(rep.hours, rep.timezone, at) : NEVER;
      case 'daily-cap':
        return exclusion.cap > 0 ? this.midnight(rep.timezone, at) : NEVER;
    }
  }

  private workingStart(hours: WeeklyHours, zone: string, at: number): number {
    const work = () => nextWorkingStart(hours, zone, at, this.clock) ?? NEVER;
    if (at !== this.now) return work();
    let byZone = this.starts.get(hours);
    if (!byZone) this.starts.set(hours, (byZone = new Map()));
    return remember(byZone, zone, work);
  }

  private midnight(zone: string, at: number): number {
    const work = () => nextLocalMidnight(zone, at, this.clock);
    return at === this.now ? remember(this.midnights, zone, work) : work();
  }
}

/**
 * When a lead held as unavailable is worth deciding again: the earliest moment a rep left out on
 * these routes for a timed reason could take it. Null when only events can change the answer.
 */
export function recheckOf(routes: readonly RouteTrace[], roster: Roster, now: number): Recheck | null {
  const returns = new Returns(roster.clock, now);
  const seen = new Set<string>();
  let first: Recheck | null = null;
  for (const route of routes) {
    for (const candidate of route.candidates ?? []) {
      const exclusion = candidate.excluded;
      // At one instant a rep's timed reason is the same on every route that reaches it: once is enough.
      if (!exclusion || !isTimed(exclusion) || seen.has(candidate.repId)) continue;
      seen.add(candidate.repId);
      const rep = roster.reps.get(candidate.repId);
      if (!rep) continue;
      const at = returns.of(rep, exclusion);
      if (at !== NEVER && (first === null || at < first.at)) first = { at, rep };
    }
  }
  return first;
}

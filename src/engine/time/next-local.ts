import { isWithin, minutesToNextStart, type WeeklyHours } from './weekly-hours.js';
import type { LocalTime, ZoneClock } from './zone-clock.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * The first instant after `after` at which something read off the wall clock in `zone` becomes
 * true: `holds` says whether it is true at a local time, `minutesUntil` how many wall-clock
 * minutes from a local time at which it is false until it turns true (null: never). While the
 * offset stays the same the wall clock keeps pace with real time, so the answer is that many
 * minutes on. An offset change (daylight saving time) makes the wall clock jump, forward past
 * the moment or back into it, so from each change the question is asked again.
 */
function firstInstant(
  clock: ZoneClock,
  zone: string,
  after: number,
  holds: (local: LocalTime) => boolean,
  minutesUntil: (local: LocalTime) => number | null,
): number | null {
  let from = after;
  // Each round starts at a later offset change, and zones change offset only a few times a year.
  for (;;) {
    const local = clock.local(zone, from);
    if (from !== after && holds(local)) return from;
    const minutes = minutesUntil(local);
    if (minutes === null) return null;
    // On the minute the wall clock shows, though `from` may fall within a minute.
    const wall = local.day * DAY_MS + (local.minute + minutes) * MINUTE_MS;
    const at = wall - clock.offsetMs(zone, from);
    // The callers look at most a week ahead, which the clock's lookahead covers.
    const change = clock.nextOffsetChange(zone, from);
    if (change === null || change > at) return at;
    from = change;
  }
}

/** When working hours next begin in the rep's zone, from a moment outside them; null for a week without hours. */
export function nextWorkingStart(hours: WeeklyHours, zone: string, after: number, clock: ZoneClock): number | null {
  return firstInstant(clock, zone, after, (local) => isWithin(hours, local), (local) => minutesToNextStart(hours, local));
}

/** When the next local day begins in `zone`: a daily count kept per local day starts over then. */
export function nextLocalMidnight(zone: string, after: number, clock: ZoneClock): number {
  const today = clock.local(zone, after).day;
  return firstInstant(clock, zone, after, (local) => local.day > today, (local) => 1440 - local.minute)!;
}

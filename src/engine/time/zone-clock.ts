import { IANAZone } from 'luxon';

const BLOCK_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

/** How far ahead offset changes are looked for: more than a week, the longest a weekly schedule waits. */
const LOOKAHEAD_MS = 8 * DAY_MS;

const offsetAt = (zone: string, instant: number) => IANAZone.create(zone).offset(instant) * 60_000;

/**
 * The start of the first block within LOOKAHEAD_MS after `block` whose offset is not `offsetMs`.
 * No zone changes offset twice within days, so the same offset at both ends means no change; a
 * binary search over the blocks between finds the one where it does, to the instant.
 */
function firstChange(zone: string, block: number, offsetMs: number): number | null {
  let lo = block;
  let hi = block + LOOKAHEAD_MS / BLOCK_MS;
  if (offsetAt(zone, hi * BLOCK_MS) === offsetMs) return null;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(zone, mid * BLOCK_MS) === offsetMs) lo = mid;
    else hi = mid;
  }
  return hi * BLOCK_MS;
}

/** Wall-clock facts about one instant in one time zone. */
export interface LocalTime {
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Minutes since local midnight. */
  minute: number;
  /** Days since 1970-01-01 of the local calendar date. */
  day: number;
}

export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * Converts instants to local time in IANA zones. Every UTC offset in use since 1970 is a
 * multiple of 15 minutes and changes on a 15-minute boundary, so one offset lookup serves a
 * whole 15-minute block; the memo makes repeated conversions cost a map read, and it never
 * changes an answer.
 */
export class ZoneClock {
  /** `change` is the block's nextOffsetChange, worked out when first asked for. */
  private readonly memo = new Map<string, { block: number; offsetMs: number; instant: number; local: LocalTime; change: number | null | undefined }>();

  private entry(zone: string, instant: number) {
    const block = Math.floor(instant / BLOCK_MS);
    let entry = this.memo.get(zone);
    if (!entry || entry.block !== block) {
      const offsetMs = offsetAt(zone, instant);
      entry = { block, offsetMs, instant: Number.NaN, local: { weekday: 0, minute: 0, day: 0 }, change: undefined };
      this.memo.set(zone, entry);
    }
    return entry;
  }

  offsetMs(zone: string, instant: number): number {
    return this.entry(zone, instant).offsetMs;
  }

  /**
   * The first instant after `after` at which the zone's offset changes, looking more than a week
   * ahead (LOOKAHEAD_MS from the start of its block); null when it does not change in that time.
   * Every instant of a block has the same answer, so it is kept with the block's memo entry.
   */
  nextOffsetChange(zone: string, after: number): number | null {
    const entry = this.entry(zone, after);
    if (entry.change === undefined) entry.change = firstChange(zone, entry.block, entry.offsetMs);
    return entry.change;
  }

  /** Every rep in one zone asks about the same instant within a decision: the answer is shared, not rebuilt. */
  local(zone: string, instant: number): LocalTime {
    const entry = this.entry(zone, instant);
    if (entry.instant !== instant) {
      entry.local = wallClock(instant + entry.offsetMs);
      entry.instant = instant;
    }
    return entry.local;
  }

  /**
   * Local time at an instant later than the memo's, such as when a held lead is decided again,
   * leaving the memo on the instant decisions are made at. Once nextOffsetChange has been asked
   * for the memo's block, the offset is known up to that change; beyond it, it is looked up.
   */
  localAhead(zone: string, instant: number): LocalTime {
    const entry = this.memo.get(zone);
    const start = entry ? entry.block * BLOCK_MS : Number.NaN;
    const steady = entry && entry.change !== undefined && instant >= start && instant < (entry.change ?? start + LOOKAHEAD_MS);
    return wallClock(instant + (steady ? entry.offsetMs : offsetAt(zone, instant)));
  }
}

/** Wall-clock facts from local epoch milliseconds (the instant plus the zone's offset). */
function wallClock(localMs: number): LocalTime {
  const day = Math.floor(localMs / DAY_MS);
  // 1970-01-01 was a Thursday (index 3 when Monday is 0).
  return { weekday: (((day + 3) % 7) + 7) % 7, minute: Math.floor((localMs - day * DAY_MS) / 60_000), day };
}

/** Days since the epoch -> `2026-03-08`. */
export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `2026-03-08` -> days since the epoch, or undefined when malformed. */
export function epochDay(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

/** `09:30` -> 570. */
export function minuteOfDay(time: string): number {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}

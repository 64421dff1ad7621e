import { IANAZone } from 'luxon';

const BLOCK_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

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
  private readonly memo = new Map<string, { block: number; offsetMs: number; instant: number; local: LocalTime }>();

  private entry(zone: string, instant: number) {
    const block = Math.floor(instant / BLOCK_MS);
    let entry = this.memo.get(zone);
    if (!entry || entry.block !== block) {
      const offsetMs = IANAZone.create(zone).offset(instant) * 60_000;
      entry = { block, offsetMs, instant: Number.NaN, local: { weekday: 0, minute: 0, day: 0 } };
      this.memo.set(zone, entry);
    }
    return entry;
  }

  offsetMs(zone: string, instant: number): number {
    return this.entry(zone, instant).offsetMs;
  }

  /** Every rep in one zone asks about the same instant within a decision: the answer is shared, not rebuilt. */
  local(zone: string, instant: number): LocalTime {
    const entry = this.entry(zone, instant);
    if (entry.instant !== instant) {
      const localMs = instant + entry.offsetMs;
      const day = Math.floor(localMs / DAY_MS);
      // 1970-01-01 was a Thursday (index 3 when Monday is 0).
      entry.local = { weekday: (((day + 3) % 7) + 7) % 7, minute: Math.floor((localMs - day * DAY_MS) / 60_000), day };
      entry.instant = instant;
    }
    return entry.local;
  }
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

import { describe, expect, it } from 'vitest';
import { nextLocalMidnight, nextWorkingStart } from './next-local.js';
import { compileWeeklyHours } from './weekly-hours.js';
import { ZoneClock } from './zone-clock.js';

/**
 * Where the wall clock jumps. Instants derived by hand from the published rules:
 * - America/New_York 2026: 02:00 EST becomes 03:00 EDT at 07:00 UTC on Sun 8 March; 02:00 EDT
 *   becomes 01:00 EST at 06:00 UTC on Sun 1 November.
 * - America/Santiago 2026: 00:00 (UTC-3) becomes 23:00 the day before (UTC-4) at 03:00 UTC on
 *   Sun 5 April; 00:00 (UTC-4) becomes 01:00 (UTC-3) at 04:00 UTC on Sun 6 September.
 */
const utc = (y: number, m: number, d: number, h: number, min = 0) => Date.UTC(y, m - 1, d, h, min);
const ny = 'America/New_York';
const santiago = 'America/Santiago';
const start = (hours: Parameters<typeof compileWeeklyHours>[0], zone: string, after: number) =>
  nextWorkingStart(compileWeeklyHours(hours), zone, after, new ZoneClock());
const midnight = (zone: string, after: number) => nextLocalMidnight(zone, after, new ZoneClock());

describe('when working hours next begin', () => {
  it('later the same day, on the minute', () => {
    expect(start({ mon: ['09:15-17:00'] }, 'UTC', utc(2026, 3, 9, 7, 30))).toBe(utc(2026, 3, 9, 9, 15));
  });

  it('from within a minute, still on the minute the hours begin', () => {
    expect(start({ mon: ['09:00-17:00'] }, 'UTC', utc(2026, 3, 9, 8, 59) + 30_000)).toBe(utc(2026, 3, 9, 9));
  });

  it('a week later, on the same weekday, when that day\'s hours are over', () => {
    expect(start({ mon: ['09:00-17:00'] }, 'UTC', utc(2026, 3, 9, 18))).toBe(utc(2026, 3, 16, 9));
  });

  it('never, for a week without hours', () => {
    expect(start({ mon: [] }, 'UTC', utc(2026, 3, 9, 18))).toBeNull();
  });

  it('hours that begin at 02:30 on the spring switch, which the clock skips, begin at the switch: 03:00 EDT (07:00 UTC)', () => {
    // Saturday 23:00 EST.
    expect(start({ sun: ['02:30-04:00'] }, ny, utc(2026, 3, 8, 4))).toBe(utc(2026, 3, 8, 7));
  });

  it('hours the clock skips entirely on the spring switch begin a week later', () => {
    expect(start({ sun: ['02:15-02:45'] }, ny, utc(2026, 3, 8, 4))).toBe(utc(2026, 3, 15, 6, 15));
  });

  it('hours in the hour the autumn switch repeats begin again when the clock goes back: 01:00 EST (06:00 UTC)', () => {
    // 01:45 EDT, after the first 01:00-01:30.
    expect(start({ sun: ['01:00-01:30'] }, ny, utc(2026, 11, 1, 5, 45))).toBe(utc(2026, 11, 1, 6));
  });
});

describe('when the next local day begins', () => {
  it('at midnight in UTC', () => {
    expect(midnight('UTC', utc(2026, 3, 9, 18))).toBe(utc(2026, 3, 10, 0));
  });

  it('at 18:30 UTC in Asia/Kolkata (UTC+05:30)', () => {
    expect(midnight('Asia/Kolkata', utc(2026, 3, 9, 12))).toBe(utc(2026, 3, 9, 18, 30));
  });

  it('in New York, the day of the spring switch begins at midnight EST (05:00 UTC) and the next at midnight EDT (04:00 UTC)', () => {
    // Saturday 22:00 EST, then Sunday 12:00 EDT.
    expect([midnight(ny, utc(2026, 3, 8, 3)), midnight(ny, utc(2026, 3, 8, 16))]).toEqual([utc(2026, 3, 8, 5), utc(2026, 3, 9, 4)]);
  });

  it('in Santiago, where the spring switch skips midnight, Sunday 6 September begins at 01:00 (04:00 UTC)', () => {
    // Saturday 20:00 at UTC-4.
    expect(midnight(santiago, utc(2026, 9, 6, 0))).toBe(utc(2026, 9, 6, 4));
  });

  it('in Santiago, where the autumn switch repeats the hour before midnight, Sunday 5 April begins at 04:00 UTC', () => {
    // Saturday 22:00 at UTC-3; the clock reaches 24:00 at 03:00 UTC but goes back to 23:00.
    expect(midnight(santiago, utc(2026, 4, 5, 1))).toBe(utc(2026, 4, 5, 4));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochDay, isoDate, minuteOfDay, ZoneClock, type LocalTime } from './zone-clock.js';

/**
 * Expectations are derived by hand from the published rules, not from luxon:
 * - US 2026: EST (UTC-5) until Sun 2026-03-08 07:00 UTC, EDT (UTC-4) until Sun 2026-11-01 06:00 UTC.
 * - EU 2026: CET (UTC+1) until Sun 2026-03-29 01:00 UTC, CEST (UTC+2) until Sun 2026-10-25 01:00 UTC.
 * - India: IST, UTC+05:30 all year. Nepal: UTC+05:45 all year.
 */
const DAY_MS = 86_400_000;
const MON = 0;
const THU = 3;
const FRI = 4;
const SUN = 6;

/** Days since 1970-01-01 of a calendar date, the way LocalTime.day counts. */
const dayOf = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY_MS;
const utc = (y: number, m: number, d: number, h: number, min: number) => Date.UTC(y, m - 1, d, h, min);
const at = (weekday: number, hh: number, mm: number, y: number, m: number, d: number): LocalTime => ({ weekday, minute: hh * 60 + mm, day: dayOf(y, m, d) });

const local = (zone: string, instant: number) => new ZoneClock().local(zone, instant);

describe('UTC', () => {
  it('local time on UTC is the UTC time', () => {
    expect(local('UTC', utc(2026, 3, 13, 23, 59))).toEqual(at(FRI, 23, 59, 2026, 3, 13));
  });

  it('the epoch is a Thursday at midnight on day 0', () => {
    expect(local('UTC', 0)).toEqual({ weekday: THU, minute: 0, day: 0 });
  });

  it('an instant before the epoch falls on the right day', () => {
    expect(local('UTC', -60_000)).toEqual({ weekday: 2, minute: 23 * 60 + 59, day: -1 });
  });
});

describe('America/New_York, 2026', () => {
  const ny = 'America/New_York';

  it('before the spring switch New York is UTC-5: 14:30 UTC on Friday 6 March is 09:30', () => {
    expect(local(ny, utc(2026, 3, 6, 14, 30))).toEqual(at(FRI, 9, 30, 2026, 3, 6));
  });

  it('the last minute before the spring switch is 01:59 EST', () => {
    expect(local(ny, utc(2026, 3, 8, 6, 59))).toEqual(at(SUN, 1, 59, 2026, 3, 8));
  });

  it('the first minute after the spring switch is 03:00 EDT', () => {
    expect(local(ny, utc(2026, 3, 8, 7, 0))).toEqual(at(SUN, 3, 0, 2026, 3, 8));
  });

  it('after the spring switch New York is UTC-4: 13:30 UTC on Monday 9 March is 09:30', () => {
    expect(local(ny, utc(2026, 3, 9, 13, 30))).toEqual(at(MON, 9, 30, 2026, 3, 9));
  });

  it('01:30 happens twice on the autumn switch: first as EDT at 05:30 UTC', () => {
    expect(local(ny, utc(2026, 11, 1, 5, 30))).toEqual(at(SUN, 1, 30, 2026, 11, 1));
  });

  it('01:30 happens twice on the autumn switch: again as EST at 06:30 UTC', () => {
    expect(local(ny, utc(2026, 11, 1, 6, 30))).toEqual(at(SUN, 1, 30, 2026, 11, 1));
  });

  it('after the autumn switch New York is UTC-5 again: 14:30 UTC on Monday 2 November is 09:30', () => {
    expect(local(ny, utc(2026, 11, 2, 14, 30))).toEqual(at(MON, 9, 30, 2026, 11, 2));
  });

  it('late Friday evening in New York is already Saturday in UTC', () => {
    expect(local(ny, utc(2026, 3, 14, 3, 30))).toEqual(at(FRI, 23, 30, 2026, 3, 13));
  });
});

describe('Europe/Berlin, 2026', () => {
  const berlin = 'Europe/Berlin';

  it('before the spring switch Berlin is UTC+1: 08:30 UTC on Friday 27 March is 09:30', () => {
    expect(local(berlin, utc(2026, 3, 27, 8, 30))).toEqual(at(FRI, 9, 30, 2026, 3, 27));
  });

  it('the last minute before the spring switch is 01:59 CET', () => {
    expect(local(berlin, utc(2026, 3, 29, 0, 59))).toEqual(at(SUN, 1, 59, 2026, 3, 29));
  });

  it('the first minute after the spring switch is 03:00 CEST', () => {
    expect(local(berlin, utc(2026, 3, 29, 1, 0))).toEqual(at(SUN, 3, 0, 2026, 3, 29));
  });

  it('after the spring switch Berlin is UTC+2: 07:30 UTC on Monday 30 March is 09:30', () => {
    expect(local(berlin, utc(2026, 3, 30, 7, 30))).toEqual(at(MON, 9, 30, 2026, 3, 30));
  });

  it('02:30 happens twice on the autumn switch: as CEST at 00:30 UTC and as CET at 01:30 UTC', () => {
    expect([local(berlin, utc(2026, 10, 25, 0, 30)), local(berlin, utc(2026, 10, 25, 1, 30))]).toEqual([
      at(SUN, 2, 30, 2026, 10, 25),
      at(SUN, 2, 30, 2026, 10, 25),
    ]);
  });

  it('after the autumn switch Berlin is UTC+1 again: 08:30 UTC on Monday 26 October is 09:30', () => {
    expect(local(berlin, utc(2026, 10, 26, 8, 30))).toEqual(at(MON, 9, 30, 2026, 10, 26));
  });
});

describe('half- and quarter-hour zones', () => {
  it('Asia/Kolkata is UTC+05:30: 03:30 UTC is 09:00', () => {
    expect(local('Asia/Kolkata', utc(2026, 3, 9, 3, 30))).toEqual(at(MON, 9, 0, 2026, 3, 9));
  });

  it('Asia/Kolkata reaches the next day at 18:30 UTC', () => {
    expect(local('Asia/Kolkata', utc(2026, 3, 8, 18, 45))).toEqual(at(MON, 0, 15, 2026, 3, 9));
  });

  it('Asia/Kathmandu is UTC+05:45', () => {
    expect(local('Asia/Kathmandu', utc(2026, 3, 9, 0, 0))).toEqual(at(MON, 5, 45, 2026, 3, 9));
  });
});

describe('one clock reused', () => {
  it('gives every minute across a switch the same answer as a fresh clock', () => {
    const shared = new ZoneClock();
    const minutes = Array.from({ length: 240 }, (_, i) => utc(2026, 3, 8, 5, 0) + i * 60_000);
    expect(minutes.map((t) => shared.local('America/New_York', t))).toEqual(minutes.map((t) => local('America/New_York', t)));
  });

  it('keeps zones apart', () => {
    const shared = new ZoneClock();
    const t = utc(2026, 3, 9, 13, 30);
    expect([shared.local('America/New_York', t), shared.local('Asia/Kolkata', t), shared.local('America/New_York', t)]).toEqual([
      at(MON, 9, 30, 2026, 3, 9),
      at(MON, 19, 0, 2026, 3, 9),
      at(MON, 9, 30, 2026, 3, 9),
    ]);
  });
});

/** The same facts from the platform's Intl (ICU), which does not go through luxon. */
function viaIntl(zone: string, instant: number): LocalTime {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    weekday: 'short',
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday'));
  return { weekday, minute: Number(get('hour')) * 60 + Number(get('minute')), day: dayOf(Number(get('year')), Number(get('month')), Number(get('day'))) };
}

const ZONES = [
  'UTC',
  'America/New_York',
  'America/Los_Angeles',
  'America/St_Johns',
  'America/Sao_Paulo',
  'Europe/Berlin',
  'Europe/London',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tokyo',
  'Australia/Adelaide',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
];

describe('agreement with Intl (property)', () => {
  it('agrees with Intl for any instant from 2000 to 2037 in any of a range of zones', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2037, 11, 31) }), (zone, instant) => {
        expect(local(zone, instant)).toEqual(viaIntl(zone, instant));
      }),
      { numRuns: 500 },
    );
  });

  it('one clock asked about nearby instants in any order agrees with Intl around the 2026 switches', () => {
    const switches: [string, number][] = [
      ['America/New_York', utc(2026, 3, 8, 7, 0)],
      ['America/New_York', utc(2026, 11, 1, 6, 0)],
      ['Europe/Berlin', utc(2026, 3, 29, 1, 0)],
      ['Europe/Berlin', utc(2026, 10, 25, 1, 0)],
      ['Australia/Lord_Howe', utc(2026, 4, 4, 15, 0)],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...switches), fc.array(fc.integer({ min: -180, max: 180 }), { minLength: 1, maxLength: 40 }), ([zone, instant], offsets) => {
        const shared = new ZoneClock();
        for (const minutes of offsets) {
          const t = instant + minutes * 60_000 + 30_000;
          expect(shared.local(zone, t)).toEqual(viaIntl(zone, t));
        }
      }),
    );
  });
});

describe('offset changes', () => {
  const change = (zone: string, after: number) => new ZoneClock().nextOffsetChange(zone, after);

  it('New York next changes offset at 07:00 UTC on 8 March 2026, the spring switch', () => {
    expect(change('America/New_York', utc(2026, 3, 2, 12, 34))).toBe(utc(2026, 3, 8, 7, 0));
  });

  it('Berlin next changes offset at 01:00 UTC on 25 October 2026, the autumn switch', () => {
    expect(change('Europe/Berlin', utc(2026, 10, 24, 23, 59))).toBe(utc(2026, 10, 25, 1, 0));
  });

  it('a change in the very next block is found', () => {
    expect(change('America/New_York', utc(2026, 3, 8, 6, 59))).toBe(utc(2026, 3, 8, 7, 0));
  });

  it('a change at the instant asked about is not a change after it', () => {
    expect(change('America/New_York', utc(2026, 3, 8, 7, 0))).toBeNull();
  });

  it('a change more than eight days ahead is not looked for', () => {
    expect(change('America/New_York', utc(2026, 2, 27, 0, 0))).toBeNull();
  });

  it('Kolkata never changes offset', () => {
    expect(change('Asia/Kolkata', utc(2026, 3, 2, 0, 0))).toBeNull();
  });

  it('one clock gives the same answer across a block, and a fresh one for the next', () => {
    const shared = new ZoneClock();
    const answers = [utc(2026, 3, 8, 6, 45), utc(2026, 3, 8, 6, 59), utc(2026, 3, 8, 7, 0)].map((t) => shared.nextOffsetChange('America/New_York', t));
    expect(answers).toEqual([utc(2026, 3, 8, 7, 0), utc(2026, 3, 8, 7, 0), null]);
  });
});

describe('local time ahead', () => {
  it('agrees with local time on a fresh clock for every hour of the week around the spring switch in New York', () => {
    const shared = new ZoneClock();
    const from = utc(2026, 3, 5, 12, 0);
    shared.local('America/New_York', from);
    shared.nextOffsetChange('America/New_York', from);
    const hours = Array.from({ length: 8 * 24 }, (_, i) => from + i * 3_600_000 + 60_000);
    expect(hours.map((t) => shared.localAhead('America/New_York', t))).toEqual(hours.map((t) => local('America/New_York', t)));
  });

  it('agrees with local time on a fresh clock when no offset change has been looked for', () => {
    const shared = new ZoneClock();
    shared.local('Europe/Berlin', utc(2026, 3, 28, 12, 0));
    expect(shared.localAhead('Europe/Berlin', utc(2026, 3, 30, 7, 0))).toEqual(at(MON, 9, 0, 2026, 3, 30));
  });
});

describe('dates and times of day', () => {
  it('epochDay counts days since 1970-01-01', () => {
    expect([epochDay('1970-01-01'), epochDay('2026-03-08')]).toEqual([0, 20520]);
  });

  it('isoDate writes a day since 1970-01-01 as the date epochDay reads', () => {
    expect([isoDate(0), isoDate(20520)]).toEqual(['1970-01-01', '2026-03-08']);
  });

  it('epochDay rejects a malformed date', () => {
    expect(epochDay('8 March 2026')).toBeUndefined();
  });

  it('minuteOfDay reads HH:MM', () => {
    expect([minuteOfDay('00:00'), minuteOfDay('09:30'), minuteOfDay('23:59')]).toEqual([0, 570, 1439]);
  });
});

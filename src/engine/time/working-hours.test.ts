import { describe, expect, it } from 'vitest';
import type { Rep, WorkingHours } from '../index.js';
import { exclusionFor, rep } from '../test-support.js';

/**
 * Working hours are read in the rep's own time zone. Every instant below is derived by hand:
 * - America/New_York: UTC-5 (EST) before Sun 2026-03-08 and after Sun 2026-11-01, UTC-4 (EDT) between.
 * - Europe/Berlin: UTC+1 (CET) before Sun 2026-03-29 and after Sun 2026-10-25, UTC+2 (CEST) between.
 * - Asia/Kolkata: UTC+05:30 all year.
 */
const utc = (y: number, m: number, d: number, h: number, min = 0) => Date.UTC(y, m - 1, d, h, min);
const everyDay = (...spans: string[]): WorkingHours => ({ mon: spans, tue: spans, wed: spans, thu: spans, fri: spans, sat: spans, sun: spans });
const available = (person: Rep, now: number) => exclusionFor(person, now) === undefined;

describe('New York, spring 2026 (EST to EDT on Sunday 8 March)', () => {
  const ava = rep('ava', { timezone: 'America/New_York', workingHours: everyDay('09:00-17:00') });

  it('on the Friday before, 09:30 local (14:30 UTC) is within hours', () => {
    expect(available(ava, utc(2026, 3, 6, 14, 30))).toBe(true);
  });

  it('on the Friday before, 08:30 local (13:30 UTC) is outside hours', () => {
    expect(available(ava, utc(2026, 3, 6, 13, 30))).toBe(false);
  });

  it('on the day of the switch, 09:30 local (13:30 UTC) is within hours', () => {
    expect(available(ava, utc(2026, 3, 8, 13, 30))).toBe(true);
  });

  it('on the day of the switch, 08:30 local (12:30 UTC) is outside hours', () => {
    expect(available(ava, utc(2026, 3, 8, 12, 30))).toBe(false);
  });

  it('on the day after, 09:30 local (13:30 UTC) is within hours', () => {
    expect(available(ava, utc(2026, 3, 9, 13, 30))).toBe(true);
  });

  it('on the day after, 08:30 local (12:30 UTC) is outside hours', () => {
    expect(available(ava, utc(2026, 3, 9, 12, 30))).toBe(false);
  });

  it('on the day after, the day ends at 17:00 local (21:00 UTC)', () => {
    expect([available(ava, utc(2026, 3, 9, 20, 59)), available(ava, utc(2026, 3, 9, 21, 0))]).toEqual([true, false]);
  });

  it('the exclusion reports the local time, not the UTC time', () => {
    expect(exclusionFor(ava, utc(2026, 3, 9, 12, 30))).toEqual({ code: 'outside-hours', weekday: 0, minute: 8 * 60 + 30, timezone: 'America/New_York' });
  });
});

describe('New York, autumn 2026 (EDT to EST on Sunday 1 November)', () => {
  const ava = rep('ava', { timezone: 'America/New_York', workingHours: everyDay('09:00-17:00') });

  it('on the Friday before, 09:30 local (13:30 UTC) is within hours', () => {
    expect(available(ava, utc(2026, 10, 30, 13, 30))).toBe(true);
  });

  it('on the Friday before, 08:30 local (12:30 UTC) is outside hours', () => {
    expect(available(ava, utc(2026, 10, 30, 12, 30))).toBe(false);
  });

  it('on the day after, 09:30 local (14:30 UTC) is within hours', () => {
    expect(available(ava, utc(2026, 11, 2, 14, 30))).toBe(true);
  });

  it('on the day after, 08:30 local (13:30 UTC) is outside hours', () => {
    expect(available(ava, utc(2026, 11, 2, 13, 30))).toBe(false);
  });

  it('on the day after, the day ends at 17:00 local (22:00 UTC)', () => {
    expect([available(ava, utc(2026, 11, 2, 21, 59)), available(ava, utc(2026, 11, 2, 22, 0))]).toEqual([true, false]);
  });
});

describe('Berlin, spring 2026 (CET to CEST on Sunday 29 March)', () => {
  const bea = rep('bea', { timezone: 'Europe/Berlin', workingHours: everyDay('09:00-17:00') });

  it('on the Friday before, 09:30 local (08:30 UTC) is within hours', () => {
    expect(available(bea, utc(2026, 3, 27, 8, 30))).toBe(true);
  });

  it('on the Friday before, 08:30 local (07:30 UTC) is outside hours', () => {
    expect(available(bea, utc(2026, 3, 27, 7, 30))).toBe(false);
  });

  it('on the day after, 09:30 local (07:30 UTC) is within hours', () => {
    expect(available(bea, utc(2026, 3, 30, 7, 30))).toBe(true);
  });

  it('on the day after, 08:30 local (06:30 UTC) is outside hours', () => {
    expect(available(bea, utc(2026, 3, 30, 6, 30))).toBe(false);
  });

  it('on the day after, the day ends at 17:00 local (15:00 UTC)', () => {
    expect([available(bea, utc(2026, 3, 30, 14, 59)), available(bea, utc(2026, 3, 30, 15, 0))]).toEqual([true, false]);
  });
});

describe('Berlin, autumn 2026 (CEST to CET on Sunday 25 October)', () => {
  const bea = rep('bea', { timezone: 'Europe/Berlin', workingHours: everyDay('09:00-17:00') });

  it('on the Friday before, 09:30 local (07:30 UTC) is within hours', () => {
    expect(available(bea, utc(2026, 10, 23, 7, 30))).toBe(true);
  });

  it('on the Friday before, 08:30 local (06:30 UTC) is outside hours', () => {
    expect(available(bea, utc(2026, 10, 23, 6, 30))).toBe(false);
  });

  it('on the day after, 09:30 local (08:30 UTC) is within hours', () => {
    expect(available(bea, utc(2026, 10, 26, 8, 30))).toBe(true);
  });

  it('on the day after, 08:30 local (07:30 UTC) is outside hours', () => {
    expect(available(bea, utc(2026, 10, 26, 7, 30))).toBe(false);
  });
});

describe('between the US and EU switches', () => {
  it('a New York rep and a Berlin rep on 09:00-17:00 overlap from 13:00 to 16:00 UTC on Monday 16 March', () => {
    // New York is already UTC-4 (09:00 = 13:00 UTC); Berlin is still UTC+1 (17:00 = 16:00 UTC).
    const ava = rep('ava', { timezone: 'America/New_York', workingHours: everyDay('09:00-17:00') });
    const bea = rep('bea', { timezone: 'Europe/Berlin', workingHours: everyDay('09:00-17:00') });
    const both = (h: number, m: number) => available(ava, utc(2026, 3, 16, h, m)) && available(bea, utc(2026, 3, 16, h, m));
    expect([both(12, 59), both(13, 0), both(15, 59), both(16, 0)]).toEqual([false, true, true, false]);
  });
});

describe('Asia/Kolkata (UTC+05:30)', () => {
  const kiran = rep('kiran', { timezone: 'Asia/Kolkata', workingHours: { mon: ['09:00-17:00'], tue: ['09:00-17:00'] } });

  it('09:00 local is 03:30 UTC: the day starts there', () => {
    expect([available(kiran, utc(2026, 3, 9, 3, 29)), available(kiran, utc(2026, 3, 9, 3, 30))]).toEqual([false, true]);
  });

  it('17:00 local is 11:30 UTC: the day ends there', () => {
    expect([available(kiran, utc(2026, 3, 9, 11, 29)), available(kiran, utc(2026, 3, 9, 11, 30))]).toEqual([true, false]);
  });

  it('Monday morning in Kolkata is still Sunday in UTC', () => {
    const early = rep('early', { timezone: 'Asia/Kolkata', workingHours: { mon: ['00:00-02:00'] } });
    expect(available(early, utc(2026, 3, 8, 18, 45))).toBe(true);
  });

  it('the daily cap resets at midnight in Kolkata (18:30 UTC)', () => {
    const capped = rep('capped', { timezone: 'Asia/Kolkata', dailyCap: 2, daily: { date: '2026-03-09', count: 2 } });
    expect([exclusionFor(capped, utc(2026, 3, 9, 18, 29))?.code, exclusionFor(capped, utc(2026, 3, 9, 18, 30))?.code]).toEqual(['daily-cap', undefined]);
  });
});

describe('overnight spans', () => {
  const night = rep('nia', { workingHours: { mon: ['22:00-06:00'] } });

  it('a 22:00-06:00 shift starts at 22:00 on its day', () => {
    expect([available(night, utc(2026, 3, 9, 21, 59)), available(night, utc(2026, 3, 9, 22, 0))]).toEqual([false, true]);
  });

  it('a 22:00-06:00 shift runs past midnight into the next morning', () => {
    expect(available(night, utc(2026, 3, 10, 5, 59))).toBe(true);
  });

  it('a 22:00-06:00 shift ends at 06:00 the next morning', () => {
    expect(available(night, utc(2026, 3, 10, 6, 0))).toBe(false);
  });

  it('a 22:00-06:00 shift on Monday does not make Tuesday night a working night', () => {
    expect(available(night, utc(2026, 3, 10, 23, 0))).toBe(false);
  });

  it('a Sunday night shift runs into Monday morning', () => {
    const sunday = rep('sam', { workingHours: { sun: ['22:00-06:00'] } });
    expect(available(sunday, utc(2026, 3, 9, 5, 0))).toBe(true);
  });

  it('a Saturday night shift in New York ends at 06:00 EDT on the morning of the spring switch (10:00 UTC)', () => {
    const nyNight = rep('nia', { timezone: 'America/New_York', workingHours: { sat: ['22:00-06:00'] } });
    expect([available(nyNight, utc(2026, 3, 8, 9, 30)), available(nyNight, utc(2026, 3, 8, 10, 30))]).toEqual([true, false]);
  });

  it('a Saturday night shift in New York is on at 23:00 EST Saturday, which is Sunday in UTC', () => {
    const nyNight = rep('nia', { timezone: 'America/New_York', workingHours: { sat: ['22:00-06:00'] } });
    expect(available(nyNight, utc(2026, 3, 8, 4, 0))).toBe(true);
  });
});

describe('spans within a day', () => {
  it('a span ending at 24:00 includes the last minute of the day', () => {
    const late = rep('lee', { workingHours: { mon: ['18:00-24:00'] } });
    expect([available(late, utc(2026, 3, 9, 23, 59)), available(late, utc(2026, 3, 10, 0, 0))]).toEqual([true, false]);
  });

  it('a lunch break between two spans is outside hours', () => {
    const lunch = rep('lou', { workingHours: { mon: ['09:00-12:00', '13:00-17:00'] } });
    expect([available(lunch, utc(2026, 3, 9, 11, 59)), available(lunch, utc(2026, 3, 9, 12, 30)), available(lunch, utc(2026, 3, 9, 13, 0))]).toEqual([
      true,
      false,
      true,
    ]);
  });
});

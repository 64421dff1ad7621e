import { describe, expect, it } from 'vitest';
import { smsSendableAt } from './quiet-hours.js';

/**
 * Instants derived by hand from the published rules: America/New_York changes from EST (UTC-5)
 * to EDT (UTC-4) at 07:00 UTC on Sun 8 March 2026 and back at 06:00 UTC on Sun 1 November;
 * Asia/Kolkata is UTC+05:30 all year.
 */
const utc = (y: number, m: number, d: number, h: number, min = 0) => Date.UTC(y, m - 1, d, h, min);
const ny = 'America/New_York';
const kolkata = 'Asia/Kolkata';

describe('when an SMS may be sent, with the default quiet hours (21:00-08:00)', () => {
  it('at once during the day', () => {
    // 14:00 EST.
    expect(smsSendableAt(utc(2026, 3, 4, 19), ny)).toBe(utc(2026, 3, 4, 19));
  });

  it('at once from 08:00 on the dot', () => {
    expect(smsSendableAt(utc(2026, 3, 4, 13), ny)).toBe(utc(2026, 3, 4, 13));
  });

  it('from 21:00 on the dot, at 08:00 the next morning', () => {
    // 21:00 EST on Wed 4 March is 02:00 UTC on the 5th; 08:00 EST is 13:00 UTC.
    expect(smsSendableAt(utc(2026, 3, 5, 2), ny)).toBe(utc(2026, 3, 5, 13));
  });

  it('after midnight, at 08:00 the same morning', () => {
    // 05:30 EST.
    expect(smsSendableAt(utc(2026, 3, 4, 10, 30), ny)).toBe(utc(2026, 3, 4, 13));
  });

  it('a minute before 08:00, a minute later', () => {
    expect(smsSendableAt(utc(2026, 3, 4, 12, 59), ny)).toBe(utc(2026, 3, 4, 13));
  });

  it('on the night the clocks go forward, at 08:00 EDT: 12:00 UTC, not 13:00', () => {
    // 22:00 EST on Sat 7 March.
    expect(smsSendableAt(utc(2026, 3, 8, 3), ny)).toBe(utc(2026, 3, 8, 12));
  });

  it('within the hour the clocks skip, at 08:00 EDT', () => {
    // 01:30 EST, half an hour before 02:00 EST becomes 03:00 EDT.
    expect(smsSendableAt(utc(2026, 3, 8, 6, 30), ny)).toBe(utc(2026, 3, 8, 12));
  });

  it('on the morning before the clocks go forward, still at 08:00 EST: 13:00 UTC', () => {
    // 07:00 EST on Sat 7 March.
    expect(smsSendableAt(utc(2026, 3, 7, 12), ny)).toBe(utc(2026, 3, 7, 13));
  });

  it('on the night the clocks go back, at 08:00 EST: 13:00 UTC, not 12:00', () => {
    // 23:00 EDT on Sat 31 October.
    expect(smsSendableAt(utc(2026, 11, 1, 3), ny)).toBe(utc(2026, 11, 1, 13));
  });

  it('in Asia/Kolkata, from 21:00 IST, at 08:00 IST: 02:30 UTC the next day', () => {
    expect(smsSendableAt(utc(2026, 3, 9, 15, 30), kolkata)).toBe(utc(2026, 3, 10, 2, 30));
  });

  it('in Asia/Kolkata, at once at 20:59 IST', () => {
    expect(smsSendableAt(utc(2026, 3, 9, 15, 29), kolkata)).toBe(utc(2026, 3, 9, 15, 29));
  });

  it('in Asia/Kolkata, from 07:59 IST, a minute later', () => {
    expect(smsSendableAt(utc(2026, 3, 10, 2, 29), kolkata)).toBe(utc(2026, 3, 10, 2, 30));
  });
});

describe('when an SMS may be sent, with other quiet hours', () => {
  it('within the same day, at their end', () => {
    // 12:30 in UTC, during a 12:00-13:00 quiet hour.
    expect(smsSendableAt(utc(2026, 3, 4, 12, 30), 'UTC', { start: '12:00', end: '13:00' })).toBe(utc(2026, 3, 4, 13));
  });

  it('within the same day, at once outside them', () => {
    expect(smsSendableAt(utc(2026, 3, 4, 11, 59), 'UTC', { start: '12:00', end: '13:00' })).toBe(utc(2026, 3, 4, 11, 59));
  });

  it('never held when they start as they end', () => {
    expect(smsSendableAt(utc(2026, 3, 4, 3), 'UTC', { start: '00:00', end: '00:00' })).toBe(utc(2026, 3, 4, 3));
  });
});

describe('quiet hours refuse', () => {
  it('a zone that does not exist', () => {
    expect(() => smsSendableAt(utc(2026, 3, 4, 3), 'Mars/Olympus')).toThrow('not a time zone: Mars/Olympus');
  });

  it('a time not written HH:MM', () => {
    expect(() => smsSendableAt(utc(2026, 3, 4, 3), 'UTC', { start: '9pm', end: '08:00' })).toThrow('expected a time as HH:MM, not "9pm"');
  });
});

import { DateTime } from 'luxon';

/** Local wall-clock times, `HH:MM`: SMS wait from `start` until `end`, which may fall on the next day. */
export interface QuietHours {
  start: string;
  end: string;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { start: '21:00', end: '08:00' };

/**
 * When an SMS may go to a recipient in `zone` (IANA): now, outside their quiet hours; else when
 * the quiet hours end on their clock, the next `end` (08:00) after now. Each day's `end` is found
 * on that day's calendar, so the answer is right across a daylight-saving change (the night is an
 * hour shorter or longer, the morning is still 08:00). A `start` equal to `end` means no quiet
 * hours.
 */
export function smsSendableAt(now: number, zone: string, quiet: QuietHours = DEFAULT_QUIET_HOURS): number {
  const local = DateTime.fromMillis(now, { zone });
  if (!local.isValid) throw new RangeError(`not a time zone: ${zone}`);
  const start = minuteOfDay(quiet.start);
  const end = minuteOfDay(quiet.end);
  const minute = local.hour * 60 + local.minute;
  const quietNow = start <= end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!quietNow) return now;
  const endToday = local.set({ hour: Math.floor(end / 60), minute: end % 60, second: 0, millisecond: 0 });
  return (endToday > local ? endToday : endToday.plus({ days: 1 })).toMillis();
}

function minuteOfDay(time: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`expected a time as HH:MM, not "${time}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

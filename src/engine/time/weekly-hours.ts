import { WEEKDAYS, type WorkingHours } from '../model.js';
import { minuteOfDay, type LocalTime } from './zone-clock.js';

const SPAN = /^([01]\d|2[0-3]):([0-5]\d)-(([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/** Per weekday (0 = Monday), sorted [start, end) minute spans. */
export type WeeklyHours = ReadonlyArray<ReadonlyArray<readonly [number, number]>>;

export function isValidSpan(span: string): boolean {
  return SPAN.test(span);
}

/**
 * Compiles `{ mon: ['09:00-17:00'] }` into minute spans. A span that ends at or before its start
 * runs past midnight into the next day (`22:00-06:00`).
 */
export function compileWeeklyHours(hours: WorkingHours): WeeklyHours {
  const week: [number, number][][] = WEEKDAYS.map(() => []);
  WEEKDAYS.forEach((day, index) => {
    for (const span of hours[day] ?? []) {
      if (!isValidSpan(span)) throw new Error(`${day}: expected a span such as 09:00-17:00, got "${span}"`);
      const [from, to] = span.split('-') as [string, string];
      const start = minuteOfDay(from);
      const end = to === '24:00' ? 1440 : minuteOfDay(to);
      if (end > start) week[index]!.push([start, end]);
      else {
        week[index]!.push([start, 1440]);
        if (end > 0) week[(index + 1) % 7]!.push([0, end]);
      }
    }
  });
  for (const spans of week) spans.sort((a, b) => a[0] - b[0]);
  return week;
}

export function isWithin(hours: WeeklyHours, at: LocalTime): boolean {
  for (const [start, end] of hours[at.weekday]!) {
    if (at.minute >= start && at.minute < end) return true;
  }
  return false;
}

/**
 * Wall-clock minutes from `at` until a span next starts, later that day or on one of the next
 * seven, or null for a week without hours. Read at a time outside the hours, this is when they
 * begin again.
 */
export function minutesToNextStart(hours: WeeklyHours, at: LocalTime): number | null {
  for (let ahead = 0; ahead <= 7; ahead++) {
    for (const [start] of hours[(at.weekday + ahead) % 7]!) {
      const minutes = ahead * 1440 + start - at.minute;
      if (minutes > 0) return minutes;
    }
  }
  return null;
}

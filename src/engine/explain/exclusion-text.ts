import type { Exclusion } from '../eligibility.js';
import type { PullRefusal } from '../pull-eligibility.js';
import { WEEKDAYS } from '../model.js';

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** A wall-clock time as explanations show it: `tue 07:00 America/Los_Angeles`. */
export const localText = (weekday: number, minute: number, timezone: string) => `${WEEKDAYS[weekday]} ${hhmm(minute)} ${timezone}`;

/** An exclusion in words, as the console and the CLI show it. */
export function exclusionText(exclusion: Exclusion): string {
  switch (exclusion.code) {
    case 'inactive':
      return 'inactive';
    case 'out-of-office':
      return `out of office until ${new Date(exclusion.until).toISOString()}`;
    case 'outside-hours':
      return `outside working hours (${localText(exclusion.weekday, exclusion.minute, exclusion.timezone)})`;
    case 'offline':
      return `presence ${exclusion.presence}, route requires online`;
    case 'at-capacity':
      return `at capacity (${exclusion.open}/${exclusion.max} open leads)`;
    case 'daily-cap':
      return `daily cap reached (${exclusion.count}/${exclusion.cap} today)`;
    case 'missing-language':
      return `does not speak ${exclusion.missing.join(', ')}`;
    case 'missing-skill':
      return `lacks skill ${exclusion.missing.join(', ')}`;
    case 'seniority':
      return `seniority ${exclusion.has} below ${exclusion.needs}`;
    case 'already-tried':
      return 'already rejected or let this lead expire';
    case 'not-found':
      return 'no such rep';
  }
}

/** Why a rep may not pull from a queue, in words. */
export function pullRefusalText(refusal: PullRefusal): string {
  return refusal.code === 'not-a-puller' ? `not one of the reps who may pull from ${refusal.queue}` : exclusionText(refusal);
}

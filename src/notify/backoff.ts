import type { DeliveryError } from './delivery-error.js';

/**
 * How long to wait before trying a message again, and how often to try before dead-lettering it.
 * Full jitter: a random delay between none and a ceiling that doubles with each attempt, so that
 * messages that failed together (a receiver that was down) do not all come back together.
 */
export interface Backoff {
  baseMs: number;
  /** The ceiling never grows past this. */
  capMs: number;
}

/** Ceilings of 1, 2, 4, … 32 minutes and then an hour: eight attempts span up to two hours. */
export const DEFAULT_BACKOFF: Backoff = { baseMs: 30_000, capMs: 3_600_000 };

/** Attempts in all, the first included; a message still undelivered after the last is dead-lettered. */
export const MAX_ATTEMPTS = 8;

/**
 * The wait after `attempts` failed tries (1 after the first): a whole number of milliseconds in
 * [0, min(cap, base · 2^attempts)]. `random` gives numbers in [0, 1), as Math.random does; tests
 * pass their own.
 */
export function retryDelayMs(attempts: number, random: () => number, backoff: Backoff = DEFAULT_BACKOFF): number {
  // Past 2^31 the ceiling is the cap anyway; stopping there keeps the power finite.
  const ceiling = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.min(Math.max(attempts, 0), 31));
  return Math.floor(random() * (ceiling + 1));
}

/**
 * The wait after a failed attempt: the backoff, but not less than the receiver asked for with
 * `Retry-After` — up to the cap, so that a receiver cannot park a message for days.
 */
export function retryDelayAfter(error: DeliveryError, attempts: number, random: () => number, backoff: Backoff = DEFAULT_BACKOFF): number {
  return Math.max(retryDelayMs(attempts, random, backoff), Math.min(error.retryAfterMs ?? 0, backoff.capMs));
}

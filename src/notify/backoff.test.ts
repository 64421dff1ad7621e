import { describe, expect, it } from 'vitest';
import { seeded } from '../service/seeded-random.js';
import { DEFAULT_BACKOFF, MAX_ATTEMPTS, retryDelayAfter, retryDelayMs } from './backoff.js';
import { DeliveryError } from './delivery-error.js';

const lowest = () => 0;
const highest = () => 1 - Number.EPSILON;
const base = { baseMs: 1_000, capMs: 60_000 };

describe('the wait before a retry', () => {
  it('is never less than nothing', () => {
    expect(retryDelayMs(3, lowest, base)).toBe(0);
  });

  it('reaches base · 2^attempts at most', () => {
    expect(retryDelayMs(1, highest, base)).toBe(2_000);
    expect(retryDelayMs(2, highest, base)).toBe(4_000);
    expect(retryDelayMs(5, highest, base)).toBe(32_000);
  });

  it('never passes the cap', () => {
    expect(retryDelayMs(6, highest, base)).toBe(60_000);
    expect(retryDelayMs(1_000, highest, base)).toBe(60_000);
  });

  it('is spread over the whole range, so that messages that failed together come back apart', () => {
    const random = seeded(7);
    const delays = Array.from({ length: 1_000 }, () => retryDelayMs(3, random, base));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...delays)).toBeLessThanOrEqual(8_000);
    expect(delays.filter((d) => d < 4_000).length).toBeGreaterThan(400);
    expect(delays.filter((d) => d >= 4_000).length).toBeGreaterThan(400);
  });

  it('is a whole number of milliseconds', () => {
    expect(Number.isInteger(retryDelayMs(2, () => 0.123456, base))).toBe(true);
  });

  it('by default grows from a minute to an hour over the attempts a message gets', () => {
    const ceilings = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, n) => retryDelayMs(n + 1, highest));
    expect(ceilings).toEqual([1, 2, 4, 8, 16, 32, 60].map((minutes) => minutes * 60_000));
    expect(DEFAULT_BACKOFF.capMs).toBe(3_600_000);
  });
});

describe('the wait after a failure', () => {
  const busy = (retryAfterMs?: number) => new DeliveryError('sms to +14155550100: HTTP 429', true, { retryAfterMs });

  it('is the backoff when the receiver asked for nothing', () => {
    expect(retryDelayAfter(busy(), 2, highest, base)).toBe(4_000);
  });

  it('is at least what the receiver asked for with Retry-After', () => {
    expect(retryDelayAfter(busy(30_000), 1, lowest, base)).toBe(30_000);
  });

  it('is the backoff when that is longer than what the receiver asked for', () => {
    expect(retryDelayAfter(busy(1_000), 5, highest, base)).toBe(32_000);
  });

  it('waits no longer than the cap, whatever the receiver asked for', () => {
    expect(retryDelayAfter(busy(86_400_000), 1, lowest, base)).toBe(60_000);
  });
});

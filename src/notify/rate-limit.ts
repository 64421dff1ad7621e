/** At most `max` messages to one recipient in any `windowMs`. */
export interface RateLimit {
  max: number;
  windowMs: number;
}

/**
 * Ten an hour: more than anyone reads, and a form that a bot fills in a hundred times sends the
 * same phone number ten SMS, not a hundred.
 */
export const DEFAULT_RATE_LIMIT: RateLimit = { max: 10, windowMs: 3_600_000 };

/**
 * When the next message may go to a recipient, given the instants (epoch ms) of the messages sent
 * to them recently: now, when fewer than `max` fall within the window that ends now; else when
 * enough of them have left it that one more keeps within the limit. Sends older than the window
 * do not matter, so the store need only return those within it.
 */
export function nextSendAt(recentSends: readonly number[], now: number, limit: RateLimit = DEFAULT_RATE_LIMIT): number {
  const inWindow = recentSends.filter((at) => at > now - limit.windowMs).sort((a, b) => a - b);
  if (inWindow.length < limit.max) return now;
  // The one whose leaving brings the count down to max - 1.
  const leaving = inWindow[inWindow.length - limit.max]!;
  return Math.max(now, leaving + limit.windowMs);
}

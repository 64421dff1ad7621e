import type { SlackMessage, WebhookMessage } from '../message.js';
import type { Channel } from './channel.js';
import { post } from './http-post.js';
import { signatureHeader } from './signature.js';
import { slackPayload } from './slack-payload.js';

export { verifySignature } from './signature.js';

export interface WebhookOptions {
  timeoutMs?: number;
  /** Epoch milliseconds, for the timestamp: the system clock unless a test moves it. */
  now?: () => number;
}

/**
 * Posts events to webhook subscriptions as signed JSON, and notices to Slack-compatible incoming
 * webhooks as chat messages. Every attempt is signed afresh with the time it is made, so a retry
 * hours later is still within the receiver's replay tolerance; the delivery id stays the same,
 * so the receiver can tell a retry from a new event.
 */
export function webhookChannel(options: WebhookOptions = {}): Channel<WebhookMessage | SlackMessage> {
  const now = options.now ?? Date.now;
  return {
    async send(message, dedupeKey) {
      const timestamp = Math.floor(now() / 1000);
      const body = JSON.stringify(message.format === 'slack' ? slackPayload(message) : { ...message.body, deliveryId: dedupeKey });
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'user-agent': 'leadrouter-webhooks',
        'leadrouter-delivery': dedupeKey,
        'leadrouter-timestamp': String(timestamp),
      };
      // A Slack message has no secret: Slack authenticates the sender by its secret URL alone.
      if (message.format === 'json') headers['leadrouter-signature'] = signatureHeader(message.secret, timestamp, body);
      await post(message.to, { what: `webhook to ${hostOf(message.to)}`, headers, body, timeoutMs: options.timeoutMs ?? 10_000 });
    },
  };
}

/** Where a webhook goes, for errors: the host alone, since a Slack URL's path is its secret. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an invalid URL';
  }
}

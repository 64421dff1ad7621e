import type { WebhookEvent } from './webhook-event.js';

/**
 * A message ready to go, as an outbox row carries it: rendered when the row is written (in the
 * transaction of the change it tells of), so what is delivered is what was true then, however
 * late the delivery. Plain data: it goes into the row as JSON and comes back out the same.
 */
export type OutboundMessage = EmailMessage | SmsMessage | WebhookMessage | SlackMessage;

export interface EmailMessage {
  channel: 'email';
  /** The recipient's address: `ada@acme.com` or `Ada Lovelace <ada@acme.com>`. */
  to: string;
  subject: string;
  /** The plain-text part, always sent: some readers show nothing else. */
  text: string;
  /** The HTML part, already escaped by its template; absent sends plain text alone. */
  html?: string;
}

export interface SmsMessage {
  channel: 'sms';
  /** The recipient's number in E.164 (`+14155550100`). */
  to: string;
  /** The whole message; the templates keep it within two segments (320 characters). */
  text: string;
}

/** An event to a webhook subscription, as signed JSON (docs/webhooks.md). */
export interface WebhookMessage {
  channel: 'webhook';
  /** The subscription's URL. */
  to: string;
  format: 'json';
  /** The subscription's signing secret. It sits in the row: show rows through `withoutSecret`. */
  secret: string;
  /** The event; the delivery id is added when it is sent, the same as the `Leadrouter-Delivery` header. */
  body: WebhookEvent;
}

/** A notice to a Slack-compatible incoming webhook: a chat message, not an event. */
export interface SlackMessage {
  channel: 'webhook';
  /** The incoming webhook's URL. */
  to: string;
  format: 'slack';
  /** The message in plain text; Slack's own markup characters are escaped when it is sent. */
  text: string;
  /** A heading shown above the text. */
  subject?: string;
}

/** A message as it may be shown, in the API's view of the outbox: without a signing secret. */
export type ShownMessage = Exclude<OutboundMessage, WebhookMessage> | Omit<WebhookMessage, 'secret'>;

export function withoutSecret(message: OutboundMessage): ShownMessage {
  if (message.channel !== 'webhook' || message.format !== 'json') return message;
  const { secret: _secret, ...shown } = message;
  return shown;
}

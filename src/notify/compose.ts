import type { EmailMessage, SlackMessage, SmsMessage, WebhookMessage } from './message.js';
import type { RenderedNotice } from './templates.js';
import type { WebhookEvent } from './webhook-event.js';

/** The messages a rendered notice makes, one per channel, for the outbox rows that carry them. */

export function emailMessage(to: string, notice: RenderedNotice): EmailMessage {
  return { channel: 'email', to, subject: notice.subject, text: notice.text, html: notice.html };
}

export function smsMessage(to: string, notice: RenderedNotice): SmsMessage {
  return { channel: 'sms', to, text: notice.sms };
}

/** To a Slack-compatible incoming webhook: the plain text under the subject as a heading. */
export function slackMessage(url: string, notice: RenderedNotice): SlackMessage {
  return { channel: 'webhook', to: url, format: 'slack', subject: notice.subject, text: notice.text.trim() };
}

export function webhookMessage(subscription: { url: string; secret: string }, event: WebhookEvent): WebhookMessage {
  return { channel: 'webhook', to: subscription.url, format: 'json', secret: subscription.secret, body: event };
}

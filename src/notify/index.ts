/**
 * Notifications (PRODUCT.md §4): the messages — rendered from templates for email, SMS, webhooks
 * and Slack —, the channels that deliver them and say whether a failure is worth a retry, and the
 * pure rules a dispatcher applies between attempts: backoff, quiet hours for SMS, a per-recipient
 * rate limit. The outbox that carries the messages and the dispatcher that drains it live with
 * the service; nothing here touches the store.
 */
export type { OutboundMessage, EmailMessage, SmsMessage, WebhookMessage, SlackMessage, ShownMessage } from './message.js';
export { withoutSecret } from './message.js';
export { DeliveryError } from './delivery-error.js';
export { emailMessage, smsMessage, slackMessage, webhookMessage } from './compose.js';
export type { NoticeLead, NoticeRep } from './facts.js';
export {
  renderRepNotice,
  renderManagerAlert,
  renderAutoResponse,
  AUTO_RESPONSE_TEMPLATES,
  SMS_LIMIT,
  type RenderedNotice,
  type ManagerAlertReason,
} from './templates.js';
export { webhookEvent, WEBHOOK_EVENTS, type WebhookEvent, type WebhookEventName } from './webhook-event.js';
export { createChannels, TWILIO_API_URL, type Channels, type ChannelSettings } from './channels/index.js';
export type { Channel } from './channels/channel.js';
export { emailChannel, DEFAULT_MAIL_FROM, type EmailSettings } from './channels/email.js';
export { smsChannel, type SmsSettings } from './channels/sms.js';
export { webhookChannel, verifySignature, type WebhookOptions } from './channels/webhook.js';
export { smsSendableAt, DEFAULT_QUIET_HOURS, type QuietHours } from './quiet-hours.js';
export { retryDelayMs, retryDelayAfter, MAX_ATTEMPTS, DEFAULT_BACKOFF, type Backoff } from './backoff.js';
export { nextSendAt, DEFAULT_RATE_LIMIT, type RateLimit } from './rate-limit.js';

import { z } from 'zod';
import { WEBHOOK_EVENTS } from '../../notify/webhook-event.js';
import { Cursor, Instant, Limit, page } from './common.js';
import { named } from './registry.js';

export const Notification = named(
  z.object({
    id: z.string(),
    kind: z.string().describe('what caused it: rep-offer, rep-assigned, manager-alert, auto-response, webhook'),
    channel: z.enum(['email', 'sms', 'webhook']),
    recipient: z.string().describe('an email address, a phone number, or a webhook subscription id'),
    leadId: z.string().nullable(),
    status: z.enum(['pending', 'sent', 'dead']).describe('dead: every attempt failed; POST …/retry sends it again'),
    attempts: z.number().int(),
    nextAttemptAt: Instant.nullable().describe('when it is tried next, while pending'),
    lastError: z.string().nullable(),
    createdAt: Instant,
    sentAt: Instant.nullable(),
  }),
  'Notification',
);

export const NotificationQuery = z.strictObject({
  status: z.enum(['pending', 'sent', 'dead']).optional(),
  leadId: z.string().min(1).optional(),
  channel: z.enum(['email', 'sms', 'webhook']).optional(),
  cursor: Cursor,
  limit: Limit,
});

export const NotificationPage = page(Notification);
export const NotificationParams = z.strictObject({ id: z.string().min(1) });

const WebhookBase = {
  url: z.string().describe('where deliveries are POSTed'),
  events: z.array(z.enum(WEBHOOK_EVENTS)).describe('the events to receive (lead.offered, lead.assigned, …); empty: all'),
  format: z.enum(['json', 'slack']).describe('json: the signed leadrouter payload; slack: a Slack-compatible message'),
};

export const WebhookInput = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).describe('where deliveries are POSTed'),
  events: WebhookBase.events.optional(),
  format: WebhookBase.format.optional(),
});

export const Webhook = named(z.object({ id: z.string(), ...WebhookBase, active: z.boolean(), createdAt: Instant }), 'Webhook');
export const CreatedWebhook = named(
  z.object({ id: z.string(), ...WebhookBase, active: z.boolean(), createdAt: Instant, secret: z.string().describe('signs every delivery; shown only now') }),
  'CreatedWebhook',
);
export const WebhookList = z.object({ data: z.array(Webhook), nextCursor: z.null() });
export const WebhookParams = z.strictObject({ id: z.string().min(1) });

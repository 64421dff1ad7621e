import type { NoticeRep } from './facts.js';

/** What a subscription hears about: a rep's new lead, and what the managers are told. */
export const WEBHOOK_EVENTS = ['lead.offered', 'lead.assigned', 'lead.reassigned', 'lead.sla-breached', 'lead.unroutable', 'lead.expired'] as const;
export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number];

/**
 * The JSON a webhook subscription receives (docs/webhooks.md); `deliveryId` joins it when it is
 * sent. `lead` is the lead as the API shows it (`GET /v1/leads/{id}`), so a receiver reads one
 * shape whichever way it learns of a lead.
 */
export interface WebhookEvent {
  event: WebhookEventName;
  /** When it happened, ISO 8601 in UTC: a retry days later still says when. */
  occurredAt: string;
  lead: Readonly<Record<string, unknown>>;
  /** The rep the event is about: the one offered the lead, or the one it was taken from. */
  rep: { id: string; name: string } | null;
}

export function webhookEvent(event: WebhookEventName, lead: Readonly<Record<string, unknown>>, occurredAt: number, rep?: NoticeRep | null): WebhookEvent {
  return {
    event,
    occurredAt: new Date(occurredAt).toISOString(),
    lead,
    rep: rep ? { id: rep.id, name: rep.name } : null,
  };
}

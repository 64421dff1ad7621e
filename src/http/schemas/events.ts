import { z } from 'zod';
import { Instant } from './common.js';
import { Lead } from './leads.js';
import { named } from './registry.js';

export const EventsQuery = z.strictObject({
  since: z.coerce.number().int().min(0).optional().describe('send the events after this event id first (the Last-Event-ID header wins over it)'),
  key: z.string().optional().describe("the API key, for clients that cannot send headers (a browser's EventSource)"),
});

export const EventsHeaders = z.object({
  'last-event-id': z.string().regex(/^\d+$/, 'an event id').optional().describe('the id of the last event received: what a reconnecting EventSource sends'),
});

/** The `data` of each `lead` message of GET /v1/events. */
export const LeadStreamEvent = named(
  z.object({
    eventId: z.number().int().describe('the id of the SSE message too; events are numbered in the order they were written'),
    leadId: z.string(),
    type: z.string().describe('as in the timeline: captured, routed, offered, accepted, rejected, expired, reassigned, …'),
    at: Instant,
    actor: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    lead: Lead.nullable().describe("the lead as it is now; null when a rep key hears that a lead has left the rep (rejected, expired, reassigned away)"),
  }),
  'LeadStreamEvent',
);

import { z } from 'zod';
import { named } from './registry.js';
import { Decision, Lead } from './leads.js';

const Reason = z.string().trim().min(1).max(1000);

export const RejectBody = z.strictObject({ reason: Reason.optional().describe('why the rep declines; kept on the timeline') });

export const ActivityBody = z.strictObject({
  type: z.enum(['contacted', 'call', 'email', 'meeting', 'note']).describe('contacted, call, email and meeting count as the first contact; a note does not'),
  note: z.string().max(10_000).optional(),
});

export const OutcomeBody = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('won'), revenue: z.number().min(0).optional().describe('the deal value') }),
  z.strictObject({ outcome: z.literal('lost'), reason: Reason.optional() }),
]);

export const ReassignBody = z.strictObject({
  repId: z.string().min(1).optional().describe('the rep to give the lead to; without it, the lead is routed again without its current owner'),
  reason: Reason.optional(),
});

export const LifecycleResponse = named(
  z.object({
    lead: Lead,
    decision: Decision.nullable().describe('the new decision, when the action routed the lead again'),
  }),
  'LeadChange',
);

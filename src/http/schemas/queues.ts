import { z } from 'zod';
import { Instant } from './common.js';
import { Lead } from './leads.js';
import { named } from './registry.js';

export const QueueParams = z.strictObject({ key: z.string().min(1).describe('the queue, as the routing configuration names it') });

/** A rep key may send no body at all. */
export const PullBody = z
  .strictObject({ repId: z.string().min(1).optional().describe('the rep the lead is for: required with an admin or manager key; a rep key pulls for itself') })
  .nullish();

export const PullResponse = named(z.object({ lead: Lead.describe('the lead, now assigned to the rep') }), 'PulledLead');

export const Queue = named(
  z.object({
    key: z.string(),
    depth: z.number().int().describe('leads waiting in it now'),
    oldestAt: Instant.nullable().describe('when the lead that has waited longest was captured; null when empty'),
    oldestAgeSeconds: z.number().int().nullable().describe('how long that lead has waited; null when empty'),
    pullers: z
      .union([z.enum(['everyone', 'nobody']), z.object({ teams: z.array(z.string()), reps: z.array(z.string()) })])
      .describe('who may pull from it: every rep, nobody (managers hand its leads out), or these teams\' members (sub-teams included) and these reps'),
    mayPull: z.boolean().nullable().describe('for a rep key: whether the rep pulls from this queue, even if not this minute (busy); null for other keys'),
  }),
  'Queue',
);

export const QueueList = z.object({ data: z.array(Queue), nextCursor: z.null().describe('always null: every queue fits on one page') });

import { z } from 'zod';
import { named } from './registry.js';
import { Instant, InstantInput, Cursor, Limit, page } from './common.js';

const Text = (description: string) => z.union([z.string(), z.number()]).nullish().describe(description);

/** A lead as a client sends it. Types are checked here; values are checked and normalised by src/capture. */
export const LeadInput = named(z
  .strictObject({
    firstName: Text('given name'),
    lastName: Text('family name'),
    email: Text('an email address; lowercased and checked'),
    phone: Text('any format; stored as E.164 when it can be read'),
    company: Text('company name; matched against accounts'),
    title: Text('job title'),
    industry: Text('industry'),
    country: Text('name or ISO 3166 code; stored as alpha-2'),
    region: Text('state or province, name or code'),
    city: Text('city'),
    postalCode: Text('postal code'),
    language: Text('name or ISO 639-1 code'),
    product: Text('the product the lead is about'),
    value: z.union([z.number(), z.string()]).nullish().describe('expected deal value, 0 or more'),
    source: Text('where the lead came from: web, chat, partner, …'),
    externalId: Text('your id for the lead, unique within its source; a lead with an id its source sent before is answered with the lead it created'),
    custom: z.record(z.string(), z.unknown()).nullish().describe('anything else, kept as given'),
  }), 'NewLead');

export const LEAD_STATUSES = ['new', 'unqualified', 'held', 'queued', 'offered', 'assigned', 'contacted', 'won', 'lost'] as const;

const Field = z.string().nullish();

export const Lead = named(z
  .object({
    id: z.string(),
    status: z.enum(LEAD_STATUSES),
    firstName: Field,
    lastName: Field,
    email: Field,
    phone: Field,
    company: Field,
    title: Field,
    industry: Field,
    country: Field,
    region: Field,
    city: Field,
    postalCode: Field,
    language: Field,
    product: Field,
    value: z.number().nullish(),
    source: Field,
    externalId: Field,
    custom: z.record(z.string(), z.unknown()).nullish(),
    ownerId: z.string().nullable().describe('the rep the lead is offered or assigned to'),
    team: z.string().nullable(),
    queue: z.string().nullable(),
    score: z.number().nullable(),
    grade: z.string().nullable(),
    route: z.string().nullable().describe('the route of the routing configuration that placed it'),
    configVersion: z.number().int().nullable().describe('the routing configuration version that decided'),
    accountId: z.string().nullable(),
    isTest: z.boolean(),
    attempts: z.number().int().describe('offers made so far'),
    triedReps: z.array(z.string()).describe('reps who rejected the lead or let its offer expire; never offered it again'),
    offeredAt: Instant.nullable(),
    assignedAt: Instant.nullable().describe('when the owner accepted (or was given) the lead'),
    contactedAt: Instant.nullable().describe('the first contact logged'),
    closedAt: Instant.nullable().describe('when it was won or lost'),
    revenue: z.number().nullable().describe('for a won lead'),
    lostReason: z.string().nullable(),
    createdAt: Instant,
    updatedAt: Instant,
    offerExpiresAt: Instant.nullable().optional().describe('when the current offer expires (offered leads); in reads of leads, not in capture answers or webhooks'),
    contactDueAt: Instant.nullable().optional().describe('when the first contact is due by the SLA (assigned leads); in reads of leads, not in capture answers or webhooks'),
  }), 'Lead');

const Outcome = z.discriminatedUnion('type', [
  z.object({ type: z.literal('offer'), repId: z.string(), team: z.string().nullable(), autoAccept: z.boolean() }),
  z.object({ type: z.literal('queue'), queue: z.string() }),
  z.object({ type: z.literal('hold'), reason: z.enum(['unavailable', 'unroutable']), route: z.string().nullable() }),
  z.object({ type: z.literal('unqualified') }),
]);

const Explanation = z
  .looseObject({
    configVersion: z.number().int().nullable(),
    at: z.number().describe('epoch milliseconds'),
    score: z.number(),
    grade: z.string().nullable(),
    qualified: z.boolean(),
    territories: z.array(z.string()),
    routes: z.array(z.looseObject({ name: z.string(), result: z.string() })).describe('every route tried, in order, with its candidates'),
    summary: z.string(),
  })
  .describe('why the lead went where it went');

export const Decision = named(z
  .object({
    configVersion: z.number().int().nullable(),
    outcome: Outcome,
    summary: z.string(),
    ranked: z.array(z.string()).describe('eligible reps best first'),
    explanation: Explanation,
    decidedAt: Instant,
  }), 'Decision');

export const CaptureResponse = named(z
  .object({
    result: z.enum(['created', 'replayed', 'duplicate']).describe('created: routed now; replayed: the same request (Idempotency-Key or externalId) again; duplicate: linked to an open lead with the same email or phone'),
    lead: Lead,
    decision: Decision.nullable().describe('null when the lead was held because no routing configuration is active'),
    duplicateOf: z.string().optional().describe('for a duplicate: the open lead the submission was linked to'),
    warnings: z.array(z.object({ path: z.string(), message: z.string() })).describe('values kept as given though they look wrong'),
  }), 'CaptureResult');

export const CaptureHeaders = z.object({
  'idempotency-key': z.string().min(1).max(255).optional().describe('makes retries safe: the same key and body answer with the lead created the first time'),
});

export const BatchBody = z.strictObject({
  leads: z.array(z.unknown().describe('a LeadInput; each is checked on its own')).min(1).max(1000),
});

export const BatchItem = z.object({
  index: z.number().int(),
  status: z.number().int().describe('the status this lead would have had on its own: 201, 200, 400 or 409'),
  result: z.enum(['created', 'replayed', 'duplicate']).optional(),
  lead: Lead.optional(),
  decision: Decision.nullable().optional(),
  duplicateOf: z.string().optional(),
  warnings: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).optional(),
});

export const BatchResponse = z.object({
  data: z.array(BatchItem),
  counts: z.object({ created: z.number().int(), replayed: z.number().int(), duplicate: z.number().int(), failed: z.number().int() }),
});

export const LeadListQuery = z.strictObject({
  status: z.enum(LEAD_STATUSES).optional(),
  ownerId: z.string().min(1).optional(),
  team: z.string().min(1).optional(),
  source: z.string().min(1).optional(),
  createdFrom: InstantInput.optional().describe('created at or after'),
  createdTo: InstantInput.optional().describe('created before'),
  q: z.string().trim().min(1).max(200).optional().describe('search: every word must appear in the lead (name, email, phone, company, …), any case'),
  cursor: Cursor,
  limit: Limit,
});

export const LeadPage = page(Lead);

export const LeadEvent = z.object({
  type: z.string().describe('captured, scored, routed, offered, queued, held, duplicate-received, …'),
  at: Instant,
  actor: z.string().nullable(),
  actorName: z.string().nullable().optional().describe('who acted, when an API key did: the rep of a rep key, else the key’s name'),
  data: z.record(z.string(), z.unknown()).optional(),
});

export const TimelinePage = page(LeadEvent);

export const LeadParams = z.strictObject({ id: z.string().min(1) });

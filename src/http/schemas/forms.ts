import { z } from 'zod';
import { GoogleAdsPayload as GoogleAdsPayloadSchema } from '../../capture/index.js';
import { Instant } from './common.js';
import { named } from './registry.js';

const FormKey = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'letters, digits, _ and -, at most 64, starting with a letter or digit')
  .describe('the form source key, in its public URL');

export const FormSource = named(z
  .object({
    key: z.string(),
    name: z.string(),
    mapping: z.record(z.string(), z.string()).describe('form field -> lead field or custom.<name>; Web-to-Lead names need no mapping'),
    honeypot: z.string().nullable().describe('a field hidden from people: a post that fills it in is spam'),
    thankYouUrl: z.string().nullable(),
    allowedRedirectHosts: z.array(z.string()),
    allowedOrigins: z.array(z.string()),
    googleAds: z.boolean().describe('whether a google_key is set (the key itself is never shown)'),
    source: z.string().nullable().describe("the source of leads that do not name theirs; null: the form key (Google Ads: google-ads)"),
    createdAt: Instant,
    updatedAt: Instant,
  }), 'FormSource');

export const CreateFormBody = named(z
  .strictObject({
    key: FormKey,
    name: z.string().min(1).max(200),
    mapping: z.record(z.string(), z.unknown()).optional().describe('form field (exact name) -> lead field (firstName, email, …, fullName) or custom.<name>'),
    honeypot: z.string().min(1).max(100).nullish(),
    thankYouUrl: z.string().max(2000).nullish().describe('where the browser goes after a post without retURL; its host is allowed for retURL'),
    allowedRedirectHosts: z.array(z.string().min(1).max(253)).max(50).optional().describe('further hosts retURL may point at'),
    allowedOrigins: z.array(z.string().min(1).max(300)).max(50).optional().describe('origins (https://www.example.com) whose pages may post with fetch (CORS)'),
    googleKey: z.string().min(1).max(500).nullish().describe('the key set on the Google Ads lead form webhook, which Google sends back as google_key'),
    source: z.string().min(1).max(100).nullish(),
  }), 'NewFormSource');

export const FormParams = z.strictObject({ key: z.string().min(1).max(64) });

/** A form post: urlencoded (repeated names are lists) or a JSON object. */
export const FormPost = named(z.record(z.string(), z.unknown()).describe('form fields by name: Web-to-Lead names, leadrouter names or the form mapping; retURL, oid, … are transport fields'), 'FormPost');

export const FormAccepted = named(z.object({ accepted: z.literal(true) }).describe('the post was taken'), 'FormAccepted');

export const GoogleAdsPayload = named(GoogleAdsPayloadSchema, 'GoogleAdsLead');

export const ImportQuery = z.strictObject({ source: z.string().min(1).max(100).optional().describe('the source of rows that do not name theirs (default import)') });

export const ImportReport = named(z
  .object({
    rows: z.number().int(),
    imported: z.number().int(),
    duplicates: z.number().int().describe('linked to an open lead with the same email or phone'),
    replayed: z.number().int().describe('an externalId the source sent before: left as it was'),
    rejected: z.array(z.object({ line: z.number().int(), errors: z.array(z.string()) })).describe('rows not imported, with their line'),
  }), 'ImportReport');

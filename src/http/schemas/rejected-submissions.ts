import { z } from 'zod';
import { Cursor, Instant, Limit, page } from './common.js';
import { named } from './registry.js';

export const RejectedSubmission = named(z
  .object({
    id: z.string(),
    source: z.string().describe('where it was posted: form:<key>'),
    reason: z.enum(['honeypot']).describe("honeypot: the post filled in the form's hidden field"),
    fields: z.record(z.string(), z.unknown()).describe('what was posted, as read from the form'),
    receivedAt: Instant,
  })
  .describe('a submission refused as spam before it became a lead, kept so that a real lead caught by mistake can be recovered'), 'RejectedSubmission');

export const RejectedSubmissionQuery = z.strictObject({
  source: z.string().min(1).optional().describe('only those from this source, e.g. form:website'),
  cursor: Cursor,
  limit: Limit,
});

export const RejectedSubmissionPage = page(RejectedSubmission);

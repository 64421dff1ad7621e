import { z } from 'zod';
import { named } from './registry.js';

/** The one error shape: `{ "error": { "code", "message", "details" } }`. */
export const ErrorResponse = named(z
  .object({
    error: z.object({
      code: z.string().describe('machine-readable: invalid_json, invalid_request, unauthorized, forbidden, not_found, conflict, payload_too_large, …'),
      message: z.string().describe('for people'),
      details: z.unknown().optional().describe('for invalid_request: a list of { path, message }, e.g. { "path": "body.email", … }'),
    }),
  }), 'Error');

/** A list page: the items and the cursor of the next page (null on the last one). */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable().describe('pass as `cursor` for the next page; null on the last page') });

export const Cursor = z.string().min(1).max(512).optional().describe('the nextCursor of the page before');
export const Limit = z.coerce.number().int().min(1).max(200).default(50).describe('items per page, at most 200');
export const PageQuery = z.strictObject({ cursor: Cursor, limit: Limit });

/** An instant in requests: ISO 8601 with an offset (`2026-11-24T18:00:00Z`). */
export const InstantInput = z.iso.datetime({ offset: true });
/** An instant in responses: ISO 8601 in UTC. */
export const Instant = z.string().describe('ISO 8601 instant, UTC');

import { z } from 'zod';
import { ApiError } from './errors.js';

/** Cursors are opaque to clients: where the last page ended, as base64url JSON. */
export const encodeCursor = (position: unknown): string => Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');

export function decodeCursor<T extends z.ZodType>(cursor: string | undefined, schema: T): z.output<T> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const result = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (result.success) return result.data;
  } catch {
    // not JSON: refused below
  }
  throw new ApiError(400, 'invalid_request', 'the cursor is not one this endpoint gave out', [{ path: 'query.cursor', message: 'not a cursor of this list' }]);
}

const KeyCursor = z.strictObject({ a: z.string() });

/** For lists ordered by a unique key: the key to start after. */
export const decodeKeyCursor = (cursor: string | undefined): string | undefined => decodeCursor(cursor, KeyCursor)?.a;

/** Loads one more than the page to know whether there is a next one. */
export async function keyPage<T>(limit: number, load: (limit: number) => Promise<T[]>, keyOf: (item: T) => string) {
  const items = await load(limit + 1);
  const more = items.length > limit;
  if (more) items.length = limit;
  return { items, nextCursor: more ? encodeCursor({ a: keyOf(items.at(-1)!) }) : null };
}

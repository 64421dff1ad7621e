/** A page of a list, and where the next page starts when there is one. */
export interface Page<T, K> {
  items: T[];
  next: K | null;
}

/**
 * Reads one item more than the page holds — to know, without counting, whether another page
 * follows — and keeps the page; the next page starts after the last item kept.
 */
export async function readPage<T, K>(limit: number, read: (limit: number) => Promise<T[]>, keyOf: (last: T) => K): Promise<Page<T, K>> {
  const items = await read(limit + 1);
  const more = items.length > limit;
  if (more) items.length = limit;
  const last = items.at(-1);
  return { items, next: more && last !== undefined ? keyOf(last) : null };
}

/**
 * Rows per statement, or keys per `in (…)` list: far below the bound parameters either store
 * takes in one statement (32,766 on SQLite, 65,535 on PostgreSQL) for the widest row we write.
 */
export const ROWS_PER_STATEMENT = 500;

/** The items in runs of at most `size`, in order: one statement each. */
export function* chunks<T>(items: readonly T[], size = ROWS_PER_STATEMENT): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

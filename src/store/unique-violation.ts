/** SQLite's extended result codes for a primary key or unique constraint that an insert would break. */
const SQLITE_UNIQUE = new Set(['SQLITE_CONSTRAINT_PRIMARYKEY', 'SQLITE_CONSTRAINT_UNIQUE']);
/** PostgreSQL's SQLSTATE for unique_violation. */
const PG_UNIQUE = '23505';

/**
 * Whether an insert failed because the key is taken, on either store. Inserting and catching this
 * is how a create tells "exists already" without a check that a concurrent create could slip past.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (SQLITE_UNIQUE.has(code) || code === PG_UNIQUE);
}

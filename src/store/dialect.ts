import { PostgresAdapter } from 'kysely';

/** The few places the two stores differ (row locks, auto-increment columns) ask this. */
export function isPostgres(db: { getExecutor(): { readonly adapter: unknown } }): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

import type { Kysely, Migration } from 'kysely';

/**
 * Submissions refused before they became leads (a form post that filled in the honeypot): kept
 * with what was posted, so that an admin can see the spam and recover a real lead caught by it.
 */
export const rejectedSubmissions: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('rejected_submissions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('fields', 'text', (c) => c.notNull())
      .addColumn('received_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('rejected_submissions_received').on('rejected_submissions').columns(['received_at']).execute();
  },
};

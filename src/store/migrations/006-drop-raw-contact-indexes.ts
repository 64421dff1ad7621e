import type { Kysely, Migration } from 'kysely';

/**
 * Leads are found by their dedupe keys (004), never by the email or phone as typed: the indexes
 * on those only made every capture's commit write two more pages.
 */
export const dropRawContactIndexes: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.dropIndex('leads_email').execute();
    await db.schema.dropIndex('leads_phone').execute();
  },
};

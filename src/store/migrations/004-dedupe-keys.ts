import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';

/**
 * Leads keep the keys they are deduped by — the mailbox their email delivers to (no `+tag`, no
 * Gmail dots) and their E.164 phone — so that a duplicate is found through an index. Leads
 * stored before keep their email and phone as keys, which were already normalised.
 */
export const dedupeKeys: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('leads').addColumn('email_key', 'text').execute();
    await db.schema.alterTable('leads').addColumn('phone_key', 'text').execute();
    await sql`update leads set email_key = email, phone_key = phone`.execute(db);
    await db.schema.createIndex('leads_email_key').on('leads').column('email_key').execute();
    await db.schema.createIndex('leads_phone_key').on('leads').column('phone_key').execute();
  },
};

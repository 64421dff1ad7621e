import type { Kysely, Migration } from 'kysely';

/** How each rep wants to be told of a new lead (email, SMS); null keeps the configuration's default. */
export const repChannels: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('reps').addColumn('channels', 'text').execute();
  },
};

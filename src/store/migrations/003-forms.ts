import type { Kysely, Migration } from 'kysely';

/**
 * Form sources: a key that public form posts and Google Ads webhooks name, the field mapping,
 * the honeypot field, where to send the browser next and who may post from a browser. Lists and
 * the mapping are JSON text; `google_key` is the shared secret Google sends back, kept as given.
 */
export const forms: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('forms')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('mapping', 'text', (c) => c.notNull())
      .addColumn('honeypot', 'text')
      .addColumn('thank_you_url', 'text')
      .addColumn('allowed_redirect_hosts', 'text', (c) => c.notNull())
      .addColumn('allowed_origins', 'text', (c) => c.notNull())
      .addColumn('google_key', 'text')
      .addColumn('source', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};

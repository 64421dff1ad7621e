import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * An external id is the sending system's id for the lead, so it is unique within the lead's
 * source, not across sources: a Google Ads lead_id may well equal a CRM's id. The unique column
 * now holds the source and the id together (`<source>\u001f<id>`, the source empty when there is
 * none); the id itself stays in the lead's fields. The column is renamed, which keeps its unique
 * index on both stores.
 */
export const externalKey: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table leads rename column external_id to external_key`.execute(db);
    const separator = isPostgres(db) ? sql`chr(31)` : sql`char(31)`;
    await sql`update leads set external_key = coalesce(source, '') || ${separator} || external_key where external_key is not null`.execute(db);
  },
};

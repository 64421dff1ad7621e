import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from '../dialect.js';

/** What the leads index below carries besides its key: every column a report reads of a lead. */
const REPORTED_LEAD_COLUMNS = ['is_test', 'owner_id', 'team_key', 'source', 'status', 'offered_at', 'assigned_at', 'contacted_at', 'revenue'];

/**
 * What the reports read (GET /v1/reports/{name}), so that a year of a million leads is
 * answered from indexes:
 *
 * - Events name the rep they are about (offered to, accepted by, …) in a column of their own, not
 *   only inside `data`, so they are counted per rep without reading JSON; events stored before
 *   get it from their `data`. A partial index holds just the events the reports count, with the
 *   lead and the rep: the join to the window's leads never reads the events table itself.
 * - The leads' index by creation (`leads_created`: created_at, id — the order lists page in) is
 *   replaced by one with the same key that also carries the columns reports group and measure
 *   by, so a report over a window reads that index alone. On SQLite, which has no INCLUDE, they
 *   are key columns after the unique id, which leaves the order as it was.
 */
export const reports: Migration = {
  async up(db: Kysely<unknown>) {
    const postgres = isPostgres(db);
    await db.schema.alterTable('lead_events').addColumn('rep_id', 'text').execute();
    const repId = postgres ? sql`data::jsonb ->> 'repId'` : sql`json_extract(data, '$.repId')`;
    await sql`update lead_events set rep_id = ${repId} where data like '%"repId"%'`.execute(db);
    await db.schema
      .createIndex('lead_events_report')
      .on('lead_events')
      .columns(['lead_id', 'type', 'rep_id'])
      .where(sql<boolean>`type in ('offered', 'accepted', 'rejected', 'expired', 'assigned', 'sla-breached')`)
      .execute();

    if (postgres) await sql`create index leads_created_report on leads (created_at, id) include (${sql.raw(REPORTED_LEAD_COLUMNS.join(', '))})`.execute(db);
    else await db.schema.createIndex('leads_created_report').on('leads').columns(['created_at', 'id', ...REPORTED_LEAD_COLUMNS]).execute();
    await db.schema.dropIndex('leads_created').execute();
  },
};

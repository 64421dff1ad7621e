import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from '../dialect.js';

const DAY_MS = 86_400_000;

/**
 * Reports over long windows read figures kept per day of lead creation (UTC) instead of every
 * lead and event of the window:
 *
 * - `report_days`: a day's figures per rep, team and source, as JSON — its counts, and the
 *   durations percentiles are taken over — rebuilt from the leads and events when the day is stale.
 * - `report_stale_days`: the days whose leads or reported events changed since. Triggers mark
 *   them, so no write — the service's, an import's, a bulk load's — can leave a day's figures
 *   wrong: a report rebuilds the stale days it reads first. (PostgreSQL marks once per
 *   statement, from its transition table; SQLite, which has only row triggers, once per row.)
 *
 * Every day that holds leads starts stale.
 */
export const reportDays: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('report_days')
      .addColumn('day', 'integer', (c) => c.notNull())
      .addColumn('dim', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('counts', 'text', (c) => c.notNull())
      .addColumn('speed', 'text', (c) => c.notNull())
      .addColumn('accept', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('report_days_pk', ['dim', 'day', 'key'])
      .execute();
    await db.schema.createTable('report_stale_days').addColumn('day', 'integer', (c) => c.primaryKey()).execute();

    const day = (column: string) => sql.raw(`${column} / ${DAY_MS}`);
    const reported = sql.raw(`('offered', 'accepted', 'rejected', 'expired', 'assigned', 'sla-breached')`);
    if (isPostgres(db)) {
      await sql`
        create function report_stale_leads() returns trigger language plpgsql as $$
        begin
          insert into report_stale_days (day) select distinct ${day('created_at')} from changed on conflict do nothing;
          return null;
        end $$`.execute(db);
      await sql`
        create function report_stale_events() returns trigger language plpgsql as $$
        begin
          insert into report_stale_days (day)
            select distinct ${day('l.created_at')} from changed e join leads l on l.id = e.lead_id where e.type in ${reported}
            on conflict do nothing;
          return null;
        end $$`.execute(db);
      for (const event of ['insert', 'update', 'delete']) {
        const rows = event === 'delete' ? 'old' : 'new';
        await sql`create trigger ${sql.raw(`leads_report_stale_${event}`)} after ${sql.raw(event)} on leads referencing ${sql.raw(rows)} table as changed for each statement execute function report_stale_leads()`.execute(db);
      }
      await sql`create trigger lead_events_report_stale after insert on lead_events referencing new table as changed for each statement execute function report_stale_events()`.execute(db);
    } else {
      for (const event of ['insert', 'update', 'delete']) {
        const row = event === 'delete' ? 'old' : 'new';
        await sql`create trigger ${sql.raw(`leads_report_stale_${event}`)} after ${sql.raw(event)} on leads begin insert or ignore into report_stale_days (day) values (${day(`${row}.created_at`)}); end`.execute(db);
      }
      await sql`
        create trigger lead_events_report_stale after insert on lead_events when new.type in ${reported}
        begin insert or ignore into report_stale_days (day) select ${day('created_at')} from leads where id = new.lead_id; end`.execute(db);
    }
    await sql`insert into report_stale_days (day) select distinct ${day('created_at')} from leads`.execute(db);
  },
};

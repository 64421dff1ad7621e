import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * The lead's life after routing: the offers made (and to whom, so nobody is offered it twice),
 * when it was offered, accepted, first contacted and closed, and how it ended. Timers — offer
 * expiry, first-contact SLA, hold re-check — are rows, one per lead and kind, so a restart or a
 * second instance neither loses nor repeats one.
 */
export const lifecycle: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('leads').addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('leads').addColumn('tried_reps', 'text', (c) => c.notNull().defaultTo('[]')).execute();
    await db.schema.alterTable('leads').addColumn('offered_at', 'bigint').execute();
    await db.schema.alterTable('leads').addColumn('assigned_at', 'bigint').execute();
    await db.schema.alterTable('leads').addColumn('contacted_at', 'bigint').execute();
    await db.schema.alterTable('leads').addColumn('closed_at', 'bigint').execute();
    await db.schema.alterTable('leads').addColumn('revenue', 'real').execute();
    await db.schema.alterTable('leads').addColumn('lost_reason', 'text').execute();
    // A pull takes the queue's best lead — highest score (unscored last), then oldest — straight
    // from the index, however deep the queue. (PostgreSQL sorts nulls first in descending order.)
    const score = isPostgres(db) ? sql`score desc nulls last` : sql`score desc`;
    await db.schema.createIndex('leads_queue').on('leads').expression(sql`status, queue, ${score}, created_at, id`).execute();

    await db.schema
      .createTable('timers')
      .addColumn('lead_id', 'text', (c) => c.notNull().references('leads.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('run_at', 'bigint', (c) => c.notNull())
      .addColumn('attempt', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('timers_pk', ['lead_id', 'kind'])
      .execute();
    await db.schema.createIndex('timers_due').on('timers').columns(['run_at']).execute();
  },
};

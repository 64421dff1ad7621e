import type { Kysely, Migration } from 'kysely';

/**
 * The outbox: every message (to a rep, a manager, the lead, a webhook) is a row written in the
 * transaction of the change that causes it, with a key that makes it unique; dispatchers claim
 * due rows for a short lease, deliver, and record the attempt. Webhook subscriptions too.
 */
export const notifications: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('notifications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('lead_id', 'text', (c) => c.references('leads.id'))
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
      .addColumn('locked_until', 'bigint')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('sent_at', 'bigint')
      .execute();
    await db.schema.createIndex('notifications_due').on('notifications').columns(['status', 'next_attempt_at']).execute();
    await db.schema.createIndex('notifications_created').on('notifications').columns(['created_at', 'id']).execute();
    await db.schema.createIndex('notifications_recipient').on('notifications').columns(['recipient', 'sent_at']).execute();

    await db.schema
      .createTable('webhooks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('events', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('format', 'text', (c) => c.notNull().defaultTo('json'))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};

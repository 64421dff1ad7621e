import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A message's text moves to a table of its own. The outbox row is written three times in its
 * life — added, leased by a dispatcher, marked sent or failed — and with the rendered message in
 * it (a few kilobytes of HTML and text) each lease and each mark rewrote whole pages: the
 * dispatcher wrote a third of what a capture did. The message is written once; the row that
 * changes is small.
 *
 * The recipient index serves rate limits, which count messages sent: it keeps sent rows only, so
 * adding a message to the outbox does not touch it.
 */
export const notificationMessages: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('notification_messages')
      .addColumn('notification_id', 'text', (c) => c.primaryKey().references('notifications.id'))
      .addColumn('message', 'text', (c) => c.notNull())
      .execute();
    await sql`insert into notification_messages (notification_id, message) select id, message from notifications`.execute(db);
    await db.schema.alterTable('notifications').dropColumn('message').execute();
    await db.schema.dropIndex('notifications_recipient').execute();
    await db.schema.createIndex('notifications_recipient').on('notifications').columns(['recipient', 'sent_at']).where(sql.ref('sent_at'), 'is not', null).execute();
  },
};

import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { externalKey, findLeadsByExternalKeys } from '../repositories/leads.js';
import { getNotification } from '../repositories/notifications.js';
import { STORES } from '../test-support.js';
import { migrationProvider } from './index.js';

describe.each(STORES)('upgrading a store on $name', (target) => {
  let close: () => Promise<void> = async () => {};
  afterEach(async () => close());

  /** A new database brought up to migration `before`, to store data as it was then, and the step on to the latest migration. */
  async function storedBefore(before: string) {
    const store = await target.open({ migrated: false });
    close = store.close;
    const migrator = new Migrator({ db: store.db, provider: migrationProvider, ...(store.schema && { migrationTableSchema: store.schema }) });
    expect((await migrator.migrateTo(before)).error).toBeUndefined();
    return { db: store.db, upgrade: async () => expect((await migrator.migrateToLatest()).error).toBeUndefined() };
  }

  it('migration 010 (reports) gives the events stored before it the rep their data names', async () => {
    const { db, upgrade } = await storedBefore('009-rep-channels');
    await sql`insert into leads (id, status, fields, created_at, updated_at) values ('l1', 'offered', '{}', 1, 1)`.execute(db);
    await sql`insert into lead_events (lead_id, type, at, actor, data) values
      ('l1', 'captured', 1, null, '{"source":"web"}'), ('l1', 'offered', 2, null, '{"repId":"ava","team":"t1"}'), ('l1', 'held', 3, null, null)`.execute(db);
    await upgrade();
    const rows = await db.selectFrom('lead_events').select(['type', 'rep_id']).orderBy('id').execute();
    expect(rows).toEqual([
      { type: 'captured', rep_id: null },
      { type: 'offered', rep_id: 'ava' },
      { type: 'held', rep_id: null },
    ]);
  });

  it('migration 012 (external keys) keeps replaying a lead stored before it by its source and external id, and no other source', async () => {
    const { db, upgrade } = await storedBefore('011-report-days');
    await sql`insert into leads (id, status, source, external_id, fields, created_at, updated_at) values
      ('l1', 'offered', 'crm', '77', '{"externalId":"77","source":"crm"}', 1, 1), ('l2', 'offered', null, '78', '{"externalId":"78"}', 1, 1)`.execute(db);
    await upgrade();
    const found = await findLeadsByExternalKeys(db, [externalKey('crm', '77'), externalKey(null, '78'), externalKey('web', '77')]);
    expect(found.get(externalKey('crm', '77'))).toMatchObject({ id: 'l1', externalId: '77' });
    expect(found.get(externalKey(null, '78'))).toMatchObject({ id: 'l2', externalId: '78' });
    expect(found.has(externalKey('web', '77'))).toBe(false);
  });

  it('migration 013 (notification messages) keeps the message of every outbox row stored before it', async () => {
    const { db, upgrade } = await storedBefore('012-external-key');
    await sql`insert into notifications (id, dedupe_key, kind, channel, recipient, message, status, attempts, next_attempt_at, created_at, sent_at) values
      ('n1', 'k1', 'rep-offered', 'email', 'ava@summit.example', '{"subject":"New lead"}', 'sent', 1, 1, 1, 2)`.execute(db);
    await upgrade();
    expect(await getNotification(db, 'n1')).toMatchObject({ status: 'sent', recipient: 'ava@summit.example', message: { subject: 'New lead' } });
  });
});

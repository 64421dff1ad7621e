import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { externalKey, findLeadsByExternalKeys } from '../repositories/leads.js';
import { getNotification } from '../repositories/notifications.js';
import { STORES, type StoreTarget } from '../test-support.js';
import { migrationProvider } from './index.js';

/** An empty database of the store and a migrator to bring it up step by step: what a migration does to the data stored before it. */
async function unmigrated(target: StoreTarget) {
  const store = await target.open({ migrated: false });
  const migrator = new Migrator({ db: store.db, provider: migrationProvider, ...(store.schema && { migrationTableSchema: store.schema }) });
  return { store, migrator };
}

describe.each(STORES)('migration 010 (reports) on $name', (target) => {
  let close: () => Promise<void> = async () => {};
  afterEach(async () => close());

  it('gives the events stored before it the rep their data names', async () => {
    const { store: opened, migrator } = await unmigrated(target);
    close = opened.close;
    expect((await migrator.migrateTo('009-rep-channels')).error).toBeUndefined();
    await sql`insert into leads (id, status, fields, created_at, updated_at) values ('l1', 'offered', '{}', 1, 1)`.execute(opened.db);
    await sql`insert into lead_events (lead_id, type, at, actor, data) values
      ('l1', 'captured', 1, null, '{"source":"web"}'), ('l1', 'offered', 2, null, '{"repId":"ava","team":"t1"}'), ('l1', 'held', 3, null, null)`.execute(opened.db);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const rows = await opened.db.selectFrom('lead_events').select(['type', 'rep_id']).orderBy('id').execute();
    expect(rows).toEqual([
      { type: 'captured', rep_id: null },
      { type: 'offered', rep_id: 'ava' },
      { type: 'held', rep_id: null },
    ]);
  });
});

describe.each(STORES)('migration 012 (external keys) on $name', (target) => {
  let close: () => Promise<void> = async () => {};
  afterEach(async () => close());

  it('keeps replaying a lead stored before it by its source and external id, and no other source', async () => {
    const { store: opened, migrator } = await unmigrated(target);
    close = opened.close;
    expect((await migrator.migrateTo('011-report-days')).error).toBeUndefined();
    await sql`insert into leads (id, status, source, external_id, fields, created_at, updated_at) values
      ('l1', 'offered', 'crm', '77', '{"externalId":"77","source":"crm"}', 1, 1), ('l2', 'offered', null, '78', '{"externalId":"78"}', 1, 1)`.execute(opened.db);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const found = await findLeadsByExternalKeys(opened.db, [externalKey('crm', '77'), externalKey(null, '78'), externalKey('web', '77')]);
    expect(found.get(externalKey('crm', '77'))).toMatchObject({ id: 'l1', externalId: '77' });
    expect(found.get(externalKey(null, '78'))).toMatchObject({ id: 'l2', externalId: '78' });
    expect(found.has(externalKey('web', '77'))).toBe(false);
  });
});

describe.each(STORES)('migration 013 (notification messages) on $name', (target) => {
  let close: () => Promise<void> = async () => {};
  afterEach(async () => close());

  it('keeps the message of every outbox row stored before it', async () => {
    const { store: opened, migrator } = await unmigrated(target);
    close = opened.close;
    expect((await migrator.migrateTo('012-external-key')).error).toBeUndefined();
    await sql`insert into notifications (id, dedupe_key, kind, channel, recipient, message, status, attempts, next_attempt_at, created_at, sent_at) values
      ('n1', 'k1', 'rep-offered', 'email', 'ava@summit.example', '{"subject":"New lead"}', 'sent', 1, 1, 1, 2)`.execute(opened.db);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await getNotification(opened.db, 'n1')).toMatchObject({ status: 'sent', recipient: 'ava@summit.example', message: { subject: 'New lead' } });
  });
});

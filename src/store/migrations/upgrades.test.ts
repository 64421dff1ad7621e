import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../database.js';
import { findLeadByExternalId } from '../repositories/leads.js';
import { migrationProvider } from './index.js';

/** An empty database on each store, to be migrated step by step: what a migration does to the data stored before it. */
const TARGETS: { name: string; open(): Promise<{ db: Database; schema?: string; close(): Promise<void> }> }[] = [
  {
    name: 'sqlite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'leadrouter-migration-'));
      const db = openDatabase(`sqlite:${join(dir, 'test.db')}`);
      return {
        db,
        async close() {
          await db.destroy();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  ...(process.env.LEADROUTER_TEST_PG_URL
    ? [
        {
          name: 'postgres',
          async open() {
            const url = process.env.LEADROUTER_TEST_PG_URL!;
            // Dropped with the run's other schemas (test/pg-schemas.ts).
            const schema = `lr_test_${process.env.LEADROUTER_TEST_RUN ?? 'adhoc'}_${randomBytes(6).toString('hex')}`;
            const admin = new pg.Client({ connectionString: url });
            await admin.connect();
            await admin.query(`create schema ${schema}`);
            await admin.end();
            const db = openDatabase(url, { schema, poolSize: 2 });
            return { db, schema, close: () => db.destroy() };
          },
        },
      ]
    : []),
];

describe.each(TARGETS)('migration 010 (reports) on $name', (target) => {
  let close: () => Promise<void> = async () => {};
  afterEach(async () => close());

  it('gives the events stored before it the rep their data names', async () => {
    const opened = await target.open();
    close = opened.close;
    const migrator = new Migrator({ db: opened.db, provider: migrationProvider, ...(opened.schema && { migrationTableSchema: opened.schema }) });
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

describe.each(TARGETS)('migration 012 (external keys) on $name', (target) => {
  let close: () => Promise<void> = async () => {};
  afterEach(async () => close());

  it('keeps replaying a lead stored before it by its source and external id, and no other source', async () => {
    const opened = await target.open();
    close = opened.close;
    const migrator = new Migrator({ db: opened.db, provider: migrationProvider, ...(opened.schema && { migrationTableSchema: opened.schema }) });
    expect((await migrator.migrateTo('011-report-days')).error).toBeUndefined();
    await sql`insert into leads (id, status, source, external_id, fields, created_at, updated_at) values
      ('l1', 'offered', 'crm', '77', '{"externalId":"77","source":"crm"}', 1, 1), ('l2', 'offered', null, '78', '{"externalId":"78"}', 1, 1)`.execute(opened.db);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await findLeadByExternalId(opened.db, 'crm', '77')).toMatchObject({ id: 'l1', externalId: '77' });
    expect(await findLeadByExternalId(opened.db, null, '78')).toMatchObject({ id: 'l2', externalId: '78' });
    expect(await findLeadByExternalId(opened.db, 'web', '77')).toBeUndefined();
  });
});

import type { Kysely, Migration } from 'kysely';
import { isPostgres } from '../dialect.js';

/** Instants are epoch milliseconds, which need 64 bits; `bigint` is that on both stores. */
export const initial: Migration = {
  async up(db: Kysely<unknown>) {
    const postgres = isPostgres(db);
    const autoId = postgres ? 'bigserial' : 'integer';

    await db.schema
      .createTable('reps')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('timezone', 'text', (c) => c.notNull())
      .addColumn('working_hours', 'text')
      .addColumn('presence', 'text', (c) => c.notNull().defaultTo('online'))
      .addColumn('ooo_from', 'bigint')
      .addColumn('ooo_until', 'bigint')
      .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('skills', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('seniority', 'real', (c) => c.notNull().defaultTo(0))
      .addColumn('max_open_leads', 'integer')
      .addColumn('daily_cap', 'integer')
      .addColumn('open_leads', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('daily_date', 'text')
      .addColumn('daily_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('won', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('lost', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_assigned_at', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('reps_email').on('reps').column('email').execute();

    await db.schema
      .createTable('teams')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('territories', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('manager_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('team_members')
      .addColumn('team_key', 'text', (c) => c.notNull().references('teams.key').onDelete('cascade'))
      .addColumn('rep_id', 'text', (c) => c.notNull().references('reps.id'))
      .addColumn('weight', 'real', (c) => c.notNull().defaultTo(1))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('team_members_pk', ['team_key', 'rep_id'])
      .execute();

    await db.schema
      .createTable('team_branches')
      .addColumn('team_key', 'text', (c) => c.notNull().references('teams.key').onDelete('cascade'))
      .addColumn('branch_key', 'text', (c) => c.notNull().references('teams.key'))
      .addColumn('weight', 'real', (c) => c.notNull().defaultTo(1))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('team_branches_pk', ['team_key', 'branch_key'])
      .execute();

    await db.schema
      .createTable('routing_configs')
      .addColumn('version', 'integer', (c) => c.primaryKey())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .execute();

    await db.schema
      .createTable('settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('leads')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('source', 'text')
      .addColumn('external_id', 'text', (c) => c.unique())
      .addColumn('fields', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('email_domain', 'text')
      .addColumn('company_key', 'text')
      .addColumn('account_id', 'text')
      .addColumn('owner_id', 'text', (c) => c.references('reps.id'))
      .addColumn('team_key', 'text')
      .addColumn('queue', 'text')
      .addColumn('score', 'real')
      .addColumn('grade', 'text')
      .addColumn('route', 'text')
      .addColumn('config_version', 'integer')
      .addColumn('duplicate_of', 'text', (c) => c.references('leads.id'))
      .addColumn('is_test', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('leads_status_created').on('leads').columns(['status', 'created_at']).execute();
    await db.schema.createIndex('leads_created').on('leads').columns(['created_at', 'id']).execute();
    await db.schema.createIndex('leads_owner').on('leads').columns(['owner_id', 'status']).execute();
    await db.schema.createIndex('leads_email').on('leads').column('email').execute();
    await db.schema.createIndex('leads_phone').on('leads').column('phone').execute();

    await db.schema
      .createTable('lead_events')
      .addColumn('id', autoId, (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('lead_id', 'text', (c) => c.notNull().references('leads.id'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('actor', 'text')
      .addColumn('data', 'text')
      .execute();
    await db.schema.createIndex('lead_events_lead').on('lead_events').columns(['lead_id', 'id']).execute();

    await db.schema
      .createTable('decisions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('lead_id', 'text', (c) => c.notNull().references('leads.id'))
      .addColumn('config_version', 'integer')
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('ranked', 'text', (c) => c.notNull())
      .addColumn('explanation', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('decisions_lead').on('decisions').columns(['lead_id', 'created_at']).execute();

    await db.schema
      .createTable('strategy_state')
      .addColumn('scope', 'text', (c) => c.primaryKey())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('accounts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('domain', 'text', (c) => c.unique())
      .addColumn('company_key', 'text')
      .addColumn('owner_id', 'text', (c) => c.references('reps.id'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('accounts_company').on('accounts').column('company_key').execute();

    await db.schema
      .createTable('idempotency_keys')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('lead_id', 'text', (c) => c.notNull().references('leads.id'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};


import type { Db } from '../database.js';

const ACTIVE = 'active_config_version';

export interface StoredConfig {
  version: number;
  source: string;
  createdAt: number;
  createdBy: string | null;
}

/**
 * Stores a configuration as the next version. Versions are immutable once written. Two saves at
 * the same moment (on two instances) each get a version of their own: a number taken meanwhile
 * is skipped, without aborting the caller's transaction.
 */
export async function insertConfigVersion(db: Db, source: string, createdBy: string | null, now: number): Promise<number> {
  for (;;) {
    const last = await db.selectFrom('routing_configs').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    const inserted = await db
      .insertInto('routing_configs')
      .values({ version, source, created_at: now, created_by: createdBy })
      .onConflict((oc) => oc.column('version').doNothing())
      .returning('version')
      .executeTakeFirst();
    if (inserted) return version;
  }
}

export async function activateConfigVersion(db: Db, version: number): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: ACTIVE, value: String(version) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(version) }))
    .execute();
}

export async function getConfigVersion(db: Db, version: number): Promise<StoredConfig | undefined> {
  const row = await db.selectFrom('routing_configs').selectAll().where('version', '=', version).executeTakeFirst();
  return row && { version: row.version, source: row.source, createdAt: row.created_at, createdBy: row.created_by };
}

export async function activeConfigVersion(db: Db): Promise<number | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', ACTIVE).executeTakeFirst();
  return row ? Number(row.value) : null;
}

/** Newest first; with a page, `limit` at a time below the version `before`. */
export async function listConfigVersions(db: Db, page?: { limit: number; before?: number }): Promise<Omit<StoredConfig, 'source'>[]> {
  let query = db.selectFrom('routing_configs').select(['version', 'created_at', 'created_by']).orderBy('version', 'desc');
  if (page?.before !== undefined) query = query.where('version', '<', page.before);
  if (page) query = query.limit(page.limit);
  const rows = await query.execute();
  return rows.map((r) => ({ version: r.version, createdAt: r.created_at, createdBy: r.created_by }));
}

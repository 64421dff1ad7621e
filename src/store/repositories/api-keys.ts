import type { Db } from '../database.js';
import type { ApiKeysTable } from '../schema.js';

export type ApiKeyRole = 'admin' | 'manager' | 'rep' | 'capture';

/** An API key as stored: never the secret, only its hash (which stays in the store). */
export interface StoredApiKey {
  id: string;
  name: string;
  role: ApiKeyRole;
  repId: string | null;
  prefix: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

function fromRow(row: ApiKeysTable): StoredApiKey {
  return {
    id: row.id,
    name: row.name,
    role: row.role as ApiKeyRole,
    repId: row.rep_id,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export interface NewApiKey {
  id: string;
  name: string;
  role: ApiKeyRole;
  repId: string | null;
  keyHash: string;
  prefix: string;
}

/** Adds a key; fails with a unique violation (see isUniqueViolation) when a key with the same secret exists. */
export async function insertApiKey(db: Db, key: NewApiKey, now: number): Promise<void> {
  await db
    .insertInto('api_keys')
    .values({ id: key.id, name: key.name, role: key.role, rep_id: key.repId, key_hash: key.keyHash, prefix: key.prefix, created_at: now })
    .execute();
}

/** Who acts with these keys, by key id: the key's name, or the name of the rep a rep key is. */
export async function keyHolders(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('api_keys')
    .leftJoin('reps', 'reps.id', 'api_keys.rep_id')
    .select(['api_keys.id as id', 'api_keys.name as keyName', 'reps.name as repName'])
    .where('api_keys.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.repName ?? r.keyName]));
}

/** The key with this secret hash, revoked or not. */
export async function findApiKeyByHash(db: Db, keyHash: string): Promise<StoredApiKey | undefined> {
  const row = await db.selectFrom('api_keys').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
  return row && fromRow(row);
}

export async function getApiKey(db: Db, id: string): Promise<StoredApiKey | undefined> {
  const row = await db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
  return row && fromRow(row);
}

/** Oldest first, `limit` at a time; the cursor is the last key's (created_at, id). */
export async function listApiKeys(db: Db, page: { limit: number; after?: { createdAt: number; id: string } }): Promise<StoredApiKey[]> {
  let query = db.selectFrom('api_keys').selectAll();
  const after = page.after;
  if (after) {
    query = query.where((eb) => eb.or([eb('created_at', '>', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '>', after.id)])]));
  }
  const rows = await query.orderBy('created_at').orderBy('id').limit(page.limit).execute();
  return rows.map(fromRow);
}

export async function countActiveKeys(db: Db, role: ApiKeyRole): Promise<number> {
  const row = await db
    .selectFrom('api_keys')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('role', '=', role)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function revokeApiKey(db: Db, id: string, now: number): Promise<void> {
  await db.updateTable('api_keys').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export async function touchApiKey(db: Db, id: string, now: number): Promise<void> {
  await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', id).execute();
}

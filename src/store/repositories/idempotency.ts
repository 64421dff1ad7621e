import { chunks } from '../chunks.js';
import type { Db } from '../database.js';

/** The request an `Idempotency-Key` came with first, and the lead it was answered with. */
export interface IdempotencyRecord {
  key: string;
  requestHash: string;
  leadId: string;
}

/** The records of these keys that were used before, by key. */
export async function findIdempotencyKeys(db: Db, keys: readonly string[]): Promise<Map<string, IdempotencyRecord>> {
  const found = new Map<string, IdempotencyRecord>();
  for (const chunk of chunks([...new Set(keys)])) {
    const rows = await db.selectFrom('idempotency_keys').select(['key', 'request_hash', 'lead_id']).where('key', 'in', chunk).execute();
    for (const row of rows) found.set(row.key, { key: row.key, requestHash: row.request_hash, leadId: row.lead_id });
  }
  return found;
}

export async function saveIdempotencyKeys(db: Db, records: readonly IdempotencyRecord[], now: number): Promise<void> {
  for (const chunk of chunks(records)) {
    await db
      .insertInto('idempotency_keys')
      .values(chunk.map((r) => ({ key: r.key, request_hash: r.requestHash, lead_id: r.leadId, created_at: now })))
      .execute();
  }
}

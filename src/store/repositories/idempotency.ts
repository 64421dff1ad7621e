import type { Db } from '../database.js';

export async function findIdempotencyKey(db: Db, key: string): Promise<{ requestHash: string; leadId: string } | undefined> {
  const row = await db.selectFrom('idempotency_keys').select(['request_hash', 'lead_id']).where('key', '=', key).executeTakeFirst();
  return row && { requestHash: row.request_hash, leadId: row.lead_id };
}

export async function saveIdempotencyKey(db: Db, key: string, requestHash: string, leadId: string, now: number): Promise<void> {
  await db.insertInto('idempotency_keys').values({ key, request_hash: requestHash, lead_id: leadId, created_at: now }).execute();
}

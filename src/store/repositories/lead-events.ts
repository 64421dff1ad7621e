import type { Db } from '../database.js';
import { fromJson, toJson } from '../json.js';

export interface LeadEvent {
  type: string;
  at: number;
  actor: string | null;
  data?: Record<string, unknown>;
}

export async function addEvents(db: Db, leadId: string, events: readonly LeadEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('lead_events')
    .values(events.map((e) => ({ lead_id: leadId, type: e.type, at: e.at, actor: e.actor, data: e.data ? toJson(e.data) : null })))
    .execute();
}

/** A lead's timeline, oldest first. */
export async function timeline(db: Db, leadId: string): Promise<LeadEvent[]> {
  const rows = await db.selectFrom('lead_events').selectAll().where('lead_id', '=', leadId).orderBy('id').execute();
  return rows.map((r) => ({ type: r.type, at: r.at, actor: r.actor, ...(r.data && { data: fromJson<Record<string, unknown>>(r.data, {}) }) }));
}

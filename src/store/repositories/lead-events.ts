import type { Db } from '../database.js';
import { fromJson, toJson } from '../json.js';

export interface LeadEvent {
  type: string;
  at: number;
  actor: string | null;
  data?: Record<string, unknown>;
}

/** Rows per insert: far below the bound parameters either store takes in one statement. */
const ROWS_PER_INSERT = 500;

export async function addEvents(db: Db, leadId: string, events: readonly LeadEvent[]): Promise<void> {
  await insertEvents(db, events.map((event) => ({ leadId, event })));
}

/** Events of several leads, in order, in as few statements as the stores allow. */
export async function insertEvents(db: Db, rows: readonly { leadId: string; event: LeadEvent }[]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await db
      .insertInto('lead_events')
      .values(
        rows.slice(start, start + ROWS_PER_INSERT).map(({ leadId, event: e }) => ({ lead_id: leadId, type: e.type, at: e.at, actor: e.actor, data: e.data ? toJson(e.data) : null })),
      )
      .execute();
  }
}

/** A lead's timeline, oldest first. */
export async function timeline(db: Db, leadId: string): Promise<LeadEvent[]> {
  const rows = await db.selectFrom('lead_events').selectAll().where('lead_id', '=', leadId).orderBy('id').execute();
  return rows.map((r) => ({ type: r.type, at: r.at, actor: r.actor, ...(r.data && { data: fromJson<Record<string, unknown>>(r.data, {}) }) }));
}

import { chunks } from '../chunks.js';
import type { Db } from '../database.js';
import { fromJson, toJson } from '../json.js';

export interface LeadEvent {
  type: string;
  at: number;
  actor: string | null;
  data?: Record<string, unknown>;
}

export async function addEvents(db: Db, leadId: string, events: readonly LeadEvent[]): Promise<void> {
  await insertEvents(db, events.map((event) => ({ leadId, event })));
}

/** Events of several leads, in order, in as few statements as the stores allow. */
export async function insertEvents(db: Db, rows: readonly { leadId: string; event: LeadEvent }[]): Promise<void> {
  for (const chunk of chunks(rows)) {
    await db
      .insertInto('lead_events')
      .values(
        chunk.map(({ leadId, event: e }) => ({
          lead_id: leadId,
          type: e.type,
          at: e.at,
          actor: e.actor,
          data: e.data ? toJson(e.data) : null,
          rep_id: typeof e.data?.repId === 'string' ? e.data.repId : null,
        })),
      )
      .execute();
  }
}

/** A lead's timeline, oldest first. */
export async function timeline(db: Db, leadId: string): Promise<LeadEvent[]> {
  const rows = await db.selectFrom('lead_events').selectAll().where('lead_id', '=', leadId).orderBy('id').execute();
  return rows.map((r) => ({ type: r.type, at: r.at, actor: r.actor, ...(r.data && { data: fromJson<Record<string, unknown>>(r.data, {}) }) }));
}

/** A timeline event with where it is: its id (the order events were written in) and its lead. */
export interface StoredLeadEvent extends LeadEvent {
  id: number;
  leadId: string;
}

/** Event ids from `from` to `to`, both included; `to` null: no end. */
export interface IdRange {
  from: number;
  to: number | null;
}

/** The ids of the latest `count` events, in order. */
export async function latestEventIds(db: Db, count: number): Promise<number[]> {
  const rows = await db.selectFrom('lead_events').select('id').orderBy('id', 'desc').limit(count).execute();
  return rows.map((r) => Number(r.id)).reverse();
}

/** Events whose id is in one of `ranges` and in none of `except`, in id order, at most `limit`. */
export async function eventsInRanges(db: Db, ranges: readonly IdRange[], limit: number, except: readonly IdRange[] = []): Promise<StoredLeadEvent[]> {
  if (ranges.length === 0) return [];
  const rows = await db
    .selectFrom('lead_events')
    .selectAll()
    .where((eb) => {
      const within = (r: IdRange) => (r.to === null ? eb('id', '>=', r.from) : eb.between('id', r.from, r.to));
      const included = eb.or(ranges.map(within));
      return except.length === 0 ? included : eb.and([included, eb.not(eb.or(except.map(within)))]);
    })
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), leadId: r.lead_id, type: r.type, at: r.at, actor: r.actor, ...(r.data && { data: fromJson<Record<string, unknown>>(r.data, {}) }) }));
}

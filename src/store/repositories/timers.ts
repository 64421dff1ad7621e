import { chunks } from '../chunks.js';
import type { Db } from '../database.js';
import { isPostgres } from '../dialect.js';

import type { TimerKind } from '../../lifecycle/timers.js';

export type { TimerKind } from '../../lifecycle/timers.js';

export interface Timer {
  leadId: string;
  kind: TimerKind;
  runAt: number;
  /** The lead's offer count when it was set: a timer from an earlier offer is stale. */
  attempt: number;
}

/** Sets timers, replacing a pending one of the same kind for the same lead. */
export async function setTimers(db: Db, timers: readonly Timer[], now: number): Promise<void> {
  for (const chunk of chunks(timers)) {
    await db
      .insertInto('timers')
      .values(chunk.map((t) => ({ lead_id: t.leadId, kind: t.kind, run_at: t.runAt, attempt: t.attempt, created_at: now })))
      .onConflict((oc) => oc.columns(['lead_id', 'kind']).doUpdateSet((eb) => ({ run_at: eb.ref('excluded.run_at'), attempt: eb.ref('excluded.attempt'), created_at: now })))
      .execute();
  }
}

/** Removes the leads' pending timers (all kinds): what they waited for no longer applies. */
export async function clearTimers(db: Db, leadIds: readonly string[]): Promise<void> {
  for (const chunk of chunks(leadIds)) {
    await db.deleteFrom('timers').where('lead_id', 'in', chunk).execute();
  }
}

/**
 * The timers due at `now`, earliest first, claimed for this transaction: on PostgreSQL the rows
 * stay locked until it ends and other instances skip them, so each timer is applied by one
 * instance only; a timer whose transaction rolls back (or whose process dies) is due again.
 */
export async function claimDueTimers(db: Db, now: number, limit: number): Promise<Timer[]> {
  let query = db.selectFrom('timers').selectAll().where('run_at', '<=', now).orderBy('run_at').orderBy('lead_id').limit(limit);
  if (isPostgres(db)) query = query.forUpdate().skipLocked();
  const rows = await query.execute();
  return rows.map((r) => ({ leadId: r.lead_id, kind: r.kind as TimerKind, runAt: r.run_at, attempt: r.attempt }));
}

export async function deleteTimer(db: Db, timer: Pick<Timer, 'leadId' | 'kind'>): Promise<void> {
  await db.deleteFrom('timers').where('lead_id', '=', timer.leadId).where('kind', '=', timer.kind).execute();
}

/** The pending timers of these kinds for these leads. */
export async function timersOf(db: Db, leadIds: readonly string[], kinds: readonly TimerKind[]): Promise<Timer[]> {
  const timers: Timer[] = [];
  for (const chunk of chunks(leadIds)) {
    const rows = await db.selectFrom('timers').selectAll().where('lead_id', 'in', chunk).where('kind', 'in', kinds).execute();
    for (const r of rows) timers.push({ leadId: r.lead_id, kind: r.kind as TimerKind, runAt: r.run_at, attempt: r.attempt });
  }
  return timers;
}

export async function pendingTimers(db: Db, leadId: string): Promise<Timer[]> {
  const rows = await db.selectFrom('timers').selectAll().where('lead_id', '=', leadId).orderBy('kind').execute();
  return rows.map((r) => ({ leadId: r.lead_id, kind: r.kind as TimerKind, runAt: r.run_at, attempt: r.attempt }));
}

/** Brings every hold re-check forward to `now`: something changed that may let held leads through. */
export async function wakeHeldLeads(db: Db, now: number): Promise<void> {
  await db.updateTable('timers').set({ run_at: now }).where('kind', '=', 'hold-recheck').where('run_at', '>', now).execute();
}

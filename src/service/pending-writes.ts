import type { Decision, StrategyState } from '../engine/index.js';
import type { Db } from '../store/database.js';
import { insertDecisions, type NewDecision } from '../store/repositories/decisions.js';
import { saveIdempotencyKeys, type IdempotencyRecord } from '../store/repositories/idempotency.js';
import { insertEvents, type LeadEvent } from '../store/repositories/lead-events.js';
import { capturedLead, insertLeads, type NewLead, type StoredLead } from '../store/repositories/leads.js';
import { enqueueNotifications, type NewNotification, type StoredNotification } from '../store/repositories/notifications.js';
import { recordAssignments, releaseLeads } from '../store/repositories/people.js';
import { writeState } from '../store/repositories/strategy-state.js';
import { clearTimers, setTimers, type Timer } from '../store/repositories/timers.js';

/**
 * What a routing transaction writes that nothing in it reads back from the store: new leads,
 * timeline events, decisions, timers, the strategy state and reps' counts. They are gathered
 * while the transaction routes and written just before the commit — a statement per table, one
 * state row per scope, one update per rep — instead of several statements for every lead.
 */
export class PendingWrites {
  private readonly leads: NewLead[] = [];
  /** The new leads as they will read once stored, by id. */
  readonly createdLeads = new Map<string, StoredLead>();
  private readonly idempotencyKeys: IdempotencyRecord[] = [];
  private readonly events: { leadId: string; event: LeadEvent }[] = [];
  private readonly decisions: NewDecision[] = [];
  /** The timers each lead waits for from now on; its earlier ones go. */
  private readonly timers = new Map<string, readonly Timer[]>();
  private readonly states = new Map<string, { state: StrategyState; version: number }>();
  /** New open leads per rep; a transaction has one instant, so one local day per rep. */
  private readonly assignments = new Map<string, { count: number; localDate: string }>();
  private readonly releases = new Map<string, number>();
  private readonly notifications: NewNotification[] = [];

  /** The timeline events gathered so far, in order. */
  get pendingEvents(): readonly { leadId: string; event: LeadEvent }[] {
    return this.events;
  }

  /** A captured lead, returned as it will read once stored. */
  lead(lead: NewLead): StoredLead {
    const stored = capturedLead(lead);
    this.leads.push(lead);
    this.createdLeads.set(lead.id, stored);
    return stored;
  }

  /** The request an `Idempotency-Key` came with and the lead it was answered with. */
  idempotencyKey(record: IdempotencyRecord): void {
    this.idempotencyKeys.push(record);
  }

  event(leadId: string, ...events: LeadEvent[]): void {
    for (const event of events) this.events.push({ leadId, event });
  }

  decision(id: string, leadId: string, decision: Decision, now: number): void {
    this.decisions.push({ id, leadId, decision, now });
  }

  /** Replaces the lead's pending timers with these (none: it waits for nothing now). */
  timersFor(leadId: string, timers: readonly Timer[]): void {
    this.timers.set(leadId, timers);
  }

  state(scope: string, state: StrategyState, version: number): void {
    this.states.set(scope, { state, version });
  }

  assignment(repId: string, localDate: string): void {
    const seen = this.assignments.get(repId);
    this.assignments.set(repId, { count: (seen?.count ?? 0) + 1, localDate });
  }

  notify(notifications: readonly NewNotification[]): void {
    this.notifications.push(...notifications);
  }

  release(repId: string): void {
    this.releases.set(repId, (this.releases.get(repId) ?? 0) + 1);
  }

  /** Writes it all; the messages due now come leased until `leaseUntil` (if given) and are returned. */
  async flush(trx: Db, now: number, leaseUntil: number | null): Promise<StoredNotification[]> {
    await insertLeads(trx, this.leads);
    await saveIdempotencyKeys(trx, this.idempotencyKeys, now);
    await insertDecisions(trx, this.decisions);
    await insertEvents(trx, this.events);
    await clearTimers(trx, [...this.timers.keys()]);
    await setTimers(trx, [...this.timers.values()].flat(), now);
    for (const [scope, { state, version }] of this.states) await writeState(trx, scope, state, version, now);
    for (const [repId, { count, localDate }] of this.assignments) await recordAssignments(trx, repId, count, localDate, now);
    for (const [repId, count] of this.releases) await releaseLeads(trx, repId, count, now);
    return enqueueNotifications(trx, this.notifications, now, leaseUntil);
  }
}

import type { Decision, StrategyState } from '../engine/index.js';
import type { Db } from '../store/database.js';
import { insertDecisions, type NewDecision } from '../store/repositories/decisions.js';
import { insertEvents, type LeadEvent } from '../store/repositories/lead-events.js';
import { recordAssignments } from '../store/repositories/people.js';
import { writeState } from '../store/repositories/strategy-state.js';

/**
 * What a capture transaction writes that nothing in it reads back: timeline events, decisions,
 * the strategy state and reps' counts. They are gathered while the batch is captured and written
 * just before the commit — a statement per table, one state row per scope, one update per rep —
 * instead of several statements for every lead.
 */
export class CaptureWrites {
  private readonly events: { leadId: string; event: LeadEvent }[] = [];
  private readonly decisions: NewDecision[] = [];
  private readonly states = new Map<string, { state: StrategyState; version: number }>();
  /** New open leads per rep; a batch has one instant, so one local day per rep. */
  private readonly assignments = new Map<string, { count: number; localDate: string }>();

  event(leadId: string, ...events: LeadEvent[]): void {
    for (const event of events) this.events.push({ leadId, event });
  }

  decision(id: string, leadId: string, decision: Decision, now: number): void {
    this.decisions.push({ id, leadId, decision, now });
  }

  state(scope: string, state: StrategyState, version: number): void {
    this.states.set(scope, { state, version });
  }

  assignment(repId: string, localDate: string): void {
    const seen = this.assignments.get(repId);
    this.assignments.set(repId, { count: (seen?.count ?? 0) + 1, localDate });
  }

  async flush(trx: Db, now: number): Promise<void> {
    await insertDecisions(trx, this.decisions);
    await insertEvents(trx, this.events);
    for (const [scope, { state, version }] of this.states) await writeState(trx, scope, state, version, now);
    for (const [repId, { count, localDate }] of this.assignments) await recordAssignments(trx, repId, count, localDate, now);
  }
}

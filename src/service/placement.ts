import type { CompiledConfig, Decision } from '../engine/index.js';
import type { LeadStatus } from '../lifecycle/statuses.js';
import type { LeadEvent } from '../store/repositories/lead-events.js';
import type { LeadState } from '../store/repositories/leads.js';
import type { Timer } from '../store/repositories/timers.js';
import type { RoutingSession } from './routing-session.js';

/** How long a held lead waits before it is looked at again, when no better instant is known. */
export const HOLD_RECHECK_MS = 15 * 60_000;

/** Where a decision puts a lead: its new state, what the timeline says, and the timers it now waits for. */
export interface PlacementChange {
  state: Pick<LeadState, 'status' | 'ownerId' | 'team' | 'queue' | 'score' | 'grade' | 'route' | 'configVersion' | 'attempts' | 'offeredAt' | 'assignedAt'>;
  events: LeadEvent[];
  timers: Timer[];
}

function statusOf(outcome: Decision['outcome']): LeadStatus {
  switch (outcome.type) {
    case 'offer':
      return outcome.autoAccept ? 'assigned' : 'offered';
    case 'queue':
      return 'queued';
    case 'hold':
      return 'held';
    case 'unqualified':
      return 'unqualified';
  }
}

/** The first-contact deadline of a lead assigned now, if the configuration sets one. */
export function firstContactTimer(config: CompiledConfig | null, leadId: string, attempt: number, now: number): Timer[] {
  return config?.sla ? [{ leadId, kind: 'first-contact', runAt: now + config.sla.firstContactMs, attempt }] : [];
}

/**
 * Applies a decision to a lead in the session: the rep it is offered to takes it on (their load
 * and daily count), and the result says the lead's new state, its timeline events from `routed`
 * on, and its timers (offer expiry, first-contact deadline, hold re-check). `attempts` is the
 * number of offers made before this decision.
 */
export function place(session: RoutingSession, leadId: string, decision: Decision | null, decisionId: string, attempts: number): PlacementChange {
  const now = session.now;
  const config = session.config;
  if (!decision || !config) {
    return {
      state: { status: 'held', ownerId: null, team: null, queue: null, score: null, grade: null, route: null, configVersion: null, attempts, offeredAt: null, assignedAt: null },
      events: [{ type: 'held', at: now, actor: null, data: { reason: 'no active routing configuration' } }],
      timers: [{ leadId, kind: 'hold-recheck', runAt: now + HOLD_RECHECK_MS, attempt: attempts }],
    };
  }
  const { outcome } = decision;
  session.writes.decision(decisionId, leadId, decision, now);
  const events: LeadEvent[] = [
    { type: 'scored', at: now, actor: null, data: { score: decision.score, grade: decision.grade } },
    { type: 'routed', at: now, actor: null, data: { decisionId, route: decision.route, summary: decision.explanation.summary } },
  ];
  const timers: Timer[] = [];
  const offered = outcome.type === 'offer';
  const made = offered ? attempts + 1 : attempts;
  if (outcome.type === 'offer') {
    session.assign(outcome.repId);
    events.push({ type: outcome.autoAccept ? 'assigned' : 'offered', at: now, actor: null, data: { repId: outcome.repId, team: outcome.team, attempt: made } });
    if (outcome.autoAccept) timers.push(...firstContactTimer(config, leadId, made, now));
    else timers.push({ leadId, kind: 'offer-expiry', runAt: now + config.offer.timeoutMs, attempt: made });
  } else if (outcome.type === 'queue') {
    events.push({ type: 'queued', at: now, actor: null, data: { queue: outcome.queue } });
  } else if (outcome.type === 'hold') {
    events.push({ type: 'held', at: now, actor: null, data: { reason: outcome.reason, route: outcome.route } });
    if (outcome.reason === 'unavailable') timers.push({ leadId, kind: 'hold-recheck', runAt: holdRecheckAt(decision, now), attempt: made });
  } else {
    events.push({ type: 'unqualified', at: now, actor: null, data: { score: decision.score } });
  }
  return {
    state: {
      status: statusOf(outcome),
      ownerId: offered ? outcome.repId : null,
      team: offered ? outcome.team : null,
      queue: outcome.type === 'queue' ? outcome.queue : null,
      score: decision.score,
      grade: decision.grade,
      route: decision.route,
      configVersion: config.version,
      attempts: made,
      offeredAt: offered ? now : null,
      assignedAt: offered && outcome.autoAccept ? now : null,
    },
    events,
    timers,
  };
}

/**
 * When a held lead is looked at again: when the engine says someone may be free (a working day
 * starts, an absence ends), else after HOLD_RECHECK_MS. Changes that free someone up at other
 * times (a presence change, a closed lead) bring the re-check forward themselves.
 */
export function holdRecheckAt(decision: Decision, now: number): number {
  return decision.recheckAt ?? now + HOLD_RECHECK_MS;
}

import type { Decision } from '../engine/index.js';
import { isOwned } from '../lifecycle/statuses.js';
import { allowedActions, allows, type LeadAction } from '../lifecycle/transitions.js';
import type { Db } from '../store/database.js';
import type { LeadEvent } from '../store/repositories/lead-events.js';
import { getLead, lockLead, updateLeadState, type LeadState, type StoredLead } from '../store/repositories/leads.js';
import { getTeam, recordOutcome } from '../store/repositories/people.js';
import { wakeHeldLeads, type TimerKind } from '../store/repositories/timers.js';
import type { CaptureDeps } from './capture.js';
import { ServiceError } from './errors.js';
import { newId } from './ids.js';
import { firstContactTimer, HOLD_RECHECK_MS, holdRecheckAt, place } from './placement.js';
import { RoutingSession } from './routing-session.js';
import { routingTransaction } from './routing-transaction.js';

/** Who acts on a lead: an API key, acting as a rep (a rep key) or over everyone's leads. */
export interface Caller {
  /** For the timeline: the API key id, or `timer` for what the clock did. */
  actor: string;
  /** Set for a rep key: the rep may act only on their own leads. */
  repId: string | null;
}

export interface LifecycleResult {
  lead: StoredLead;
  /** The decision that placed the lead again, when the action routed it. */
  decision: Decision | null;
}

/** What an action does to a locked lead inside its transaction. */
type Change = (lead: StoredLead, session: RoutingSession, trx: Db) => Promise<Decision | null | void>;

/** Any activity but a note is a contact with the lead. */
export type ActivityType = 'contacted' | 'call' | 'email' | 'meeting' | 'note';

function refused(lead: StoredLead, action: LeadAction): ServiceError {
  const allowed = allowedActions(lead.status);
  return new ServiceError('conflict', `cannot ${action} a lead that is ${lead.status}; allowed now: ${allowed.length ? allowed.join(', ') : 'nothing'}`, {
    status: lead.status,
    allowed,
  });
}

/**
 * Runs one action on one lead in one transaction: the lead is locked, checked against the
 * transition table and the caller's rights, changed, and everything the change implies (the
 * timeline, timers, reps' loads, a new decision) commits with it — or nothing does.
 */
async function act(deps: CaptureDeps, leadId: string, caller: Caller, action: LeadAction, change: Change): Promise<LifecycleResult> {
  return routingTransaction(deps, async (trx) => {
    const lead = await lockLead(trx, leadId);
    // A rep sees only their own leads: anyone else's is as good as missing.
    if (!lead || (caller.repId !== null && lead.ownerId !== caller.repId)) throw new ServiceError('not_found', `no lead "${leadId}"`);
    return actOn(trx, deps, lead, action, change);
  });
}

/** The action on a lead this transaction has locked. */
export async function actOn(trx: Db, deps: CaptureDeps, lead: StoredLead, action: LeadAction, change: Change): Promise<LifecycleResult> {
  if (!allows(lead.status, action)) throw refused(lead, action);
  const session = await RoutingSession.open(trx, deps);
  const decision = (await change(lead, session, trx)) ?? null;
  await session.finish();
  return { lead: (await getLead(trx, lead.id))!, decision };
}

async function save(trx: Db, session: RoutingSession, lead: StoredLead, state: Partial<LeadState>, ...events: LeadEvent[]): Promise<void> {
  await updateLeadState(trx, lead.id, state, session.now);
  session.writes.event(lead.id, ...events);
}

/** Tells the lead's managers (the notifications issue delivers it): a timeline event they are named in. */
async function alertManagers(trx: Db, session: RoutingSession, lead: StoredLead, reason: 'expired' | 'sla-breached' | 'reassigned' | 'unroutable'): Promise<void> {
  const team = lead.team ? await getTeam(trx, lead.team) : undefined;
  session.writes.event(lead.id, { type: 'manager-alerted', at: session.now, actor: null, data: { reason, team: lead.team, managerIds: team?.managerIds ?? [] } });
}

/**
 * Routes a lead again, never to the reps in `tried`: the next best rep is offered it, or it is
 * queued or held. After the configured number of offers, the configuration's `offer.onExhausted`
 * applies.
 */
async function reroute(trx: Db, session: RoutingSession, lead: StoredLead, tried: string[]): Promise<Decision | null> {
  const decision = await session.decide(lead.fields, { excluded: tried, attempts: lead.attempts });
  const placed = place(session, lead.id, decision, newId(session.now), lead.attempts);
  await save(trx, session, lead, { ...placed.state, triedReps: tried }, ...placed.events);
  session.writes.timersFor(lead.id, placed.timers);
  if (placed.state.status === 'held' && decision?.outcome.type === 'hold' && decision.outcome.reason === 'unroutable') await alertManagers(trx, session, lead, 'unroutable');
  return decision;
}

/** The owner gives the lead up: their load drops and they are never offered it again. */
function giveUp(session: RoutingSession, lead: StoredLead): string[] {
  const owner = lead.ownerId!;
  session.release(owner);
  return lead.triedReps.includes(owner) ? lead.triedReps : [...lead.triedReps, owner];
}

export function accept(deps: CaptureDeps, leadId: string, caller: Caller): Promise<LifecycleResult> {
  return act(deps, leadId, caller, 'accept', async (lead, session, trx) => {
    const now = session.now;
    await save(trx, session, lead, { status: 'assigned', assignedAt: now }, { type: 'accepted', at: now, actor: caller.actor, data: { repId: lead.ownerId } });
    session.writes.timersFor(lead.id, firstContactTimer(session.config, lead.id, lead.attempts, now));
  });
}

export function reject(deps: CaptureDeps, leadId: string, caller: Caller, reason: string | null): Promise<LifecycleResult> {
  return act(deps, leadId, caller, 'reject', async (lead, session, trx) => {
    session.writes.event(lead.id, { type: 'rejected', at: session.now, actor: caller.actor, data: { repId: lead.ownerId, reason } });
    return reroute(trx, session, lead, giveUp(session, lead));
  });
}

export function logActivity(deps: CaptureDeps, leadId: string, caller: Caller, activity: { type: ActivityType; note?: string | null }): Promise<LifecycleResult> {
  const contact = activity.type !== 'note';
  return act(deps, leadId, caller, contact ? 'contact' : 'note', async (lead, session, trx) => {
    const now = session.now;
    const event: LeadEvent = { type: contact ? 'contacted' : 'note', at: now, actor: caller.actor, data: { activity: activity.type, note: activity.note ?? null } };
    if (!contact || lead.status === 'contacted') {
      session.writes.event(lead.id, event);
      return;
    }
    await save(trx, session, lead, { status: 'contacted', contactedAt: now }, event);
    session.writes.timersFor(lead.id, []);
  });
}

export type Outcome = { outcome: 'won'; revenue: number | null } | { outcome: 'lost'; reason: string | null };

export function closeLead(deps: CaptureDeps, leadId: string, caller: Caller, result: Outcome): Promise<LifecycleResult> {
  return act(deps, leadId, caller, result.outcome === 'won' ? 'win' : 'lose', async (lead, session, trx) => {
    const now = session.now;
    const won = result.outcome === 'won';
    await save(
      trx,
      session,
      lead,
      { status: result.outcome, closedAt: now, revenue: won ? result.revenue : null, lostReason: won ? null : result.reason },
      { type: result.outcome, at: now, actor: caller.actor, data: won ? { revenue: result.revenue } : { reason: result.reason } },
    );
    session.writes.timersFor(lead.id, []);
    if (lead.ownerId && isOwned(lead.status)) {
      session.release(lead.ownerId);
      await recordOutcome(trx, lead.ownerId, result.outcome, now);
      await wakeHeldLeads(trx, now);
    }
  });
}

/**
 * A manager moves the lead: to the rep named (assigned to them at once), or through routing
 * again without its current owner. The owner before loses it from their load.
 */
export function reassign(deps: CaptureDeps, leadId: string, caller: Caller, to: { repId?: string | null; reason?: string | null }): Promise<LifecycleResult> {
  return act(deps, leadId, caller, 'reassign', async (lead, session, trx) => {
    const now = session.now;
    const from = isOwned(lead.status) ? lead.ownerId : null;
    if (from) session.release(from);
    const event: LeadEvent = { type: 'reassigned', at: now, actor: caller.actor, data: { from, to: to.repId ?? null, reason: to.reason ?? null } };
    if (to.repId) {
      const rep = session.rep(to.repId);
      if (!rep) throw new ServiceError('invalid', `unknown rep "${to.repId}"`, [{ path: 'repId', message: `unknown rep "${to.repId}"` }]);
      if (rep.active === false) throw new ServiceError('invalid', `rep "${to.repId}" is not active`, [{ path: 'repId', message: 'not active' }]);
      session.assign(rep.id);
      const state: Partial<LeadState> = { status: 'assigned', ownerId: rep.id, queue: null, assignedAt: now, offeredAt: now, attempts: lead.attempts + 1 };
      await save(trx, session, lead, state, event, { type: 'assigned', at: now, actor: caller.actor, data: { repId: rep.id } });
      session.writes.timersFor(lead.id, firstContactTimer(session.config, lead.id, lead.attempts + 1, now));
      await alertManagers(trx, session, lead, 'reassigned');
      return null;
    }
    session.writes.event(lead.id, event);
    await alertManagers(trx, session, lead, 'reassigned');
    return reroute(trx, session, lead, from && !lead.triedReps.includes(from) ? [...lead.triedReps, from] : lead.triedReps);
  });
}

/** The offer's window passed: the next best rep is offered the lead, and the manager is told. */
const expireOffer: Change = async (lead, session, trx) => {
  session.writes.event(lead.id, { type: 'expired', at: session.now, actor: null, data: { repId: lead.ownerId } });
  await alertManagers(trx, session, lead, 'expired');
  return reroute(trx, session, lead, giveUp(session, lead));
};

/** The owner did not contact the lead in time: it is reassigned (or only escalated, per configuration), and the manager is told. */
const breachFirstContact: Change = async (lead, session, trx) => {
  const onBreach = session.config?.sla?.onBreach ?? 'escalate';
  session.writes.event(lead.id, { type: 'sla-breached', at: session.now, actor: null, data: { repId: lead.ownerId, onBreach } });
  await alertManagers(trx, session, lead, 'sla-breached');
  session.writes.timersFor(lead.id, []);
  if (onBreach === 'reassign') return reroute(trx, session, lead, giveUp(session, lead));
};

/**
 * Looks at a held lead again: if someone eligible is available now it is routed; if not, it
 * waits for the next instant worth looking, and its timeline is left alone.
 */
const recheckHold: Change = async (lead, session, trx) => {
  const decision = await session.decide(lead.fields, { excluded: lead.triedReps, attempts: lead.attempts });
  if (!decision || (decision.outcome.type === 'hold' && decision.outcome.reason === 'unavailable')) {
    const runAt = decision ? holdRecheckAt(decision, session.now) : session.now + HOLD_RECHECK_MS;
    session.writes.timersFor(lead.id, [{ leadId: lead.id, kind: 'hold-recheck', runAt, attempt: lead.attempts }]);
    return null;
  }
  session.writes.event(lead.id, { type: 'released', at: session.now, actor: null });
  const placed = place(session, lead.id, decision, newId(session.now), lead.attempts);
  await save(trx, session, lead, placed.state, ...placed.events);
  session.writes.timersFor(lead.id, placed.timers);
  return decision;
};

/** The change each timer's action makes (see TIMERS for the action and the status it expects). */
export const TIMER_CHANGES: Readonly<Record<TimerKind, Change>> = {
  'offer-expiry': expireOffer,
  'first-contact': breachFirstContact,
  'hold-recheck': recheckHold,
};

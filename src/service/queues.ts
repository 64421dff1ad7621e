import { pullRefusal, pullRefusalText, pullsFrom, Roster, type CompiledConfig, type QueuePullers } from '../engine/index.js';
import { allowedActions, allows } from '../lifecycle/transitions.js';
import { claimQueuedLead, getLead, queueDepths, updateLeadState, type StoredLead } from '../store/repositories/leads.js';
import { listReps, listTeams, lockRep } from '../store/repositories/people.js';
import type { CaptureDeps } from './capture.js';
import { ServiceError } from './errors.js';
import type { Caller } from './lifecycle.js';
import { firstContactTimer } from './placement.js';
import { RoutingSession } from './routing-session.js';
import { routingTransaction } from './routing-transaction.js';

/** The rep a pull is for: a rep key pulls for its own rep; an admin or manager key names one. */
function pullerOf(caller: Caller, repId: string | null): string {
  if (caller.repId !== null) {
    if (repId !== null && repId !== caller.repId) throw new ServiceError('forbidden', 'a rep key pulls leads for its own rep only');
    return caller.repId;
  }
  if (repId === null) throw new ServiceError('invalid', 'name the rep to pull the lead for', [{ path: 'repId', message: 'required with an admin or manager key' }]);
  return repId;
}

/**
 * A rep takes the next lead from a queue — its highest-priority, then oldest — and it is assigned
 * to them at once, in one transaction: the rep must be eligible (active, below capacity and their
 * daily cap; being at work goes without saying), the lead counts against their load, and its
 * first-contact deadline starts. Concurrent pullers, on any number of instances, each get a lead
 * of their own. Null when the queue is empty.
 */
export async function pull(deps: CaptureDeps, queue: string, caller: Caller, forRep: string | null = null): Promise<StoredLead | null> {
  const repId = pullerOf(caller, forRep);
  return routingTransaction(deps, async (trx) => {
    // Locked before the people are read: two pulls by one rep check their capacity one after the other.
    if (!(await lockRep(trx, repId))) throw new ServiceError('invalid', `unknown rep "${repId}"`, [{ path: 'repId', message: `unknown rep "${repId}"` }]);
    const session = await RoutingSession.open(trx, deps);
    const refusal = pullRefusal(session.rosterNow(), repId, queue, session.config?.queues.get(queue), session.now);
    if (refusal) throw new ServiceError('conflict', `rep "${repId}" cannot pull from ${queue} now: ${pullRefusalText(refusal)}`, { repId, exclusion: refusal });
    const lead = await claimQueuedLead(trx, queue);
    if (!lead) return null;
    if (!allows(lead.status, 'pull')) {
      throw new ServiceError('conflict', `cannot pull a lead that is ${lead.status}`, { status: lead.status, allowed: allowedActions(lead.status) });
    }
    const now = session.now;
    const attempts = lead.attempts + 1;
    session.assign(repId);
    await updateLeadState(trx, lead.id, { status: 'assigned', ownerId: repId, queue: null, team: null, offeredAt: now, assignedAt: now, attempts }, now);
    session.writes.event(
      lead.id,
      { type: 'pulled', at: now, actor: caller.actor, data: { queue, repId } },
      { type: 'assigned', at: now, actor: caller.actor, data: { repId } },
    );
    session.writes.timersFor(lead.id, firstContactTimer(session.config, lead.id, attempts, now));
    await session.finish();
    return (await getLead(trx, lead.id))!;
  });
}

export interface QueueSummary {
  key: string;
  /** Leads waiting in it now. */
  depth: number;
  /** When the lead that has waited longest was captured; null when the queue is empty. */
  oldestAt: number | null;
  oldestAgeSeconds: number | null;
  /** Who may pull from it. */
  pullers: QueuePullers;
  /** For a rep: whether they pull from this queue (one of its pullers, with what it requires), even if not this minute; null for anyone else. */
  mayPull: boolean | null;
}

/** The queues the configuration names: those routes and the fallback assign to, where exhausted offers go, and those it says who pulls from. */
function configuredQueues(config: CompiledConfig | null): string[] {
  if (!config) return [];
  const routes = config.fallback ? [...config.routes, config.fallback] : config.routes;
  const targets = routes.flatMap((route) => (route.target.kind === 'queue' ? [route.target.queue] : []));
  return [...targets, ...(config.offer.onExhausted ? [config.offer.onExhausted] : []), ...config.queues.keys()];
}

/**
 * Every queue with its depth and oldest lead, by key: those the active configuration names,
 * empty or not, and any other that still holds leads (one an earlier configuration named).
 */
export async function listQueues(deps: CaptureDeps, caller: Caller): Promise<QueueSummary[]> {
  const now = deps.clock.now();
  const config = await deps.configs.active(deps.db);
  const depths = new Map((await queueDepths(deps.db)).map((d) => [d.queue, d]));
  const keys = new Set([...configuredQueues(config), ...depths.keys()]);
  const roster = caller.repId === null ? null : new Roster(await listReps(deps.db), await listTeams(deps.db), deps.zones);
  return [...keys].sort().map((key) => {
    const held = depths.get(key);
    const queue = config?.queues.get(key);
    return {
      key,
      depth: held?.depth ?? 0,
      oldestAt: held?.oldestAt ?? null,
      oldestAgeSeconds: held ? Math.max(0, Math.floor((now - held.oldestAt) / 1000)) : null,
      pullers: queue?.pullers ?? 'everyone',
      mayPull: roster && caller.repId !== null ? pullsFrom(roster, caller.repId, key, queue, now) : null,
    };
  });
}

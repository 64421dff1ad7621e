import type { Decision, Lead } from '../engine/index.js';
import type { Database } from '../store/database.js';
import type { LeadEvent } from '../store/repositories/lead-events.js';
import type { StoredLead } from '../store/repositories/leads.js';
import { CaptureLookups } from './capture-lookups.js';
import { newId } from './ids.js';
import { place } from './placement.js';
import { RoutingSession, type RoutingDeps } from './routing-session.js';
import { routingTransaction } from './routing-transaction.js';

/** A lead to capture, already normalised, with what account matching and retries need. */
export interface CaptureInput {
  lead: Lead;
  isTest?: boolean;
  /** An `Idempotency-Key` and a hash of the request body it came with. */
  idempotency?: { key: string; requestHash: string };
  /** Who captured it (an API key id, a form key), for the timeline. */
  actor?: string | null;
}

export type CaptureResult =
  | { kind: 'created'; lead: StoredLead; decision: Decision | null }
  /** The same request again (idempotency key or external id): the lead it created then. */
  | { kind: 'replayed'; lead: StoredLead }
  /** An open lead with the same email or phone exists: the submission was linked to it. */
  | { kind: 'duplicate'; lead: StoredLead };

export interface CaptureDeps extends RoutingDeps {
  db: Database;
}

/** The timeline of a fresh capture up to routing: where it came from and whose account it is. */
function captureEvents(input: CaptureInput, lead: Lead, now: number): LeadEvent[] {
  const events: LeadEvent[] = [{ type: 'captured', at: now, actor: input.actor ?? null, data: { source: lead.source ?? null, ...(input.isTest && { test: true }) } }];
  if (lead.account) events.push({ type: 'account-matched', at: now, actor: null, data: { accountId: lead.account.id, ownerId: lead.account.ownerId ?? null } });
  return events;
}

/** One lead inside a capture transaction. */
async function captureOne(session: RoutingSession, lookups: CaptureLookups, input: CaptureInput): Promise<CaptureResult> {
  const now = session.now;
  const replay = lookups.replayOf(input);
  if (replay) return { kind: 'replayed', lead: replay };
  const answered = (lead: StoredLead, created: boolean) => {
    lookups.answered(input, lead, created);
    if (input.idempotency) session.writes.idempotencyKey({ ...input.idempotency, leadId: lead.id });
  };

  const duplicate = lookups.duplicateOf(input);
  if (duplicate) {
    session.writes.event(duplicate.id, { type: 'duplicate-received', at: now, actor: input.actor ?? null, data: { source: input.lead.source ?? null, fields: input.lead } });
    answered(duplicate, false);
    return { kind: 'duplicate', lead: duplicate };
  }

  const account = lookups.accountOf(input);
  const lead: Lead = account ? { ...input.lead, account: { id: account.id, ownerId: account.ownerId } } : input.lead;
  const id = newId(now);
  const decision = await session.decide(lead);
  const placed = place(session, id, decision, newId(now), 0);
  const stored = session.writes.lead({ id, fields: lead, ...lookups.keysOf(input), isTest: input.isTest ?? false, now, placement: placed.state });
  answered(stored, true);
  session.writes.event(id, ...captureEvents(input, lead, now), ...placed.events);
  if (placed.timers.length > 0) session.writes.timersFor(id, placed.timers);
  return { kind: 'created', lead: stored, decision };
}

/**
 * Captures leads in one transaction: each is deduped (against the store and the leads before
 * it), matched to its account, routed, and recorded — the lead, its timeline, the decision with
 * its explanation, the strategy state and the rep's load. When this returns, all are committed;
 * if it throws, none is.
 */
export async function captureBatch(deps: CaptureDeps, inputs: readonly CaptureInput[]): Promise<CaptureResult[]> {
  // The state cache learns each write as it happens; should the transaction roll back, the
  // versions no longer match the store's and the next capture re-reads them.
  return routingTransaction(deps, async (trx) => {
    const session = await RoutingSession.open(trx, deps);
    const lookups = await CaptureLookups.read(trx, inputs);
    const results: CaptureResult[] = [];
    for (const input of inputs) results.push(await captureOne(session, lookups, input));
    await session.finish();
    return results;
  });
}

/** Captures one lead in a transaction of its own. */
export async function captureLead(deps: CaptureDeps, input: CaptureInput): Promise<CaptureResult> {
  return (await captureBatch(deps, [input]))[0]!;
}

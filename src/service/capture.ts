import { accountKeys, dedupeKeys } from '../capture/index.js';
import type { Decision, Lead } from '../engine/index.js';
import type { Database, Db } from '../store/database.js';
import { matchAccount } from '../store/repositories/accounts.js';
import { findIdempotencyKey, saveIdempotencyKey } from '../store/repositories/idempotency.js';
import type { LeadEvent } from '../store/repositories/lead-events.js';
import { findLeadByExternalId, findOpenDuplicate, getLead, insertLead, type StoredLead } from '../store/repositories/leads.js';
import { ServiceError } from './errors.js';
import { newId } from './ids.js';
import { place } from './placement.js';
import { RoutingSession, type RoutingDeps } from './routing-session.js';

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

/** A retry of an earlier capture answers with what that capture created. */
async function replayOf(trx: Db, input: CaptureInput): Promise<StoredLead | undefined> {
  if (input.idempotency) {
    const seen = await findIdempotencyKey(trx, input.idempotency.key);
    if (seen) {
      if (seen.requestHash !== input.idempotency.requestHash) {
        throw new ServiceError('conflict', 'this Idempotency-Key was used before with a different request body', { idempotencyKey: input.idempotency.key });
      }
      return getLead(trx, seen.leadId);
    }
  }
  return input.lead.externalId ? findLeadByExternalId(trx, input.lead.source, input.lead.externalId) : undefined;
}

/** One lead inside a capture transaction. */
async function captureOne(trx: Db, session: RoutingSession, input: CaptureInput): Promise<CaptureResult> {
  const now = session.now;
  const replay = await replayOf(trx, input);
  if (replay) return { kind: 'replayed', lead: replay };

  const dedupe = dedupeKeys(input.lead);
  const emailKey = dedupe.find((k) => k.kind === 'email')?.value ?? null;
  const phoneKey = dedupe.find((k) => k.kind === 'phone')?.value ?? null;
  const duplicate = await findOpenDuplicate(trx, emailKey, phoneKey);
  if (duplicate) {
    session.writes.event(duplicate.id, { type: 'duplicate-received', at: now, actor: input.actor ?? null, data: { source: input.lead.source ?? null, fields: input.lead } });
    if (input.idempotency) await saveIdempotencyKey(trx, input.idempotency.key, input.idempotency.requestHash, duplicate.id, now);
    return { kind: 'duplicate', lead: duplicate };
  }

  const keys = accountKeys(input.lead);
  const emailDomain = keys.find((k) => k.kind === 'domain')?.value ?? null;
  const companyKey = keys.find((k) => k.kind === 'company')?.value ?? null;
  const account = await matchAccount(trx, emailDomain, companyKey);
  const lead: Lead = account ? { ...input.lead, account: { id: account.id, ownerId: account.ownerId } } : input.lead;
  const id = newId(now);
  const decision = await session.decide(lead);
  const placed = place(session, id, decision, newId(now), 0);
  const stored = await insertLead(trx, { id, fields: lead, emailKey, phoneKey, emailDomain, companyKey, isTest: input.isTest ?? false, now, placement: placed.state });
  if (input.idempotency) await saveIdempotencyKey(trx, input.idempotency.key, input.idempotency.requestHash, id, now);
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
  const result = await deps.db.transaction().execute(async (trx) => {
    const session = await RoutingSession.open(trx, deps);
    const results: CaptureResult[] = [];
    for (const input of inputs) results.push(await captureOne(trx, session, input));
    await session.finish();
    return results;
  });
  // Committed: whatever it put in the outbox goes now.
  deps.outbox.wake();
  return result;
}

/** Captures one lead in a transaction of its own. */
export async function captureLead(deps: CaptureDeps, input: CaptureInput): Promise<CaptureResult> {
  return (await captureBatch(deps, [input]))[0]!;
}

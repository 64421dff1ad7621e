import { accountKeys, dedupeKeys } from '../capture/index.js';
import { DateTime } from 'luxon';
import { decide, Roster, type CompiledConfig, type Decision, type Lead, type Rep, type Team, type ZoneClock } from '../engine/index.js';
import type { Database, Db } from '../store/database.js';
import { isPostgres } from '../store/dialect.js';
import { matchAccount } from '../store/repositories/accounts.js';
import { findIdempotencyKey, saveIdempotencyKey } from '../store/repositories/idempotency.js';
import type { LeadEvent } from '../store/repositories/lead-events.js';
import { findLeadByExternalId, findOpenDuplicate, getLead, insertLead, type LeadStatus, type StoredLead } from '../store/repositories/leads.js';
import { listReps, listTeams } from '../store/repositories/people.js';
import { lockStates } from '../store/repositories/strategy-state.js';
import { CaptureWrites } from './capture-writes.js';
import type { Clock } from './clock.js';
import type { ConfigCache } from './config-cache.js';
import type { StrategyStateCache } from './state-cache.js';
import { ServiceError } from './errors.js';
import { newId } from './ids.js';

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

export interface CaptureDeps {
  db: Database;
  clock: Clock;
  configs: ConfigCache;
  states: StrategyStateCache;
  /** Time-zone offsets this process has worked out, kept from one roster to the next. */
  zones: ZoneClock;
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

/** How many times a capture re-decides when another instance changed what it decided on. */
const MAX_REDECISIONS = 8;

/**
 * What one transaction knows while it captures leads: the configuration and the people, read
 * once and kept up to date with what the transaction itself writes.
 */
interface Session {
  config: CompiledConfig | null;
  reps: Rep[];
  teams: Team[];
  roster: Roster | null;
  /** Reps whose row this transaction has locked and checked: its snapshot of them is current. */
  verified: Set<string>;
  writes: CaptureWrites;
}

async function openSession(trx: Db, deps: CaptureDeps): Promise<Session> {
  return { config: await deps.configs.active(trx), reps: await listReps(trx), teams: await listTeams(trx), roster: null, verified: new Set(), writes: new CaptureWrites() };
}

const rosterOf = (session: Session, zones: ZoneClock) => (session.roster ??= new Roster(session.reps, session.teams, zones));

async function reloadPeople(trx: Db, session: Session): Promise<void> {
  session.reps = await listReps(trx);
  session.teams = await listTeams(trx);
  session.roster = null;
}

/** The session's own copy of a rep after the transaction gave them a lead. */
function countAssignment(session: Session, repId: string, localDate: string, now: number): void {
  session.reps = session.reps.map((rep) =>
    rep.id !== repId
      ? rep
      : {
          ...rep,
          openLeads: (rep.openLeads ?? 0) + 1,
          daily: { date: localDate, count: rep.daily?.date === localDate ? rep.daily.count + 1 : 1 },
          lastAssignedAt: new Date(now).toISOString(),
        },
  );
  session.roster = null;
}

/**
 * Decides with the freshest strategy state, locked. The first decision uses the state this
 * process last saw; the rows it wants to change are then locked (on PostgreSQL), and if another
 * instance moved them meanwhile, or took the picked rep's last free slot, the lead is decided
 * again on what is now locked. So two instances never rotate from the same state.
 */
async function decideLocked(trx: Db, lead: Lead, deps: CaptureDeps, session: Session, locked: Map<string, number>, now: number) {
  const config = session.config;
  if (!config) return null;
  for (let attempt = 0; ; attempt++) {
    const roster = rosterOf(session, deps.zones);
    const decision = decide({ lead, config, roster, state: deps.states.state, now });
    // The versions this decision was made on, taken before any await lets another capture move them.
    const basis = new Map(decision.stateChanges.map((c) => [c.scope, deps.states.version(c.scope)]));
    const unlocked = [...basis.keys()].filter((scope) => !locked.has(scope));
    let stale = false;
    for (const [scope, row] of await lockStates(trx, unlocked, now)) {
      stale ||= row.version !== basis.get(scope);
      deps.states.remember(scope, row.state, row.version);
      locked.set(scope, row.version);
    }
    const repMoved = decision.outcome.type === 'offer' && (await pickedRepChanged(trx, session, roster, decision.outcome.repId));
    if (repMoved) await reloadPeople(trx, session);
    if ((!stale && !repMoved) || attempt >= MAX_REDECISIONS) return { decision, config };
  }
}

/** Locks the picked rep's row (once per transaction) and tells whether their load changed since the roster was read. */
async function pickedRepChanged(trx: Db, session: Session, roster: Roster, repId: string): Promise<boolean> {
  if (session.verified.has(repId)) return false;
  let query = trx.selectFrom('reps').select(['open_leads', 'daily_count', 'daily_date']).where('id', '=', repId);
  if (isPostgres(trx)) query = query.forUpdate();
  const row = await query.executeTakeFirstOrThrow();
  session.verified.add(repId);
  const seen = roster.reps.get(repId)!.rep;
  return row.open_leads !== (seen.openLeads ?? 0) || row.daily_count !== (seen.daily?.count ?? 0) || row.daily_date !== (seen.daily?.date ?? null);
}

/** The timeline of a fresh capture, from capture to where routing put it. */
function captureEvents(input: CaptureInput, lead: Lead, decision: Decision | null, decisionId: string, now: number): LeadEvent[] {
  const actor = input.actor ?? null;
  const events: LeadEvent[] = [{ type: 'captured', at: now, actor, data: { source: lead.source ?? null, ...(input.isTest && { test: true }) } }];
  if (lead.account) events.push({ type: 'account-matched', at: now, actor: null, data: { accountId: lead.account.id, ownerId: lead.account.ownerId ?? null } });
  if (!decision) {
    events.push({ type: 'held', at: now, actor: null, data: { reason: 'no active routing configuration' } });
    return events;
  }
  events.push({ type: 'scored', at: now, actor: null, data: { score: decision.score, grade: decision.grade } });
  events.push({ type: 'routed', at: now, actor: null, data: { decisionId, route: decision.route, summary: decision.explanation.summary } });
  const { outcome } = decision;
  if (outcome.type === 'offer') events.push({ type: outcome.autoAccept ? 'assigned' : 'offered', at: now, actor: null, data: { repId: outcome.repId, team: outcome.team } });
  else if (outcome.type === 'queue') events.push({ type: 'queued', at: now, actor: null, data: { queue: outcome.queue } });
  else if (outcome.type === 'hold') events.push({ type: 'held', at: now, actor: null, data: { reason: outcome.reason, route: outcome.route } });
  else events.push({ type: 'unqualified', at: now, actor: null, data: { score: decision.score } });
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
  return input.lead.externalId ? findLeadByExternalId(trx, input.lead.externalId) : undefined;
}

/** One lead inside a capture transaction. */
async function captureOne(trx: Db, deps: CaptureDeps, session: Session, locked: Map<string, number>, input: CaptureInput, now: number): Promise<CaptureResult> {
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
  const decided = await decideLocked(trx, lead, deps, session, locked, now);
  const decision = decided?.decision ?? null;
  const decisionId = newId(now);
  const outcome = decision?.outcome;
  const stored = await insertLead(trx, {
    id,
    fields: lead,
    emailKey,
    phoneKey,
    emailDomain,
    companyKey,
    isTest: input.isTest ?? false,
    now,
    placement: {
      status: outcome ? statusOf(outcome) : 'held',
      ownerId: outcome?.type === 'offer' ? outcome.repId : null,
      team: outcome?.type === 'offer' ? outcome.team : null,
      queue: outcome?.type === 'queue' ? outcome.queue : null,
      score: decision?.score ?? null,
      grade: decision?.grade ?? null,
      route: decision?.route ?? null,
      configVersion: decided?.config.version ?? null,
    },
  });
  if (input.idempotency) await saveIdempotencyKey(trx, input.idempotency.key, input.idempotency.requestHash, id, now);
  if (decision) {
    session.writes.decision(decisionId, id, decision, now);
    for (const change of decision.stateChanges) {
      const version = locked.get(change.scope)! + 1;
      session.writes.state(change.scope, change.state, version);
      locked.set(change.scope, version);
      deps.states.remember(change.scope, change.state, version);
    }
    if (decision.outcome.type === 'offer') {
      const repId = decision.outcome.repId;
      const localDate = DateTime.fromMillis(now, { zone: session.reps.find((r) => r.id === repId)!.timezone }).toISODate()!;
      session.writes.assignment(repId, localDate);
      countAssignment(session, repId, localDate, now);
    }
  }
  session.writes.event(id, ...captureEvents(input, lead, decision, decisionId, now));
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
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const session = await openSession(trx, deps);
    const locked = new Map<string, number>();
    const results: CaptureResult[] = [];
    for (const input of inputs) results.push(await captureOne(trx, deps, session, locked, input, now));
    await session.writes.flush(trx, now);
    return results;
  });
}

/** Captures one lead in a transaction of its own. */
export async function captureLead(deps: CaptureDeps, input: CaptureInput): Promise<CaptureResult> {
  return (await captureBatch(deps, [input]))[0]!;
}

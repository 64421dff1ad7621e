import { decide, isoDate, Roster, type CompiledConfig, type Decision, type Lead, type Rep, type Team, type ZoneClock } from '../engine/index.js';
import type { Db } from '../store/database.js';
import { isPostgres } from '../store/dialect.js';
import { getLeads } from '../store/repositories/leads.js';
import { listReps, listTeams } from '../store/repositories/people.js';
import { listWebhooks } from '../store/repositories/webhooks.js';
import { lockStates } from '../store/repositories/strategy-state.js';
import type { Clock } from './clock.js';
import type { ConfigCache } from './config-cache.js';
import type { OutboxSignal } from './outbox-signal.js';
import { noticesFor, type NoticeSettings } from './notices.js';
import { PendingWrites } from './pending-writes.js';
import type { StrategyStateCache } from './state-cache.js';

/** What routing needs, for one process on one database. */
export interface RoutingDeps {
  clock: Clock;
  configs: ConfigCache;
  states: StrategyStateCache;
  /** Time-zone offsets this process has worked out, kept from one roster to the next. */
  zones: ZoneClock;
  /** Told of every commit: new timeline events and outbox messages are there to read. */
  outbox: OutboxSignal;
  notices: NoticeSettings;
}

/** The timeline events that may call for a message (see noticesFor); a capture only when the lead gets an automatic reply. */
const NOTICE_EVENTS: ReadonlySet<string> = new Set(['offered', 'assigned', 'manager-alerted']);

/** How many times a decision is made again when another instance changed what it was made on. */
const MAX_REDECISIONS = 8;

/**
 * What one transaction knows while it routes leads: the configuration and the people, read once
 * and kept up to date with what the transaction itself changes, and the writes it will make.
 */
export class RoutingSession {
  roster: Roster | null = null;
  /** Reps whose row this transaction has locked and checked: its snapshot of them is current. */
  private readonly verified = new Set<string>();
  /** Strategy state rows this transaction has locked, with the version it holds. */
  private readonly locked = new Map<string, number>();
  readonly writes = new PendingWrites();

  private constructor(
    private readonly trx: Db,
    private readonly deps: RoutingDeps,
    readonly config: CompiledConfig | null,
    private reps: Rep[],
    private teams: Team[],
    readonly now: number,
  ) {}

  static async open(trx: Db, deps: RoutingDeps): Promise<RoutingSession> {
    return new RoutingSession(trx, deps, await deps.configs.active(trx), await listReps(trx), await listTeams(trx), deps.clock.now());
  }

  /** The people as this transaction sees them (its own assignments and releases included), prepared for the engine. */
  rosterNow(): Roster {
    return (this.roster ??= new Roster(this.reps, this.teams, this.deps.zones));
  }

  rep(repId: string): Rep | undefined {
    return this.reps.find((r) => r.id === repId);
  }

  /**
   * Decides with the freshest strategy state, locked. The first decision uses the state this
   * process last saw; the rows it wants to change are then locked (on PostgreSQL), and if another
   * instance moved them meanwhile, or took the picked rep's last free slot, the lead is decided
   * again on what is now locked. So two instances never rotate from the same state.
   */
  async decide(lead: Lead, tried: { excluded?: readonly string[]; attempts?: number } = {}): Promise<Decision | null> {
    const config = this.config;
    if (!config) return null;
    const states = this.deps.states;
    for (let attempt = 0; ; attempt++) {
      const roster = this.rosterNow();
      const decision = decide({ lead, config, roster, state: states.state, now: this.now, ...tried });
      // The versions this decision was made on, taken before any await lets another capture move them.
      const basis = new Map(decision.stateChanges.map((c) => [c.scope, states.version(c.scope)]));
      const unlocked = [...basis.keys()].filter((scope) => !this.locked.has(scope));
      let stale = false;
      for (const [scope, row] of await lockStates(this.trx, unlocked, this.now)) {
        stale ||= row.version !== basis.get(scope);
        states.remember(scope, row.state, row.version);
        this.locked.set(scope, row.version);
      }
      const repMoved = decision.outcome.type === 'offer' && (await this.pickedRepChanged(roster, decision.outcome.repId));
      if (repMoved) await this.reloadPeople();
      if ((!stale && !repMoved) || attempt >= MAX_REDECISIONS) {
        this.commitStateChanges(decision);
        return decision;
      }
    }
  }

  /** The decision's rotation moves become this transaction's (and this process's) state. */
  private commitStateChanges(decision: Decision): void {
    for (const change of decision.stateChanges) {
      const version = this.locked.get(change.scope)! + 1;
      this.writes.state(change.scope, change.state, version);
      this.locked.set(change.scope, version);
      this.deps.states.remember(change.scope, change.state, version);
    }
  }

  /** Locks the picked rep's row (once per transaction) and tells whether their load changed since the roster was read. */
  private async pickedRepChanged(roster: Roster, repId: string): Promise<boolean> {
    if (this.verified.has(repId)) return false;
    let query = this.trx.selectFrom('reps').select(['open_leads', 'daily_count', 'daily_date']).where('id', '=', repId);
    if (isPostgres(this.trx)) query = query.forUpdate();
    const row = await query.executeTakeFirstOrThrow();
    this.verified.add(repId);
    const seen = roster.reps.get(repId)!.rep;
    return row.open_leads !== (seen.openLeads ?? 0) || row.daily_count !== (seen.daily?.count ?? 0) || row.daily_date !== (seen.daily?.date ?? null);
  }

  private async reloadPeople(): Promise<void> {
    this.reps = await listReps(this.trx);
    this.teams = await listTeams(this.trx);
    this.roster = null;
  }

  /** The rep takes one more open lead, counted on their own calendar day. */
  assign(repId: string): void {
    const localDate = isoDate(this.deps.zones.local(this.rep(repId)!.timezone, this.now).day);
    this.writes.assignment(repId, localDate);
    this.changeRep(repId, (rep) => ({
      ...rep,
      openLeads: (rep.openLeads ?? 0) + 1,
      daily: { date: localDate, count: rep.daily?.date === localDate ? rep.daily.count + 1 : 1 },
      lastAssignedAt: new Date(this.now).toISOString(),
    }));
  }

  /** The rep no longer holds one of their open leads: their capacity frees up at once. */
  release(repId: string): void {
    this.writes.release(repId);
    this.changeRep(repId, (rep) => ({ ...rep, openLeads: Math.max((rep.openLeads ?? 0) - 1, 0) }));
  }

  private changeRep(repId: string, change: (rep: Rep) => Rep): void {
    this.reps = this.reps.map((rep) => (rep.id === repId ? change(rep) : rep));
    this.roster = null;
  }

  /** Writes what the session gathered, with the messages its events call for; call last, inside the transaction. */
  async finish(): Promise<void> {
    const entries = this.writes.pendingEvents;
    const replies = Boolean(this.config?.doc.notify?.lead?.autoResponse);
    const told = [...new Set(entries.filter((e) => NOTICE_EVENTS.has(e.event.type) || (replies && e.event.type === 'captured')).map((e) => e.leadId))];
    if (told.length > 0) {
      const created = this.writes.createdLeads;
      const [stored, webhooks] = await Promise.all([getLeads(this.trx, told.filter((id) => !created.has(id))), listWebhooks(this.trx, { activeOnly: true })]);
      const leads = new Map(stored.map((l) => [l.id, l]));
      for (const id of told) if (created.has(id)) leads.set(id, created.get(id)!);
      const context = { config: this.config, rep: (id: string) => this.rep(id), leads, webhooks, settings: this.deps.notices, now: this.now };
      this.writes.notify(noticesFor(entries, context));
    }
    this.deps.outbox.lease(this.trx, await this.writes.flush(this.trx, this.now, this.deps.outbox.leaseUntil(this.now)));
  }
}

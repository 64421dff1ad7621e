import { accountKeys } from '../capture/index.js';
import { decide, Roster, ZoneClock, type CompiledConfig, type Decision, type Lead, type Rep, type StrategyState, type Team } from '../engine/index.js';
import type { Database, Db } from '../store/database.js';
import { matchAccounts } from '../store/repositories/accounts.js';
import { listReps, listTeams } from '../store/repositories/people.js';
import { readAllStates } from '../store/repositories/strategy-state.js';
import type { Clock } from './clock.js';
import type { ConfigCache } from './config-cache.js';
import { ServiceError } from './errors.js';
import { compileDraft, type ConfigSource } from './routing-config.js';

export interface SimulateInput {
  leads: Lead[];
  /** A draft configuration to try; the live one when absent. */
  config?: ConfigSource;
  /** The instant to decide at (epoch ms); now when absent. */
  at?: number;
}

export interface SimulateResult {
  configVersion: number | null;
  at: number;
  decisions: { lead: Lead; decision: Decision }[];
}

/** What a simulation decides on: today's reps (with their load), teams and rotation state, read once and never changed. */
export interface Ground {
  readonly reps: readonly Rep[];
  readonly teams: readonly Team[];
  readonly state: Readonly<Record<string, StrategyState>>;
}

export async function readGround(db: Db): Promise<Ground> {
  const [reps, teams, states] = await Promise.all([listReps(db), listTeams(db), readAllStates(db)]);
  return { reps, teams, state: Object.fromEntries([...states].map(([scope, v]) => [scope, v.state])) };
}

/** The leads, each with the account it belongs to today as a capture would match it (a lead no account matches is left as it is). */
export async function withAccounts(db: Db, leads: readonly Lead[]): Promise<Lead[]> {
  const keys = leads.map((lead) => {
    const found = accountKeys(lead);
    return { domain: found.find((k) => k.kind === 'domain')?.value ?? null, companyKey: found.find((k) => k.kind === 'company')?.value ?? null };
  });
  const accounts = await matchAccounts(db, keys);
  return leads.map((lead, i) => {
    const account = accounts[i];
    return account ? { ...lead, account: { id: account.id, ownerId: account.ownerId } } : lead;
  });
}

/**
 * Decides the leads one after another under a configuration, each seeing the rotation and load
 * the ones before it would have left behind, as captures in a row would. Pure: the ground is
 * left as it is, so several configurations can be tried on the same one.
 */
export function decideInTurn(ground: Ground, config: CompiledConfig, leads: readonly Lead[], now: number): Decision[] {
  const state: Record<string, StrategyState> = { ...ground.state };
  const open = new Map(ground.reps.map((r) => [r.id, r.openLeads ?? 0]));
  const zones = new ZoneClock();
  let roster: Roster | null = null;
  return leads.map((lead) => {
    roster ??= new Roster(
      ground.reps.map((r) => ({ ...r, openLeads: open.get(r.id) ?? 0 })),
      ground.teams,
      zones,
    );
    const decision = decide({ lead, config, roster, state, now });
    for (const change of decision.stateChanges) state[change.scope] = change.state;
    if (decision.outcome.type === 'offer') {
      open.set(decision.outcome.repId, (open.get(decision.outcome.repId) ?? 0) + 1);
      roster = null;
    }
    return decision;
  });
}

/**
 * Decides the given leads against the live or a draft configuration, on today's reps, teams and
 * rotation state, and writes nothing (see decideInTurn).
 */
export async function simulate(deps: { db: Database; clock: Clock; configs: ConfigCache }, input: SimulateInput): Promise<SimulateResult> {
  const { db } = deps;
  const config = input.config !== undefined ? await compileDraft(db, input.config) : await deps.configs.active(db);
  if (!config) throw new ServiceError('invalid', 'no routing configuration is active: give a draft configuration to simulate with', [{ path: 'config', message: 'required while no configuration is active' }]);
  const now = input.at ?? deps.clock.now();
  const [ground, leads] = await Promise.all([readGround(db), withAccounts(db, input.leads)]);
  const decisions = decideInTurn(ground, config, leads, now);
  return { configVersion: config.version, at: now, decisions: leads.map((lead, i) => ({ lead, decision: decisions[i]! })) };
}

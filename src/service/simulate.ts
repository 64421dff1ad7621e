import { accountKeys } from '../capture/index.js';
import { decide, Roster, type Decision, type Lead, type StrategyState } from '../engine/index.js';
import type { Database } from '../store/database.js';
import { matchAccount } from '../store/repositories/accounts.js';
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

/**
 * Decides the given leads against the live or a draft configuration, on today's reps, teams and
 * rotation state, and writes nothing. Leads are decided one after another, each seeing the
 * rotation and load the ones before it would have left behind, as captures in a row would.
 */
export async function simulate(deps: { db: Database; clock: Clock; configs: ConfigCache }, input: SimulateInput): Promise<SimulateResult> {
  const { db } = deps;
  const config = input.config !== undefined ? await compileDraft(db, input.config) : await deps.configs.active(db);
  if (!config) throw new ServiceError('invalid', 'no routing configuration is active: give a draft configuration to simulate with', [{ path: 'config', message: 'required while no configuration is active' }]);
  const now = input.at ?? deps.clock.now();
  const [reps, teams, states] = await Promise.all([listReps(db), listTeams(db), readAllStates(db)]);
  const state: Record<string, StrategyState> = Object.fromEntries([...states].map(([scope, v]) => [scope, v.state]));
  const open = new Map(reps.map((r) => [r.id, r.openLeads ?? 0]));
  const decisions: SimulateResult['decisions'] = [];
  for (const given of input.leads) {
    const keys = accountKeys(given);
    const account = await matchAccount(db, keys.find((k) => k.kind === 'domain')?.value ?? null, keys.find((k) => k.kind === 'company')?.value ?? null);
    const lead: Lead = account ? { ...given, account: { id: account.id, ownerId: account.ownerId } } : given;
    const roster = new Roster(
      reps.map((r) => ({ ...r, openLeads: open.get(r.id) ?? 0 })),
      teams,
    );
    const decision = decide({ lead, config, roster, state, now });
    for (const change of decision.stateChanges) state[change.scope] = change.state;
    if (decision.outcome.type === 'offer') open.set(decision.outcome.repId, (open.get(decision.outcome.repId) ?? 0) + 1);
    decisions.push({ lead, decision });
  }
  return { configVersion: config.version, at: now, decisions };
}

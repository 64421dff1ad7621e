import { DateTime } from 'luxon';
import { decide, Roster, type CompiledConfig, type Decision, type PeopleDoc, type Rep, type StrategyState } from '../engine/index.js';
import type { LeadEntry } from './read-files.js';

export interface SimulatedLead extends LeadEntry {
  decision: Decision;
}

export interface SimulationInput {
  config: CompiledConfig;
  people: PeopleDoc;
  leads: readonly LeadEntry[];
  /** The instant every lead is decided at, epoch milliseconds. */
  now: number;
}

/** The rep after taking one more lead at `now`: one more open lead, one more today, last assigned now. */
function withOneMoreLead(rep: Rep, now: number): Rep {
  const today = DateTime.fromMillis(now, { zone: rep.timezone }).toISODate() ?? '';
  const count = rep.daily?.date === today ? rep.daily.count + 1 : 1;
  return { ...rep, openLeads: (rep.openLeads ?? 0) + 1, daily: { date: today, count }, lastAssignedAt: new Date(now).toISOString() };
}

/**
 * Decides the leads one after another, as the service would: each decision's strategy state is
 * the next one's input (so round robin rotates), and a rep who was offered a lead has one more
 * open lead (and one more today) for the leads after it. The engine stays pure; this
 * bookkeeping is what the store does between decisions.
 */
export function runSimulation({ config, people, leads, now }: SimulationInput): SimulatedLead[] {
  const reps = new Map(people.reps.map((rep) => [rep.id, rep as Rep]));
  let roster = new Roster([...reps.values()], people.teams);
  const state: Record<string, StrategyState> = {};
  return leads.map((entry) => {
    const decision = decide({ lead: entry.lead, config, roster, state, now });
    for (const change of decision.stateChanges) state[change.scope] = change.state;
    if (decision.outcome.type === 'offer') {
      const rep = reps.get(decision.outcome.repId);
      if (rep) {
        reps.set(rep.id, withOneMoreLead(rep, now));
        roster = new Roster([...reps.values()], people.teams);
      }
    }
    return { ...entry, decision };
  });
}

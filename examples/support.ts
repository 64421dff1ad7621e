/**
 * Shared by the example tests: reads an example organisation from its folder (routing.yaml,
 * people.yaml, leads.csv), emulates the account-match step of the lead lifecycle, and reduces a
 * decision to the few facts a test table asserts.
 */
import { join } from 'node:path';
import { readConfigFile, readLeadsFile, readPeopleFile } from '../src/cli/read-files.js';
import { decide, describeError, Roster, type CompiledConfig, type Decision, type Lead, type PeopleDoc, type StrategyState } from '../src/engine/index.js';

export interface Example {
  people: PeopleDoc;
  roster: Roster;
  config: CompiledConfig;
  leads: Lead[];
  /** The lead in leads.csv with this email (or, for a lead without one, this phone number). */
  lead(key: string): Lead;
}

/** Loads an example folder as the CLI reads it: people.yaml, routing.yaml checked against its team keys, leads.csv. */
export function loadExample(dir: string): Example {
  const people = readPeopleFile(join(dir, 'people.yaml'));
  const result = readConfigFile(join(dir, 'routing.yaml'), { teams: new Set(people.teams.map((t) => t.key)) });
  if (!result.ok) throw new Error(`${dir}/routing.yaml:\n${result.errors.map(describeError).join('\n')}`);
  const leads = readLeadsFile(join(dir, 'leads.csv')).map((entry) => entry.lead);
  const byKey = new Map<string, Lead>();
  for (const l of leads) {
    const key = l.email?.toLowerCase() ?? l.phone;
    if (!key) throw new Error(`${dir}/leads.csv: a lead needs an email or a phone number`);
    if (byKey.has(key)) throw new Error(`${dir}/leads.csv: two leads with ${key}`);
    byKey.set(key, l);
  }
  return {
    people,
    roster: new Roster(people.reps, people.teams),
    config: result.config,
    leads,
    lead(key) {
      const lead = byKey.get(key.toLowerCase());
      if (!lead) throw new Error(`no lead ${key} in leads.csv`);
      return lead;
    },
  };
}

export interface Account {
  id: string;
  domain: string;
  ownerId: string;
}

/**
 * The account-match step that runs before routing (PRODUCT.md §2): a lead whose email domain
 * belongs to a known account carries that account and its owner into the decision.
 */
export function matchAccount(lead: Lead, accounts: readonly Account[]): Lead {
  const domain = lead.email?.split('@')[1]?.toLowerCase();
  const account = accounts.find((a) => a.domain === domain);
  return account ? { ...lead, account: { id: account.id, ownerId: account.ownerId } } : lead;
}

/** What a test table expects of one decision. */
export type Expected =
  | { route: string | null; offer: string; team: string | null }
  | { route: string | null; queue: string }
  | { route: string | null; hold: 'unavailable' | 'unroutable' }
  | { unqualified: true };

/** A decision reduced to the shape of `Expected`. */
export function outcomeOf(decision: Decision): Expected {
  const { outcome, route } = decision;
  switch (outcome.type) {
    case 'offer':
      return { route, offer: outcome.repId, team: outcome.team };
    case 'queue':
      return { route, queue: outcome.queue };
    case 'hold':
      // The hold names the route it waits for; it is the decision's route too.
      return { route: outcome.route === route ? route : `${String(route)} (hold says ${String(outcome.route)})`, hold: outcome.reason };
    case 'unqualified':
      return { unqualified: true };
  }
}

/**
 * Decides leads one after another at the same instant, persisting each decision's strategy state
 * (round-robin credits, performance shares) for the next, as the service does.
 */
export function decideInSequence(example: Example, leads: readonly Lead[], now: number): Decision[] {
  const state: Record<string, StrategyState> = {};
  return leads.map((lead) => {
    const decision = decide({ lead, config: example.config, roster: example.roster, now, state });
    for (const change of decision.stateChanges) state[change.scope] = change.state;
    return decision;
  });
}

/**
 * Small fixtures for the engine's tests. No mocks: these build real reps, rosters and compiled
 * configurations, and run the real `decide`. Time is always an input.
 */
import { parse } from 'yaml';
import {
  decide,
  describeError,
  loadConfig,
  PeopleSchema,
  Roster,
  type CandidateTrace,
  type CompiledConfig,
  type Decision,
  type DecideInput,
  type Exclusion,
  type LoadOptions,
  type Rep,
  type RouteTrace,
  type StrategyState,
  type Team,
} from './index.js';

/** Wednesday 2026-03-11 15:00 UTC: an ordinary working afternoon for a rep on UTC. */
export const NOW = Date.UTC(2026, 2, 11, 15, 0);

/** A rep who can take any lead: active, online, on UTC, always working, no limits. */
export function rep(id: string, overrides: Partial<Rep> = {}): Rep {
  return { id, name: id, active: true, timezone: 'UTC', presence: 'online', ...overrides };
}

/** A team of reps by id; `[id, weight]` for a weighted member. */
export function team(key: string, members: readonly (string | readonly [string, number])[], extra: Partial<Team> = {}): Team {
  return {
    key,
    name: key,
    members: members.map((m) => (typeof m === 'string' ? { repId: m } : { repId: m[0], weight: m[1] })),
    ...extra,
  };
}

/** A compiled configuration from YAML text; fails the test with every error when it does not load. */
export function config(yaml: string, options: LoadOptions = {}): CompiledConfig {
  const result = loadConfig(yaml, options);
  if (!result.ok) throw new Error(`configuration did not load:\n${result.errors.map(describeError).join('\n')}`);
  return result.config;
}

/** The errors of a configuration that must not load, formatted with describeError. */
export function errorsOf(source: unknown, options: LoadOptions = {}): string[] {
  const result = loadConfig(source, options);
  if (result.ok) throw new Error('configuration loaded, but errors were expected');
  return result.errors.map(describeError);
}

/** A one-team configuration: every lead goes to team `t` with the given assign options. */
export function teamConfig(assignOptions = 'strategy: round-robin', extraYaml = ''): CompiledConfig {
  return config(`${extraYaml}\nfallback:\n  assign: { team: t, ${assignOptions} }\n`);
}

/** The rep a decision offered the lead to; fails the test otherwise. */
export function offeredTo(decision: Decision): string {
  if (decision.outcome.type !== 'offer') throw new Error(`expected an offer, got ${JSON.stringify(decision.outcome)}`);
  return decision.outcome.repId;
}

export function routeTrace(decision: Decision, name: string): RouteTrace {
  const trace = decision.explanation.routes.find((r) => r.name === name);
  if (!trace) throw new Error(`route ${name} was not tried`);
  return trace;
}

/** How the decision saw one rep on the last route that considered them. */
export function candidate(decision: Decision, repId: string): CandidateTrace {
  for (const route of [...decision.explanation.routes].reverse()) {
    const found = route.candidates?.find((c) => c.repId === repId);
    if (found) return found;
  }
  throw new Error(`rep ${repId} was not considered`);
}

/**
 * Why one rep cannot take a lead at `now` (undefined when they can), as the decision explains it.
 * `assign` is the rest of a team assignment, e.g. `require: { online: true }`.
 */
export function exclusionFor(person: Rep, now: number, assign = '', input: Partial<DecideInput> = {}): Exclusion | undefined {
  const decision = decide({
    lead: {},
    config: teamConfig(`strategy: round-robin${assign ? `, ${assign}` : ''}`),
    roster: new Roster([person], [team('t', [person.id])]),
    now,
    ...input,
  });
  return candidate(decision, person.id).excluded;
}

/** Persists a decision's state changes the way the store does: as JSON, one row per scope. */
export function persist(state: Readonly<Record<string, StrategyState>>, decision: Decision): Record<string, StrategyState> {
  const next = { ...state };
  for (const change of decision.stateChanges) next[change.scope] = JSON.parse(JSON.stringify(change.state)) as StrategyState;
  return next;
}

/**
 * Decides `count` leads one after another, feeding each decision's state changes into the next,
 * and returns who got each lead (or the outcome type when nobody did).
 */
export function run(
  count: number,
  input: (i: number) => Omit<DecideInput, 'state'>,
  initial: Readonly<Record<string, StrategyState>> = {},
): { picks: string[]; state: Record<string, StrategyState> } {
  let state: Record<string, StrategyState> = { ...initial };
  const picks: string[] = [];
  for (let i = 0; i < count; i++) {
    const decision = decide({ ...input(i), state });
    picks.push(decision.outcome.type === 'offer' ? decision.outcome.repId : decision.outcome.type);
    state = persist(state, decision);
  }
  return { picks, state };
}

/** How many times each id occurs. */
export function tally(ids: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of ids) out[id] = (out[id] ?? 0) + 1;
  return out;
}

/** A people file (reps and teams, YAML) read the way the CLI reads it. */
export function peopleFrom(yaml: string): { roster: Roster; teamKeys: ReadonlySet<string> } {
  const people = PeopleSchema.parse(parse(yaml));
  return { roster: new Roster(people.reps, people.teams), teamKeys: new Set(people.teams.map((t) => t.key)) };
}

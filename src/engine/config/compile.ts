import { ALWAYS, compileCondition, type CompiledCondition, type ConditionScope } from '../conditions/compile.js';
import { compileRequirements, NO_REQUIREMENTS, type CompiledRequirements } from '../eligibility.js';
import { compileScoring, type CompiledScoring } from '../scoring.js';
import type { StrategyOptions } from '../strategies/strategy.js';
import { TerritoryIndex } from '../territories.js';
import { isValidZone, ZoneClock } from '../time/zone-clock.js';
import { durationMs } from './duration.js';
import type { ConfigPath, Problems } from './errors.js';
import type { AssignDoc, QueueDoc, RoutingConfigDoc, StrategyName } from './schema.js';

export type BranchBy = 'territory' | 'round-robin' | 'load-balanced' | 'performance';

export type CompiledTarget =
  | {
      kind: 'team';
      team: string;
      strategy: StrategyName;
      /** With sticky: the strategy for when the sticky owner cannot take the lead. */
      then: Exclude<StrategyName, 'sticky'>;
      branchBy: BranchBy | null;
      options: StrategyOptions;
      text: string;
    }
  | { kind: 'rep'; rep: string; require: CompiledRequirements; text: string }
  | { kind: 'owner'; owner: 'account' | 'previous'; require: CompiledRequirements; text: string }
  | { kind: 'queue'; queue: string; text: string };

/** Who may pull from a queue: everyone, nobody, or these teams' members (sub-teams included) and these reps. */
export type QueuePullers = 'everyone' | 'nobody' | { teams: readonly string[]; reps: ReadonlySet<string> };

export interface CompiledQueue {
  key: string;
  pullers: QueuePullers;
  require: CompiledRequirements;
}

export interface CompiledRoute {
  name: string;
  when: CompiledCondition;
  target: CompiledTarget;
  onNoCandidate: 'next' | 'hold';
}

export interface CompiledConfig {
  /** The stored version this configuration was saved as; null for a draft. */
  readonly version: number | null;
  readonly doc: RoutingConfigDoc;
  readonly timezone: string;
  readonly territories: TerritoryIndex;
  readonly scoring: CompiledScoring;
  readonly routes: readonly CompiledRoute[];
  readonly fallback: CompiledRoute | null;
  /** The queues the configuration says who may pull from, by key; any other queue is open to everyone. */
  readonly queues: ReadonlyMap<string, CompiledQueue>;
  readonly offer: { timeoutMs: number; maxAttempts: number; onExhausted: string | null };
  readonly sla: { firstContactMs: number; onBreach: 'reassign' | 'escalate' } | null;
  /** Memo of offsets for the configuration's own time zone (time-of-day conditions). */
  readonly clock: ZoneClock;
}

/** What the configuration may refer to. Unknown names are errors only for the kinds given. */
export interface ConfigContext {
  teams?: ReadonlySet<string>;
  reps?: ReadonlySet<string>;
}

function requirementsText(req: CompiledRequirements): string {
  const parts: string[] = [];
  if (req.languages.length) parts.push(`languages ${req.languages.join(', ')}`);
  if (req.skills.length) parts.push(`skills ${req.skills.join(', ')}`);
  if (req.seniority) parts.push(`seniority >= ${req.seniority}`);
  if (req.online) parts.push('online');
  return parts.length ? `, requires ${parts.join('; ')}` : '';
}

function compileTarget(assign: AssignDoc, path: ConfigPath, context: ConfigContext, problems: Problems): CompiledTarget {
  if ('queue' in assign) return { kind: 'queue', queue: assign.queue, text: `queue ${assign.queue}` };
  if ('owner' in assign) {
    const require = compileRequirements(assign.require);
    return { kind: 'owner', owner: assign.owner, require, text: `${assign.owner} owner${requirementsText(require)}` };
  }
  if ('rep' in assign) {
    if (context.reps && !context.reps.has(assign.rep)) problems.add([...path, 'rep'], `unknown rep "${assign.rep}"`);
    const require = compileRequirements(assign.require);
    return { kind: 'rep', rep: assign.rep, require, text: `rep ${assign.rep}${requirementsText(require)}` };
  }
  if (context.teams && !context.teams.has(assign.team)) problems.add([...path, 'team'], `unknown team "${assign.team}"`);
  if (assign.then && assign.strategy !== 'sticky') problems.add([...path, 'then'], 'then applies only to strategy sticky');
  const uses = (name: StrategyName) => assign.strategy === name || assign.then === name || assign.branch?.by === name;
  const optionFor: [keyof typeof assign, StrategyName[]][] = [
    ['roundRobin', ['round-robin']],
    ['performance', ['performance', 'best-match']],
    ['bestMatch', ['best-match']],
    ['prefer', ['best-match']],
  ];
  for (const [option, strategies] of optionFor) {
    if (assign[option] !== undefined && !strategies.some(uses)) {
      problems.add([...path, option], `${option} applies only to strategy ${strategies.join(' or ')}, not ${assign.strategy}`);
    }
  }
  const require = compileRequirements(assign.require);
  const options: StrategyOptions = {
    whenSkipped: assign.roundRobin?.whenSkipped ?? 'keep-share',
    maxOwed: assign.roundRobin?.maxOwed ?? 5,
    priorWeight: assign.performance?.priorWeight ?? 10,
    maxShare: assign.performance?.maxShare ?? 0.5,
    weights: {
      match: assign.bestMatch?.match ?? 0.5,
      performance: assign.bestMatch?.performance ?? 0.3,
      load: assign.bestMatch?.load ?? 0.2,
    },
    require,
    prefer: assign.prefer ? compileRequirements(assign.prefer) : NO_REQUIREMENTS,
  };
  const branchBy = assign.branch?.by ?? null;
  const then = assign.then ?? 'round-robin';
  const strategy = assign.strategy === 'sticky' ? `sticky, else ${then}` : assign.strategy;
  const text = `team ${assign.team} (${branchBy ? `branch by ${branchBy}, then ` : ''}${strategy}${requirementsText(require)})`;
  return { kind: 'team', team: assign.team, strategy: assign.strategy, then, branchBy, options, text };
}

function compileQueue(key: string, doc: QueueDoc, context: ConfigContext, problems: Problems): CompiledQueue {
  const path = ['queues', key, 'pullers'];
  if (typeof doc.pullers === 'string') return { key, pullers: doc.pullers, require: compileRequirements(doc.require) };
  doc.pullers.teams.forEach((team, i) => {
    if (context.teams && !context.teams.has(team)) problems.add([...path, 'teams', i], `unknown team "${team}"`);
  });
  doc.pullers.reps.forEach((rep, i) => {
    if (context.reps && !context.reps.has(rep)) problems.add([...path, 'reps', i], `unknown rep "${rep}"`);
  });
  return { key, pullers: { teams: doc.pullers.teams, reps: new Set(doc.pullers.reps) }, require: compileRequirements(doc.require) };
}

/** Compiles a schema-valid document into closures and indexes; semantic problems are collected. */
export function compileConfig(
  doc: RoutingConfigDoc,
  version: number | null,
  context: ConfigContext,
  problems: Problems,
): CompiledConfig {
  if (!isValidZone(doc.timezone)) problems.add(['timezone'], `unknown time zone "${doc.timezone}" (expected an IANA name such as America/New_York)`);
  const territories = new TerritoryIndex(doc.territories);
  const scope: ConditionScope = { territories: territories.keys, problems, scoreKnown: true };
  const names = new Map<string, number>();
  const routes = doc.routes.map((route, i): CompiledRoute => {
    const seen = names.get(route.name);
    if (seen !== undefined) problems.add(['routes', i, 'name'], `duplicate route name "${route.name}" (also routes[${seen}])`);
    names.set(route.name, i);
    return {
      name: route.name,
      when: route.when ? (compileCondition(route.when, ['routes', i, 'when'], scope) ?? ALWAYS) : ALWAYS,
      target: compileTarget(route.assign, ['routes', i, 'assign'], context, problems),
      onNoCandidate: route.onNoCandidate,
    };
  });
  const fallback = doc.fallback
    ? { name: 'fallback', when: ALWAYS, target: compileTarget(doc.fallback.assign, ['fallback', 'assign'], context, problems), onNoCandidate: 'next' as const }
    : null;
  return {
    version,
    doc,
    timezone: doc.timezone,
    territories,
    scoring: compileScoring(doc.scoring, ['scoring'], scope),
    routes,
    fallback,
    queues: new Map(Object.entries(doc.queues).map(([key, queue]) => [key, compileQueue(key, queue, context, problems)])),
    offer: {
      timeoutMs: durationMs(doc.offer?.timeout ?? '5m'),
      maxAttempts: doc.offer?.maxAttempts ?? 3,
      onExhausted: doc.offer?.onExhausted?.queue ?? null,
    },
    sla: doc.sla ? { firstContactMs: durationMs(doc.sla.firstContact), onBreach: doc.sla.onBreach } : null,
    clock: new ZoneClock(),
  };
}

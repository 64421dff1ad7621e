import type { CompiledConfig, CompiledRoute } from './config/compile.js';
import type { EvalContext } from './conditions/context.js';
import type { Decision, Explanation, Outcome, RouteTrace } from './decision.js';
import type { EligibilityContext } from './eligibility.js';
import type { Lead, StrategyState } from './model.js';
import { recheckOf, type Recheck } from './recheck.js';
import type { Roster } from './roster.js';
import { resolvePerson } from './targets/person.js';
import { nobody, type Resolution, type ResolveInput } from './targets/pool.js';
import { resolveTeam } from './targets/team.js';
import type { LocalTime } from './time/zone-clock.js';
import { summarize } from './explain/summary.js';

export interface DecideInput {
  lead: Lead;
  config: CompiledConfig;
  roster: Roster;
  /** Persisted strategy state by scope (see Decision.stateChanges). */
  state?: Readonly<Record<string, StrategyState>>;
  /** The decision instant, epoch milliseconds. */
  now: number;
  /** Reps who already rejected this lead or let an offer expire: never offered it again. */
  excluded?: readonly string[];
  /** Offers already made for this lead (defaults to the number of excluded reps). */
  attempts?: number;
}

const NO_STATE: Readonly<Record<string, StrategyState>> = Object.freeze({});
const NO_ONE: ReadonlySet<string> = new Set();

/** Lazily computed facts about the lead and the moment, shared by scoring and every route. */
class DecisionContext implements EvalContext {
  score = 0;
  grade: string | null = null;
  private territorySet: ReadonlySet<string> | undefined;
  private local: LocalTime | undefined;

  constructor(
    readonly lead: Lead,
    private readonly config: CompiledConfig,
    private readonly now: number,
  ) {}

  territories(): ReadonlySet<string> {
    return (this.territorySet ??= this.config.territories.of(this.lead));
  }

  localTime(): LocalTime {
    return (this.local ??= this.config.clock.local(this.config.timezone, this.now));
  }
}

function resolve(route: CompiledRoute, roster: Roster, input: ResolveInput, ctx: DecisionContext): Resolution {
  const target = route.target;
  switch (target.kind) {
    case 'team':
      return resolveTeam(target, roster, input, () => ctx.territories());
    case 'rep':
    case 'owner':
      return resolvePerson(target, roster, input);
    case 'queue':
      return nobody();
  }
}

/**
 * Decides where one lead goes. Pure: the same input always gives the same decision, and
 * nothing outside the input is read or changed.
 */
export function decide(input: DecideInput): Decision {
  const { lead, config, roster, now } = input;
  const ctx = new DecisionContext(lead, config, now);
  const scored = config.scoring.score(ctx);
  ctx.score = scored.score;
  ctx.grade = scored.grade;

  const routes: RouteTrace[] = [];
  const explanation: Explanation = {
    configVersion: config.version,
    at: now,
    score: scored.score,
    grade: scored.grade,
    qualified: scored.qualified,
    scoringRules: scored.matched,
    territories: [],
    routes,
    summary: '',
  };
  const finish = (outcome: Outcome, route: string | null, resolution: Resolution = nobody(), recheck: Recheck | null = null): Decision => {
    explanation.territories = [...ctx.territories()];
    if (recheck) explanation.recheckAt = recheck.at;
    explanation.summary = summarize(outcome, route, roster, recheck);
    return {
      outcome,
      score: scored.score,
      grade: scored.grade,
      route,
      ranked: resolution.ranked.map((m) => m.rep.id),
      stateChanges: resolution.stateChanges,
      recheckAt: recheck ? recheck.at : null,
      explanation,
    };
  };

  if (!scored.qualified) return finish({ type: 'unqualified' }, null);

  const excluded = input.excluded ?? [];
  const attempts = input.attempts ?? excluded.length;
  if (attempts >= config.offer.maxAttempts) {
    explanation.exhausted = { attempts, maxAttempts: config.offer.maxAttempts };
    const queue = config.offer.onExhausted;
    return finish(queue ? { type: 'queue', queue } : { type: 'hold', reason: 'unroutable', route: null }, null);
  }

  const eligibility: EligibilityContext = { now, clock: roster.clock, excluded: excluded.length ? new Set(excluded) : NO_ONE };
  const resolveInput: ResolveInput = { lead, eligibility, state: input.state ?? NO_STATE };
  let waitable = false;
  const all = config.fallback ? [...config.routes, config.fallback] : config.routes;
  for (const route of all) {
    const failed = route.when.fails(ctx);
    if (failed) {
      routes.push({ name: route.name, failed: failed.text, result: 'no-match' });
      continue;
    }
    const trace: RouteTrace = { name: route.name, target: route.target.text, result: 'no-candidate' };
    routes.push(trace);
    if (route.target.kind === 'queue') {
      trace.result = 'queued';
      return finish({ type: 'queue', queue: route.target.queue }, route.name);
    }
    const resolution = resolve(route, roster, resolveInput, ctx);
    trace.candidates = resolution.candidates;
    if (resolution.branches) trace.branches = resolution.branches;
    waitable ||= resolution.waitable;
    const pick = resolution.ranked[0];
    if (pick) {
      trace.result = 'offered';
      const outcome: Outcome = { type: 'offer', repId: pick.rep.id, team: resolution.team, autoAccept: config.offer.timeoutMs === 0 };
      return finish(outcome, route.name, resolution);
    }
    if (resolution.note) trace.note = resolution.note;
    // Holding for this route only helps when someone here will become able to take the lead.
    if (route.onNoCandidate === 'hold' && resolution.waitable) {
      trace.result = 'held';
      return finish({ type: 'hold', reason: 'unavailable', route: route.name }, route.name, nobody(), recheckOf([trace], roster, now));
    }
  }
  // Held for everyone on the routes that matched: whoever of them is back first may take the lead.
  if (waitable) return finish({ type: 'hold', reason: 'unavailable', route: null }, null, nobody(), recheckOf(routes, roster, now));
  return finish({ type: 'hold', reason: 'unroutable', route: null }, null);
}

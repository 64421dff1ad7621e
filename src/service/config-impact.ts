import type { CompiledConfig, Decision, Outcome } from '../engine/index.js';
import { leadName } from '../notify/facts.js';
import type { Database } from '../store/database.js';
import { recentLeads, type StoredLead } from '../store/repositories/leads.js';
import type { Clock } from './clock.js';
import type { ConfigCache } from './config-cache.js';
import { compileDraft, type ConfigSource } from './routing-config.js';
import { decideInTurn, readGround, withAccounts } from './simulate.js';

/** How many of the last leads are decided again, when not said, and at most. */
export const IMPACT_DEFAULT_LEADS = 200;
export const IMPACT_MAX_LEADS = 5000;
/** The changed leads listed one by one; `changed` counts them all. */
export const IMPACT_MAX_CHANGES = 100;

export interface ImpactInput {
  /** The draft, as POST /v1/routing-config takes it. */
  source: ConfigSource;
  /** How many of the leads captured last to decide again. */
  last?: number;
  /** The instant to decide at (epoch ms); now when absent. */
  at?: number;
}

/**
 * Where a decision puts a lead: the rep it is offered to, the queue it waits in, held (why), or
 * not qualified. `id` is the rep id, the queue key, the hold reason, or `unqualified`.
 */
export interface ImpactTarget {
  type: 'rep' | 'queue' | 'hold' | 'unqualified';
  id: string;
  name: string;
}

export interface ImpactPlacement {
  /** The route that placed the lead; null when none did (unqualified, or held with no route). */
  route: string | null;
  target: ImpactTarget;
  outcome: Outcome['type'];
  /** The team the rep was picked from, for an offer through a team. */
  team: string | null;
}

export interface ImpactChange {
  leadId: string;
  name: string;
  createdAt: number;
  live: ImpactPlacement;
  draft: ImpactPlacement;
}

export interface ConfigImpact {
  /** The live version the draft is compared with; null while none is active. */
  liveVersion: number | null;
  at: number;
  /** How many leads were decided again. */
  leads: number;
  /** How many of them the draft would route differently (another route or another target). */
  changed: number;
  byRoute: { route: string | null; live: number; draft: number }[];
  byTarget: { target: ImpactTarget; live: number; draft: number; delta: number }[];
  /** The changed leads, newest first, at most IMPACT_MAX_CHANGES. */
  changes: ImpactChange[];
}

const HOLD_NAMES: Record<string, string> = {
  unavailable: 'held until someone eligible is available',
  unroutable: 'held: no route could take it',
  'no-configuration': 'held: no configuration is active',
};

/** While no configuration is live, a capture is held: that is the "live" placement then. */
const NO_CONFIGURATION: ImpactPlacement = {
  route: null,
  target: { type: 'hold', id: 'no-configuration', name: HOLD_NAMES['no-configuration']! },
  outcome: 'hold',
  team: null,
};

/** What a decision comes to for the comparison; rep names from today's roster. */
export function placementOf(decision: Decision | null, repName: (id: string) => string): ImpactPlacement {
  if (!decision) return NO_CONFIGURATION;
  const { outcome, route } = decision;
  switch (outcome.type) {
    case 'offer':
      return { route, target: { type: 'rep', id: outcome.repId, name: repName(outcome.repId) }, outcome: outcome.type, team: outcome.team };
    case 'queue':
      return { route, target: { type: 'queue', id: outcome.queue, name: outcome.queue }, outcome: outcome.type, team: null };
    case 'hold':
      return { route, target: { type: 'hold', id: outcome.reason, name: HOLD_NAMES[outcome.reason]! }, outcome: outcome.type, team: null };
    case 'unqualified':
      return { route, target: { type: 'unqualified', id: 'unqualified', name: 'not qualified' }, outcome: outcome.type, team: null };
  }
}

const targetKey = (t: ImpactTarget) => `${t.type}:${t.id}`;
const TYPE_ORDER: Record<ImpactTarget['type'], number> = { rep: 0, queue: 1, hold: 2, unqualified: 3 };

/**
 * Compares where the same leads go under the live configuration and under a draft. Pure. `leads`
 * and both placement lists are in the same order, newest lead first; `routeOrder` lists the
 * route names as the configurations have them, so the counts read in that order.
 */
export function compareImpact(
  leads: readonly Pick<StoredLead, 'id' | 'fields' | 'createdAt'>[],
  live: readonly ImpactPlacement[],
  draft: readonly ImpactPlacement[],
  routeOrder: readonly string[],
): Omit<ConfigImpact, 'liveVersion' | 'at'> {
  const routes = new Map<string | null, { live: number; draft: number }>();
  const targets = new Map<string, { target: ImpactTarget; live: number; draft: number }>();
  const count = (placement: ImpactPlacement, side: 'live' | 'draft') => {
    const route = routes.get(placement.route) ?? { live: 0, draft: 0 };
    route[side]++;
    routes.set(placement.route, route);
    const key = targetKey(placement.target);
    const target = targets.get(key) ?? { target: placement.target, live: 0, draft: 0 };
    target[side]++;
    targets.set(key, target);
  };
  const changes: ImpactChange[] = [];
  let changed = 0;
  leads.forEach((lead, i) => {
    const [before, after] = [live[i]!, draft[i]!];
    count(before, 'live');
    count(after, 'draft');
    if (before.route === after.route && targetKey(before.target) === targetKey(after.target)) return;
    changed++;
    if (changes.length < IMPACT_MAX_CHANGES) changes.push({ leadId: lead.id, name: leadName(lead.fields), createdAt: lead.createdAt, live: before, draft: after });
  });

  const position = (route: string | null) => {
    const at = route === null ? -1 : routeOrder.indexOf(route);
    return at === -1 ? routeOrder.length : at;
  };
  const byRoute = [...routes].map(([route, n]) => ({ route, ...n })).sort((a, b) => position(a.route) - position(b.route));
  const byTarget = [...targets.values()]
    .map((t) => ({ ...t, delta: t.draft - t.live }))
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || TYPE_ORDER[a.target.type] - TYPE_ORDER[b.target.type] || a.target.name.localeCompare(b.target.name));
  return { leads: leads.length, changed, byRoute, byTarget, changes };
}

const routeNames = (config: CompiledConfig | null): string[] => (config ? [...config.routes, ...(config.fallback ? [config.fallback] : [])].map((r) => r.name) : []);

/**
 * What activating a draft would change: the last leads captured (test leads aside) are decided
 * again under the live configuration and under the draft, each as if it arrived now, oldest
 * first, on today's reps, teams and rotation state — the same simulation for both — and the
 * leads that would go elsewhere are listed. Nothing is written. A draft with errors is refused
 * with every error, as saving it would be.
 */
export async function configImpact(deps: { db: Database; clock: Clock; configs: ConfigCache }, input: ImpactInput): Promise<ConfigImpact> {
  const { db } = deps;
  const draft = await compileDraft(db, input.source);
  const live = await deps.configs.active(db);
  const now = input.at ?? deps.clock.now();
  const stored = await recentLeads(db, Math.min(input.last ?? IMPACT_DEFAULT_LEADS, IMPACT_MAX_LEADS));
  // Decided in the order they came in, so rotation and load build up as they did.
  const inTurn = stored.toReversed();
  const [ground, leads] = await Promise.all([readGround(db), withAccounts(db, inTurn.map((lead) => lead.fields))]);
  const names = new Map(ground.reps.map((rep) => [rep.id, rep.name]));
  const repName = (id: string) => names.get(id) ?? id;
  const placements = (config: CompiledConfig | null) => {
    const decisions = config ? decideInTurn(ground, config, leads, now) : leads.map(() => null);
    return decisions.map((d) => placementOf(d, repName)).reverse();
  };
  const compared = compareImpact(stored, placements(live), placements(draft), [...new Set([...routeNames(draft), ...routeNames(live)])]);
  return { liveVersion: live?.version ?? null, at: now, ...compared };
}

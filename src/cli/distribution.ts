import type { CompiledConfig, PeopleDoc } from '../engine/index.js';
import type { SimulatedLead } from './simulation.js';

/** How many of a route's offers one rep got, against the share the team's weights intend. */
export interface DistributionRow {
  route: string;
  /** The team (or, for hierarchical routes, the branch) the offers went to; null for rep and owner routes. */
  team: string | null;
  /** How the route picks among the team's members (`sticky, else round-robin`); null for rep and owner routes. */
  strategy: string | null;
  repId: string;
  rep: string;
  leads: number;
  /** leads / the route's offers to this team, 0..1. */
  share: number;
  /**
   * The rep's weight over the team's total weight, 0..1, where weights steer the distribution
   * (round robin); null for other strategies and for rep and owner routes.
   */
  intended: number | null;
}

export interface OutcomeCounts {
  offered: number;
  queued: Record<string, number>;
  held: { unavailable: number; unroutable: number };
  unqualified: number;
}

export function countOutcomes(results: readonly SimulatedLead[]): OutcomeCounts {
  const counts: OutcomeCounts = { offered: 0, queued: {}, held: { unavailable: 0, unroutable: 0 }, unqualified: 0 };
  for (const { decision } of results) {
    const outcome = decision.outcome;
    if (outcome.type === 'offer') counts.offered++;
    else if (outcome.type === 'queue') counts.queued[outcome.queue] = (counts.queued[outcome.queue] ?? 0) + 1;
    else if (outcome.type === 'hold') counts.held[outcome.reason]++;
    else counts.unqualified++;
  }
  return counts;
}

/**
 * Offers per route and team, one row per team member (members who got nothing included), in
 * the order of the configuration's routes.
 */
export function distribution(results: readonly SimulatedLead[], config: CompiledConfig, people: PeopleDoc): DistributionRow[] {
  const groups = new Map<string, { route: string; team: string | null; counts: Map<string, number> }>();
  for (const { decision } of results) {
    if (decision.outcome.type !== 'offer' || decision.route === null) continue;
    const team = decision.outcome.team;
    const key = `${decision.route}\u0000${team ?? ''}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { route: decision.route, team, counts: new Map() }));
    group.counts.set(decision.outcome.repId, (group.counts.get(decision.outcome.repId) ?? 0) + 1);
  }
  const all = config.fallback ? [...config.routes, config.fallback] : [...config.routes];
  const routeOrder = all.map((r) => r.name);
  const strategyOf = (route: string): string | null => {
    const target = all.find((r) => r.name === route)?.target;
    if (target?.kind !== 'team') return null;
    return target.strategy === 'sticky' ? `sticky, else ${target.then}` : target.strategy;
  };
  const ordered = [...groups.values()].sort((a, b) => routeOrder.indexOf(a.route) - routeOrder.indexOf(b.route));
  const names = new Map(people.reps.map((r) => [r.id, r.name]));
  const teams = new Map(people.teams.map((t) => [t.key, t]));
  const rows: DistributionRow[] = [];
  for (const { route, team, counts } of ordered) {
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const members = team === null ? [] : (teams.get(team)?.members ?? []);
    const strategy = strategyOf(route);
    const weighted = strategy !== null && strategy.endsWith('round-robin');
    const weightSum = members.reduce((sum, m) => sum + m.weight, 0);
    const listed = new Set<string>();
    for (const m of members) {
      listed.add(m.repId);
      const leads = counts.get(m.repId) ?? 0;
      rows.push({
        route,
        team,
        strategy,
        repId: m.repId,
        rep: names.get(m.repId) ?? m.repId,
        leads,
        share: leads / total,
        intended: weighted && weightSum > 0 ? m.weight / weightSum : null,
      });
    }
    for (const [repId, leads] of counts) {
      if (listed.has(repId)) continue;
      rows.push({ route, team, strategy, repId, rep: names.get(repId) ?? repId, leads, share: leads / total, intended: null });
    }
  }
  return rows;
}

import type { CompiledTarget } from '../config/compile.js';
import type { BranchTrace, CandidateTrace, StateChange } from '../decision.js';
import type { Roster, RosterBranch, RosterMember, RosterRep, RosterTeam } from '../roster.js';
import { STRATEGY_BY_NAME } from '../strategies/index.js';
import type { Ranking } from '../strategies/strategy.js';
import { nobody, partition, type Partition, type Resolution, type ResolveInput } from './pool.js';
import { ownerOf } from './person.js';

type TeamTarget = Extract<CompiledTarget, { kind: 'team' }>;

export const memberScope = (strategy: string, team: string) => `${strategy}:${team}`;
export const branchScope = (strategy: string, team: string) => `branches/${strategy}:${team}`;

/** The strategy that ranks members: sticky ranks the others with its `then`. */
const memberStrategy = (target: TeamTarget) => (target.strategy === 'sticky' ? target.then : target.strategy);

/**
 * Ranks a team's eligible members with the route's strategy. Sticky first puts the lead's
 * previous owner, or else the account's owner, at the top when they are eligible; the rotation
 * did not choose them, so its state is not advanced.
 */
function rankMembers(team: RosterTeam, pool: Partition, target: TeamTarget, input: ResolveInput): Ranking {
  const strategyName = memberStrategy(target);
  const ranking = STRATEGY_BY_NAME[strategyName].rank({
    eligible: pool.eligible,
    skipped: pool.skipped,
    lead: input.lead,
    state: input.state[memberScope(strategyName, team.key)],
    options: target.options,
  });
  if (target.strategy !== 'sticky') return ranking;
  for (const which of ['previous', 'account'] as const) {
    const owner = ownerOf(input.lead, which);
    const at = owner === null ? -1 : pool.eligible.findIndex((c) => c.rep.id === owner);
    if (at < 0) continue;
    const notes = pool.eligible.map((_, i) => (i === at ? `sticky: the ${which} owner` : ranking.notes?.[i]));
    return { order: [at, ...ranking.order.filter((i) => i !== at)], scores: ranking.scores, notes };
  }
  return ranking;
}

/** Fills in each eligible member's score, rank (after `offset` earlier ones) and note. */
function traceRanks(pool: Partition, ranking: Ranking, offset: number): void {
  ranking.order.forEach((position, k) => {
    const trace = pool.eligibleTraces[position]!;
    trace.score = ranking.scores[position]!;
    trace.rank = offset + k + 1;
    const note = ranking.notes?.[position];
    if (note) trace.note = note;
  });
}

function stateChange(scope: string, ranking: Ranking): StateChange[] {
  return ranking.state ? [{ scope, state: ranking.state }] : [];
}

function resolveFlat(team: RosterTeam, target: TeamTarget, input: ResolveInput): Resolution {
  const pool = partition(team.members, target.options.require, input.eligibility);
  if (pool.eligible.length === 0) return nobody({ candidates: pool.traces, waitable: pool.waitable });
  const ranking = rankMembers(team, pool, target, input);
  traceRanks(pool, ranking, 0);
  return {
    ranked: ranking.order.map((i) => pool.eligible[i]!),
    candidates: pool.traces,
    stateChanges: stateChange(memberScope(memberStrategy(target), team.key), ranking),
    waitable: pool.waitable,
    team: team.key,
  };
}

/** A branch seen as one candidate: its eligible members' loads and outcomes added up. */
function branchAsRep(key: string, members: readonly RosterMember[]): RosterRep {
  let open = 0;
  let maxOpen: number | null = 0;
  let won = 0;
  let lost = 0;
  let lastAssigned = Number.NEGATIVE_INFINITY;
  for (const { rep } of members) {
    open += rep.open;
    maxOpen = maxOpen === null || rep.maxOpen === null ? null : maxOpen + rep.maxOpen;
    won += rep.won;
    lost += rep.lost;
    lastAssigned = Math.max(lastAssigned, rep.lastAssigned);
  }
  return {
    rep: { id: key, name: key, active: true, timezone: 'UTC' },
    id: key,
    name: key,
    active: true,
    timezone: 'UTC',
    presence: 'online',
    hours: null,
    oooFrom: Number.POSITIVE_INFINITY,
    oooUntil: Number.NEGATIVE_INFINITY,
    languages: new Set(),
    skills: new Set(),
    seniority: 0,
    open,
    maxOpen,
    dailyCap: null,
    dailyDay: undefined,
    dailyCount: 0,
    won,
    lost,
    lastAssigned,
  };
}

/** The branches serving any of the lead's territories, in team order. */
function branchesServing(team: RosterTeam, territories: ReadonlySet<string>): readonly RosterBranch[] {
  if (territories.size === 1) return team.branchesByTerritory.get(territories.values().next().value!) ?? [];
  const found = new Set<RosterBranch>();
  for (const territory of territories) for (const branch of team.branchesByTerritory.get(territory) ?? []) found.add(branch);
  return [...found].sort((a, b) => a.order - b.order);
}

/**
 * Hierarchical routing: choose among the team's sub-teams (the branches that serve the lead's
 * territory, or by a strategy over the branches), then an agent within the chosen branch. The
 * agents of the next branches follow in the ranking, so a reject moves on to the next branch.
 */
function resolveBranches(team: RosterTeam, target: TeamTarget, input: ResolveInput, territories: ReadonlySet<string>): Resolution {
  const branchBy = target.branchBy!;
  const branchTraces: BranchTrace[] = [];
  const pools: { key: string; team: RosterTeam; weight: number; order: number; pool: Partition }[] = [];
  let waitable = false;
  const candidates: CandidateTrace[] = [];
  for (const branch of branchBy === 'territory' ? branchesServing(team, territories) : team.branches) {
    const pool = partition(branch.team.members, target.options.require, input.eligibility, branch.team.key);
    candidates.push(...pool.traces);
    waitable ||= pool.waitable;
    if (pool.eligible.length === 0) branchTraces.push({ key: branch.team.key, skipped: 'no-eligible-member' });
    else pools.push({ key: branch.team.key, team: branch.team, weight: branch.weight, order: branch.order, pool });
  }
  if (pools.length === 0) {
    const note =
      branchBy === 'territory' && branchTraces.length === 0
        ? `no branch of ${team.key} serves the lead's territories${territories.size ? ` (${[...territories].join(', ')})` : ''}`
        : undefined;
    return nobody({ candidates, waitable, branches: branchTraces, ...(note && { note }) });
  }

  let branchOrder = pools;
  const stateChanges: StateChange[] = [];
  if (branchBy !== 'territory') {
    const asCandidates = pools.map((p) => ({ rep: branchAsRep(p.key, p.pool.eligible), weight: p.weight, order: p.order }));
    const scope = branchScope(branchBy, team.key);
    const ranking = STRATEGY_BY_NAME[branchBy].rank({
      eligible: asCandidates,
      skipped: [],
      lead: input.lead,
      state: input.state[scope],
      options: target.options,
    });
    branchOrder = ranking.order.map((i) => pools[i]!);
    ranking.order.forEach((i, k) => branchTraces.push({ key: pools[i]!.key, score: ranking.scores[i]!, rank: k + 1 }));
    stateChanges.push(...stateChange(scope, ranking));
  } else {
    pools.forEach((p, i) => branchTraces.push({ key: p.key, rank: i + 1 }));
  }

  const ranked: RosterMember[] = [];
  branchOrder.forEach((branch, i) => {
    const ranking = rankMembers(branch.team, branch.pool, target, input);
    traceRanks(branch.pool, ranking, ranked.length);
    for (const i of ranking.order) ranked.push(branch.pool.eligible[i]!);
    if (i === 0) stateChanges.push(...stateChange(memberScope(memberStrategy(target), branch.key), ranking));
  });
  return { ranked, candidates, stateChanges, waitable, team: branchOrder[0]!.key, branches: branchTraces };
}

export function resolveTeam(target: TeamTarget, roster: Roster, input: ResolveInput, territories: () => ReadonlySet<string>): Resolution {
  const team = roster.teams.get(target.team);
  if (!team) return nobody({ note: `no team ${target.team}` });
  return target.branchBy ? resolveBranches(team, target, input, territories()) : resolveFlat(team, target, input);
}

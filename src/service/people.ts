import { formatPath, RepSchema, type Rep, type Team } from '../engine/index.js';
import type { Database, Db } from '../store/database.js';
import { existingRepIds, getRep, getTeam, insertRep, insertTeam, listRepsPage, listTeamsPage, saveRep, saveTeam, teamGraph } from '../store/repositories/people.js';
import { wakeHeldLeads } from '../store/repositories/timers.js';
import type { Clock } from './clock.js';
import { createUnder } from './create-under.js';
import { ServiceError } from './errors.js';

/** A problem with one field of the input, located relative to the input (`members[2].repId`). */
export interface FieldProblem {
  path: string;
  message: string;
}

const invalid = (message: string, problems: FieldProblem[]) => new ServiceError('invalid', message, problems);

/** What a rep's profile may change; the live counters (open leads, daily count, outcomes) are the store's. */
export type RepProfile = Omit<Rep, 'openLeads' | 'daily' | 'won' | 'lost' | 'lastAssignedAt'>;
export type RepPatch = Partial<Omit<RepProfile, 'id'>>;
export type TeamPatch = Partial<Omit<Team, 'key'>>;

/** Checks a rep as a whole with the engine's own schema (time zone, working hours, instants). */
function checkedRep(rep: Rep): Rep {
  const result = RepSchema.safeParse(rep);
  if (result.success) return result.data;
  throw invalid(
    'the rep is not valid',
    result.error.issues.map((issue) => ({ path: formatPath(issue.path.filter((p) => typeof p !== 'symbol')), message: issue.message })),
  );
}

function checkOutOfOffice(rep: Pick<Rep, 'outOfOffice'>): void {
  const ooo = rep.outOfOffice;
  if (ooo && Date.parse(ooo.until) <= Date.parse(ooo.from)) {
    throw invalid('out of office must end after it starts', [{ path: 'outOfOffice.until', message: 'must be after outOfOffice.from' }]);
  }
}

export async function listReps(db: Db, page: { limit: number; after?: string }): Promise<Rep[]> {
  return listRepsPage(db, page);
}

export async function findRep(db: Db, id: string): Promise<Rep> {
  const rep = await getRep(db, id);
  if (!rep) throw new ServiceError('not_found', `no rep "${id}"`);
  return rep;
}

export async function createRep(db: Database, profile: RepProfile, clock: Clock): Promise<Rep> {
  checkOutOfOffice(profile);
  const rep = checkedRep({ ...profile });
  return db.transaction().execute(async (trx) => {
    await createUnder(insertRep(trx, rep, clock.now()), () => new ServiceError('conflict', `a rep "${rep.id}" exists already`, [{ path: 'id', message: 'taken' }]));
    await wakeHeldLeads(trx, clock.now());
    return (await getRep(trx, rep.id))!;
  });
}

/** Changes the fields given, keeps the rest. Held leads are looked at again: the rep may be able to take one now. */
export async function updateRep(db: Database, id: string, patch: RepPatch, clock: Clock): Promise<Rep> {
  return db.transaction().execute(async (trx) => {
    const current = await findRep(trx, id);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const rep = checkedRep({ ...current, ...defined, id });
    checkOutOfOffice(rep);
    await saveRep(trx, rep, clock.now());
    await wakeHeldLeads(trx, clock.now());
    return (await getRep(trx, id))!;
  });
}

export interface Availability {
  presence: NonNullable<Rep['presence']>;
  outOfOffice?: Rep['outOfOffice'];
}

/** Presence and the out-of-office range; an absent range clears it. */
export async function setAvailability(db: Database, id: string, availability: Availability, clock: Clock): Promise<Rep> {
  return updateRep(db, id, { presence: availability.presence, outOfOffice: availability.outOfOffice ?? null }, clock);
}

export async function listTeams(db: Db, page: { limit: number; after?: string }): Promise<Team[]> {
  return listTeamsPage(db, page);
}

export async function findTeam(db: Db, key: string): Promise<Team> {
  const team = await getTeam(db, key);
  if (!team) throw new ServiceError('not_found', `no team "${key}"`);
  return team;
}

/** Every reference of a team that does not resolve: members, managers and sub-teams (no cycles). */
async function teamProblems(db: Db, team: Team): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const managerIds = team.managerIds ?? [];
  const known = await existingRepIds(db, [...team.members.map((m) => m.repId), ...managerIds]);
  const seen = new Set<string>();
  team.members.forEach((m, i) => {
    if (!known.has(m.repId)) problems.push({ path: `members[${i}].repId`, message: `unknown rep "${m.repId}"` });
    else if (seen.has(m.repId)) problems.push({ path: `members[${i}].repId`, message: `rep "${m.repId}" is listed twice` });
    seen.add(m.repId);
  });
  managerIds.forEach((id, i) => {
    if (!known.has(id)) problems.push({ path: `managerIds[${i}]`, message: `unknown rep "${id}"` });
  });
  const graph = await teamGraph(db);
  graph.set(team.key, (team.subTeams ?? []).map((s) => s.key));
  (team.subTeams ?? []).forEach((sub, i) => {
    const path = `subTeams[${i}].key`;
    if (sub.key === team.key) problems.push({ path, message: 'a team cannot be its own sub-team' });
    else if (!graph.has(sub.key)) problems.push({ path, message: `unknown team "${sub.key}"` });
    else if (reaches(graph, sub.key, team.key)) problems.push({ path, message: `team "${sub.key}" already contains "${team.key}": sub-teams cannot form a cycle` });
  });
  return problems;
}

function reaches(graph: ReadonlyMap<string, readonly string[]>, from: string, target: string): boolean {
  const stack = [from];
  const visited = new Set<string>();
  while (stack.length) {
    const key = stack.pop()!;
    if (key === target) return true;
    if (visited.has(key)) continue;
    visited.add(key);
    stack.push(...(graph.get(key) ?? []));
  }
  return false;
}

export async function createTeam(db: Database, team: Team, clock: Clock): Promise<Team> {
  return db.transaction().execute(async (trx) => {
    const now = clock.now();
    // The key first, so that a taken key is a conflict whatever else is wrong with the team.
    await createUnder(insertTeam(trx, team, now), () => new ServiceError('conflict', `a team "${team.key}" exists already`, [{ path: 'key', message: 'taken' }]));
    const problems = await teamProblems(trx, team);
    if (problems.length) throw invalid('the team refers to reps or teams that do not exist', problems);
    await saveTeam(trx, team, now);
    await wakeHeldLeads(trx, now);
    return (await getTeam(trx, team.key))!;
  });
}

/** Changes the fields given; `members` and `subTeams`, when given, replace the lists. */
export async function updateTeam(db: Database, key: string, patch: TeamPatch, clock: Clock): Promise<Team> {
  return db.transaction().execute(async (trx) => {
    const current = await findTeam(trx, key);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const team: Team = { ...current, ...defined, key };
    const problems = await teamProblems(trx, team);
    if (problems.length) throw invalid('the team refers to reps or teams that do not exist', problems);
    await saveTeam(trx, team, clock.now());
    await wakeHeldLeads(trx, clock.now());
    return (await getTeam(trx, key))!;
  });
}

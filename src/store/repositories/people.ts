import type { Presence, Rep, Team, WorkingHours } from '../../engine/index.js';
import type { Db } from '../database.js';
import { isPostgres } from '../dialect.js';
import { fromJson, toJson } from '../json.js';
import type { RepsTable } from '../schema.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const ms = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);

export function repFromRow(row: RepsTable): Rep {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    active: row.active === 1,
    timezone: row.timezone,
    workingHours: fromJson<WorkingHours | null>(row.working_hours, null),
    presence: row.presence as Presence,
    outOfOffice: row.ooo_from !== null && row.ooo_until !== null ? { from: iso(row.ooo_from)!, until: iso(row.ooo_until)! } : null,
    languages: fromJson<string[]>(row.languages, []),
    skills: fromJson<string[]>(row.skills, []),
    seniority: row.seniority,
    maxOpenLeads: row.max_open_leads,
    dailyCap: row.daily_cap,
    channels: fromJson<('email' | 'sms')[] | null>(row.channels, null),
    openLeads: row.open_leads,
    daily: row.daily_date ? { date: row.daily_date, count: row.daily_count } : null,
    won: row.won,
    lost: row.lost,
    lastAssignedAt: iso(row.last_assigned_at),
  };
}

/** The columns of a rep's profile: everything but the live counters. */
function profileColumns(rep: Rep, now: number) {
  return {
    name: rep.name,
    email: rep.email ?? null,
    phone: rep.phone ?? null,
    active: rep.active ? 1 : 0,
    timezone: rep.timezone,
    working_hours: rep.workingHours ? toJson(rep.workingHours) : null,
    presence: rep.presence ?? 'online',
    ooo_from: ms(rep.outOfOffice?.from),
    ooo_until: ms(rep.outOfOffice?.until),
    languages: toJson(rep.languages ?? []),
    skills: toJson(rep.skills ?? []),
    seniority: rep.seniority ?? 0,
    max_open_leads: rep.maxOpenLeads ?? null,
    daily_cap: rep.dailyCap ?? null,
    channels: rep.channels ? toJson(rep.channels) : null,
    updated_at: now,
  };
}

function repRow(rep: Rep, now: number): RepsTable {
  return {
    id: rep.id,
    ...profileColumns(rep, now),
    open_leads: rep.openLeads ?? 0,
    daily_date: rep.daily?.date ?? null,
    daily_count: rep.daily?.count ?? 0,
    won: rep.won ?? 0,
    lost: rep.lost ?? 0,
    last_assigned_at: ms(rep.lastAssignedAt),
    created_at: now,
  };
}

/** Adds a new rep; fails with a unique violation (see isUniqueViolation) when the id is taken. */
export async function insertRep(db: Db, rep: Rep, now: number): Promise<void> {
  await db.insertInto('reps').values(repRow(rep, now)).execute();
}

/** Creates or replaces a rep's profile; live counters (open leads, daily count, outcomes) are kept. */
export async function saveRep(db: Db, rep: Rep, now: number): Promise<void> {
  await db
    .insertInto('reps')
    .values(repRow(rep, now))
    .onConflict((oc) => oc.column('id').doUpdateSet(profileColumns(rep, now)))
    .execute();
}

export async function listReps(db: Db): Promise<Rep[]> {
  const rows = await db.selectFrom('reps').selectAll().orderBy('id').execute();
  return rows.map(repFromRow);
}

/** Reps by id, `limit` at a time after the id `after`. */
export async function listRepsPage(db: Db, page: { limit: number; after?: string }): Promise<Rep[]> {
  let query = db.selectFrom('reps').selectAll().orderBy('id').limit(page.limit);
  if (page.after !== undefined) query = query.where('id', '>', page.after);
  return (await query.execute()).map(repFromRow);
}

export async function getRep(db: Db, id: string): Promise<Rep | undefined> {
  const row = await db.selectFrom('reps').selectAll().where('id', '=', id).executeTakeFirst();
  return row && repFromRow(row);
}

/**
 * Reads a rep to count a lead against them: on PostgreSQL the row stays locked until the
 * transaction ends, so two transactions that check and raise one rep's load do it one after the
 * other. (On SQLite the transaction holds the write lock already.)
 */
export async function lockRep(db: Db, id: string): Promise<Rep | undefined> {
  let query = db.selectFrom('reps').selectAll().where('id', '=', id);
  if (isPostgres(db)) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && repFromRow(row);
}

function teamColumns(team: Team, now: number) {
  return {
    name: team.name,
    territories: toJson(team.territories ?? []),
    manager_ids: toJson(team.managerIds ?? []),
    updated_at: now,
  };
}

/**
 * Adds a new team's own row, without members or branches (saveTeam writes those); fails with a
 * unique violation (see isUniqueViolation) when the key is taken.
 */
export async function insertTeam(db: Db, team: Team, now: number): Promise<void> {
  await db.insertInto('teams').values({ key: team.key, ...teamColumns(team, now), created_at: now }).execute();
}

/** Creates or replaces a team with its members and branches, in the caller's transaction. */
export async function saveTeam(db: Db, team: Team, now: number): Promise<void> {
  const values = teamColumns(team, now);
  await db
    .insertInto('teams')
    .values({ key: team.key, ...values, created_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet(values))
    .execute();
  await db.deleteFrom('team_members').where('team_key', '=', team.key).execute();
  await db.deleteFrom('team_branches').where('team_key', '=', team.key).execute();
  if (team.members.length) {
    await db
      .insertInto('team_members')
      .values(team.members.map((m, position) => ({ team_key: team.key, rep_id: m.repId, weight: m.weight ?? 1, position })))
      .execute();
  }
  if (team.subTeams?.length) {
    await db
      .insertInto('team_branches')
      .values(team.subTeams.map((b, position) => ({ team_key: team.key, branch_key: b.key, weight: b.weight ?? 1, position })))
      .execute();
  }
}

export async function listTeams(db: Db): Promise<Team[]> {
  return selectTeams(db, {});
}

/** Teams by key, `limit` at a time after the key `after`. */
export async function listTeamsPage(db: Db, page: { limit: number; after?: string }): Promise<Team[]> {
  return selectTeams(db, page);
}

export async function getTeam(db: Db, key: string): Promise<Team | undefined> {
  return (await selectTeams(db, { key }))[0];
}

async function selectTeams(db: Db, only: { key?: string; after?: string; limit?: number }): Promise<Team[]> {
  let query = db.selectFrom('teams').selectAll().orderBy('key');
  if (only.key !== undefined) query = query.where('key', '=', only.key);
  if (only.after !== undefined) query = query.where('key', '>', only.after);
  if (only.limit !== undefined) query = query.limit(only.limit);
  const teams = await query.execute();
  if (teams.length === 0) return [];
  const keys = teams.map((t) => t.key);
  const [members, branches] = await Promise.all([
    db.selectFrom('team_members').selectAll().where('team_key', 'in', keys).orderBy('team_key').orderBy('position').execute(),
    db.selectFrom('team_branches').selectAll().where('team_key', 'in', keys).orderBy('team_key').orderBy('position').execute(),
  ]);
  return teams.map((t) => ({
    key: t.key,
    name: t.name,
    territories: fromJson<string[]>(t.territories, []),
    managerIds: fromJson<string[]>(t.manager_ids, []),
    members: members.filter((m) => m.team_key === t.key).map((m) => ({ repId: m.rep_id, weight: m.weight })),
    subTeams: branches.filter((b) => b.team_key === t.key).map((b) => ({ key: b.branch_key, weight: b.weight })),
  }));
}

/** Every team key with the keys of its sub-teams. */
export async function teamGraph(db: Db): Promise<Map<string, string[]>> {
  const [teams, branches] = await Promise.all([
    db.selectFrom('teams').select('key').execute(),
    db.selectFrom('team_branches').select(['team_key', 'branch_key']).orderBy('position').execute(),
  ]);
  const graph = new Map<string, string[]>(teams.map((t) => [t.key, []]));
  for (const b of branches) graph.get(b.team_key)?.push(b.branch_key);
  return graph;
}

/** Which of these rep ids exist. */
export async function existingRepIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('reps').select('id').where('id', 'in', [...new Set(ids)]).execute();
  return new Set(rows.map((r) => r.id));
}

export async function allRepIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('reps').select('id').orderBy('id').execute()).map((r) => r.id);
}

export async function allTeamKeys(db: Db): Promise<string[]> {
  return (await db.selectFrom('teams').select('key').orderBy('key').execute()).map((r) => r.key);
}

/**
 * Counts `count` new open leads for a rep: their load, their count for `localDate` (their own
 * calendar day; a count for an earlier day starts again) and the last assignment time.
 */
export async function recordAssignments(db: Db, repId: string, count: number, localDate: string, now: number): Promise<void> {
  await db
    .updateTable('reps')
    .set((eb) => ({
      open_leads: eb('open_leads', '+', count),
      daily_count: eb.case().when('daily_date', '=', localDate).then(eb('daily_count', '+', count)).else(eb.val(count)).end(),
      daily_date: localDate,
      last_assigned_at: now,
    }))
    .where('id', '=', repId)
    .execute();
}

/** A rep no longer holds `count` of their open leads (rejected, expired, reassigned, closed). */
export async function releaseLeads(db: Db, repId: string, count: number, now: number): Promise<void> {
  await db
    .updateTable('reps')
    .set((eb) => ({ open_leads: eb.case().when('open_leads', '>', count).then(eb('open_leads', '-', count)).else(0).end(), updated_at: now }))
    .where('id', '=', repId)
    .execute();
}

/** Counts a closed lead in the rep's record, which the performance strategy learns from. */
export async function recordOutcome(db: Db, repId: string, outcome: 'won' | 'lost', now: number): Promise<void> {
  await db
    .updateTable('reps')
    .set((eb) => ({ [outcome]: eb(outcome, '+', 1), updated_at: now }))
    .where('id', '=', repId)
    .execute();
}

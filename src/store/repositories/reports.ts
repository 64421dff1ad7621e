import { sql, type RawBuilder } from 'kysely';
import type { Database, Db } from '../database.js';
import { isPostgres } from '../dialect.js';

/**
 * The figures behind the reports (PRODUCT.md §5), read from the leads and events of a window:
 * counts by the database with GROUP BY, durations as the values percentiles are taken over.
 * Over long windows they are read per day from the figures kept in report_days
 * (report-days.ts), and from here only for partial days. Leads count when they were created
 * inside the window, `from` included and `to` not, and are real leads (not the test leads lead
 * sources send to check their set-up).
 */

export type GroupBy = 'rep' | 'team' | 'source';

/** Instants in epoch milliseconds: `from` included, `to` not. */
export interface Window {
  from: number;
  to: number;
}

/** The lead's rep (its owner), team or source. */
const LEAD_KEY: Record<GroupBy, RawBuilder<string | null>> = {
  rep: sql`l.owner_id`,
  team: sql`l.team_key`,
  source: sql`l.source`,
};

/** For events: the rep the event names, else the lead's team or source. */
const EVENT_KEY: Record<GroupBy, RawBuilder<string | null>> = { ...LEAD_KEY, rep: sql`e.rep_id` };

const realLeadsIn = (w: Window) => sql`l.created_at >= ${w.from} and l.created_at < ${w.to} and l.is_test = 0`;

/**
 * The event types the reports count, as the partial index `lead_events_report` (migration 010)
 * and the triggers of migration 011 name them; stated just so, as SQLite uses a partial index
 * only when the query repeats the index's condition.
 */
const REPORTED_EVENTS = sql`e.type in ('offered', 'accepted', 'rejected', 'expired', 'assigned', 'sla-breached')`;

/**
 * Runs a report's statement. On PostgreSQL, in a transaction of its own whose settings suit
 * it: room to sort and hash a year of leads in memory (64 MiB rather than the default 4, which
 * spills to disk), and no JIT compilation, which costs more than it saves on statements of this
 * size (a second or more of compiling).
 */
async function reportQuery<T>(db: Db, run: (db: Db) => Promise<T>): Promise<T> {
  if (!isPostgres(db)) return run(db);
  const tuned = async (trx: Db) => {
    await sql`set local work_mem = '64MB'`.execute(trx);
    await sql`set local jit = off`.execute(trx);
    return run(trx);
  };
  return db.isTransaction ? tuned(db) : (db as Database).transaction().execute(tuned);
}

const rowsOf = async <T>(db: Db, query: RawBuilder<T>): Promise<T[]> => reportQuery(db, async (q) => (await query.execute(q)).rows);

/**
 * Durations as percentiles, by the nearest-rank method: the p-th percentile is the smallest
 * value that at least p % of the values do not exceed — an actual value, never an
 * interpolation. `total` is over every value, whatever its group.
 */
export interface DurationFigures {
  key: string | null;
  count: number;
  p50: number | null;
  p90: number | null;
  p99: number | null;
  /** Values of at most the `withinMs` asked for. */
  within: number;
}

/** The nearest-rank percentiles of these values (in any order). */
export function durationFigures(key: string | null, values: readonly number[], withinMs: number): DurationFigures {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const at = (p: number) => (n === 0 ? null : sorted[Math.floor((n * p + 99) / 100) - 1]!);
  let within = 0;
  while (within < n && sorted[within]! <= withinMs) within++;
  return { key, count: n, p50: at(50), p90: at(90), p99: at(99), within };
}

/** What the reports measure, per lead: capture to first contact, and offer to acceptance. */
export type Duration = 'speed' | 'accept';

/**
 * Offer to acceptance (`assigned_at − offered_at`) counts the leads accepted. Leads given to a
 * rep without an offer to answer — auto-accept, a pull, a manager's reassignment to a named rep —
 * have both instants equal and are left out.
 */
const DURATIONS: Record<Duration, { value: RawBuilder<number>; where: RawBuilder<unknown> }> = {
  speed: { value: sql<number>`l.contacted_at - l.created_at`, where: sql`l.contacted_at is not null` },
  accept: { value: sql<number>`l.assigned_at - l.offered_at`, where: sql`l.assigned_at is not null and l.offered_at is not null and l.assigned_at > l.offered_at` },
};

/** The counts the reports add up, per rep, team or source. */
export interface Counts {
  /** Offers made (`offered` events) and how they were answered. */
  offered: number;
  accepted: number;
  rejected: number;
  expired: number;
  /** Times a rep took the lead on with a first-contact deadline: accepted an offer, or was assigned it. */
  assignments: number;
  /** First-contact deadlines missed (`sla-breached` events). */
  breaches: number;
  leads: number;
  won: number;
  lost: number;
  /** The revenue of the won leads. */
  revenue: number;
  /** Won leads with a revenue. */
  deals: number;
}

export const NO_COUNTS: Readonly<Counts> = { offered: 0, accepted: 0, rejected: 0, expired: 0, assignments: 0, breaches: 0, leads: 0, won: 0, lost: 0, revenue: 0, deals: 0 };

/** Everything the reports read of one rep, team or source over a window. */
export interface Figures {
  counts: Counts;
  speed: number[];
  accept: number[];
}

export type FigureKind = keyof Figures;

/** Figures by key (null: the leads without an owner, team or source). */
export type FiguresByKey = Map<string | null, Figures>;

/** Adds counts — numbers, or numbers as the database answers them — to these; a field left out adds nothing. */
export function addCounts(into: Counts, counts: Partial<Record<keyof Counts, number | string | null>>): void {
  for (const field of Object.keys(NO_COUNTS) as (keyof Counts)[]) into[field] += Number(counts[field] ?? 0);
}

/** Adds figures, whole or only some of their kinds, to these. */
export function addFigures(into: Figures, figures: Partial<Figures>): void {
  if (figures.counts) addCounts(into.counts, figures.counts);
  for (const value of figures.speed ?? []) into.speed.push(value);
  for (const value of figures.accept ?? []) into.accept.push(value);
}

export function figuresOf(byKey: FiguresByKey, key: string | null): Figures {
  let figures = byKey.get(key);
  if (!figures) byKey.set(key, (figures = { counts: { ...NO_COUNTS }, speed: [], accept: [] }));
  return figures;
}

/** The figures of the leads created in the window, read from the leads and events themselves. */
export async function figuresFromLeads(db: Db, w: Window, groupBy: GroupBy, kinds: readonly FigureKind[]): Promise<FiguresByKey> {
  const byKey: FiguresByKey = new Map();
  const add = (rows: readonly ({ key: string | null } & Partial<Record<keyof Counts, number | string | null>>)[]) => {
    for (const row of rows) addCounts(figuresOf(byKey, row.key).counts, row);
  };
  for (const kind of kinds) {
    if (kind === 'counts') {
      add(await rowsOf(db, sql<{ key: string | null }>`
        select ${EVENT_KEY[groupBy]} as key,
          sum(case when e.type = 'offered' then 1 else 0 end) as offered,
          sum(case when e.type = 'accepted' then 1 else 0 end) as accepted,
          sum(case when e.type = 'rejected' then 1 else 0 end) as rejected,
          sum(case when e.type = 'expired' then 1 else 0 end) as expired,
          sum(case when e.type in ('accepted', 'assigned') then 1 else 0 end) as assignments,
          sum(case when e.type = 'sla-breached' then 1 else 0 end) as breaches
        from lead_events e join leads l on l.id = e.lead_id
        where ${realLeadsIn(w)} and ${REPORTED_EVENTS}
        group by ${EVENT_KEY[groupBy]}`));
      add(await rowsOf(db, sql<{ key: string | null }>`
        select ${LEAD_KEY[groupBy]} as key, count(*) as leads,
          sum(case when l.status = 'won' then 1 else 0 end) as won,
          sum(case when l.status = 'lost' then 1 else 0 end) as lost,
          sum(case when l.status = 'won' then cast(l.revenue as double precision) end) as revenue,
          sum(case when l.status = 'won' and l.revenue is not null then 1 else 0 end) as deals
        from leads l
        where ${realLeadsIn(w)}
        group by ${LEAD_KEY[groupBy]}`));
    } else {
      const { value, where } = DURATIONS[kind];
      const rows = await rowsOf(db, sql<{ key: string | null; v: number | string }>`select ${LEAD_KEY[groupBy]} as key, ${value} as v from leads l where ${realLeadsIn(w)} and ${where}`);
      for (const row of rows) figuresOf(byKey, row.key)[kind].push(Number(row.v));
    }
  }
  return byKey;
}

export interface TeamShare {
  team: string;
  repId: string;
  /** The rep's weight in the team; 0 for a rep who is no longer a member. */
  weight: number;
  /** The sum of the team members' weights. */
  teamWeight: number;
  /** The team's leads the rep owns. */
  received: number;
  /** The team's leads that have an owner. */
  teamReceived: number;
}

/**
 * For each of the teams, each member and each rep who owns one of its leads: the leads they
 * own of the team's, against their weight in it.
 */
export async function teamShares(db: Database, w: Window, teams: readonly string[]): Promise<TeamShare[]> {
  if (teams.length === 0) return [];
  const keys = sql.join([...teams]);
  const rows = await rowsOf(db, sql<TeamShare>`
    with members as (select team_key, rep_id, weight from team_members where team_key in (${keys})),
    weights as (select team_key, sum(cast(weight as double precision)) as total from members group by team_key),
    received as (
      select l.team_key, l.owner_id as rep_id, count(*) as n from leads l
      where ${realLeadsIn(w)} and l.team_key in (${keys}) and l.owner_id is not null
      group by l.team_key, l.owner_id
    ),
    team_totals as (select team_key, sum(n) as total from received group by team_key),
    pairs as (select team_key, rep_id from members union select team_key, rep_id from received)
    select p.team_key as team, p.rep_id as "repId", coalesce(m.weight, 0) as weight, coalesce(tw.total, 0) as "teamWeight",
      coalesce(r.n, 0) as received, coalesce(tt.total, 0) as "teamReceived"
    from pairs p
    left join members m on m.team_key = p.team_key and m.rep_id = p.rep_id
    left join weights tw on tw.team_key = p.team_key
    left join received r on r.team_key = p.team_key and r.rep_id = p.rep_id
    left join team_totals tt on tt.team_key = p.team_key
    order by p.team_key, p.rep_id`);
  return rows.map((r) => ({ ...r, weight: Number(r.weight), teamWeight: Number(r.teamWeight), received: Number(r.received), teamReceived: Number(r.teamReceived) }));
}

export interface RepLoad {
  repId: string;
  name: string;
  active: boolean;
  /** The open leads routing counts against the rep's capacity now. */
  openLeads: number;
  maxOpenLeads: number | null;
}

/** Every rep's open leads now against their cap, by id. */
export async function repLoads(db: Database): Promise<RepLoad[]> {
  const rows = await db.selectFrom('reps').select(['id', 'name', 'active', 'open_leads', 'max_open_leads']).orderBy('id').execute();
  return rows.map((r) => ({ repId: r.id, name: r.name, active: r.active === 1, openLeads: r.open_leads, maxOpenLeads: r.max_open_leads }));
}

/** The names of reps or teams by id or key, for the rows of a report. */
export async function groupNames(db: Database, groupBy: GroupBy): Promise<Map<string, string>> {
  if (groupBy === 'rep') return new Map((await db.selectFrom('reps').select(['id', 'name']).execute()).map((r) => [r.id, r.name]));
  if (groupBy === 'team') return new Map((await db.selectFrom('teams').select(['key', 'name']).execute()).map((r) => [r.key, r.name]));
  return new Map();
}

import { sql, type RawBuilder } from 'kysely';
import type { Database, Db } from '../database.js';
import { isPostgres } from '../dialect.js';

/**
 * The figures behind the reports (PRODUCT.md §5), each computed by the database in one
 * statement with GROUP BY — never by reading leads into memory. Leads count when they were
 * created inside the window, `from` included and `to` not, and are real leads (not the test
 * leads lead sources send to check their set-up).
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
 * names them. A query on events states this very condition besides its own narrower one: SQLite
 * uses a partial index only when the query repeats the index's condition.
 */
const REPORTED_EVENTS = sql`e.type in ('offered', 'accepted', 'rejected', 'expired', 'assigned', 'sla-breached')`;

/**
 * Runs a report's statement. On PostgreSQL, in a transaction of its own whose settings suit
 * it: room to sort and hash a year of leads in memory (64 MiB rather than the default 4, which
 * spills to disk), and no JIT compilation, which costs more than it saves on statements of this
 * size (a second or more of compiling).
 */
async function reportQuery<T>(db: Database, run: (db: Db) => Promise<T>): Promise<T> {
  if (!isPostgres(db)) return run(db);
  return db.transaction().execute(async (trx) => {
    await sql`set local work_mem = '64MB'`.execute(trx);
    await sql`set local jit = off`.execute(trx);
    return run(trx);
  });
}

const rowsOf = async <T>(db: Database, query: RawBuilder<T>): Promise<T[]> => reportQuery(db, async (q) => (await query.execute(q)).rows);

/**
 * Durations as percentiles, by the nearest-rank method: the p-th percentile is the smallest
 * value that at least p % of the values do not exceed — an actual value, never an
 * interpolation. PostgreSQL computes it as percentile_disc; SQLite, which has no percentiles,
 * from ranks (window functions). `total` is over every value, whatever its group.
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

interface PercentileRow {
  t: number;
  k: string | null;
  count: number | string;
  p50: number | string | null;
  p90: number | string | null;
  p99: number | string | null;
  within: number | string | null;
}

const noDurations = (): DurationFigures => ({ key: null, count: 0, p50: null, p90: null, p99: null, within: 0 });

async function durationPercentiles(
  db: Database,
  key: RawBuilder<string | null>,
  duration: RawBuilder<number>,
  where: RawBuilder<unknown>,
  withinMs: number,
): Promise<{ groups: DurationFigures[]; total: DurationFigures }> {
  const rows = await reportQuery(db, async (q) => {
    if (isPostgres(q)) {
      // percentile_disc is the nearest rank; keys compared byte by byte sort several times faster than by the locale's rules.
      return (
        await sql<PercentileRow>`
          select grouping(k) as t, k, count(*) as count,
            percentile_disc(0.5) within group (order by v) as p50,
            percentile_disc(0.9) within group (order by v) as p90,
            percentile_disc(0.99) within group (order by v) as p99,
            sum(case when v <= ${withinMs} then 1 else 0 end) as within
          from (select ${key} collate "C" as k, ${duration} as v from leads l where ${where}) d
          group by grouping sets ((k), ())`.execute(q)
      ).rows;
    }
    // Each value is ranked within its group (t = 0) and among all (t = 1); the percentile is the
    // least value whose rank reaches p % of its partition's count — integers only, no ceil().
    return (
      await sql<PercentileRow>`
        with d as (select ${key} as k, ${duration} as v from leads l where ${where}),
        ranked as (
          select 0 as t, k, v, row_number() over (partition by k order by v) as rn, count(*) over (partition by k) as n from d
          union all
          select 1 as t, null as k, v, row_number() over (order by v) as rn, count(*) over () as n from d
        )
        select t, k, count(*) as count,
          min(case when rn * 100 >= n * 50 then v end) as p50,
          min(case when rn * 100 >= n * 90 then v end) as p90,
          min(case when rn * 100 >= n * 99 then v end) as p99,
          sum(case when v <= ${withinMs} then 1 else 0 end) as within
        from ranked
        group by t, k`.execute(q)
    ).rows;
  });
  const figures = (r: PercentileRow): DurationFigures => ({ key: r.k, count: Number(r.count), p50: num(r.p50), p90: num(r.p90), p99: num(r.p99), within: Number(r.within ?? 0) });
  const total = rows.find((r) => Number(r.t) === 1);
  return { groups: rows.filter((r) => Number(r.t) === 0).map(figures), total: total ? figures(total) : noDurations() };
}

const num = (value: number | string | null): number | null => (value === null ? null : Number(value));

/** Capture to first contact (`contacted_at − created_at`) of the leads contacted. */
export function speedToLead(db: Database, w: Window, groupBy: GroupBy, withinMs: number) {
  return durationPercentiles(db, LEAD_KEY[groupBy], sql<number>`l.contacted_at - l.created_at`, sql`${realLeadsIn(w)} and l.contacted_at is not null`, withinMs);
}

/**
 * Offer to acceptance (`assigned_at − offered_at`) of the leads accepted. Leads given to a rep
 * without an offer to answer — auto-accept, a pull, a manager's reassignment to a named rep —
 * have both instants equal and are left out.
 */
export function timeToAccept(db: Database, w: Window, groupBy: GroupBy, withinMs: number) {
  return durationPercentiles(
    db,
    LEAD_KEY[groupBy],
    sql<number>`l.assigned_at - l.offered_at`,
    sql`${realLeadsIn(w)} and l.assigned_at is not null and l.offered_at is not null and l.assigned_at > l.offered_at`,
    withinMs,
  );
}

export interface OfferCounts {
  key: string | null;
  offered: number;
  accepted: number;
  rejected: number;
  expired: number;
}

/** Offers made (`offered` events) and how they were answered (`accepted`, `rejected`, `expired`). */
export async function offerCounts(db: Database, w: Window, groupBy: GroupBy): Promise<OfferCounts[]> {
  const rows = await rowsOf(db, sql<OfferCounts>`
    select ${EVENT_KEY[groupBy]} as key,
      sum(case when e.type = 'offered' then 1 else 0 end) as offered,
      sum(case when e.type = 'accepted' then 1 else 0 end) as accepted,
      sum(case when e.type = 'rejected' then 1 else 0 end) as rejected,
      sum(case when e.type = 'expired' then 1 else 0 end) as expired
    from lead_events e join leads l on l.id = e.lead_id
    where ${realLeadsIn(w)} and ${REPORTED_EVENTS} and e.type in ('offered', 'accepted', 'rejected', 'expired')
    group by ${EVENT_KEY[groupBy]}`);
  return rows.map((r) => ({ key: r.key, offered: Number(r.offered), accepted: Number(r.accepted), rejected: Number(r.rejected), expired: Number(r.expired) }));
}

export interface BreachCounts {
  key: string | null;
  /** Times a rep took the lead on with a first-contact deadline: accepted an offer, or was assigned it. */
  assignments: number;
  breaches: number;
}

/** First-contact deadlines missed (`sla-breached` events), against the assignments that started one. */
export async function breachCounts(db: Database, w: Window, groupBy: GroupBy): Promise<BreachCounts[]> {
  const rows = await rowsOf(db, sql<BreachCounts>`
    select ${EVENT_KEY[groupBy]} as key,
      sum(case when e.type = 'sla-breached' then 0 else 1 end) as assignments,
      sum(case when e.type = 'sla-breached' then 1 else 0 end) as breaches
    from lead_events e join leads l on l.id = e.lead_id
    where ${realLeadsIn(w)} and ${REPORTED_EVENTS} and e.type in ('accepted', 'assigned', 'sla-breached')
    group by ${EVENT_KEY[groupBy]}`);
  return rows.map((r) => ({ key: r.key, assignments: Number(r.assignments), breaches: Number(r.breaches) }));
}

export interface OutcomeCounts {
  key: string | null;
  leads: number;
  won: number;
  lost: number;
  /** The revenue of the won leads. */
  revenue: number;
  /** Won leads with a revenue. */
  deals: number;
}

/** Leads, how many were won and lost, and the revenue won. */
export async function outcomeCounts(db: Database, w: Window, groupBy: GroupBy): Promise<OutcomeCounts[]> {
  const rows = await rowsOf(db, sql<OutcomeCounts>`
    select ${LEAD_KEY[groupBy]} as key, count(*) as leads,
      sum(case when l.status = 'won' then 1 else 0 end) as won,
      sum(case when l.status = 'lost' then 1 else 0 end) as lost,
      sum(case when l.status = 'won' then cast(l.revenue as double precision) end) as revenue,
      sum(case when l.status = 'won' and l.revenue is not null then 1 else 0 end) as deals
    from leads l
    where ${realLeadsIn(w)}
    group by ${LEAD_KEY[groupBy]}`);
  return rows.map((r) => ({ key: r.key, leads: Number(r.leads), won: Number(r.won), lost: Number(r.lost), revenue: Number(r.revenue ?? 0), deals: Number(r.deals) }));
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

/**
 * The reports (GET /v1/reports/{name}) on a large store: 1,000,000 leads with their timeline
 * events (bench/support/report-data.ts) loaded into a PostgreSQL schema of its own, then every
 * report, by each grouping it offers, over the last 30 and the last 365 days, RUNS times each
 * after one untimed run, through the service layer the endpoint calls (no HTTP). SQLite is
 * measured too, with fewer leads (BENCH_SQLITE_LEADS, default 100,000; 0 to skip).
 *
 * Baseline, in the same run on the same store and window: the least any report over the
 * window must do — `select count(*) from leads where created_at between …`. ratio = the
 * slowest report's median ÷ the baseline's median on that report's window.
 */
import Sqlite from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/engine/index.js';
import { ConfigCache } from '../src/service/config-cache.js';
import { rebuildPastReportDays, REPORT_GROUPINGS, REPORT_NAMES, REPORTS, type GroupBy, type ReportName } from '../src/service/reports.js';
import { migrate, openDatabase, type Database } from '../src/store/database.js';
import { isPostgres } from '../src/store/dialect.js';
import { saveRep, saveTeam } from '../src/store/repositories/people.js';
import { activateConfigVersion, insertConfigVersion } from '../src/store/repositories/routing-configs.js';
import { inBenchSchema } from './support/pg-schema.js';
import { benchConfig, benchPeople, EVENT_COLUMNS, LEAD_COLUMNS, LeadGenerator, type EventRow, type LeadRow } from './support/report-data.js';

const LEADS = Number(process.env.BENCH_LEADS ?? 1_000_000);
const SQLITE_LEADS = Number(process.env.BENCH_SQLITE_LEADS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BATCH = 5_000;
/** The bench's "now": Tuesday 2026-11-24 18:00 UTC. */
const NOW = Date.parse('2026-11-24T18:00:00Z');
const DAY = 24 * 3600_000;
const WINDOWS = [
  { label: '30 days', days: 30 },
  { label: '365 days', days: 365 },
] as const;

interface Timing {
  report: ReportName | 'baseline';
  groupBy: GroupBy | '';
  window: string;
  rows: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
}

interface StoreFigures {
  leads: number;
  events: number;
  loadSeconds: number;
  /** The kept day figures rebuilt after the load, as serve does in the background: days and seconds. */
  rebuilt: { days: number; seconds: number };
  inWindow: Record<string, number>;
  timings: Timing[];
}

/** The people and the routing configuration the leads were routed by. */
async function seedPeople(db: Database): Promise<void> {
  const { reps, teams } = benchPeople();
  const source = benchConfig(teams);
  const compiled = loadConfig(source, { version: 1, context: { teams: new Set(teams.map((t) => t.key)) } });
  if (!compiled.ok) throw new Error(compiled.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  await db.transaction().execute(async (trx) => {
    for (const rep of reps) await saveRep(trx, { id: rep.id, name: rep.name, active: true, timezone: 'America/New_York', maxOpenLeads: rep.maxOpenLeads }, NOW - 500 * DAY);
    for (const team of teams) await saveTeam(trx, { key: team.key, name: team.name, members: team.members }, NOW - 500 * DAY);
    await activateConfigVersion(trx, await insertConfigVersion(trx, source, null, NOW - 500 * DAY));
  });
}

/** Generates the leads in batches and hands each batch to `write`. */
async function generate(count: number, write: (leads: LeadRow[], events: EventRow[]) => Promise<void>): Promise<number> {
  const generator = new LeadGenerator(benchPeople().teams, count, NOW);
  let events = 0;
  for (let start = 0; start < count; start += BATCH) {
    const leads: LeadRow[] = [];
    const batchEvents: EventRow[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const generated = generator.lead(i);
      leads.push(generated.lead);
      batchEvents.push(...generated.events);
    }
    events += batchEvents.length;
    await write(leads, batchEvents);
    if ((start / BATCH) % 20 === 19) process.stderr.write(`  ${(start + BATCH).toLocaleString('en-US')} leads loaded\n`);
  }
  return events;
}

/**
 * Loads the leads into PostgreSQL, a batch at a time as one JSON document per table
 * (json_populate_recordset: as fast as COPY for this, with no driver to add), the next batch
 * generated while the last one is written. The load's own connection skips foreign-key checks
 * and triggers (the rows are consistent by construction; the days are marked stale after) and
 * does not wait for each commit to be flushed.
 * Resolves with the events written.
 */
function loadPostgres(db: Database, count: number): Promise<number> {
  return db.connection().execute(async (conn) => {
    await sql`set synchronous_commit = off`.execute(conn);
    await sql`set session_replication_role = replica`.execute(conn).catch(() => undefined);
    let writing: Promise<unknown> = Promise.resolve();
    const events = await generate(count, async (leads, events) => {
      await writing;
      writing = (async () => {
        await sql`insert into leads (${sql.join(LEAD_COLUMNS.map((c) => sql.ref(c)))})
          select ${sql.join(LEAD_COLUMNS.map((c) => sql.ref(c)))} from json_populate_recordset(null::leads, ${JSON.stringify(leads)})`.execute(conn);
        await sql`insert into lead_events (${sql.join(EVENT_COLUMNS.map((c) => sql.ref(c)))})
          select ${sql.join(EVENT_COLUMNS.map((c) => sql.ref(c)))} from json_populate_recordset(null::lead_events, ${JSON.stringify(events)})`.execute(conn);
      })();
    });
    await writing;
    await sql`set session_replication_role = origin`.execute(conn).catch(() => undefined);
    // The replica role skipped the triggers too, as a restore would: the days they would have marked stale are marked here.
    await sql`insert into report_stale_days (day) select distinct created_at / ${DAY} from leads on conflict do nothing`.execute(conn);
    return events;
  });
}

/** Loads the leads into the SQLite file, through a connection of its own, one transaction per batch. */
async function loadSqlite(path: string, count: number): Promise<number> {
  const sqlite = new Sqlite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = OFF');
  const insertLead = sqlite.prepare(`insert into leads (${LEAD_COLUMNS.join(', ')}) values (${LEAD_COLUMNS.map((c) => `@${c}`).join(', ')})`);
  const insertEvent = sqlite.prepare(`insert into lead_events (${EVENT_COLUMNS.join(', ')}) values (${EVENT_COLUMNS.map((c) => `@${c}`).join(', ')})`);
  const batch = sqlite.transaction((leads: LeadRow[], events: EventRow[]) => {
    for (const lead of leads) insertLead.run(lead);
    for (const event of events) insertEvent.run(event);
  });
  try {
    return await generate(count, async (leads, events) => batch(leads, events));
  } finally {
    sqlite.close();
  }
}

/** Reps' open-lead counters as routing keeps them, from the leads they own; statistics for the planner. */
async function settle(db: Database): Promise<void> {
  await sql`update reps set open_leads = (select count(*) from leads where owner_id = reps.id and status in ('offered', 'assigned', 'contacted'))`.execute(db);
  if (isPostgres(db)) {
    await sql`vacuum analyze leads`.execute(db);
    await sql`vacuum analyze lead_events`.execute(db);
    await sql`vacuum analyze reps`.execute(db);
  } else {
    await sql`analyze`.execute(db);
  }
}

/** The day figures reports keep, rebuilt for every day the load marked, as `leadrouter serve` does in the background. */
async function rebuild(db: Database): Promise<{ days: number; seconds: number }> {
  const start = performance.now();
  const days = await rebuildPastReportDays({ db, clock: { now: () => NOW } });
  return { days, seconds: (performance.now() - start) / 1000 };
}

async function time(work: () => Promise<number>): Promise<{ rows: number; ms: number[] }> {
  let rows = await work();
  const ms: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    rows = await work();
    ms.push(performance.now() - start);
  }
  return { rows, ms };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function measure(db: Database): Promise<{ timings: Timing[]; inWindow: Record<string, number> }> {
  const deps = { db, clock: { now: () => NOW }, configs: new ConfigCache() };
  const timings: Timing[] = [];
  const inWindow: Record<string, number> = {};
  const record = (report: Timing['report'], groupBy: Timing['groupBy'], window: string, result: { rows: number; ms: number[] }) =>
    timings.push({ report, groupBy, window, rows: result.rows, medianMs: median(result.ms), minMs: Math.min(...result.ms), maxMs: Math.max(...result.ms) });
  for (const window of WINDOWS) {
    const from = NOW - window.days * DAY;
    const baseline = await time(async () => {
      const { rows } = await sql<{ n: number | string }>`select count(*) as n from leads where created_at between ${from} and ${NOW}`.execute(db);
      return Number(rows[0]!.n);
    });
    inWindow[window.label] = baseline.rows;
    record('baseline', '', window.label, { rows: 1, ms: baseline.ms });
    for (const name of REPORT_NAMES) {
      for (const groupBy of REPORT_GROUPINGS[name]) {
        record(name, groupBy, window.label, await time(async () => (await REPORTS[name](deps, { from, to: NOW, groupBy })).rows.length));
      }
    }
  }
  return { timings, inWindow };
}

async function measureSqlite(dir: string, count: number): Promise<StoreFigures> {
  const path = join(dir, 'reports.db');
  const setup = openDatabase(`sqlite:${path}`);
  await migrate(setup);
  await seedPeople(setup);
  await setup.destroy();
  const start = performance.now();
  const events = await loadSqlite(path, count);
  const db = openDatabase(`sqlite:${path}`);
  try {
    await settle(db);
    const loadSeconds = (performance.now() - start) / 1000;
    return { leads: count, events, loadSeconds, rebuilt: await rebuild(db), ...(await measure(db)) };
  } finally {
    await db.destroy();
  }
}

async function measurePostgres(url: string, count: number): Promise<StoreFigures> {
  return inBenchSchema(url, async (schema) => {
    const db = openDatabase(url, { schema });
    try {
      await migrate(db, { schema });
      await seedPeople(db);
      const start = performance.now();
      const events = await loadPostgres(db, count);
      await settle(db);
      const loadSeconds = (performance.now() - start) / 1000;
      return { leads: count, events, loadSeconds, rebuilt: await rebuild(db), ...(await measure(db)) };
    } finally {
      await db.destroy();
    }
  });
}

const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString('en-US')} ms`.padStart(9);

function report(label: string, figures: StoreFigures): void {
  const count = (n: number) => n.toLocaleString('en-US');
  console.log(
    `${label}: ${count(figures.leads)} leads, ${count(figures.events)} events (loaded and analysed in ${figures.loadSeconds.toFixed(0)} s; ` +
      `day figures of ${count(figures.rebuilt.days)} days rebuilt in ${figures.rebuilt.seconds.toFixed(0)} s); ` +
      `leads in the window: ${Object.entries(figures.inWindow).map(([w, n]) => `${count(n)} in the last ${w}`).join(', ')}`,
  );
  console.log(`  ${'report'.padEnd(16)} ${'groupBy'.padEnd(8)} ${'window'.padEnd(9)} ${'rows'.padStart(5)}  ${'median'.padStart(9)} ${'best'.padStart(9)} ${'worst'.padStart(9)}   ÷ baseline`);
  for (const t of figures.timings) {
    const baseline = figures.timings.find((b) => b.report === 'baseline' && b.window === t.window)!;
    console.log(
      `  ${t.report.padEnd(16)} ${t.groupBy.padEnd(8)} ${t.window.padEnd(9)} ${String(t.rows).padStart(5)}  ${ms(t.medianMs)} ${ms(t.minMs)} ${ms(t.maxMs)}   ${t.report === 'baseline' ? '' : `${(t.medianMs / baseline.medianMs).toFixed(1)}x`}`,
    );
  }
}

/** The slowest report (by its median) and the baseline on its window. */
function worst(figures: StoreFigures): { worstMs: number; baselineMs: number; ratio: number; report: string } {
  const reports = figures.timings.filter((t) => t.report !== 'baseline');
  const slowest = reports.reduce((a, b) => (b.medianMs > a.medianMs ? b : a));
  const baseline = figures.timings.find((t) => t.report === 'baseline' && t.window === slowest.window)!;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { worstMs: round(slowest.medianMs), baselineMs: round(baseline.medianMs), ratio: round(slowest.medianMs / baseline.medianMs), report: `${slowest.report} by ${slowest.groupBy}, ${slowest.window}` };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'leadrouter-bench-reports-'));
  try {
    const sqlite = SQLITE_LEADS > 0 ? await measureSqlite(dir, SQLITE_LEADS) : null;
    const pgUrl = process.env.LEADROUTER_TEST_PG_URL;
    const postgres = pgUrl ? await measurePostgres(pgUrl, LEADS) : null;

    console.log(`reports through the service layer (no HTTP), ${RUNS} timed runs each after one untimed; baseline: count(*) of the window's leads`);
    if (postgres) report('PostgreSQL', postgres);
    if (sqlite) report('SQLite', sqlite);
    const main = postgres ?? sqlite;
    if (!main) throw new Error('nothing measured: set LEADROUTER_TEST_PG_URL or BENCH_SQLITE_LEADS');
    const figures = worst(main);
    const sqliteFigures = sqlite && worst(sqlite);
    console.log(`  slowest on ${postgres ? 'PostgreSQL' : 'SQLite'}: ${figures.report}, ${figures.worstMs} ms (${figures.ratio}x the baseline)`);
    console.log(
      JSON.stringify({
        bench: 'reports',
        leads: main.leads,
        worstMs: figures.worstMs,
        baselineMs: figures.baselineMs,
        ratio: figures.ratio,
        store: postgres ? 'postgres' : 'sqlite',
        sqliteLeads: sqlite?.leads ?? null,
        sqliteWorstMs: sqliteFigures?.worstMs ?? null,
        sqliteBaselineMs: sqliteFigures?.baselineMs ?? null,
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

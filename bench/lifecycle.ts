/**
 * The lead lifecycle in-process, against the service layer (no HTTP, no network but the
 * database's): on a store seeded with the insurance example, at a weekday instant when every rep
 * works, with capacities raised so that every lead is offered rather than held.
 *
 * - Accepts: N captured leads, each offered to a rep, are accepted by their reps, 8 callers at
 *   once — each accept one transaction (lock the lead, check the move, assign, timeline, the
 *   first-contact timer).
 * - Pulls: N partner leads wait in the `partners` queue; 8 reps pull at once until it is empty —
 *   each pull one transaction (lock the rep, check eligibility, claim the best lead with SKIP
 *   LOCKED on PostgreSQL, assign, timeline, timer, the rep's load).
 *
 * Baseline, in the same run on the same store: the bare store doing the least an accept must —
 * a Kysely transaction that reads one lead row (locked on PostgreSQL) and updates its status,
 * 8 at once, over the same leads. ratio = SQLite accepts/s ÷ SQLite baseline/s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inBenchSchema } from './support/pg-schema.js';
import type { Lead } from '../src/engine/index.js';
import type { CaptureDeps } from '../src/service/capture.js';
import { captureBatch } from '../src/service/capture.js';
import { captureDeps } from '../src/service/deps.js';
import { accept } from '../src/service/lifecycle.js';
import { pull } from '../src/service/queues.js';
import { seedExample, WEEKDAY } from '../src/service/test-support.js';
import { migrate, openDatabase, type Database } from '../src/store/database.js';
import { isPostgres } from '../src/store/dialect.js';
import { runConcurrently } from './support/measure.js';
import { offerableInsuranceLeads, partnerInsuranceLeads } from './support/organisations.js';

const LEADS = Number(process.env.BENCH_LEADS ?? 2000);
/** Leads run through each measurement first, untimed: the configuration compiles, statements are prepared, pools fill. */
const WARMUP = 100;
const CALLERS = 8;
const PULLERS = ['ava', 'ben', 'chloe', 'diego', 'emma', 'farah', 'gabriel', 'hannah'];
const CAPTURE_BATCH = 500;

interface StoreFigures {
  acceptsPerSec: number;
  pullsPerSec: number;
  baselinePerSec: number;
}

async function captureAll(deps: CaptureDeps, leads: readonly Lead[]) {
  const results = [];
  for (let start = 0; start < leads.length; start += CAPTURE_BATCH) {
    results.push(...(await captureBatch(deps, leads.slice(start, start + CAPTURE_BATCH).map((lead) => ({ lead })))));
  }
  return results.map((r) => r.lead);
}

function expectAll(what: string, leads: readonly { status: string }[], status: string): void {
  const other = leads.filter((l) => l.status !== status);
  if (other.length > 0) throw new Error(`${other.length} of ${leads.length} ${what} are not ${status} (e.g. ${other[0]!.status})`);
}

/** The baseline: read one lead row and change its status, in a transaction, as bare as the store allows. */
async function bareStatusChange(db: Database, leadId: string, now: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    let query = trx.selectFrom('leads').select(['id', 'status']).where('id', '=', leadId);
    if (isPostgres(trx)) query = query.forUpdate();
    const row = await query.executeTakeFirstOrThrow();
    await trx.updateTable('leads').set({ status: row.status === 'assigned' ? 'contacted' : 'assigned', updated_at: now }).where('id', '=', leadId).execute();
  });
}

/** Pullers take leads from the queue until it is empty; resolves with how many each got. */
async function pullUntilEmpty(deps: CaptureDeps, reps: readonly string[]): Promise<number> {
  let pulled = 0;
  await Promise.all(
    reps.map(async (repId) => {
      while (await pull(deps, 'partners', { actor: 'bench', repId })) pulled++;
    }),
  );
  return pulled;
}

async function measureStore(db: Database, label: string): Promise<StoreFigures> {
  await seedExample(db, 'insurance', WEEKDAY);
  // Room for every lead, so that they are offered and pulled, not held or refused.
  await db.updateTable('reps').set({ max_open_leads: 1_000_000, daily_cap: null }).execute();
  const deps = captureDeps(db, { now: () => WEEKDAY });

  const offered = await captureAll(deps, offerableInsuranceLeads(WARMUP + LEADS));
  expectAll('captured leads', offered, 'offered');
  await runConcurrently(offered.slice(0, WARMUP), CALLERS, (lead) => accept(deps, lead.id, { actor: 'bench', repId: lead.ownerId }));
  const timed = offered.slice(WARMUP);
  const acceptSeconds = await runConcurrently(timed, CALLERS, (lead) => accept(deps, lead.id, { actor: 'bench', repId: lead.ownerId }));

  await runConcurrently(offered.slice(0, WARMUP), CALLERS, (lead) => bareStatusChange(db, lead.id, WEEKDAY));
  const baselineSeconds = await runConcurrently(timed, CALLERS, (lead) => bareStatusChange(db, lead.id, WEEKDAY));

  const queued = await captureAll(deps, partnerInsuranceLeads(WARMUP + LEADS));
  expectAll('partner leads', queued, 'queued');
  for (let i = 0; i < WARMUP; i++) await pull(deps, 'partners', { actor: 'bench', repId: PULLERS[i % PULLERS.length]! });
  const pullStart = performance.now();
  const pulled = await pullUntilEmpty(deps, PULLERS);
  const pullSeconds = (performance.now() - pullStart) / 1000;
  if (pulled !== LEADS) throw new Error(`${label}: ${pulled} leads pulled of ${LEADS}`);

  return { acceptsPerSec: LEADS / acceptSeconds, pullsPerSec: LEADS / pullSeconds, baselinePerSec: LEADS / baselineSeconds };
}

const perSec = (n: number) => `${Math.round(n).toLocaleString('en-US')}/s`.padStart(9);

function report(label: string, figures: StoreFigures): void {
  console.log(`  ${label.padEnd(11)} accepts ${perSec(figures.acceptsPerSec)}   pulls ${perSec(figures.pullsPerSec)}   bare store ${perSec(figures.baselinePerSec)}   accepts ÷ bare ${(figures.acceptsPerSec / figures.baselinePerSec).toFixed(2)}x`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'leadrouter-bench-lifecycle-'));
  try {
    const sqliteDb = openDatabase(`sqlite:${join(dir, 'bench.db')}`);
    await migrate(sqliteDb);
    const sqlite = await measureStore(sqliteDb, 'SQLite').finally(() => sqliteDb.destroy());

    let postgres: StoreFigures | null = null;
    const pgUrl = process.env.LEADROUTER_TEST_PG_URL;
    if (pgUrl) {
      postgres = await inBenchSchema(pgUrl, async (schema) => {
        const pgDb = openDatabase(pgUrl, { schema });
        await migrate(pgDb, { schema });
        return measureStore(pgDb, 'PostgreSQL').finally(() => pgDb.destroy());
      });
    }

    const ratio = sqlite.acceptsPerSec / sqlite.baselinePerSec;
    console.log(`lead lifecycle in-process (service layer, no HTTP): insurance example, ${LEADS.toLocaleString('en-US')} leads per measurement, ${CALLERS} at once`);
    report('SQLite', sqlite);
    if (postgres) report('PostgreSQL', postgres);
    console.log(`  ratio (SQLite accepts ÷ bare store)   ${ratio.toFixed(2)}x`);
    const round = (n: number | undefined) => (n === undefined ? null : Math.round(n));
    console.log(
      JSON.stringify({
        bench: 'lifecycle',
        leads: LEADS,
        sqliteAcceptsPerSec: round(sqlite.acceptsPerSec),
        sqlitePullsPerSec: round(sqlite.pullsPerSec),
        postgresAcceptsPerSec: round(postgres?.acceptsPerSec),
        postgresPullsPerSec: round(postgres?.pullsPerSec),
        postgresBaselinePerSec: round(postgres?.baselinePerSec),
        baselinePerSec: round(sqlite.baselinePerSec),
        ratio: Math.round(ratio * 100) / 100,
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

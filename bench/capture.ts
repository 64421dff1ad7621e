/**
 * Capture over HTTP against the bare framework, in one run: a bare fastify server doing the
 * same JSON POST (parse, validate, reply) is the baseline; then leadrouter captures — normalise,
 * dedupe, match, route, offer, commit on SQLite — with the insurance example's people and routing.
 * Each server runs in a process of its own; autocannon drives it over loopback from this one,
 * 50 connections for 10 s each, every request a distinct lead.
 *
 * Then the same server answers one capture sent again and again with its Idempotency-Key: the
 * request's path without routing and writing (authenticate, parse, validate, normalise, look the
 * key up in a transaction, answer with the lead and its decision). What it reaches bounds what a
 * capture can reach on this machine.
 */
import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inBenchSchema } from './support/pg-schema.js';
import { seedExample } from '../src/service/test-support.js';
import { migrate, openDatabase } from '../src/store/database.js';
import { insuranceLeads } from './support/organisations.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const ADMIN_KEY = 'lr_bench_admin_key_0123456789abcdef';
const leads = insuranceLeads(200_000, 23);

function start(script: string, args: string[], env: NodeJS.ProcessEnv, ready: (line: string) => boolean): Promise<ChildProcess> {
  return new Promise((done, fail) => {
    const child = fork(script, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    const watch = (chunk: Buffer) => {
      if (ready(chunk.toString())) done(child);
    };
    child.stdout?.on('data', watch);
    child.stderr?.on('data', watch);
    child.on('message', (m) => m === 'ready' && done(child));
    child.on('exit', (code) => fail(new Error(`${script} exited with ${code}`)));
  });
}

/** Lead n of the run as a request body: a distinct email each, so none is a duplicate of another. */
function leadBody(n: number): string {
  const { id: _id, account: _account, ...lead } = leads[n % leads.length]!;
  return JSON.stringify({ ...lead, email: `lead${n}@example${n % 997}.org` });
}

/** Drives `url` with `body(n)` as the n-th request's body. */
async function load(url: string, headers: Record<string, string>, body: (n: number) => string = leadBody) {
  let n = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    requests: [{ setupRequest: (request) => ({ ...request, body: body(++n) }) }],
  });
  return {
    perSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ok: result['2xx'],
    errors: result.non2xx + result.errors,
  };
}

/**
 * Seeds the insurance example into the store at `url`, serves it from a child process and loads
 * it with captures; with `replays`, then with one capture sent again under its Idempotency-Key.
 */
async function measureLeadrouter(url: string, options: { schema?: string; serveUrl?: string; replays?: boolean }, port: number, children: ChildProcess[]) {
  const db = openDatabase(url, options.schema ? { schema: options.schema } : {});
  await migrate(db, options.schema ? { schema: options.schema } : {});
  await seedExample(db, 'insurance', Date.now());
  // Everyone works around the clock with room for every lead: each routed lead is offered (a rep
  // told, a timer set), whatever the hour the bench runs at, instead of held once the reps are full.
  await db.updateTable('reps').set({ working_hours: null, max_open_leads: null }).execute();
  await db.destroy();
  const server = await start(
    resolve('dist/src/cli/main.js'),
    ['serve'],
    { LEADROUTER_DATABASE_URL: options.serveUrl ?? url, LEADROUTER_PORT: String(port), LEADROUTER_ADMIN_KEY: ADMIN_KEY, LEADROUTER_DEMO: '0', LEADROUTER_LOG_LEVEL: 'warn' },
    (line) => line.includes('listening'),
  );
  children.push(server);
  const capture = `http://127.0.0.1:${port}/v1/leads`;
  const captures = await load(capture, { authorization: `Bearer ${ADMIN_KEY}` });
  const replays = options.replays ? await load(capture, { authorization: `Bearer ${ADMIN_KEY}`, 'idempotency-key': 'bench-replay' }, () => leadBody(0)) : null;
  server.kill('SIGTERM');
  return { ...captures, replays };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'leadrouter-bench-capture-'));
  const children: ChildProcess[] = [];
  try {
    const bare = await start(resolve('dist/bench/support/bare-server.js'), ['3911'], {}, () => false);
    children.push(bare);
    const baseline = await load('http://127.0.0.1:3911/v1/leads', {});
    bare.kill('SIGTERM');

    const ours = await measureLeadrouter(`sqlite:${join(dir, 'bench.db')}`, { replays: true }, 3912, children);
    const replays = ours.replays!;
    const pgUrl = process.env.LEADROUTER_TEST_PG_URL;
    let postgres: Awaited<ReturnType<typeof load>> | null = null;
    if (pgUrl) {
      postgres = await inBenchSchema(
        pgUrl,
        (schema) => {
          const serveUrl = `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
          return measureLeadrouter(pgUrl, { schema, serveUrl }, 3913, children);
        },
        async () => {
          for (const child of children) child.kill('SIGTERM');
          await new Promise((done) => setTimeout(done, 500));
        },
      );
    }

    const ratio = ours.perSec / baseline.perSec;
    console.log(`capture over HTTP: ${CONNECTIONS} connections, ${SECONDS} s each, every request a distinct lead`);
    console.log(`  bare fastify (parse, validate, reply)   ${Math.round(baseline.perSec).toLocaleString('en-US')} req/s   p50 ${baseline.p50Ms} ms   p99 ${baseline.p99Ms} ms`);
    console.log(`  leadrouter capture on SQLite            ${Math.round(ours.perSec).toLocaleString('en-US')} req/s   p50 ${ours.p50Ms} ms   p99 ${ours.p99Ms} ms   (${ours.ok} captured, ${ours.errors} errors)`);
    console.log(`  leadrouter replayed capture on SQLite   ${Math.round(replays.perSec).toLocaleString('en-US')} req/s   p50 ${replays.p50Ms} ms   p99 ${replays.p99Ms} ms   (no routing, no writes: ${(replays.perSec / baseline.perSec).toFixed(2)}x)`);
    if (postgres) {
      console.log(`  leadrouter capture on PostgreSQL        ${Math.round(postgres.perSec).toLocaleString('en-US')} req/s   p50 ${postgres.p50Ms} ms   p99 ${postgres.p99Ms} ms   (${postgres.ok} captured, ${postgres.errors} errors)`);
    }
    console.log(`  ratio                                    ${ratio.toFixed(2)}x`);
    console.log(
      JSON.stringify({
        bench: 'capture',
        capturesPerSec: Math.round(ours.perSec),
        baselinePerSec: Math.round(baseline.perSec),
        ratio: Math.round(ratio * 100) / 100,
        p99Ms: ours.p99Ms,
        replaysPerSec: Math.round(replays.perSec),
        replayRatio: Math.round((replays.perSec / baseline.perSec) * 100) / 100,
        postgresPerSec: postgres && Math.round(postgres.perSec),
        postgresP99Ms: postgres && postgres.p99Ms,
      }),
    );
  } finally {
    for (const child of children) child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

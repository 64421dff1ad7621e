/**
 * Capture to the rep's inbox: how long after a lead is posted does the email telling its rep
 * arrive at the mail server? A real SMTP server (smtp-server, bench/support/smtp-inbox.ts) runs
 * in this process; `leadrouter serve` runs in a process of its own on a fresh SQLite file seeded
 * with the insurance example, with LEADROUTER_SMTP_URL pointing at the inbox. Leads go in over
 * HTTP at a steady rate (open loop: each request leaves on schedule, whatever the earlier ones
 * are doing), every one distinct; each rep email is matched to its lead by the console link
 * (`/leads/<id>`) in its text part. Latency = the email's arrival at the SMTP server (end of
 * DATA) − the instant its lead's request was sent. Every rep works at any hour and has room for
 * every lead, so each capture is offered to a rep (and emailed); the example also emails each lead
 * an automatic reply, so the server sends two messages per lead. smtp-server holds its greeting
 * 100 ms on every connection (to catch early talkers), which both sides pay.
 *
 * Baseline, in the same run, to the same inbox: nodemailer alone sending the same number of rep
 * notices (rendered with leadrouter's template) at the same rate, over a pool of connections
 * like leadrouter's email channel's; latency = arrival − the sendMail call.
 * ratio = leadrouter p99 ÷ baseline p99.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import { SMTP_POOL } from '../src/notify/channels/email.js';
import { emailMessage, renderRepNotice } from '../src/notify/index.js';
import { seedExample } from '../src/service/test-support.js';
import { migrate, openDatabase, type Database } from '../src/store/database.js';
import { listReps, saveRep } from '../src/store/repositories/people.js';
import { epochMs, startSmtpInbox, type ReceivedMail, type SmtpInbox } from './support/smtp-inbox.js';
import { offerableInsuranceLeads } from './support/organisations.js';

const LEADS = Number(process.env.BENCH_LEADS ?? 1000);
const RATE = Number(process.env.BENCH_RATE ?? 50);
/** Leads (and baseline messages) sent first at the same rate, untimed: the configuration compiles, statements are prepared, the JIT warms. */
const WARMUP = 50;
/** How long after the last send an email may still arrive before it counts as lost. */
const GRACE_MS = 30_000;
const PORT = 3921;
const ADMIN_KEY = 'lr_bench_admin_key_0123456789abcdef';
const LINK = /\/leads\/([^\s/?#)>\]]+)/;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

interface Run {
  /** Latency of each delivered message, ms. */
  latencies: number[];
  /** Messages that should have arrived. */
  expected: number;
  delivered: number;
  /** Requests that failed or were answered other than 2xx (leadrouter only). */
  errors: number;
  /** Sends that did not lead to a rep email: held, queued, unqualified (leadrouter only). */
  notOffered: Map<string, number>;
  /** Rep emails that went to someone other than the lead's owner. */
  misaddressed: number;
  /** Seconds the sends took, first to last. */
  sendSeconds: number;
  /** When each lead's request left, by lead id (leadrouter only). */
  sentAtById: Map<string, number>;
  /** Per delivered lead: the capture's instant (its outbox row's created_at) − request sent, and arrival − that instant (leadrouter only). */
  toOutbox: number[];
  outboxToInbox: number[];
}

/** Calls `fire(i)` for i < count, `rate` a second, each on its own schedule (open loop). */
async function paced(count: number, rate: number, fire: (i: number) => void): Promise<number> {
  const interval = 1000 / rate;
  const start = epochMs();
  for (let i = 0; i < count; i++) {
    const wait = start + i * interval - epochMs();
    if (wait > 0.5) await sleep(wait);
    fire(i);
  }
  return (epochMs() - start) / 1000;
}

/** Waits until `done()` or until `deadline` (epoch ms). */
async function until(done: () => boolean, deadline: number): Promise<void> {
  while (!done() && epochMs() < deadline) await sleep(20);
}

/** Arrivals by the lead id in their console link; other mail (the leads' automatic replies) is counted apart. */
class Arrivals {
  readonly byId = new Map<string, ReceivedMail>();
  duplicates = 0;
  other = 0;
  constructor(inbox: SmtpInbox) {
    inbox.onMail((mail) => {
      const match = LINK.exec(mail.text);
      if (!match) {
        this.other++;
        return;
      }
      const id = decodeURIComponent(match[1]!);
      if (this.byId.has(id)) this.duplicates++;
      else this.byId.set(id, mail);
    });
  }
}

function start(script: string, args: string[], env: NodeJS.ProcessEnv, ready: (line: string) => boolean, log: string[]): Promise<ChildProcess> {
  return new Promise((done, fail) => {
    const child = fork(script, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    const watch = (chunk: Buffer) => {
      const text = chunk.toString();
      log.push(text);
      if (ready(text)) done(child);
    };
    child.stdout?.on('data', watch);
    child.stderr?.on('data', watch);
    child.on('exit', (code) => fail(new Error(`${script} exited with ${code}:\n${log.join('')}`)));
  });
}

/** The insurance example at this instant, with every rep able to take every lead: no working hours, no capacity or daily cap. */
async function seed(db: Database): Promise<Map<string, string>> {
  const now = Date.now();
  await seedExample(db, 'insurance', now);
  const emails = new Map<string, string>();
  for (const rep of await listReps(db)) {
    await saveRep(db, { ...rep, workingHours: null, maxOpenLeads: null, dailyCap: null }, now);
    if (rep.email) emails.set(rep.id, rep.email);
  }
  return emails;
}

type LeadBody = Record<string, unknown>;

function leadBodies(count: number): LeadBody[] {
  return offerableInsuranceLeads(count, 41).map((lead, i) => ({ ...lead, email: `notify${i}@example${i % 97}.org` }));
}

/** Posts `bodies` at RATE a second and waits for each offered lead's rep email. */
async function leadrouterRun(bodies: readonly LeadBody[], repEmails: ReadonlyMap<string, string>, arrivals: Arrivals): Promise<Run> {
  interface Sent {
    sentAt: number;
    id?: string;
    owner?: string | undefined;
    email?: string | undefined;
    outcome: string;
  }
  const sends: Promise<Sent>[] = [];
  const sendSeconds = await paced(bodies.length, RATE, (i) => {
    const sentAt = epochMs();
    sends.push(
      fetch(`http://127.0.0.1:${PORT}/v1/leads`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
        body: JSON.stringify(bodies[i]),
      }).then(
        async (response) => {
          const body = (await response.json()) as { result?: string; lead?: { id: string; status: string; ownerId: string | null } };
          if (!response.ok || !body.lead) return { sentAt, outcome: `http ${response.status}` };
          if (body.result !== 'created') return { sentAt, outcome: body.result ?? 'unknown' };
          const { id, status, ownerId } = body.lead;
          const email = ownerId ? repEmails.get(ownerId) : undefined;
          const offered = (status === 'offered' || status === 'assigned') && email !== undefined;
          return { sentAt, id, owner: ownerId ?? undefined, email, outcome: offered ? 'offered' : status };
        },
        (error: unknown) => ({ sentAt, outcome: `failed: ${String(error)}` }),
      ),
    );
  });
  const lastSend = epochMs();
  const results = await Promise.all(sends);
  const expected = results.filter((r) => r.outcome === 'offered');
  await until(() => expected.every((r) => arrivals.byId.has(r.id!)), lastSend + GRACE_MS);

  const run: Run = { latencies: [], expected: expected.length, delivered: 0, errors: 0, notOffered: new Map(), misaddressed: 0, sendSeconds, sentAtById: new Map(), toOutbox: [], outboxToInbox: [] };
  for (const r of results) {
    if (r.outcome.startsWith('http') || r.outcome.startsWith('failed')) run.errors++;
    else if (r.outcome !== 'offered') run.notOffered.set(r.outcome, (run.notOffered.get(r.outcome) ?? 0) + 1);
  }
  for (const r of expected) {
    const mail = arrivals.byId.get(r.id!);
    if (!mail) continue;
    run.delivered++;
    run.latencies.push(mail.receivedAt - r.sentAt);
    run.sentAtById.set(r.id!, r.sentAt);
    if (!mail.envelopeTo.includes(r.email!)) run.misaddressed++;
  }
  return run;
}

/** Adds, per delivered lead, when its rep's outbox row was written: the split between capture and delivery. */
async function splitAtOutbox(db: Database, run: Run, arrivals: Arrivals): Promise<void> {
  const rows = await db.selectFrom('notifications').select(['lead_id', 'created_at']).where('kind', 'in', ['rep-offered', 'rep-assigned']).execute();
  for (const row of rows) {
    const sent = row.lead_id ? run.sentAtById.get(row.lead_id) : undefined;
    const mail = row.lead_id ? arrivals.byId.get(row.lead_id) : undefined;
    if (sent === undefined || !mail) continue;
    run.toOutbox.push(row.created_at - sent);
    run.outboxToInbox.push(mail.receivedAt - row.created_at);
  }
}

/** nodemailer alone: `count` rendered rep notices at RATE a second, straight to the inbox. */
async function baselineRun(count: number, offset: number, inboxUrl: string, repEmails: readonly string[], arrivals: Arrivals): Promise<Run> {
  const transport = nodemailer.createTransport({ url: inboxUrl, ...SMTP_POOL, connectionTimeout: 10_000, greetingTimeout: 10_000, dnsTimeout: 10_000, socketTimeout: 60_000 });
  const leads = leadBodies(offset + count).slice(offset);
  const messages = leads.map((fields, i) => {
    const id = `baseline-${offset + i}`;
    const to = repEmails[i % repEmails.length]!;
    const notice = renderRepNotice({
      lead: { id, fields, score: 10, grade: 'C', route: 'fallback', summary: 'Offered by the fallback, load-balanced' },
      rep: { id: 'rep', name: to, timezone: 'America/New_York' },
      consoleUrl: `http://127.0.0.1:${PORT}`,
      acceptBy: Date.now() + 300_000,
    });
    return { id, message: emailMessage(to, notice) };
  });
  const sentAt = new Map<string, number>();
  let errors = 0;
  const sends: Promise<unknown>[] = [];
  const sendSeconds = await paced(count, RATE, (i) => {
    const { id, message } = messages[i]!;
    sentAt.set(id, epochMs());
    sends.push(
      transport
        .sendMail({ from: 'leadrouter <leadrouter@localhost>', to: message.to, subject: message.subject, text: message.text, html: message.html, headers: { 'Leadrouter-Delivery': id } })
        .catch(() => errors++),
    );
  });
  const lastSend = epochMs();
  await Promise.all(sends);
  await until(() => messages.every((m) => arrivals.byId.has(m.id)), lastSend + GRACE_MS);
  transport.close();
  const run: Run = { latencies: [], expected: count, delivered: 0, errors, notOffered: new Map(), misaddressed: 0, sendSeconds, sentAtById: new Map(), toOutbox: [], outboxToInbox: [] };
  for (const { id, message } of messages) {
    const mail = arrivals.byId.get(id);
    if (!mail) continue;
    run.delivered++;
    run.latencies.push(mail.receivedAt - sentAt.get(id)!);
    if (!mail.envelopeTo.includes(message.to)) run.misaddressed++;
  }
  return run;
}

/** Nearest-rank percentile. */
function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** p99 of each run of `size` consecutive values (in send order). */
function windows(values: readonly number[], size: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i += size) out.push(percentile(values.slice(i, i + size), 0.99));
  return out;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const summary = (values: readonly number[]) => `p50 ${ms(percentile(values, 0.5)).padStart(9)}   p99 ${ms(percentile(values, 0.99)).padStart(9)}   max ${ms(Math.max(...values)).padStart(9)}`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'leadrouter-bench-notify-'));
  const inbox = await startSmtpInbox();
  const arrivals = new Arrivals(inbox);
  let server: ChildProcess | undefined;
  const log: string[] = [];
  try {
    const dbUrl = `sqlite:${join(dir, 'bench.db')}`;
    const db = openDatabase(dbUrl);
    await migrate(db);
    const repEmails = await seed(db);
    await db.destroy();

    // The baseline first, while nothing else runs.
    const reps = [...new Set(repEmails.values())];
    await baselineRun(WARMUP, 0, inbox.url, reps, arrivals);
    const baseline = await baselineRun(LEADS, WARMUP, inbox.url, reps, arrivals);

    server = await start(
      resolve('dist/src/cli/main.js'),
      ['serve'],
      {
        LEADROUTER_DATABASE_URL: dbUrl,
        LEADROUTER_PORT: String(PORT),
        LEADROUTER_ADMIN_KEY: ADMIN_KEY,
        LEADROUTER_DEMO: '0',
        LEADROUTER_LOG_LEVEL: 'warn',
        LEADROUTER_SMTP_URL: inbox.url,
      },
      (line) => line.includes('listening'),
      log,
    );
    const bodies = leadBodies(2 * WARMUP + LEADS).slice(WARMUP); // distinct from the baseline's leads too
    await leadrouterRun(bodies.slice(0, WARMUP), repEmails, arrivals);
    const otherBefore = arrivals.other;
    const ours = await leadrouterRun(bodies.slice(WARMUP), repEmails, arrivals);
    const otherMail = arrivals.other - otherBefore;
    const stopped = new Promise((done) => server!.once('exit', done));
    server.kill('SIGTERM');
    await stopped;
    server = undefined;

    // Where the time goes: the outbox rows' creation instants, from the store the server leaves behind.
    const after = openDatabase(dbUrl);
    await splitAtOutbox(after, ours, arrivals);
    const outcomes = await after
      .selectFrom('notifications')
      .select(['kind', 'status'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy(['kind', 'status'])
      .execute();
    await after.destroy();

    const ratio = percentile(ours.latencies, 0.99) / percentile(baseline.latencies, 0.99);
    const p50 = percentile(ours.latencies, 0.5);
    const p99 = percentile(ours.latencies, 0.99);
    const notOffered = [...ours.notOffered].map(([status, n]) => `${n} ${status}`).join(', ') || 'none';
    const errors = log.join('').split('\n').filter((l) => /"level":(50|60)/.test(l)).length;

    console.log(`capture to the rep's inbox: ${LEADS.toLocaleString('en-US')} distinct leads at ${RATE}/s (after ${WARMUP} untimed), SQLite, SMTP server in the bench process`);
    console.log(`  ${'nodemailer alone, same inbox'.padEnd(34)}${summary(baseline.latencies)}   (${baseline.delivered}/${baseline.expected} delivered, sent over ${baseline.sendSeconds.toFixed(1)} s)`);
    console.log(`  ${'leadrouter capture → rep email'.padEnd(34)}${summary(ours.latencies)}   (${ours.delivered}/${ours.expected} delivered, sent over ${ours.sendSeconds.toFixed(1)} s)`);
    console.log(`    ${'p99 by 5 s of sends'.padEnd(32)}${windows(ours.latencies, RATE * 5).map((w) => ms(w)).join(' / ')}`);
    console.log(`    ${'request → capture began'.padEnd(32)}${ours.toOutbox.length ? summary(ours.toOutbox) : 'n/a'}`);
    console.log(`    ${'capture began → email arrived'.padEnd(32)}${ours.outboxToInbox.length ? summary(ours.outboxToInbox) : 'n/a'}`);
    console.log(`    captures not offered to a rep: ${notOffered}; request errors ${ours.errors}; misaddressed ${ours.misaddressed + baseline.misaddressed}; duplicate rep emails ${arrivals.duplicates}`);
    console.log(`    the leads' automatic replies received meanwhile: ${otherMail}; server errors logged: ${errors}; unparsable ${inbox.failures}`);
    console.log(`    outbox at the end: ${outcomes.map((o) => `${o.kind} ${o.status} ${o.n}`).join(', ')}`);
    console.log(`  p99 under 1 s: ${p99 < 1000 ? 'yes' : 'NO'}   ratio (leadrouter p99 ÷ baseline p99) ${ratio.toFixed(2)}x`);
    const round = (n: number) => Math.round(n * 10) / 10;
    console.log(
      JSON.stringify({
        bench: 'notify',
        p50Ms: round(p50),
        p99Ms: round(p99),
        delivered: ours.delivered,
        sent: ours.expected,
        ratePerSec: RATE,
        baselineP50Ms: round(percentile(baseline.latencies, 0.5)),
        baselineP99Ms: round(percentile(baseline.latencies, 0.99)),
        ratio: Math.round(ratio * 100) / 100,
      }),
    );
  } finally {
    server?.kill('SIGTERM');
    await inbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

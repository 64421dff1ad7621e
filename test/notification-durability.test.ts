import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageId, SMTP_POOL } from '../src/notify/channels/email.js';
import { captureLead } from '../src/service/capture.js';
import { seedDemo } from '../src/service/demo.js';
import { captureDeps } from '../src/service/deps.js';
import { startSmtpServer, type ReceivedMail, type SmtpInbox } from '../src/notify/test-support.js';
import { STORES, type OpenStore } from '../src/store/test-support.js';
import { insuranceLead } from './insurance-leads.js';
import { startServe, type ServeProcess } from './serve-process.js';

const ADMIN_KEY = 'lr_test_outbox_admin_key_0123456789abcdef';
/** The lease the killed server and its successor take on the messages they send (LEADROUTER_OUTBOX_LEASE_MS), renewed while sending. */
const LEASE_MS = 6_000;
/** Messages the first server's mail server accepts before it holds every other one unanswered. */
const ACCEPT_FIRST = 12;
/** Leads captured before the first server starts, and as many again through it while its mail is held. */
const CAPTURES = 30;
/** Leads captured through the two servers sharing one database, in turn. */
const SHARED_CAPTURES = 24;
/** The two servers lease each message for less time than their mail server takes to answer for it. */
const SHORT_LEASE_MS = 1_000;
const SLOW_ANSWER_MS = 1_200;
/** `serve` starts from the TypeScript sources: slow on a busy machine. */
const START_TIMEOUT_MS = 45_000;

/** Distinct leads of the insurance demo (email and phone), each with its automatic reply and, offered to a rep, the rep's message. */
const outboxLead = (prefix: 'queued' | 'killed' | 'shared', n: number) =>
  insuranceLead(n, { firstName: `Outbox${n}`, email: `${prefix}${n}@example.org`, phone: `+141555${{ queued: 5, killed: 6, shared: 7 }[prefix]}${1000 + n}` });

/** One message as a mail server received it. */
interface Mail {
  /** The `Leadrouter-Delivery` header: the outbox row's deduplication key. */
  key: string;
  messageId: string;
  from: string;
  to: string[];
}

const mailOf = (mail: ParsedMail, to: string[]): Mail => ({
  key: String(mail.headers.get('leadrouter-delivery')),
  messageId: mail.messageId ?? '',
  from: mail.from?.text ?? '',
  to,
});

const mailsOf = (received: readonly ReceivedMail[]): Mail[] => received.map(({ mail, envelopeTo }) => mailOf(mail, envelopeTo));
const inboxMail = (inbox: SmtpInbox): Mail[] => mailsOf(inbox.messages);

/** Polls `done` until it holds; real processes keep the system's clock, so this is how the test waits for them. */
async function until(done: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface OutboxRow {
  id: string;
  dedupe_key: string;
  kind: string;
  channel: string;
  recipient: string;
  lead_id: string | null;
  status: string;
  locked_until: number | null;
  sent_at: number | null;
}

const outbox = (store: OpenStore): Promise<OutboxRow[]> =>
  store.db.selectFrom('notifications').select(['id', 'dedupe_key', 'kind', 'channel', 'recipient', 'lead_id', 'status', 'locked_until', 'sent_at']).execute();

/** How many times each key arrived. */
const countKeys = (mail: readonly Mail[]) => {
  const counts = new Map<string, number>();
  for (const m of mail) counts.set(m.key, (counts.get(m.key) ?? 0) + 1);
  return counts;
};

const call = (server: ServeProcess, method: string, path: string, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_KEY}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

/**
 * The demo organisation — the insurance agency's reps, teams and routing — without its week of
 * leads, everyone working around the clock with room to spare, so that every lead is offered to
 * a rep whatever the hour the test runs at.
 */
async function organise(store: OpenStore): Promise<void> {
  await seedDemo(captureDeps(store.db), 0);
  await store.db.updateTable('reps').set({ working_hours: null, max_open_leads: null }).execute();
}

/** Leads captured in the test's own process, their messages committed to the outbox before any server runs; their ids. */
async function captureBeforeServing(store: OpenStore, prefix: 'queued', count: number): Promise<string[]> {
  const deps = captureDeps(store.db);
  const ids: string[] = [];
  for (let n = 0; n < count; n++) ids.push((await captureLead(deps, { lead: outboxLead(prefix, n), actor: 'test' })).lead.id);
  return ids;
}

/**
 * A real `leadrouter serve` commits messages to its outbox and is killed (SIGKILL) while its
 * mail server holds them: a few sent and recorded, a few received in full but never answered,
 * the rest of its claimed batch waiting in its SMTP pool, and the messages of the leads captured
 * meanwhile committed and not yet claimed. A fresh `serve` on the same database, with a mail
 * server that works, must deliver what was not recorded as sent, once per deduplication key.
 */
describe.each(STORES)('a server killed between committing messages and sending them, on $name', (target) => {
  let store: OpenStore;
  const servers: ServeProcess[] = [];
  let holding: SmtpInbox;
  let inbox: SmtpInbox;
  /** The outbox as the killed server left it, and when it was killed. */
  let atKill: OutboxRow[];
  let killedAt: number;
  /** The outbox once the restarted server had sent everything. */
  let after: OutboxRow[];
  /** What the restarted server's mail server received. */
  let delivered: Mail[];
  /** The leads committed before the kill: before the server started, and answered 201 by it. */
  let captured: string[];

  async function serve(settings: Record<string, string>): Promise<ServeProcess> {
    const server = await startServe({ LEADROUTER_DATABASE_URL: store.url, LEADROUTER_ADMIN_KEY: ADMIN_KEY, LEADROUTER_OUTBOX_LEASE_MS: String(LEASE_MS), ...settings }, START_TIMEOUT_MS);
    servers.push(server);
    return server;
  }

  beforeAll(async () => {
    store = await target.open();
    await organise(store);
    holding = await startSmtpServer({ acceptFirst: ACCEPT_FIRST });
    inbox = await startSmtpServer();

    // Messages committed before the server starts: it claims a batch of them at once and starts sending it.
    const before = await captureBeforeServing(store, 'queued', CAPTURES);
    const first = await serve({ LEADROUTER_SMTP_URL: holding.url });
    const sentCount = async () => (await outbox(store)).filter((r) => r.status === 'sent').length;
    await until(
      async () => holding.held.length === SMTP_POOL.maxConnections && (await sentCount()) === ACCEPT_FIRST,
      'the first server to have its first messages sent and recorded, and the next ones held',
    );
    // Messages committed by the server itself, while its mail is held.
    const answers = await Promise.all(
      Array.from({ length: CAPTURES }, async (_, n) => {
        const res = await call(first, 'POST', '/v1/leads', outboxLead('killed', n));
        return { status: res.status, leadId: ((await res.json()) as { lead?: { id: string } }).lead?.id };
      }),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    captured = [...before, ...answers.map((a) => a.leadId!)];

    await first.crash();
    killedAt = Date.now();
    atKill = await outbox(store);

    await serve({ LEADROUTER_SMTP_URL: inbox.url });
    await until(async () => (await outbox(store)).every((r) => r.status !== 'pending'), 'the restarted server to send every message');
    // Everything is recorded as sent, so every send has had its answer and is in the inbox.
    for (const server of servers.splice(0)) await server.crash();
    after = await outbox(store);
    delivered = inboxMail(inbox);
  }, 120_000);

  afterAll(async () => {
    for (const server of servers.splice(0)) await server.crash();
    await holding?.close();
    await inbox?.close();
    await store?.close();
  });

  const unsentAtKill = () => atKill.filter((r) => r.status === 'pending');
  const keysOf = (rows: readonly OutboxRow[]) => rows.map((r) => r.dedupe_key).sort();

  it('delivers after the restart every message committed before the kill and not recorded as sent', () => {
    // The demo's organisation has no webhooks and its reps no phones: every message is an email.
    expect(new Set(atKill.map((r) => r.channel))).toEqual(new Set(['email']));
    expect(unsentAtKill().length).toBeGreaterThan(CAPTURES);
    expect(after.filter((r) => r.status !== 'sent')).toEqual([]);
    const arrived = new Set(delivered.map((m) => m.key));
    expect(keysOf(unsentAtKill()).filter((key) => !arrived.has(key))).toEqual([]);
    // And nothing else but what was committed since (a timer's message, say).
    const sentBefore = new Set(atKill.filter((r) => r.status === 'sent').map((r) => r.dedupe_key));
    expect([...arrived].sort()).toEqual(keysOf(after).filter((key) => !sentBefore.has(key)));
  });

  it('delivers each of them exactly once per deduplication key, with the Message-ID made from that key', () => {
    const twice = [...countKeys(delivered)].filter(([, count]) => count > 1);
    expect(twice).toEqual([]);
    for (const mail of delivered) expect(mail.messageId).toBe(messageId(mail.key, 'localhost'));
  });

  it("sends every lead committed before the kill its automatic reply, and its rep their message, once, from one server or the other", async () => {
    const leads = await store.db.selectFrom('leads').select(['id', 'email', 'owner_id']).where('id', 'in', captured).execute();
    const reps = new Map((await store.db.selectFrom('reps').select(['id', 'email']).execute()).map((r) => [r.id, r.email]));
    expect(leads).toHaveLength(2 * CAPTURES);
    const offered = leads.filter((l) => l.owner_id !== null);
    expect(offered.length).toBeGreaterThan(0);
    // Sent by the first server before it was killed, or by the second after it.
    const arrived = [...inboxMail(holding), ...delivered];
    const mailFor = (leadId: string, kinds: string[]) =>
      after.filter((r) => r.lead_id === leadId && kinds.includes(r.kind)).flatMap((r) => arrived.filter((m) => m.key === r.dedupe_key).map((m) => m.to));
    for (const lead of leads) {
      expect(mailFor(lead.id, ['auto-response'])).toEqual([[lead.email]]);
      if (lead.owner_id) expect(mailFor(lead.id, ['rep-offered', 'rep-assigned'])).toEqual([[reps.get(lead.owner_id)]]);
    }
  });

  it('does not send again a message recorded as sent before the kill', () => {
    const sentBefore = keysOf(atKill.filter((r) => r.status === 'sent'));
    expect(sentBefore).toEqual(inboxMail(holding).map((m) => m.key).sort());
    expect(sentBefore).toHaveLength(ACCEPT_FIRST);
    const again = new Set(delivered.map((m) => m.key));
    expect(sentBefore.filter((key) => again.has(key))).toEqual([]);
  });

  it('sends again, under the same key and Message-ID, a message the mail server had received in full when the process died before recording it', () => {
    // At least once: the 250 never came, so the process could not know the message had gone. The
    // duplicate is recognisable — same Leadrouter-Delivery key, same Message-ID — for mail clients to fold.
    expect(holding.held).toHaveLength(SMTP_POOL.maxConnections);
    for (const held of mailsOf(holding.held)) {
      expect(atKill.find((r) => r.dedupe_key === held.key)).toMatchObject({ status: 'pending' });
      expect(delivered.filter((m) => m.key === held.key)).toEqual([held]);
    }
  });

  it('leaves the messages the killed process had claimed until their lease runs out, then delivers them', () => {
    const claimed = unsentAtKill().filter((r) => r.locked_until !== null);
    expect(claimed.length).toBeGreaterThan(0);
    // The lease outlived the process: nobody could take its messages at once.
    expect(claimed.filter((r) => r.locked_until! <= killedAt)).toEqual([]);
    for (const row of claimed) expect(after.find((r) => r.id === row.id)!.sent_at).toBeGreaterThanOrEqual(row.locked_until!);
  });
});

/**
 * Two real `leadrouter serve` processes share one database and one mail server, each sending
 * what its own captures commit and polling for what the other's commit: their claims race (SKIP
 * LOCKED on PostgreSQL, the write lock on SQLite), and the mail server takes longer over each
 * message than the lease they take on it, so a send in progress must keep its message from the
 * other server (the lease is renewed while it lasts). Every message must arrive once.
 * (src/service/dispatcher.test.ts races dispatchers within one process; these are two.)
 */
describe.each(STORES)('two servers sharing one database and a mail server slower than their lease on $name', (target) => {
  let store: OpenStore;
  const servers: ServeProcess[] = [];
  let slow: SmtpInbox;

  beforeAll(async () => {
    store = await target.open();
    await organise(store);
    slow = await startSmtpServer({ answerAfterMs: SLOW_ANSWER_MS });
  });
  afterAll(async () => {
    for (const server of servers.splice(0)) await server.crash();
    await slow?.close();
    await store?.close();
  });

  // The From address tells the servers' mail apart (and with it the Message-ID's domain).
  const serve = (name: string) =>
    startServe(
      {
        LEADROUTER_DATABASE_URL: store.url,
        LEADROUTER_ADMIN_KEY: ADMIN_KEY,
        LEADROUTER_SMTP_URL: slow.url,
        LEADROUTER_MAIL_FROM: `leadrouter <leadrouter@${name}.test>`,
        LEADROUTER_OUTBOX_LEASE_MS: String(SHORT_LEASE_MS),
      },
      START_TIMEOUT_MS,
    );

  it('never both deliver one message: every message of the outbox arrives exactly once', async () => {
    const [a, b] = await Promise.all([serve('a'), serve('b')]);
    servers.push(a, b);
    const statuses = await Promise.all(
      Array.from({ length: SHARED_CAPTURES }, async (_, n) => (await call(n % 2 ? b : a, 'POST', '/v1/leads', outboxLead('shared', n))).status),
    );
    expect(statuses).toEqual(statuses.map(() => 201));
    await until(async () => (await outbox(store)).every((r) => r.status !== 'pending'), 'both servers to send every message', 40_000);
    for (const server of servers.splice(0)) await server.crash();

    const rows = await outbox(store);
    const mail = inboxMail(slow);
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
    expect([...countKeys(mail)].filter(([, count]) => count > 1)).toEqual([]);
    expect(mail.map((m) => m.key).sort()).toEqual(rows.map((r) => r.dedupe_key).sort());
    // Both took part: messages went out through each of them.
    expect(new Set(mail.map((m) => /@(\w+)\.test/.exec(m.from)?.[1]))).toEqual(new Set(['a', 'b']));
  }, 90_000);
});

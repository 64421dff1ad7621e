import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../store/database.js';
import { claimDueNotifications, enqueueNotifications, getNotification, type StoredNotification } from '../store/repositories/notifications.js';
import { STORES } from '../store/test-support.js';
import { Dispatcher, type Deliver } from './dispatcher.js';
import { newId } from './ids.js';
import { OutboxSignal } from './outbox-signal.js';
import { routingTransaction } from './routing-transaction.js';
import { TestClock, WEEKDAY } from './test-support.js';

/** A real HTTP receiver: answers with the statuses given, in turn (then 200), and keeps what it got. */
class Receiver {
  readonly received: string[] = [];
  private server!: Server;
  url = '';

  constructor(private readonly statuses: number[] = []) {}

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const status = this.statuses.shift() ?? 200;
        if (status === 200) this.received.push(JSON.parse(body).key);
        response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** Posts the message's key to the receiver; a 5xx can pass, any other failure cannot. */
const postTo =
  (receiver: Receiver): Deliver =>
  async (notification: StoredNotification) => {
    const res = await fetch(receiver.url, { method: 'POST', body: JSON.stringify({ key: notification.dedupeKey }) });
    if (!res.ok) throw Object.assign(new Error(`the receiver answered ${res.status}`), { retryable: res.status >= 500 });
  };

const SECOND = 1000;

describe.each(STORES)('the outbox dispatcher on $name', (store) => {
  let db: Database;
  let close: () => Promise<void>;
  let connectAgain: () => Database;
  let clock: TestClock;
  let receiver: Receiver;

  beforeEach(async () => {
    ({ db, close, connectAgain } = await store.open());
    clock = new TestClock(WEEKDAY);
  });
  afterEach(async () => {
    await receiver?.stop();
    await close();
  });

  const receiving = async (statuses: number[] = []) => {
    receiver = new Receiver(statuses);
    await receiver.start();
    return receiver;
  };
  const dispatcher = (on: Database, options: Partial<ConstructorParameters<typeof Dispatcher>[3]> = {}) =>
    new Dispatcher(on, clock, postTo(receiver), {
      retryDelayMs: (attempts) => attempts * SECOND,
      maxAttempts: 3,
      onError: (error) => {
        throw error;
      },
      ...options,
    });
  const messages = (keys: string[], kind = 'test') =>
    keys.map((key) => ({ id: newId(clock.now()), dedupeKey: key, kind, channel: 'webhook', recipient: 'hook-1', leadId: null, message: { text: key }, notBefore: clock.now() }));
  const enqueue = (keys: string[], kind?: string) => enqueueNotifications(db, messages(keys, kind), clock.now());
  /** A routing transaction adding messages to the outbox, as a capture does; `fail` rolls it back. */
  const commitMessages = (outbox: OutboxSignal, keys: string[], fail = false) =>
    routingTransaction({ db, outbox }, async (trx) => {
      outbox.lease(trx, await enqueueNotifications(trx, messages(keys), clock.now(), outbox.leaseUntil(clock.now())));
      if (fail) throw new Error('rolled back');
    });
  /** This process's dispatcher, taking what its transactions commit (and polling only once an hour). */
  const handedTo = (outbox: OutboxSignal) => {
    const mine = dispatcher(db, { leaseMs: 30 * SECOND, pollMs: 3_600_000 });
    outbox.deliverWith(mine);
    mine.start();
    return mine;
  };

  it('delivers a message once and records it sent', async () => {
    await receiving();
    await enqueue(['offer:1']);
    expect(await dispatcher(db).runDue()).toBe(1);
    expect(await dispatcher(db).runDue()).toBe(0);
    expect(receiver.received).toEqual(['offer:1']);
  });

  it('keeps one message per deduplication key', async () => {
    await receiving();
    await enqueue(['offer:1']);
    await enqueue(['offer:1']);
    await dispatcher(db).runDue();
    expect(receiver.received).toEqual(['offer:1']);
  });

  it('tries again after a failure that can pass, later, and delivers once', async () => {
    await receiving([500, 503]);
    await enqueue(['offer:1']);
    const d = dispatcher(db);
    expect(await d.runDue()).toBe(0);
    expect(await d.runDue()).toBe(0); // not due again yet
    clock.advance(SECOND);
    expect(await d.runDue()).toBe(0);
    clock.advance(2 * SECOND);
    expect(await d.runDue()).toBe(1);
    expect(receiver.received).toEqual(['offer:1']);
  });

  it('dead-letters a message after its last attempt, with the error', async () => {
    await receiving([500, 500, 500]);
    await enqueue(['offer:1']);
    const d = dispatcher(db);
    for (let i = 0; i < 3; i++) {
      await d.runDue();
      clock.advance(10 * SECOND);
    }
    const [row] = await db.selectFrom('notifications').select('id').execute();
    expect(await getNotification(db, row!.id)).toMatchObject({ status: 'dead', attempts: 3, lastError: 'the receiver answered 500' });
  });

  it('dead-letters at once a failure that cannot pass', async () => {
    await receiving([400]);
    await enqueue(['offer:1']);
    await dispatcher(db).runDue();
    const [row] = await db.selectFrom('notifications').selectAll().execute();
    expect(row).toMatchObject({ status: 'dead', attempts: 1 });
  });

  describe('with a rate limit of two auto-responses a minute per recipient', () => {
    const rateLimit = { kinds: new Set(['auto-response']), limit: { max: 2, windowMs: 60 * SECOND } };

    it('sends a burst to one recipient two at a time, a minute apart, the rest waiting without an attempt counted', async () => {
      await receiving();
      await enqueue(['reply:1', 'reply:2', 'reply:3', 'reply:4', 'reply:5'], 'auto-response');
      const d = dispatcher(db, { rateLimit });
      expect(await d.runDue()).toBe(2);
      expect(await db.selectFrom('notifications').select(['status', 'attempts', 'next_attempt_at']).where('status', '=', 'pending').execute()).toEqual(
        Array.from({ length: 3 }, () => ({ status: 'pending', attempts: 0, next_attempt_at: WEEKDAY + 60 * SECOND })),
      );
      clock.advance(59 * SECOND);
      expect(await d.runDue()).toBe(0);
      clock.advance(SECOND);
      expect(await d.runDue()).toBe(2);
      clock.advance(60 * SECOND);
      expect(await d.runDue()).toBe(1);
      expect(receiver.received).toHaveLength(5);
    });

    it('counts what was sent to the recipient before', async () => {
      await receiving();
      await enqueue(['reply:1', 'reply:2'], 'auto-response');
      const d = dispatcher(db, { rateLimit });
      expect(await d.runDue()).toBe(2);
      clock.advance(30 * SECOND);
      await enqueue(['reply:3'], 'auto-response');
      expect(await d.runDue()).toBe(0);
      clock.advance(30 * SECOND);
      expect(await d.runDue()).toBe(1);
    });

    it('lets the kinds it does not name through', async () => {
      await receiving();
      await enqueue(['offer:1', 'offer:2', 'offer:3']);
      expect(await dispatcher(db, { rateLimit }).runDue()).toBe(3);
    });
  });

  it('never lets two instances deliver one message', async () => {
    await receiving();
    const keys = Array.from({ length: 40 }, (_, i) => `offer:${i}`);
    await enqueue(keys);
    const other = connectAgain();
    try {
      await Promise.all([dispatcher(db, { batch: 3 }).runDue(), dispatcher(other, { batch: 3 }).runDue(), dispatcher(db, { batch: 3 }).runDue()]);
      expect([...receiver.received].sort()).toEqual([...keys].sort());
    } finally {
      await other.destroy();
    }
  });

  it('delivers, after its lease, a message whose dispatcher died before sending it', async () => {
    await receiving();
    await enqueue(['offer:1']);
    await db.transaction().execute((trx) => claimDueNotifications(trx, clock.now(), 10, 30 * SECOND)); // claimed, then the process died
    expect(await dispatcher(db).runDue()).toBe(0);
    clock.advance(30 * SECOND);
    expect(await dispatcher(db).runDue()).toBe(1);
    expect(receiver.received).toEqual(['offer:1']);
  });

  it('sends the messages a commit hands over at once, leased: no other dispatcher claims them', async () => {
    await receiving();
    const outbox = new OutboxSignal();
    const mine = handedTo(outbox);
    await commitMessages(outbox, ['offer:1', 'offer:2']);
    expect(await dispatcher(db).runDue()).toBe(0);
    await mine.stop(); // once what it was sending is recorded
    expect([...receiver.received].sort()).toEqual(['offer:1', 'offer:2']);
    expect(await db.selectFrom('notifications').select('status').execute()).toEqual([{ status: 'sent' }, { status: 'sent' }]);
  });

  it('hands nothing over from a transaction that rolled back', async () => {
    await receiving();
    const outbox = new OutboxSignal();
    const mine = handedTo(outbox);
    await expect(commitMessages(outbox, ['offer:1'], true)).rejects.toThrow('rolled back');
    await mine.stop();
    expect(receiver.received).toEqual([]);
    expect(await db.selectFrom('notifications').selectAll().execute()).toEqual([]);
  });

  it('delivers, after its lease, a message handed to a dispatcher that stopped before sending it', async () => {
    await receiving();
    const outbox = new OutboxSignal();
    await handedTo(outbox).stop();
    await commitMessages(outbox, ['offer:1']);
    expect(await dispatcher(db).runDue()).toBe(0);
    clock.advance(30 * SECOND);
    expect(await dispatcher(db).runDue()).toBe(1);
    expect(receiver.received).toEqual(['offer:1']);
  });
});

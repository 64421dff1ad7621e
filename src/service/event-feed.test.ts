import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../store/database.js';
import { addEvents } from '../store/repositories/lead-events.js';
import { STORES, type OpenStore } from '../store/test-support.js';
import { captureLead } from './capture.js';
import { EventFeed } from './event-feed.js';
import { OutboxSignal } from './outbox-signal.js';
import { captureDeps, seedExample, TestClock, WEEKDAY, westHealth } from './test-support.js';

const MANAGER = { role: 'manager', repId: null };

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.each(STORES)('the event feed on $name', (target) => {
  let store: OpenStore;
  let db: Database;
  let leadId: string;
  let feed: EventFeed;
  let queries: number;

  beforeEach(async () => {
    store = await target.open();
    await seedExample(store.db, 'insurance');
    leadId = (await captureLead(captureDeps(store.db, new TestClock(WEEKDAY)), { lead: westHealth(1) })).lead.id;
    queries = 0;
    // Counts the feed's statements.
    db = store.db.withPlugin({
      transformQuery: ({ node }) => {
        queries++;
        return node;
      },
      transformResult: async ({ result }) => result,
    });
    feed = new EventFeed(db, new OutboxSignal(), (error) => {
      throw error;
    }, { pollMs: 10 });
  });

  afterEach(async () => {
    await feed.close();
    await store.close();
  });

  it('stops reading the table when the last subscriber leaves', async () => {
    const unsubscribe = await feed.subscribe(MANAGER, null, () => {});
    await until(() => queries > 3);
    unsubscribe();
    await new Promise((resolve) => setTimeout(resolve, 30));
    const after = queries;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(queries).toBe(after);
  });

  /** Writes an event in a transaction that commits only when told. */
  async function writeSlowly(type: string): Promise<{ commit: () => Promise<void> }> {
    let commit!: () => void;
    let inserted!: () => void;
    const written = new Promise<void>((resolve) => (inserted = resolve));
    const transaction = store.db.transaction().execute(async (trx) => {
      await addEvents(trx, leadId, [{ type, at: WEEKDAY, actor: null }]);
      inserted();
      await new Promise<void>((resolve) => (commit = resolve));
    });
    await written;
    return {
      commit: async () => {
        commit();
        await transaction;
      },
    };
  }

  // Only PostgreSQL lets two transactions write at once, and commit in another order than they wrote.
  it.runIf(target.name === 'postgres')('sends an event committed after one with a higher id', async () => {
    const got: string[] = [];
    await feed.subscribe(MANAGER, null, (event) => got.push(event.type));
    const slow = await writeSlowly('written-first');
    await addEvents(store.db, leadId, [{ type: 'written-second', at: WEEKDAY, actor: null }]);
    await until(() => got.includes('written-second'));
    await slow.commit();
    await until(() => got.includes('written-first'));
    expect(got).toEqual(['written-second', 'written-first']);
  });

  it.runIf(target.name === 'postgres')('sends an event committed after it started, written before with an id below the latest', async () => {
    const slow = await writeSlowly('written-first');
    await addEvents(store.db, leadId, [{ type: 'written-second', at: WEEKDAY, actor: null }]);
    const got: string[] = [];
    await feed.subscribe(MANAGER, null, (event) => got.push(event.type));
    await slow.commit();
    await until(() => got.includes('written-first'));
    expect(got).toEqual(['written-first']);
  });
});

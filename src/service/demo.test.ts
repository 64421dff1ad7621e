import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenStore } from '../store/test-support.js';
import { STORES } from '../store/test-support.js';
import { seedDemo } from './demo.js';
import { listForms } from './forms.js';
import { captureDeps, TestClock, WEEKDAY } from './test-support.js';

describe.each(STORES)('the demo organisation on $name', (target) => {
  let store: OpenStore;
  beforeEach(async () => {
    store = await target.open();
  });
  afterEach(async () => store.close());

  it('seeds an empty store with the insurance agency and its leads', async () => {
    expect(await seedDemo(captureDeps(store.db, new TestClock(WEEKDAY)), 40)).toEqual({ seeded: true, leads: 40 });
    const count = await store.db.selectFrom('leads').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBeGreaterThan(0);
  });

  it('plays out a week: leads won, lost and contacted, some queued or unqualified, the newest still offered', async () => {
    await seedDemo(captureDeps(store.db, new TestClock(WEEKDAY)), 200);
    const statuses = new Set((await store.db.selectFrom('leads').select('status').execute()).map((l) => l.status));
    expect([...statuses]).toEqual(expect.arrayContaining(['won', 'lost', 'contacted', 'offered', 'queued', 'unqualified']));
  }, 30_000);

  it('leaves no timer overdue at the end of the week', async () => {
    await seedDemo(captureDeps(store.db, new TestClock(WEEKDAY)), 200);
    const overdue = await store.db.selectFrom('timers').select('lead_id').where('run_at', '<=', WEEKDAY).execute();
    expect(overdue).toEqual([]);
  }, 30_000);

  it('includes a website form source leads can be posted to', async () => {
    await seedDemo(captureDeps(store.db, new TestClock(WEEKDAY)), 5);
    expect(await listForms(store.db)).toEqual([expect.objectContaining({ key: 'website', honeypot: 'website_url' })]);
  });

  it('is seeded once by two instances starting together on an empty store', async () => {
    const other = store.connectAgain();
    try {
      const clock = new TestClock(WEEKDAY);
      const results = await Promise.all([seedDemo(captureDeps(store.db, clock), 5), seedDemo(captureDeps(other, clock), 5)]);
      expect(results.map((r) => r.seeded).sort()).toEqual([false, true]);
      expect(await listForms(store.db)).toHaveLength(1);
      expect(await store.db.selectFrom('routing_configs').select('version').execute()).toEqual([{ version: 1 }]);
    } finally {
      await other.destroy();
    }
  });

  it('leaves a store that already has people alone', async () => {
    const deps = captureDeps(store.db, new TestClock(WEEKDAY));
    await seedDemo(deps, 5);
    expect(await seedDemo(deps, 5)).toEqual({ seeded: false, leads: 0 });
  });
});

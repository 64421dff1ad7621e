import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORES, type OpenStore } from '../store/test-support.js';
import { captureLead } from './capture.js';
import { CaptureQueue } from './capture-queue.js';
import { ServiceError } from './errors.js';
import { captureDeps, seedExample, TestClock, WEEKDAY } from './test-support.js';

const lead = (n: number) => ({ firstName: `Lee ${n}`, email: `lee${n}@gmail.com`, phone: `+1212555${String(1000 + n)}`, country: 'US', region: 'NY', value: 900, source: 'web' });

describe.each(STORES)('the capture queue on $name', (target) => {
  let store: OpenStore;
  beforeEach(async () => {
    store = await target.open();
    await seedExample(store.db, 'insurance');
  });
  afterEach(async () => store.close());

  it('answers each of many captures submitted together with its own committed lead', async () => {
    const queue = new CaptureQueue(captureDeps(store.db, new TestClock(WEEKDAY)));
    const results = await Promise.all(Array.from({ length: 30 }, (_, n) => queue.submit({ lead: lead(n) })));
    expect(results.map((r) => r.lead.fields.email)).toEqual(Array.from({ length: 30 }, (_, n) => `lee${n}@gmail.com`));
    const count = await store.db.selectFrom('leads').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(30);
  });

  it('fails only the capture at fault when one in a batch is refused', async () => {
    const deps = captureDeps(store.db, new TestClock(WEEKDAY));
    await captureLead(deps, { lead: lead(0), idempotency: { key: 'k', requestHash: 'first' } });
    const queue = new CaptureQueue(deps);
    const settled = await Promise.allSettled([
      queue.submit({ lead: lead(1) }),
      queue.submit({ lead: lead(2), idempotency: { key: 'k', requestHash: 'other' } }),
      queue.submit({ lead: lead(3) }),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason).toBeInstanceOf(ServiceError);
  });
});

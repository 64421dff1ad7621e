import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../store/database.js';
import { saveRep, saveTeam } from '../store/repositories/people.js';
import { activateConfigVersion, insertConfigVersion } from '../store/repositories/routing-configs.js';
import { STORES, type OpenStore } from '../store/test-support.js';
import { captureLead } from './capture.js';
import { captureDeps, TestClock, WEEKDAY } from './test-support.js';

const INSTANCES = 4;
const LEADS = 2000;
const REPS = 7;
/**
 * Several leadrouter instances share one database: each has its own connections and its own
 * caches, as separate processes would, and all capture at once.
 */
describe.each(STORES)('four instances capturing 2,000 leads at once on one $name database', (target) => {
  let store: OpenStore;
  let db: Database;
  const instances: Database[] = [];
  let results: Awaited<ReturnType<typeof captureLead>>[] = [];

  beforeAll(async () => {
    store = await target.open();
    db = store.db;
    for (let r = 0; r < REPS; r++) await saveRep(db, { id: `r${r}`, name: `Rep ${r}`, active: true, timezone: 'UTC' }, WEEKDAY);
    await saveTeam(db, { key: 'pool', name: 'Pool', members: Array.from({ length: REPS }, (_, r) => ({ repId: `r${r}` })) }, WEEKDAY);
    await activateConfigVersion(db, await insertConfigVersion(db, 'fallback: { assign: { team: pool, strategy: round-robin } }', null, WEEKDAY));
    for (let i = 0; i < INSTANCES; i++) instances.push(store.connectAgain());

    const deps = instances.map((instance) => captureDeps(instance, new TestClock(WEEKDAY)));
    const captures = Array.from({ length: LEADS }, (_, n) => () =>
      captureLead(deps[n % INSTANCES]!, { lead: { firstName: `Lead ${n}`, email: `lead${n}@example.com`, source: 'web' } }),
    );
    // Eight captures in flight per instance at any moment.
    const queue = [...captures];
    const worker = async () => {
      const done: Awaited<ReturnType<typeof captureLead>>[] = [];
      for (let next = queue.shift(); next; next = queue.shift()) done.push(await next());
      return done;
    };
    results = (await Promise.all(Array.from({ length: INSTANCES * 8 }, worker))).flat();
  }, 120_000);

  afterAll(async () => {
    await Promise.all(instances.map((i) => i.destroy()));
    await store.close();
  });

  it('stores every lead once', async () => {
    const count = await db.selectFrom('leads').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(LEADS);
    expect(new Set(results.map((r) => r.lead.id)).size).toBe(LEADS);
  });

  it('gives every lead exactly one owner', async () => {
    const owners = await db.selectFrom('leads').select(['owner_id', 'status']).execute();
    expect(owners.every((l) => l.owner_id !== null && l.status === 'offered')).toBe(true);
  });

  it('keeps each rep\u2019s open-lead count equal to the leads they own', async () => {
    const reps = await db.selectFrom('reps').select(['id', 'open_leads']).execute();
    const owned = await db.selectFrom('leads').select(['owner_id']).select((eb) => eb.fn.countAll<number>().as('n')).groupBy('owner_id').execute();
    const byRep = new Map(owned.map((o) => [o.owner_id, Number(o.n)]));
    for (const rep of reps) expect(rep.open_leads).toBe(byRep.get(rep.id));
  });

  it('keeps round robin within one lead of a fair share', async () => {
    const owned = await db.selectFrom('leads').select(['owner_id']).select((eb) => eb.fn.countAll<number>().as('n')).groupBy('owner_id').execute();
    const fair = LEADS / REPS;
    for (const { n } of owned) expect(Math.abs(Number(n) - fair)).toBeLessThanOrEqual(1);
  });
});

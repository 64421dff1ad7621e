import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../store/database.js';
import { getRep, getTeam, insertRep } from '../store/repositories/people.js';
import { STORES, type OpenStore } from '../store/test-support.js';
import { ServiceError } from './errors.js';
import { createRep, createTeam } from './people.js';
import { TestClock, WEEKDAY } from './test-support.js';

/**
 * Runs creates at once and gives the values of those that succeeded and the codes of those
 * refused. The connections are opened first: on PostgreSQL a pool opening its connections one by
 * one would otherwise let the first create finish before the second starts.
 */
async function race<T>(db: Database, creates: (() => Promise<T>)[]) {
  await Promise.all(creates.map(() => sql`select 1`.execute(db)));
  const settled = await Promise.allSettled(creates.map((create) => create()));
  const created = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const refused = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason instanceof ServiceError ? s.reason.code : s.reason] : []));
  return { created, refused };
}

describe.each(STORES)('creating people on $name', (target) => {
  let store: OpenStore;
  const clock = new TestClock(WEEKDAY);
  beforeEach(async () => {
    store = await target.open();
  });
  afterEach(async () => store.close());

  it('creates one of two reps created under the same id at the same moment, refuses the other as a conflict, and keeps the first intact', async () => {
    const { created, refused } = await race(store.db, [
      () => createRep(store.db, { id: 'zoe', name: 'Zoe Park', active: true, timezone: 'America/Denver', languages: ['en', 'ko'] }, clock),
      () => createRep(store.db, { id: 'zoe', name: 'Zoe Other', active: false, timezone: 'Europe/Berlin', languages: ['de'] }, clock),
    ]);
    expect(created).toHaveLength(1);
    expect(refused).toEqual(['conflict']);
    expect(await getRep(store.db, 'zoe')).toEqual(created[0]);
  });

  it('creates one of two teams created under the same key at the same moment and refuses the other as a conflict', async () => {
    await insertRep(store.db, { id: 'ann', name: 'Ann', active: true, timezone: 'UTC' }, WEEKDAY);
    await insertRep(store.db, { id: 'bob', name: 'Bob', active: true, timezone: 'UTC' }, WEEKDAY);
    const { created, refused } = await race(store.db, [
      () => createTeam(store.db, { key: 'west', name: 'West', members: [{ repId: 'ann', weight: 2 }] }, clock),
      () => createTeam(store.db, { key: 'west', name: 'West too', members: [{ repId: 'bob' }] }, clock),
    ]);
    expect(created).toHaveLength(1);
    expect(refused).toEqual(['conflict']);
    expect(await getTeam(store.db, 'west')).toEqual(created[0]);
  });

  it('refuses a taken team key as a conflict even when its members do not exist', async () => {
    await createTeam(store.db, { key: 'west', name: 'West', members: [] }, clock);
    await expect(createTeam(store.db, { key: 'west', name: 'West', members: [{ repId: 'ghost' }] }, clock)).rejects.toMatchObject({ code: 'conflict' });
  });
});

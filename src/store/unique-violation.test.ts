import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertRep } from './repositories/people.js';
import { STORES, type OpenStore } from './test-support.js';
import { isUniqueViolation } from './unique-violation.js';

const failureOf = (work: Promise<unknown>) => work.then(() => expect.fail('expected the insert to fail'), (error: unknown) => error);

describe.each(STORES)('telling a taken key on $name', (target) => {
  let store: OpenStore;
  beforeEach(async () => {
    store = await target.open();
  });
  afterEach(async () => store.close());

  const rep = { id: 'zoe', name: 'Zoe Park', active: true, timezone: 'UTC' };
  const account = (id: string) => ({ id, name: 'Cedar Health', domain: 'cedarhealth.com', company_key: null, owner_id: null, created_at: 0 });

  it('recognises an insert of a primary key that is taken', async () => {
    await insertRep(store.db, rep, 0);
    expect(isUniqueViolation(await failureOf(insertRep(store.db, { ...rep, name: 'Another Zoe' }, 1)))).toBe(true);
  });

  it('recognises an insert that breaks a unique column', async () => {
    await store.db.insertInto('accounts').values(account('acct-1')).execute();
    expect(isUniqueViolation(await failureOf(store.db.insertInto('accounts').values(account('acct-2')).execute()))).toBe(true);
  });

  it('does not take another constraint for a taken key', async () => {
    const orphan = store.db.insertInto('team_members').values({ team_key: 'nowhere', rep_id: 'nobody', weight: 1, position: 0 }).execute();
    expect(isUniqueViolation(await failureOf(orphan))).toBe(false);
  });
});

describe('telling a taken key from anything else thrown', () => {
  it('answers false for errors without a code, and for things that are not errors', () => {
    expect(isUniqueViolation(new Error('SQLITE_CONSTRAINT_PRIMARYKEY'))).toBe(false);
    expect(isUniqueViolation(undefined)).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
    expect(isUniqueViolation('23505')).toBe(false);
  });
});

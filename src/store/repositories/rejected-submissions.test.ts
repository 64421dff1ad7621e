import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORES, type OpenStore } from '../test-support.js';
import { insertRejectedSubmission, listRejectedSubmissions } from './rejected-submissions.js';

describe.each(STORES)('rejected submissions on $name', (target) => {
  let store: OpenStore;
  beforeEach(async () => {
    store = await target.open();
    // Two of them received at the same instant: the id orders those.
    const submissions = [
      { id: 'a', source: 'form:quote', receivedAt: 1000 },
      { id: 'b', source: 'form:landing', receivedAt: 2000 },
      { id: 'c', source: 'form:quote', receivedAt: 3000 },
      { id: 'd', source: 'form:quote', receivedAt: 3000 },
      { id: 'e', source: 'form:landing', receivedAt: 4000 },
    ];
    for (const s of submissions) await insertRejectedSubmission(store.db, { ...s, reason: 'honeypot', fields: { email: `${s.id}@example.com` } });
  });
  afterEach(async () => store.close());

  const ids = (submissions: { id: string }[]) => submissions.map((s) => s.id);

  it('lists the newest first, and those received at the same instant by id, latest first', async () => {
    expect(ids(await listRejectedSubmissions(store.db, {}, { limit: 10 }))).toEqual(['e', 'd', 'c', 'b', 'a']);
  });

  it('gives each submission back as it was stored', async () => {
    expect((await listRejectedSubmissions(store.db, {}, { limit: 1 }))[0]).toEqual({
      id: 'e',
      source: 'form:landing',
      reason: 'honeypot',
      fields: { email: 'e@example.com' },
      receivedAt: 4000,
    });
  });

  it('lists only the submissions from the source asked for', async () => {
    expect(ids(await listRejectedSubmissions(store.db, { source: 'form:quote' }, { limit: 10 }))).toEqual(['d', 'c', 'a']);
  });

  it('starts after the position given, also between two received at the same instant', async () => {
    expect(ids(await listRejectedSubmissions(store.db, {}, { limit: 2, after: { receivedAt: 3000, id: 'd' } }))).toEqual(['c', 'b']);
    expect(ids(await listRejectedSubmissions(store.db, { source: 'form:quote' }, { limit: 10, after: { receivedAt: 3000, id: 'c' } }))).toEqual(['a']);
  });
});

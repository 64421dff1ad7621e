/**
 * A day in the life of the insurance agency (examples/insurance), driven through the HTTP API
 * with a test clock: the reps work with keys of their own, the managers with theirs, and the
 * timers run as `serve` runs them. Each lead's whole timeline is checked at the end of its story.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../src/http/test-support.js';
import { STORES } from '../src/store/test-support.js';

const MINUTE = 60_000;
/** Tuesday 2026-11-24, 17:00 UTC: 09:00 in Los Angeles, 12:00 in New York. */
const MORNING = Date.parse('2026-11-24T17:00:00Z');

describe.each(STORES)('a day at the insurance agency on $name', (store) => {
  let t: TestApp;
  const repKeys: Record<string, string> = {};
  let n = 0;

  beforeAll(async () => {
    t = await openTestApp(store);
    t.clock.advance(MORNING - t.clock.now());
    for (const repId of ['diego', 'emma', 'farah', 'gabriel', 'hannah', 'isabel', 'jack']) {
      repKeys[repId] = (await t.call('admin', 'POST', '/v1/api-keys', { name: `${repId}'s key`, role: 'rep', repId })).json().key;
    }
  });
  afterAll(async () => t.close());

  /** Calls as a rep, with their own key. */
  const asRep = (repId: string, method: string, url: string, body?: unknown) =>
    t.app.inject({ method: method as 'POST', url, headers: { authorization: `Bearer ${repKeys[repId]}` }, ...(body !== undefined && { payload: body as object }) });
  const capture = async (lead: Record<string, unknown>) => (await t.call('capture', 'POST', '/v1/leads', { lastName: 'Lead', ...lead, email: `lead${++n}@example.org` })).json().lead;
  const lead = async (id: string) => (await t.call('manager', 'GET', `/v1/leads/${id}`)).json();
  const story = async (id: string) => (await t.call('manager', 'GET', `/v1/leads/${id}/timeline`)).json().data.map((e: { type: string; data?: { repId?: string } }) => (e.data?.repId ? `${e.type} ${e.data.repId}` : e.type));
  const westHealth = { firstName: 'Pat', phone: '+14155550100', country: 'US', region: 'CA', product: 'health', source: 'web' };
  const ok = (status: number) => expect(status).toBe(200);

  it('rotates the west health team by weight: Emma twice, Diego and Farah once', async () => {
    const owners = [];
    for (let i = 0; i < 4; i++) owners.push((await capture({ ...westHealth, phone: `+1415555010${i}` })).ownerId);
    expect(owners.sort()).toEqual(['diego', 'emma', 'emma', 'farah']);
  });

  it('follows a lead from offer to won: accepted, called, won with its revenue', async () => {
    const { id, ownerId } = await capture({ ...westHealth, phone: '+14155550111' });
    ok((await asRep(ownerId, 'POST', `/v1/leads/${id}/accept`)).statusCode);
    t.clock.advance(4 * MINUTE);
    ok((await asRep(ownerId, 'POST', `/v1/leads/${id}/activities`, { type: 'call', note: 'wants a family plan' })).statusCode);
    ok((await asRep(ownerId, 'POST', `/v1/leads/${id}/outcome`, { outcome: 'won', revenue: 2400 })).statusCode);
    expect(await lead(id)).toMatchObject({ status: 'won', ownerId, revenue: 2400 });
    expect(await story(id)).toEqual(['captured', 'scored', 'routed', `offered ${ownerId}`, `accepted ${ownerId}`, 'contacted', 'won']);
  });

  it('offers a rejected lead to the next rep, who takes it', async () => {
    const { id, ownerId: first } = await capture({ ...westHealth, phone: '+14155550112' });
    ok((await asRep(first, 'POST', `/v1/leads/${id}/reject`, { reason: 'on another call' })).statusCode);
    const second = (await lead(id)).ownerId;
    expect(second).not.toBe(first);
    ok((await asRep(second, 'POST', `/v1/leads/${id}/accept`)).statusCode);
    expect(await story(id)).toEqual(['captured', 'scored', 'routed', `offered ${first}`, `rejected ${first}`, 'scored', 'routed', `offered ${second}`, `accepted ${second}`]);
  });

  it('moves an offer nobody answers to the next rep and tells the manager; a missed first contact is reassigned; the lead is lost in the end', async () => {
    const { id, ownerId: first } = await capture({ ...westHealth, phone: '+14155550113' });
    t.clock.advance(5 * MINUTE);
    await t.timers.runDue();
    const second = (await lead(id)).ownerId;
    ok((await asRep(second, 'POST', `/v1/leads/${id}/accept`)).statusCode);
    t.clock.advance(15 * MINUTE);
    await t.timers.runDue();
    const third = (await lead(id)).ownerId;
    expect(new Set([first, second, third]).size).toBe(3);
    ok((await asRep(third, 'POST', `/v1/leads/${id}/accept`)).statusCode);
    ok((await asRep(third, 'POST', `/v1/leads/${id}/activities`, { type: 'contacted' })).statusCode);
    ok((await asRep(third, 'POST', `/v1/leads/${id}/outcome`, { outcome: 'lost', reason: 'price' })).statusCode);
    expect(await lead(id)).toMatchObject({ status: 'lost', lostReason: 'price', triedReps: [first, second] });
    expect(await story(id)).toEqual([
      'captured', 'scored', 'routed', `offered ${first}`,
      `expired ${first}`, 'manager-alerted', 'scored', 'routed', `offered ${second}`, `accepted ${second}`,
      `sla-breached ${second}`, 'manager-alerted', 'scored', 'routed', `offered ${third}`, `accepted ${third}`,
      'contacted', 'lost',
    ]);
  });

  it('queues a partner lead until a rep pulls it; the best lead goes first', async () => {
    const partner = { firstName: 'Sam', country: 'US', region: 'NY', product: 'auto', source: 'partner' };
    const small = await capture({ ...partner, phone: '+12125550120', value: 1000 });
    const big = await capture({ ...partner, phone: '+12125550121', value: 90000, country: 'GB', region: null });
    expect([small.status, big.status]).toEqual(['queued', 'queued']);
    const queues = (await t.call('manager', 'GET', '/v1/queues')).json().data;
    expect(queues.find((q: { key: string }) => q.key === 'partners')).toMatchObject({ depth: 2 });
    const pulled = await asRep('gabriel', 'POST', '/v1/queues/partners/pull');
    expect(pulled.json().lead).toMatchObject({ id: big.id, status: 'assigned', ownerId: 'gabriel' });
    ok((await asRep('gabriel', 'POST', `/v1/leads/${big.id}/activities`, { type: 'meeting' })).statusCode);
    ok((await asRep('gabriel', 'POST', `/v1/leads/${big.id}/outcome`, { outcome: 'won', revenue: 90000 })).statusCode);
    expect(await story(big.id)).toEqual(['captured', 'scored', 'routed', 'queued', 'pulled gabriel', 'assigned gabriel', 'contacted', 'won']);
    expect((await lead(small.id)).status).toBe('queued');
  });

  it('holds a lead that comes in at night and offers it at 09:00 in the first rep’s time zone', async () => {
    t.clock.advance(Date.parse('2026-11-25T05:00:00Z') - t.clock.now()); // 21:00 in Los Angeles, 00:00 in New York
    const { id, status } = await capture({ ...westHealth, phone: '+14155550114' });
    expect(status).toBe('held');
    t.clock.advance(Date.parse('2026-11-25T13:59:00Z') - t.clock.now());
    await t.timers.runDue();
    expect((await lead(id)).status).toBe('held');
    t.clock.advance(MINUTE); // 09:00 in New York
    await t.timers.runDue();
    const after = await lead(id);
    expect(after).toMatchObject({ status: 'offered', team: 'inbound' });
    expect(await story(id)).toEqual(['captured', 'scored', 'routed', 'held', 'released', 'scored', 'routed', `offered ${after.ownerId}`]);
  });
});

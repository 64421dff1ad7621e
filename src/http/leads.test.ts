import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiKey } from '../service/api-keys.js';
import { readAllStates } from '../store/repositories/strategy-state.js';
import { STORES } from '../store/test-support.js';
import { openTestApp, westHealth, type TestApp } from './test-support.js';

describe.each(STORES)('capturing leads over HTTP on $name', (store) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await openTestApp(store);
  });
  afterEach(async () => t.close());

  it('answers a capture with 201, the lead as stored and its decision', async () => {
    const res = await t.call('capture', 'POST', '/v1/leads', { ...westHealth(1), email: '  Pat1@Example.COM ', phone: '(415) 555-1001' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.result).toBe('created');
    expect(body.lead).toMatchObject({ email: 'pat1@example.com', phone: '+14155551001', status: 'offered', ownerId: 'emma', team: 'west', route: 'west-health', configVersion: 1 });
    expect(body.decision).toMatchObject({ configVersion: 1, outcome: { type: 'offer', repId: 'emma' }, summary: expect.stringContaining('Emma') });
  });

  it('answers a retry with the same Idempotency-Key with 200 and the lead it created', async () => {
    const headers = { 'idempotency-key': 'retry-1' };
    const first = await t.call('capture', 'POST', '/v1/leads', westHealth(1), headers);
    const again = await t.call('capture', 'POST', '/v1/leads', westHealth(1), headers);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toMatchObject({ result: 'replayed', lead: { id: first.json().lead.id }, decision: { outcome: { repId: 'emma' } } });
  });

  it('treats the same body with its keys in another order as the same request', async () => {
    const headers = { 'idempotency-key': 'retry-1' };
    await t.call('capture', 'POST', '/v1/leads', westHealth(1), headers);
    const reordered = Object.fromEntries(Object.entries(westHealth(1)).reverse());
    expect((await t.call('capture', 'POST', '/v1/leads', reordered, headers)).statusCode).toBe(200);
  });

  it('answers an Idempotency-Key reused with a different body with 409', async () => {
    const headers = { 'idempotency-key': 'retry-1' };
    await t.call('capture', 'POST', '/v1/leads', westHealth(1), headers);
    const res = await t.call('capture', 'POST', '/v1/leads', westHealth(2), headers);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('conflict');
  });

  it('keeps the Idempotency-Keys of different API keys apart', async () => {
    const other = (await createApiKey(t.db, { name: 'other form', role: 'capture' }, t.clock)).key;
    await t.call('capture', 'POST', '/v1/leads', westHealth(1), { 'idempotency-key': 'k1' });
    const res = await t.app.inject({ method: 'POST', url: '/v1/leads', payload: westHealth(2), headers: { 'x-api-key': other, 'idempotency-key': 'k1' } });
    expect(res.statusCode).toBe(201);
  });

  it('answers a lead whose externalId was seen before with 200 and the lead it created', async () => {
    const first = await t.call('capture', 'POST', '/v1/leads', { ...westHealth(1), externalId: 'crm-7' });
    const again = await t.call('capture', 'POST', '/v1/leads', { ...westHealth(2), externalId: 'crm-7' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ result: 'replayed', lead: { id: first.json().lead.id } });
  });

  it('answers a lead with the email of an open lead with 200, linked to it', async () => {
    const first = await t.call('capture', 'POST', '/v1/leads', westHealth(1));
    const again = await t.call('capture', 'POST', '/v1/leads', { ...westHealth(1), phone: null, source: 'chat' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ result: 'duplicate', duplicateOf: first.json().lead.id, lead: { id: first.json().lead.id } });
  });

  it('answers a lead that fails normalisation with 400 naming the fields', async () => {
    const res = await t.call('capture', 'POST', '/v1/leads', { email: 'not an email', value: -5, custom: { ok: 1 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.email', 'body.value']);
  });

  it('refuses a lead with nothing to contact or call it by', async () => {
    const res = await t.call('capture', 'POST', '/v1/leads', { product: 'health' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'body', message: expect.stringContaining('at least one of') }]);
  });

  it('passes warnings on with the lead it kept', async () => {
    const res = await t.call('capture', 'POST', '/v1/leads', { ...westHealth(1), country: 'Atlantis' });
    expect(res.statusCode).toBe(201);
    expect(res.json().warnings).toEqual([{ path: 'body.country', message: expect.any(String) }]);
  });

  it('captures a batch with a result per lead, one bad lead stopping none of the others', async () => {
    const res = await t.call('capture', 'POST', '/v1/leads/batch', { leads: [westHealth(1), { email: 'nope' }, westHealth(1), 'text', westHealth(2)] });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.data.map((d: { status: number }) => d.status)).toEqual([201, 400, 200, 400, 201]);
    expect(body.data[1].error.details).toEqual([{ path: 'body.leads[1].email', message: expect.any(String) }]);
    expect(body.data[2]).toMatchObject({ result: 'duplicate', duplicateOf: body.data[0].lead.id });
    expect(body.counts).toEqual({ created: 2, replayed: 0, duplicate: 1, failed: 2 });
  });

  it('creates nothing twice when a batch is retried with its Idempotency-Key', async () => {
    const batch = { leads: [westHealth(1), { ...westHealth(2), email: 'other@example.com', phone: null }] };
    await t.call('capture', 'POST', '/v1/leads/batch', batch, { 'idempotency-key': 'batch-1' });
    const again = await t.call('capture', 'POST', '/v1/leads/batch', batch, { 'idempotency-key': 'batch-1' });
    expect(again.json().counts).toEqual({ created: 0, replayed: 2, duplicate: 0, failed: 0 });
  });

  it('refuses a batch of more than 1,000 leads with 400', async () => {
    const res = await t.call('capture', 'POST', '/v1/leads/batch', { leads: Array.from({ length: 1001 }, (_, n) => ({ firstName: `L${n}` })) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'body.leads', message: expect.stringContaining('1000') }]);
  });
});

describe.each(STORES)('reading leads over HTTP on $name', (store) => {
  let t: TestApp;
  let ids: string[];
  beforeEach(async () => {
    t = await openTestApp(store);
    ids = [];
    // Round robin on west: emma, diego, farah, emma, emma; a partner lead goes to a queue.
    for (let n = 0; n < 5; n++) {
      ids.push((await t.call('admin', 'POST', '/v1/leads', westHealth(n))).json().lead.id);
      t.clock.advance(1000);
    }
    ids.push((await t.call('admin', 'POST', '/v1/leads', { ...westHealth(9), region: 'NY', source: 'partner' })).json().lead.id);
  });
  afterEach(async () => t.close());

  const list = async (query: string, role: 'admin' | 'rep' = 'admin') => {
    const res = await t.call(role, 'GET', `/v1/leads${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { data: { id: string; ownerId: string | null; status: string }[]; nextCursor: string | null };
  };

  it('lists leads newest first', async () => {
    expect((await list('')).data.map((l) => l.id)).toEqual([...ids].reverse());
  });

  it('pages through leads with an opaque cursor', async () => {
    const first = await list('?limit=4');
    expect(first.data).toHaveLength(4);
    const second = await list(`?limit=4&cursor=${first.nextCursor}`);
    expect(second.nextCursor).toBeNull();
    expect([...first.data, ...second.data].map((l) => l.id)).toEqual([...ids].reverse());
  });

  it('filters by owner, status, team and source', async () => {
    expect((await list('?ownerId=emma')).data).toHaveLength(3);
    expect((await list('?status=queued')).data.map((l) => l.id)).toEqual([ids[5]]);
    expect((await list('?team=west&ownerId=diego')).data).toHaveLength(1);
    expect((await list('?source=partner')).data).toHaveLength(1);
  });

  it('filters by the time a lead was created', async () => {
    const from = new Date(Date.parse('2026-11-24T18:00:01Z')).toISOString();
    const to = new Date(Date.parse('2026-11-24T18:00:03Z')).toISOString();
    expect((await list(`?createdFrom=${from}&createdTo=${to}`)).data.map((l) => l.id)).toEqual([ids[2], ids[1]]);
  });

  it('finds the leads holding every word of a search, in any case', async () => {
    expect((await list('?q=PAT3%20jones')).data.map((l) => l.id)).toEqual([ids[3]]);
    expect((await list('?q=jones')).data).toHaveLength(6);
    expect((await list('?q=pat3%20smith')).data).toEqual([]);
  });

  it('takes % and _ in a search literally', async () => {
    expect((await list('?q=%25')).data).toEqual([]);
    expect((await list('?q=pat_')).data).toEqual([]);
  });

  it('shows when an offered lead must be accepted by, and when an accepted one must be contacted by', async () => {
    const offered = (await t.call('admin', 'GET', `/v1/leads/${ids[4]}`)).json();
    expect(offered).toMatchObject({ status: 'offered', offerExpiresAt: '2026-11-24T18:05:04.000Z', contactDueAt: null });
    const accepted = (await t.call('rep', 'POST', `/v1/leads/${ids[0]}/accept`)).json();
    expect(accepted.lead).toMatchObject({ status: 'assigned', offerExpiresAt: null, contactDueAt: '2026-11-24T18:15:05.000Z' });
    expect((await list('?status=offered')).data.every((l) => 'offerExpiresAt' in l)).toBe(true);
  });

  it('shows a rep only the leads they own', async () => {
    const mine = await list('', 'rep');
    expect(mine.data.map((l) => l.ownerId)).toEqual(['emma', 'emma', 'emma']);
    expect((await list('?ownerId=diego', 'rep')).data).toEqual([]);
  });

  it("answers a rep asking for someone else's lead with 404", async () => {
    expect((await t.call('rep', 'GET', `/v1/leads/${ids[1]}`)).statusCode).toBe(404);
    expect((await t.call('rep', 'GET', `/v1/leads/${ids[1]}/timeline`)).statusCode).toBe(404);
    expect((await t.call('rep', 'GET', `/v1/leads/${ids[1]}/decision`)).statusCode).toBe(404);
    expect((await t.call('rep', 'GET', `/v1/leads/${ids[0]}`)).statusCode).toBe(200);
  });

  it('answers an unknown lead with 404', async () => {
    const res = await t.call('admin', 'GET', '/v1/leads/no-such-lead');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('names who acted on a lead in its timeline: the rep of a rep key, else the key', async () => {
    await t.call('rep', 'POST', `/v1/leads/${ids[0]}/accept`);
    const events = (await t.call('admin', 'GET', `/v1/leads/${ids[0]}/timeline`)).json().data as { type: string; actorName: string | null }[];
    expect(events.find((e) => e.type === 'captured')?.actorName).toBe('admin key');
    expect(events.find((e) => e.type === 'accepted')?.actorName).toMatch(/^Emma/);
    expect(events.find((e) => e.type === 'offered')?.actorName).toBeNull();
  });

  it("shows a lead's timeline from capture to offer", async () => {
    const res = await t.call('admin', 'GET', `/v1/leads/${ids[0]}/timeline`);
    expect(res.json().data.map((e: { type: string }) => e.type)).toEqual(['captured', 'scored', 'routed', 'offered']);
    expect(res.json().data[0]).toMatchObject({ at: '2026-11-24T18:00:00.000Z' });
  });

  it("shows a lead's decision with its explanation", async () => {
    const res = await t.call('admin', 'GET', `/v1/leads/${ids[0]}/decision`);
    expect(res.json()).toMatchObject({ outcome: { type: 'offer', repId: 'emma' }, ranked: expect.arrayContaining(['emma']), explanation: { routes: expect.any(Array) } });
  });

  it('refuses a cursor it did not give out with 400', async () => {
    const res = await t.call('admin', 'GET', '/v1/leads?cursor=bm90LWEtY3Vyc29y');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'query.cursor', message: expect.any(String) }]);
  });

  it('leaves the store as it was when simulating', async () => {
    const before = [(await list('')).data.length, await readAllStates(t.db)];
    const res = await t.call('manager', 'POST', '/v1/simulate', { leads: [westHealth(20), westHealth(21)] });
    expect(res.json().data.map((d: { decision: { outcome: { repId: string } } }) => d.decision.outcome.repId)).toEqual(['diego', 'farah']);
    expect([(await list('')).data.length, await readAllStates(t.db)]).toEqual(before);
  });
});

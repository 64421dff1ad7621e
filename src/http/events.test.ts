import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { captureDeps, TestClock, WEEKDAY } from '../service/test-support.js';
import type { Database } from '../store/database.js';
import { STORES, type OpenStore, type StoreTarget } from '../store/test-support.js';
import { buildApp } from './app.js';
import type { App } from './context.js';
import type { ErrorBody } from './errors.js';
import { listenLocally, SseClient, type LeadStreamMessage } from './sse-test-support.js';
import { openTestApp, westHealth, type Role, type TestApp } from './test-support.js';

/** Quick polls and heartbeats, so that nothing waits long. */
const FAST = { pollMs: 20, heartbeatMs: 50 };

/** The error of an answer in the API's one error shape. */
const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error;

let counter = 0;
const next = () => ++counter;

describe.each(STORES)('GET /v1/events on $name', (target) => {
  let t: TestApp;
  let store: OpenStore;
  let base: string;
  const clients: SseClient[] = [];
  const others: { app: App; db: Database }[] = [];

  beforeAll(async () => {
    // The store is kept, so that a second instance can connect to the same database.
    const keep: StoreTarget = { name: target.name, open: async () => (store = await target.open()) };
    t = await openTestApp(keep, { events: FAST });
    base = await listenLocally(t.app);
  });
  afterAll(async () => t.close());

  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    for (const other of others.splice(0)) {
      await other.app.close();
      await other.db.destroy();
    }
  });

  /** A stream as this role, open (subscribed) before it returns. */
  async function stream(role: Role, headers: Record<string, string> = {}, query = ''): Promise<SseClient> {
    const client = await SseClient.open(`${base}/v1/events${query}`, { authorization: `Bearer ${t.keys[role]}`, ...headers });
    clients.push(client);
    expect(client.response.status).toBe(200);
    return client;
  }

  async function capture(n = next()): Promise<{ id: string; ownerId: string | null }> {
    const res = await t.call('admin', 'POST', '/v1/leads', westHealth(n));
    expect(res.statusCode).toBe(201);
    return res.json().lead;
  }

  /** Captures west health leads (they rotate over Diego, Emma twice and Farah) until one goes to `rep`. */
  async function captureFor(rep: string): Promise<string> {
    for (;;) {
      const lead = await capture();
      if (lead.ownerId === rep) return lead.id;
    }
  }

  async function eventIdsAfter(id: number): Promise<number[]> {
    const rows = await t.db.selectFrom('lead_events').select('id').where('id', '>', id).orderBy('id').execute();
    return rows.map((r) => Number(r.id));
  }

  it('opens an event stream that tells the client to reconnect after 2 s', async () => {
    const client = await stream('manager');
    expect(client.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(client.response.headers.get('cache-control')).toContain('no-cache');
    expect((await client.until((c) => c.messages[0]))).toEqual({ retry: '2000', data: '' });
  });

  it('sends a manager the events of a captured lead as they are committed, with the lead as it is now', async () => {
    const client = await stream('manager');
    const lead = await capture();
    const offered = await client.leadEvent(lead.id, 'offered');
    expect(offered).toMatchObject({ leadId: lead.id, actor: null, data: { repId: lead.ownerId }, lead: { id: lead.id, status: 'offered', ownerId: lead.ownerId } });
    expect(offered.at).toBe(new Date(WEEKDAY).toISOString());
    const types = client.leadEvents.filter((e) => e.leadId === lead.id).map((e) => e.type);
    expect(types).toEqual(['captured', 'scored', 'routed', 'offered']);
    const message = client.messages.find((m) => m.event === 'lead' && JSON.parse(m.data).eventId === offered.eventId);
    expect(message?.id).toBe(String(offered.eventId));
  });

  it('sends nothing committed before the stream opened', async () => {
    const before = await capture();
    const client = await stream('manager');
    const after = await capture();
    await client.leadEvent(after.id, 'offered');
    expect(client.leadEvents.filter((e) => e.leadId === before.id)).toEqual([]);
  });

  it('sends a rep the events of a lead offered to her and none of a lead offered to another rep', async () => {
    // The key goes in the query string, as a browser's EventSource has to send it.
    const client = await SseClient.open(`${base}/v1/events?key=${t.keys.rep}`);
    clients.push(client);
    expect(client.response.status).toBe(200);
    const diegos = await captureFor('diego');
    const emmas = await captureFor('emma');
    // Events come in id order: once Emma's lead is offered, Diego's events would have come before.
    expect((await client.leadEvent(emmas, 'offered')).lead?.ownerId).toBe('emma');
    expect(client.leadEvents.some((e) => e.leadId === diegos)).toBe(false);
    expect(client.leadEvents.every((e) => e.lead?.ownerId === 'emma')).toBe(true);
  });

  it('tells a rep, without the lead, that a lead she rejected has left her', async () => {
    const client = await stream('rep');
    const emmas = await captureFor('emma');
    await client.leadEvent(emmas, 'offered');
    expect((await t.call('rep', 'POST', `/v1/leads/${emmas}/reject`, { reason: 'not my area' })).statusCode).toBe(200);
    const rejected = await client.leadEvent(emmas, 'rejected');
    expect(rejected).toMatchObject({ data: { repId: 'emma' }, lead: null });
    // Its next offer goes to someone else, which is not hers to see: by the time a later lead of
    // hers arrives (events come in id order), that offer would have.
    await client.leadEvent(await captureFor('emma'), 'offered');
    const offers = client.leadEvents.filter((e) => e.leadId === emmas && e.type === 'offered');
    expect(offers.map((e) => e.data.repId)).toEqual(['emma']);
  });

  it('resumes after Last-Event-ID with every later event, none missed and none twice', async () => {
    const first = await stream('manager');
    const one = await capture();
    const last = (await first.leadEvent(one.id, 'offered')).eventId;
    first.close();
    const missed = await capture();
    const again = await stream('manager', { 'last-event-id': String(last) });
    const three = await capture();
    await again.leadEvent(three.id, 'offered');
    expect(again.leadEvents.map((e) => e.eventId)).toEqual(await eventIdsAfter(last));
    expect(new Set(again.leadEvents.map((e) => e.leadId))).toEqual(new Set([missed.id, three.id]));
  });

  it('resumes after ?since= like after Last-Event-ID', async () => {
    await capture();
    // The last two events of that lead, and all of the next.
    const before = (await eventIdsAfter(0)).at(-3)!;
    const client = await stream('manager', {}, `?since=${before}`);
    const two = await capture();
    await client.leadEvent(two.id, 'offered');
    expect(client.leadEvents.map((e) => e.eventId)).toEqual(await eventIdsAfter(before));
  });

  it('prefers Last-Event-ID to ?since= (a reconnecting EventSource keeps its first URL)', async () => {
    await capture();
    const ids = await eventIdsAfter(0);
    const client = await stream('manager', { 'last-event-id': String(ids.at(-2)) }, `?since=${ids[0]}`);
    const two = await capture();
    await client.leadEvent(two.id, 'offered');
    expect(client.leadEvents[0]!.eventId).toBe(ids.at(-1));
  });

  it('sends events committed by another instance on the same database', async () => {
    const client = await stream('manager');
    const db = store.connectAgain();
    const other = buildApp({ ...captureDeps(db, new TestClock(WEEKDAY)), events: FAST });
    others.push({ app: other, db });
    const res = await other.inject({ method: 'POST', url: '/v1/leads', headers: { authorization: `Bearer ${t.keys.admin}` }, payload: westHealth(next()) });
    expect(res.statusCode).toBe(201);
    const offered: LeadStreamMessage = await client.leadEvent(res.json().lead.id, 'offered');
    expect(offered.lead?.status).toBe('offered');
  });

  it('keeps an idle stream open with keep-alive comments', async () => {
    const client = await stream('admin');
    expect(await client.until((c) => c.comments.find((comment) => comment === 'keep-alive'))).toBe('keep-alive');
  });

  it('answers 401 in the usual error shape without a key', async () => {
    const res = await fetch(`${base}/v1/events`);
    expect(res.status).toBe(401);
    expect((await errorOf(res))).toMatchObject({ code: 'unauthorized', message: expect.stringContaining('?key=') });
  });

  it('answers 401 for a key it does not know, in the query string as in a header', async () => {
    const inQuery = await fetch(`${base}/v1/events?key=lr_notarealkey000000000000000000000`);
    expect(inQuery.status).toBe(401);
    expect((await errorOf(inQuery)).code).toBe('unauthorized');
    const inHeader = await fetch(`${base}/v1/events`, { headers: { 'x-api-key': 'lr_notarealkey000000000000000000000' } });
    expect(inHeader.status).toBe(401);
  });

  it('answers 403 to a capture key', async () => {
    const res = await fetch(`${base}/v1/events?key=${t.keys.capture}`);
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe('forbidden');
  });

  it('takes a key in the query string on no other endpoint', async () => {
    const res = await fetch(`${base}/v1/leads?key=${t.keys.admin}`);
    expect(res.status).toBe(401);
  });

  it('answers 400 to a Last-Event-ID that is not an event id', async () => {
    const res = await fetch(`${base}/v1/events`, { headers: { authorization: `Bearer ${t.keys.manager}`, 'last-event-id': 'yesterday' } });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('invalid_request');
  });

  it('documents the stream and the data of its messages in the OpenAPI document', async () => {
    const doc = (await t.call(null, 'GET', '/openapi.json')).json();
    const operation = doc.paths['/v1/events'].get;
    expect(Object.keys(operation.responses[200].content)).toEqual(['text/event-stream']);
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['since', 'key', 'last-event-id']));
    expect(Object.keys(doc.components.schemas.LeadStreamEvent.properties)).toEqual(['eventId', 'leadId', 'type', 'at', 'actor', 'data', 'lead']);
  });

  it('ends open streams when the app closes, without waiting for the clients', async () => {
    const own = await openTestApp(target, { events: FAST });
    const client = await SseClient.open(`${await listenLocally(own.app)}/v1/events`, { authorization: `Bearer ${own.keys.manager}` });
    clients.push(client);
    expect(client.response.status).toBe(200);
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    await client.until((c) => c.ended);
  });
});

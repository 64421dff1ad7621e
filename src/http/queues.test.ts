import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { partnerLead } from '../service/test-support.js';
import { STORES } from '../store/test-support.js';
import { openTestApp, type TestApp } from './test-support.js';

describe.each(STORES)('pull queues over HTTP on $name', (store) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await openTestApp(store);
  });
  afterEach(async () => t.close());

  /** A lead the insurance example sends to the partners queue. */
  async function queued(n: number): Promise<string> {
    const res = await t.call('admin', 'POST', '/v1/leads', partnerLead(n));
    expect(res.json().lead).toMatchObject({ status: 'queued', queue: 'partners' });
    return res.json().lead.id;
  }

  it('answers a rep’s pull with 200 and the lead, now assigned to them', async () => {
    const id = await queued(1);
    const res = await t.call('rep', 'POST', '/v1/queues/partners/pull');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().lead).toMatchObject({ id, status: 'assigned', ownerId: 'emma', queue: null, assignedAt: new Date(t.clock.now()).toISOString() });
  });

  it('answers 204 with no body when the queue is empty', async () => {
    const res = await t.call('rep', 'POST', '/v1/queues/partners/pull');
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
  });

  it('pulls for the rep a manager names', async () => {
    await queued(1);
    const res = await t.call('manager', 'POST', '/v1/queues/partners/pull', { repId: 'farah' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().lead.ownerId).toBe('farah');
  });

  it('answers 400 naming body.repId when an admin pulls without naming a rep', async () => {
    const res = await t.call('admin', 'POST', '/v1/queues/partners/pull', {});
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_request', details: [{ path: 'body.repId', message: expect.any(String) }] });
  });

  it('answers 400 naming body.repId for an unknown rep', async () => {
    const res = await t.call('manager', 'POST', '/v1/queues/partners/pull', { repId: 'nobody' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'body.repId', message: 'unknown rep "nobody"' }]);
  });

  it('answers 409 naming why when the rep may not take a lead now', async () => {
    await queued(1);
    const res = await t.call('manager', 'POST', '/v1/queues/partners/pull', { repId: 'liam' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', message: expect.stringContaining('inactive') });
  });

  it('lists the queues with their depth and the age of their oldest lead', async () => {
    await queued(1);
    t.clock.advance(90_000);
    const res = await t.call('rep', 'GET', '/v1/queues');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      data: [
        { key: 'managers', depth: 0, oldestAt: null, oldestAgeSeconds: null, pullers: 'everyone', mayPull: true },
        { key: 'partners', depth: 1, oldestAt: new Date(t.clock.now() - 90_000).toISOString(), oldestAgeSeconds: 90, pullers: 'everyone', mayPull: true },
      ],
      nextCursor: null,
    });
  });

  it('shows a manager who pulls from each queue, and a rep key which queues it pulls from', async () => {
    const source = `${readFileSync('examples/insurance/routing.yaml', 'utf8')}\nqueues:\n  managers: { pullers: nobody }\n  partners: { pullers: { teams: [inbound], reps: [emma] } }\n`;
    expect((await t.call('admin', 'POST', '/v1/routing-config', { source, activate: true })).statusCode).toBe(201);
    const asManager = (await t.call('manager', 'GET', '/v1/queues')).json().data as { key: string; pullers: unknown; mayPull: unknown }[];
    expect(asManager.map((q) => [q.key, q.pullers, q.mayPull])).toEqual([
      ['managers', 'nobody', null],
      ['partners', { teams: ['inbound'], reps: ['emma'] }, null],
    ]);
    const asRep = (await t.call('rep', 'GET', '/v1/queues')).json().data as { key: string; mayPull: unknown }[];
    expect(asRep.map((q) => [q.key, q.mayPull])).toEqual([
      ['managers', false],
      ['partners', true],
    ]);
  });
});

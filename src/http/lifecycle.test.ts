import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORES } from '../store/test-support.js';
import { openTestApp, westHealth, type TestApp } from './test-support.js';

describe.each(STORES)('the lifecycle endpoints on $name', (store) => {
  let t: TestApp;
  let n = 0;
  beforeEach(async () => {
    t = await openTestApp(store);
  });
  afterEach(async () => t.close());

  /** A new lead offered to Emma, whose the rep key is. */
  async function emmasOffer(): Promise<string> {
    for (;;) {
      const lead = (await t.call('admin', 'POST', '/v1/leads', westHealth(++n))).json().lead;
      if (lead.ownerId === 'emma') return lead.id;
    }
  }

  it('answers an accept with the lead, now assigned', async () => {
    const id = await emmasOffer();
    const res = await t.call('rep', 'POST', `/v1/leads/${id}/accept`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ lead: { id, status: 'assigned', ownerId: 'emma' }, decision: null });
  });

  it('answers a reject with the new decision that placed the lead', async () => {
    const id = await emmasOffer();
    const res = await t.call('rep', 'POST', `/v1/leads/${id}/reject`, { reason: 'not my area' });
    expect(res.statusCode).toBe(200);
    expect(res.json().lead).toMatchObject({ status: 'offered', triedReps: ['emma'], attempts: 2 });
    expect(res.json().decision.outcome.repId).not.toBe('emma');
  });

  it('answers an illegal move with 409 naming the status and the allowed actions', async () => {
    const id = await emmasOffer();
    const res = await t.call('rep', 'POST', `/v1/leads/${id}/outcome`, { outcome: 'won', revenue: 10 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toEqual({
      code: 'conflict',
      message: 'cannot win a lead that is offered; allowed now: accept, reject, note, lose, reassign',
      details: { status: 'offered', allowed: ['accept', 'reject', 'note', 'lose', 'reassign'] },
    });
  });

  it('answers 404 to a rep acting on a lead that is not theirs', async () => {
    const id = await emmasOffer();
    await t.call('admin', 'POST', `/v1/leads/${id}/reassign`, { repId: 'farah' });
    expect((await t.call('rep', 'POST', `/v1/leads/${id}/accept`)).statusCode).toBe(404);
  });

  it('answers 400 naming the field for an outcome it does not know', async () => {
    const id = await emmasOffer();
    const res = await t.call('rep', 'POST', `/v1/leads/${id}/outcome`, { outcome: 'maybe' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('body.outcome');
  });

  it('answers 400 naming the field for a reassignment to an unknown rep', async () => {
    const id = await emmasOffer();
    const res = await t.call('manager', 'POST', `/v1/leads/${id}/reassign`, { repId: 'nobody' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'body.repId', message: 'unknown rep "nobody"' }]);
  });

  it('answers 404 for a lead that does not exist', async () => {
    expect((await t.call('manager', 'POST', '/v1/leads/nope/accept')).statusCode).toBe(404);
  });

  it('shows the offer’s expiry on the timeline once the test clock passes it', async () => {
    const id = await emmasOffer();
    t.clock.advance(5 * 60_000);
    await t.timers.runDue();
    const types = (await t.call('manager', 'GET', `/v1/leads/${id}/timeline`)).json().data.map((e: { type: string }) => e.type);
    expect(types).toEqual(['captured', 'scored', 'routed', 'offered', 'expired', 'manager-alerted', 'scored', 'routed', 'offered']);
  });
});

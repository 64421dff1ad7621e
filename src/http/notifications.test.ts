import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../service/ids.js';
import { enqueueNotifications, markFailed } from '../store/repositories/notifications.js';
import { STORES } from '../store/test-support.js';
import { openTestApp, type TestApp } from './test-support.js';

describe.each(STORES)('the outbox and webhook endpoints on $name', (store) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await openTestApp(store);
  });
  afterEach(async () => t.close());

  const deadMessage = async () => {
    const id = newId(t.clock.now());
    await enqueueNotifications(t.db, [{ id, dedupeKey: 'offer:x', kind: 'rep-offer', channel: 'email', recipient: 'emma@summit.example', leadId: null, message: { text: 'hi' }, notBefore: t.clock.now() }], t.clock.now());
    await markFailed(t.db, [id], 'connection refused', null);
    return id;
  };

  it('lists notifications with their status, attempts and last error', async () => {
    const id = await deadMessage();
    const res = await t.call('manager', 'GET', '/v1/notifications?status=dead');
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toEqual([expect.objectContaining({ id, status: 'dead', attempts: 1, lastError: 'connection refused', channel: 'email', nextAttemptAt: null })]);
  });

  it('sends a dead notification again on retry', async () => {
    const id = await deadMessage();
    const res = await t.call('manager', 'POST', `/v1/notifications/${id}/retry`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, status: 'pending', attempts: 0 });
  });

  it('refuses to retry a notification that is not dead', async () => {
    const id = await deadMessage();
    await t.call('manager', 'POST', `/v1/notifications/${id}/retry`);
    const res = await t.call('manager', 'POST', `/v1/notifications/${id}/retry`);
    expect(res.statusCode).toBe(409);
  });

  it('subscribes a webhook and shows its secret only once', async () => {
    const created = await t.call('admin', 'POST', '/v1/webhooks', { url: 'https://crm.example/hooks/leadrouter', events: ['lead.offered', 'lead.assigned'] });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ url: 'https://crm.example/hooks/leadrouter', events: ['lead.offered', 'lead.assigned'], format: 'json', secret: expect.stringMatching(/^whsec_/) });
    const listed = (await t.call('admin', 'GET', '/v1/webhooks')).json().data;
    expect(listed).toEqual([expect.objectContaining({ id: created.json().id })]);
    expect(listed[0]).not.toHaveProperty('secret');
  });

  it('refuses a webhook URL that is not http(s), naming the field', async () => {
    const res = await t.call('admin', 'POST', '/v1/webhooks', { url: 'ftp://example.com/x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('body.url');
  });

  it('removes a webhook subscription', async () => {
    const { id } = (await t.call('admin', 'POST', '/v1/webhooks', { url: 'https://crm.example/hooks' })).json();
    expect((await t.call('admin', 'DELETE', `/v1/webhooks/${id}`)).statusCode).toBe(204);
    expect((await t.call('admin', 'DELETE', `/v1/webhooks/${id}`)).statusCode).toBe(404);
  });
});

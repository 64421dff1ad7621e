import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureAdminKey } from '../service/api-keys.js';
import { captureDeps, TestClock, WEEKDAY } from '../service/test-support.js';
import { STORES } from '../store/test-support.js';
import { buildApp } from './app.js';
import { openTestApp, westHealth, type TestApp } from './test-support.js';

describe.each(STORES)('API keys over HTTP on $name', (store) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await openTestApp(store);
  });
  afterEach(async () => t.close());

  const as = (key: string, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers: { 'x-api-key': key }, ...(payload && { payload }) });

  it('creates a key and shows its secret once', async () => {
    const res = await t.call('admin', 'POST', '/v1/api-keys', { name: 'website form', role: 'capture' });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ name: 'website form', role: 'capture', repId: null, revokedAt: null, key: expect.stringMatching(/^lr_[0-9A-Za-z]{32}$/) });
    expect(created.prefix).toBe(created.key.slice(0, 10));
    const listed = (await t.call('admin', 'GET', '/v1/api-keys')).json().data;
    expect(listed.find((k: { id: string }) => k.id === created.id)).not.toHaveProperty('key');
    expect(JSON.stringify(listed)).not.toContain(created.key);
  });

  it('gives a new capture key the right to create leads and nothing else', async () => {
    const { key } = (await t.call('admin', 'POST', '/v1/api-keys', { name: 'form', role: 'capture' })).json();
    expect((await as(key, 'POST', '/v1/leads', westHealth(1))).statusCode).toBe(201);
    expect((await as(key, 'GET', '/v1/leads')).statusCode).toBe(403);
  });

  it('creates a rep key that acts as its rep', async () => {
    const { key } = (await t.call('admin', 'POST', '/v1/api-keys', { name: "Diego's phone", role: 'rep', repId: 'diego' })).json();
    expect((await as(key, 'GET', '/v1/me')).json().id).toBe('diego');
  });

  it('answers a rep key without a rep with 400 naming repId', async () => {
    const res = await t.call('admin', 'POST', '/v1/api-keys', { name: 'x', role: 'rep' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'body.repId', message: expect.any(String) }]);
  });

  it('answers a rep key for an unknown rep with 400', async () => {
    const res = await t.call('admin', 'POST', '/v1/api-keys', { name: 'x', role: 'rep', repId: 'ghost' });
    expect(res.json().error.details).toEqual([{ path: 'body.repId', message: 'unknown rep "ghost"' }]);
  });

  it('answers revoking an unknown key with 404', async () => {
    expect((await t.call('admin', 'DELETE', '/v1/api-keys/no-such-key')).statusCode).toBe(404);
  });

  it('refuses to revoke the last active admin key', async () => {
    const admin = (await t.call('admin', 'GET', '/v1/api-keys')).json().data.find((k: { role: string }) => k.role === 'admin');
    const res = await t.call('admin', 'DELETE', `/v1/api-keys/${admin.id}`);
    expect(res.statusCode).toBe(409);
  });

  it('records when a key was last used', async () => {
    const keys = (await t.call('admin', 'GET', '/v1/api-keys')).json().data;
    expect(keys.find((k: { role: string }) => k.role === 'admin').lastUsedAt).toBe('2026-11-24T18:00:00.000Z');
    expect(keys.find((k: { role: string }) => k.role === 'capture').lastUsedAt).toBeNull();
  });
});

describe.each(STORES)('the first admin key on $name', (store) => {
  it('is generated once, when no admin key exists', async () => {
    const { db, close } = await store.open();
    try {
      const first = await ensureAdminKey(db);
      expect(first).toEqual({ created: true, key: expect.stringMatching(/^lr_/) });
      expect(await ensureAdminKey(db)).toEqual({ created: false });
    } finally {
      await close();
    }
  });

  it('is the key given by LEADROUTER_ADMIN_KEY, created on first start only and working at once', async () => {
    const { db, close } = await store.open();
    try {
      const secret = 'my-admin-key-0123456789abcdef';
      expect(await ensureAdminKey(db, secret)).toEqual({ created: true, key: secret });
      expect(await ensureAdminKey(db, secret)).toEqual({ created: false });
      const app = buildApp(captureDeps(db, new TestClock(WEEKDAY)));
      const res = await app.inject({ method: 'GET', url: '/v1/api-keys', headers: { authorization: `Bearer ${secret}` } });
      expect(res.statusCode).toBe(200);
      await app.close();
    } finally {
      await close();
    }
  });

  it('is the same one key for two instances starting together with one LEADROUTER_ADMIN_KEY', async () => {
    const opened = await store.open();
    const other = opened.connectAgain();
    try {
      const secret = 'my-admin-key-0123456789abcdef';
      const started = await Promise.all([ensureAdminKey(opened.db, secret), ensureAdminKey(other, secret)]);
      expect(started.map((s) => s.created).sort()).toEqual([false, true]);
      const keys = await opened.db.selectFrom('api_keys').select('role').execute();
      expect(keys).toEqual([{ role: 'admin' }]);
    } finally {
      await other.destroy();
      await opened.close();
    }
  });
});

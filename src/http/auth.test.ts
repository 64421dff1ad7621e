import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApiKey } from '../service/api-keys.js';
import { STORES } from '../store/test-support.js';
import { openTestApp, ROLES, westHealth, type Role, type TestApp } from './test-support.js';

describe.each(STORES)('authentication on $name', (store) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await openTestApp(store);
  });
  afterEach(async () => t.close());

  it('answers 401 without a key', async () => {
    const res = await t.call(null, 'GET', '/v1/leads');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthorized');
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it('answers 401 for a key it does not know', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/leads', headers: { authorization: 'Bearer lr_notarealkey000000000000000000000' } });
    expect(res.statusCode).toBe(401);
  });

  it('answers 401 for an Authorization header that is not a bearer key', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/leads', headers: { authorization: `Basic ${t.keys.admin}` } });
    expect(res.statusCode).toBe(401);
  });

  it('accepts the key in X-API-Key as well', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/leads', headers: { 'x-api-key': t.keys.manager } });
    expect(res.statusCode).toBe(200);
  });

  it('refuses a key once it is revoked', async () => {
    const { apiKey, key } = await createApiKey(t.db, { name: 'temp', role: 'manager' }, t.clock);
    expect((await t.app.inject({ method: 'GET', url: '/v1/teams', headers: { 'x-api-key': key } })).statusCode).toBe(200);
    expect((await t.call('admin', 'DELETE', `/v1/api-keys/${apiKey.id}`)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/v1/teams', headers: { 'x-api-key': key } })).statusCode).toBe(401);
  });

  it('answers 403 naming the roles allowed when the role may not call the endpoint', async () => {
    const res = await t.call('capture', 'GET', '/v1/leads');
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('allowed: admin, manager, rep') });
  });

  it('checks the key before reading the body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/leads', payload: '{not json', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(401);
  });
});

/** Every endpoint, as every role: the status a request that is otherwise fine gets. */
type Row = [method: string, url: string, body: (() => unknown) | undefined, expected: Record<Role, number>];

const all = (status: number): Record<Role, number> => ({ admin: status, manager: status, rep: status, capture: status });
const managers = (status: number): Record<Role, number> => ({ admin: status, manager: status, rep: 403, capture: 403 });
const readers = (status: number): Record<Role, number> => ({ admin: status, manager: status, rep: status, capture: 403 });
const capturers = (status: number): Record<Role, number> => ({ admin: status, manager: status, rep: 403, capture: status });
const adminOnly = (status: number): Record<Role, number> => ({ admin: status, manager: 403, rep: 403, capture: 403 });

let counter = 100;
const next = () => ++counter;

describe.each(STORES)('who may call what on $name', (store) => {
  let t: TestApp;
  let emmasLead: string;
  let spareKeys: string[];

  beforeAll(async () => {
    t = await openTestApp(store);
    const res = await t.call('admin', 'POST', '/v1/leads', westHealth(1));
    expect(res.json().lead.ownerId).toBe('emma');
    emmasLead = res.json().lead.id;
    spareKeys = [];
    for (let i = 0; i < 4; i++) spareKeys.push((await createApiKey(t.db, { name: `spare ${i}`, role: 'capture' }, t.clock)).apiKey.id);
  });
  afterAll(async () => t.close());

  const config = `fallback: { assign: { queue: triage } }`;
  const rows: Row[] = [
    ['POST', '/v1/leads', () => westHealth(next()), capturers(201)],
    ['POST', '/v1/leads/batch', () => ({ leads: [westHealth(next())] }), capturers(200)],
    ['GET', '/v1/leads', undefined, readers(200)],
    ['GET', '/v1/leads/:lead', undefined, readers(200)],
    ['GET', '/v1/leads/:lead/timeline', undefined, readers(200)],
    ['GET', '/v1/leads/:lead/decision', undefined, readers(200)],
    ['GET', '/v1/reps', undefined, managers(200)],
    ['POST', '/v1/reps', () => ({ id: `rep-${next()}`, name: 'New Rep', timezone: 'Europe/Berlin' }), managers(201)],
    ['GET', '/v1/reps/emma', undefined, managers(200)],
    ['PATCH', '/v1/reps/emma', () => ({ skills: ['health', 'life'] }), managers(200)],
    ['PUT', '/v1/reps/emma/availability', () => ({ presence: 'online' }), { admin: 200, manager: 200, rep: 200, capture: 403 }],
    ['PUT', '/v1/reps/diego/availability', () => ({ presence: 'online' }), { admin: 200, manager: 200, rep: 403, capture: 403 }],
    ['GET', '/v1/me', undefined, { admin: 403, manager: 403, rep: 200, capture: 403 }],
    ['PATCH', '/v1/me', () => ({ languages: ['en', 'fr'] }), { admin: 403, manager: 403, rep: 200, capture: 403 }],
    ['GET', '/v1/whoami', undefined, { admin: 200, manager: 200, rep: 200, capture: 200 }],
    ['GET', '/v1/teams', undefined, managers(200)],
    ['POST', '/v1/teams', () => ({ key: `team-${next()}`, name: 'New team', members: [{ repId: 'emma' }] }), managers(201)],
    ['GET', '/v1/teams/west', undefined, managers(200)],
    ['PATCH', '/v1/teams/west', () => ({ name: 'West health desk' }), managers(200)],
    ['GET', '/v1/routing-config', undefined, managers(200)],
    ['GET', '/v1/routing-config/versions', undefined, managers(200)],
    ['GET', '/v1/routing-config/versions/1', undefined, managers(200)],
    ['POST', '/v1/routing-config/validate', () => ({ source: config }), managers(200)],
    ['POST', '/v1/routing-config', () => ({ source: config }), managers(201)],
    ['POST', '/v1/routing-config/versions/1/activate', undefined, managers(200)],
    ['POST', '/v1/simulate', () => ({ leads: [westHealth(1)] }), managers(200)],
    ['GET', '/v1/api-keys', undefined, adminOnly(200)],
    ['POST', '/v1/api-keys', () => ({ name: 'another', role: 'capture' }), adminOnly(201)],
    ['DELETE', '/v1/api-keys/:spare', undefined, adminOnly(204)],
    ['GET', '/v1/rejected-submissions', undefined, managers(200)],
    ['GET', '/v1/notifications', undefined, managers(200)],
    ['POST', '/v1/notifications/none/retry', undefined, managers(404)],
    ['GET', '/v1/webhooks', undefined, adminOnly(200)],
    ['POST', '/v1/webhooks', () => ({ url: 'https://crm.example/hooks' }), adminOnly(201)],
    ['DELETE', '/v1/webhooks/none', undefined, adminOnly(404)],
    ['GET', '/v1/reports/speed-to-lead', undefined, managers(200)],
    ['GET', '/v1/reports/time-to-accept', undefined, managers(200)],
    ['GET', '/v1/reports/offers', undefined, managers(200)],
    ['GET', '/v1/reports/conversion', undefined, managers(200)],
    ['GET', '/v1/reports/sla-breaches', undefined, managers(200)],
    ['GET', '/v1/reports/fairness', undefined, managers(200)],
    ['GET', '/v1/reports/load', undefined, managers(200)],
    ['GET', '/v1/reports/nope', undefined, managers(404)],
    ['GET', '/v1/queues', undefined, readers(200)],
    ['POST', '/v1/queues/partners/pull', () => ({ repId: 'emma' }), readers(204)],
    ['POST', '/v1/leads/:offered/accept', undefined, readers(200)],
    ['POST', '/v1/leads/:offered/reject', () => ({ reason: 'not my area' }), readers(200)],
    ['POST', '/v1/leads/:assigned/activities', () => ({ type: 'call', note: 'left a voicemail' }), readers(200)],
    ['POST', '/v1/leads/:assigned/outcome', () => ({ outcome: 'won', revenue: 900 }), readers(200)],
    ['POST', '/v1/leads/:offered/reassign', () => ({ repId: 'farah' }), managers(200)],
    ['GET', '/healthz', undefined, all(200)],
    ['GET', '/metrics', undefined, all(200)],
    ['GET', '/openapi.json', undefined, all(200)],
  ];
  const cases = rows.flatMap(([method, url, body, expected]) => ROLES.map((role) => ({ method, url, body, role, status: expected[role] })));

  /** A new lead offered to Emma (whose the rep key is): west health leads rotate, Emma has the weight of two. */
  async function offeredToEmma(): Promise<string> {
    for (;;) {
      const lead = (await t.call('admin', 'POST', '/v1/leads', westHealth(next()))).json().lead;
      if (lead.ownerId === 'emma') return lead.id;
    }
  }

  async function assignedToEmma(): Promise<string> {
    const id = await offeredToEmma();
    expect((await t.call('admin', 'POST', `/v1/leads/${id}/accept`)).statusCode).toBe(200);
    return id;
  }

  it.each(cases)('$method $url as $role answers $status', async ({ method, url, body, role, status }) => {
    let path = url.replace(':lead', emmasLead).replace(':spare', () => spareKeys.pop()!);
    if (path.includes(':offered')) path = path.replace(':offered', await offeredToEmma());
    if (path.includes(':assigned')) path = path.replace(':assigned', await assignedToEmma());
    const res = await t.call(role, method, path, body?.());
    expect(res.statusCode, res.body).toBe(status);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORES } from '../store/test-support.js';
import { captureDeps, TestClock, WEEKDAY } from '../service/test-support.js';
import { buildApp } from './app.js';
import { openTestApp, westHealth, type TestApp } from './test-support.js';

describe.each(STORES)('the HTTP API on $name', (store) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await openTestApp(store);
  });
  afterEach(async () => t.close());

  const raw = (payload: string, contentType = 'application/json', url = '/v1/leads') =>
    t.app.inject({ method: 'POST', url, payload, headers: { authorization: `Bearer ${t.keys.admin}`, 'content-type': contentType } });

  it('answers malformed JSON with 400 invalid_json', async () => {
    const res = await raw('{"email": "a@b.com",');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'invalid_json', message: expect.any(String) } });
  });

  it('answers an empty JSON body with 400 invalid_json', async () => {
    const res = await raw('');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_json');
  });

  it('refuses a JSON body that tries to set __proto__', async () => {
    const res = await raw('{"firstName": "Eve", "__proto__": {"admin": true}}');
    expect(res.statusCode).toBe(400);
  });

  it('answers a body over the limit with 413 payload_too_large', async () => {
    const res = await raw(JSON.stringify({ firstName: 'Big', custom: { blob: 'x'.repeat(1024 * 1024) } }));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('takes a batch larger than the single-lead limit', async () => {
    const leads = Array.from({ length: 300 }, (_, n) => ({ ...westHealth(n), custom: { note: 'y'.repeat(4000) } }));
    const res = await t.call('admin', 'POST', '/v1/leads/batch', { leads });
    expect(res.statusCode).toBe(200);
  });

  it('answers a body that is not JSON with 415', async () => {
    const res = await raw('firstName=Pat', 'application/x-www-form-urlencoded');
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
  });

  it('names every field of the wrong type, with its path', async () => {
    const res = await t.call('admin', 'POST', '/v1/leads', { firstName: ['Pat'], value: { amount: 5 }, custom: 'no', nickname: 'P' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_request');
    expect(res.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.custom', 'body.firstName', 'body.nickname', 'body.value']);
  });

  it('names a bad query parameter with its path', async () => {
    const res = await t.call('admin', 'GET', '/v1/leads?limit=5000');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'query.limit', message: expect.any(String) }]);
  });

  it('answers an unknown route with 404 in the error shape', async () => {
    const res = await t.call(null, 'GET', '/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'no endpoint GET /v1/nothing-here' } });
  });

  it('answers a known path with an unknown method with 404 in the error shape', async () => {
    const res = await t.call('admin', 'DELETE', '/v1/leads');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('never answers 500 for malformed input', async () => {
    const bodies = ['null', '[]', '"text"', '42', 'true', '{"leads": null}', '{"leads": [null, 1, "x", []]}', '{"source": 5}', '{"a":' + '['.repeat(5000), '\u0000', '{"email": "\ud800"}'];
    const posts = ['/v1/leads', '/v1/leads/batch', '/v1/reps', '/v1/teams', '/v1/routing-config', '/v1/routing-config/validate', '/v1/simulate', '/v1/api-keys'];
    const statuses: number[] = [];
    for (const url of posts) {
      for (const body of bodies) {
        const res = await raw(body, 'application/json', url);
        // A batch answers 200 with a result per lead: every one of them must be a 4xx.
        if (url.endsWith('/batch') && res.statusCode === 200) statuses.push(...res.json().data.map((item: { status: number }) => item.status));
        else statuses.push(res.statusCode);
      }
    }
    for (const url of ['/v1/leads?createdFrom=yesterday', '/v1/leads?cursor=%%%', '/v1/leads?cursor=eyJ4IjoxfQ', '/v1/leads?status=lost-ish', '/v1/routing-config/versions/abc', '/v1/reps?limit=-1']) {
      statuses.push((await t.call('admin', 'GET', url)).statusCode);
    }
    expect(statuses.filter((s) => s < 400 || s >= 500)).toEqual([]);
  });

  it('answers health without a key', async () => {
    const res = await t.call(null, 'GET', '/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('answers health with 503 when the database does not answer', async () => {
    const { db, close } = await store.open();
    const app = buildApp(captureDeps(db, new TestClock(WEEKDAY)));
    await close();
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('unavailable');
    await app.close();
  });

  it('serves an OpenAPI 3 document that lists every endpoint', async () => {
    const res = await t.call(null, 'GET', '/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    const operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(operations.sort()).toEqual(
      [
        'POST /v1/leads',
        'POST /v1/leads/batch',
        'GET /v1/leads',
        'GET /v1/leads/{id}',
        'GET /v1/leads/{id}/timeline',
        'GET /v1/leads/{id}/decision',
        'POST /v1/leads/{id}/accept',
        'POST /v1/leads/{id}/reject',
        'POST /v1/leads/{id}/activities',
        'POST /v1/leads/{id}/outcome',
        'POST /v1/leads/{id}/reassign',
        'GET /v1/queues',
        'POST /v1/queues/{key}/pull',
        'GET /v1/reps',
        'POST /v1/reps',
        'GET /v1/reps/{id}',
        'PATCH /v1/reps/{id}',
        'PUT /v1/reps/{id}/availability',
        'GET /v1/me',
        'PATCH /v1/me',
        'GET /v1/whoami',
        'GET /v1/teams',
        'POST /v1/teams',
        'GET /v1/teams/{key}',
        'PATCH /v1/teams/{key}',
        'GET /v1/routing-config',
        'GET /v1/routing-config/versions',
        'GET /v1/routing-config/versions/{n}',
        'POST /v1/routing-config/validate',
        'POST /v1/routing-config',
        'POST /v1/routing-config/impact',
        'POST /v1/routing-config/versions/{n}/activate',
        'POST /v1/simulate',
        'GET /v1/api-keys',
        'POST /v1/api-keys',
        'DELETE /v1/api-keys/{id}',
        'GET /v1/forms',
        'POST /v1/forms',
        'GET /v1/rejected-submissions',
        'GET /v1/notifications',
        'POST /v1/notifications/{id}/retry',
        'GET /v1/webhooks',
        'POST /v1/webhooks',
        'DELETE /v1/webhooks/{id}',
        'GET /v1/reports/speed-to-lead',
        'GET /v1/reports/time-to-accept',
        'GET /v1/reports/offers',
        'GET /v1/reports/conversion',
        'GET /v1/reports/sla-breaches',
        'GET /v1/reports/fairness',
        'GET /v1/reports/load',
        'POST /v1/forms/{key}',
        'OPTIONS /v1/forms/{key}',
        'POST /v1/integrations/google-ads/{key}',
        'POST /v1/imports',
        'GET /v1/events',
        'GET /healthz',
        'GET /metrics',
      ].sort(),
    );
  });

  it('documents the request body of a capture from the schema that validates it', async () => {
    const doc = (await t.call(null, 'GET', '/openapi.json')).json();
    const body = doc.paths['/v1/leads'].post.requestBody.content['application/json'].schema;
    const schema = body.$ref ? doc.components.schemas[body.$ref.split('/').at(-1)] : body;
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['firstName', 'email', 'custom', 'externalId']));
    expect(schema.additionalProperties).toBe(false);
  });

  it('documents who may call each operation', async () => {
    const doc = (await t.call(null, 'GET', '/openapi.json')).json();
    expect(doc.paths['/v1/api-keys'].post.description).toContain('Roles: admin.');
    expect(doc.paths['/v1/api-keys'].post.security).toEqual([{ bearer: [] }, { apiKey: [] }]);
  });

  it('exposes Prometheus metrics of captures, decisions and latency', async () => {
    await t.call('capture', 'POST', '/v1/leads', westHealth(1));
    const res = await t.call(null, 'GET', '/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('leadrouter_captures_total{source="web",result="created"} 1');
    expect(res.body).toContain('leadrouter_decisions_total{route="west-health",outcome="offer"} 1');
    expect(res.body).toContain('leadrouter_capture_duration_seconds_count 1');
  });
});

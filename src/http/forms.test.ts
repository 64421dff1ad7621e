import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORES } from '../store/test-support.js';
import { openTestApp, type TestApp } from './test-support.js';
import { listRejectedSubmissions } from '../store/repositories/rejected-submissions.js';

const FORM = {
  key: 'quote',
  name: 'Quote request',
  mapping: { insurance_type: 'product', budget: 'custom.budget' },
  honeypot: 'website',
  thankYouUrl: 'https://www.example.com/thanks',
  allowedRedirectHosts: ['promo.example.com'],
  allowedOrigins: ['https://www.example.com'],
  source: 'web',
};

/** A Web-to-Lead post for the insurance example's west team. */
const webToLead = (n: number, extra: Record<string, string> = {}) =>
  new URLSearchParams({
    oid: '00D000000000001',
    first_name: `Pat${n}`,
    last_name: 'Jones',
    email: `pat${n}@example.com`,
    phone: `(415) 555-${1000 + n}`,
    state: 'CA',
    country: 'United States',
    insurance_type: 'health',
    value: '5000',
    budget: 'high',
    '00N5e00000ABCDE': 'newsletter',
    ...extra,
  }).toString();

describe.each(STORES)('form sources over HTTP on $name', (store) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await openTestApp(store);
    expect((await t.call('admin', 'POST', '/v1/forms', FORM)).statusCode).toBe(201);
  });
  afterEach(async () => t.close());

  const post = (key: string, body: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: `/v1/forms/${key}`, payload: body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
  const leads = async () => (await t.call('admin', 'GET', '/v1/leads')).json().data as Record<string, unknown>[];

  it('creates and lists form sources without showing the Google key', async () => {
    const res = await t.call('manager', 'POST', '/v1/forms', { key: 'ads', name: 'Ads', googleKey: 'g-secret' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ key: 'ads', googleAds: true, mapping: {}, allowedOrigins: [] });
    const listed = (await t.call('manager', 'GET', '/v1/forms')).json().data;
    expect(listed.map((f: { key: string }) => f.key)).toEqual(['ads', 'quote']);
    expect(JSON.stringify(listed)).not.toContain('g-secret');
  });

  it('refuses a mapping to unknown fields with 400 naming them, and a key taken with 409', async () => {
    const bad = await t.call('admin', 'POST', '/v1/forms', { key: 'x', name: 'X', mapping: { a: 'nope', b: 'email' }, allowedOrigins: ['not an origin'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(['body.mapping.a', 'body.allowedOrigins[0]']);
    expect((await t.call('admin', 'POST', '/v1/forms', FORM)).statusCode).toBe(409);
  });

  it('lets only admin and manager keys manage form sources', async () => {
    for (const role of ['rep', 'capture'] as const) {
      expect((await t.call(role, 'POST', '/v1/forms', { ...FORM, key: `k-${role}` })).statusCode).toBe(403);
      expect((await t.call(role, 'GET', '/v1/forms')).statusCode).toBe(403);
    }
    expect((await t.call(null, 'GET', '/v1/forms')).statusCode).toBe(401);
  });

  it('captures and routes an urlencoded post with Web-to-Lead names, the rest kept in custom', async () => {
    const res = await post('quote', webToLead(1));
    expect(res.statusCode).toBe(303);
    const [lead] = await leads();
    expect(lead).toMatchObject({
      firstName: 'Pat1',
      email: 'pat1@example.com',
      phone: '+14155551001',
      region: 'CA',
      country: 'US',
      product: 'health',
      source: 'web',
      ownerId: 'emma',
      status: 'offered',
      custom: { budget: 'high', '00N5e00000ABCDE': 'newsletter' },
    });
  });

  it('captures a JSON post, with the form key as the source when the form has none', async () => {
    await t.call('admin', 'POST', '/v1/forms', { key: 'landing', name: 'Landing' });
    const res = await t.app.inject({ method: 'POST', url: '/v1/forms/landing', payload: { first_name: 'Ann', email: 'ann@example.com', state: 'CA', product: 'health' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ accepted: true });
    expect((await leads())[0]).toMatchObject({ firstName: 'Ann', email: 'ann@example.com', source: 'landing' });
  });

  it('answers a post caught by the honeypot as accepted but captures nothing', async () => {
    const res = await post('quote', webToLead(2, { website: 'http://spam.example' }));
    expect(res.statusCode).toBe(303);
    expect(await leads()).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).body).toContain('leadrouter_form_spam_total{form="quote"} 1');
  });

  it('stores a post caught by the honeypot as a rejected submission, with what was posted', async () => {
    await post('quote', webToLead(2, { website: 'http://spam.example' }));
    expect(await listRejectedSubmissions(t.db, {}, { limit: 10 })).toEqual([
      expect.objectContaining({ source: 'form:quote', reason: 'honeypot', fields: expect.objectContaining({ firstName: 'Pat2' }) }),
    ]);
  });

  it('redirects with 303 to a retURL on an allowed host, or to the thank-you URL', async () => {
    const promo = await post('quote', webToLead(3, { retURL: 'https://promo.example.com/done?x=1' }));
    expect(promo.statusCode).toBe(303);
    expect(promo.headers.location).toBe('https://promo.example.com/done?x=1');
    const thanks = await post('quote', webToLead(4));
    expect(thanks.statusCode).toBe(303);
    expect(thanks.headers.location).toBe('https://www.example.com/thanks');
  });

  it('does not redirect to any other host (no open redirect)', async () => {
    const res = await post('quote', webToLead(5, { retURL: 'https://evil.example.net/phish' }));
    expect(res.statusCode).toBe(200);
    expect(res.headers.location).toBeUndefined();
    expect(await leads()).toHaveLength(1);
  });

  it('answers a CORS preflight from an allowed origin, and refuses others', async () => {
    const preflight = (origin: string) =>
      t.app.inject({ method: 'OPTIONS', url: '/v1/forms/quote', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    const allowed = await preflight('https://www.example.com');
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://www.example.com');
    expect(allowed.headers['access-control-allow-methods']).toBe('POST');
    const denied = await preflight('https://evil.example.net');
    expect(denied.statusCode).toBe(403);
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows the origin on the post itself only when listed', async () => {
    const ok = await post('quote', webToLead(6), { origin: 'https://www.example.com' });
    expect(ok.headers['access-control-allow-origin']).toBe('https://www.example.com');
    const other = await post('quote', webToLead(7), { origin: 'https://evil.example.net' });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers an unknown form with 404', async () => {
    const res = await post('nope', webToLead(8));
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect((await t.app.inject({ method: 'OPTIONS', url: '/v1/forms/nope', headers: { origin: 'https://www.example.com' } })).statusCode).toBe(404);
  });

  it('answers an invalid lead with 400 naming the fields', async () => {
    const res = await post('quote', webToLead(9, { email: 'not-an-email', retURL: 'https://www.example.com/thanks' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'body.email', message: expect.any(String) }]);
  });

  it('documents the endpoints in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/forms', '/v1/forms/{key}', '/v1/integrations/google-ads/{key}', '/v1/imports']));
    expect(doc.paths['/v1/forms/{key}'].post.requestBody.content).toHaveProperty('application/x-www-form-urlencoded');
    expect(doc.components.schemas).toHaveProperty('FormSource');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORES } from '../store/test-support.js';
import { openTestApp, type TestApp } from './test-support.js';

const GOOGLE_KEY = 'shared-webhook-secret';

const payload = (leadId: string, extra: Record<string, unknown> = {}) => ({
  lead_id: leadId,
  api_version: '1.0',
  form_id: 40000000000,
  campaign_id: 12345678901,
  google_key: GOOGLE_KEY,
  gcl_id: 'gclid-1',
  user_column_data: [
    { column_id: 'FULL_NAME', string_value: 'Pat Jones' },
    { column_id: 'EMAIL', string_value: 'Pat@Example.com' },
    { column_id: 'PHONE_NUMBER', string_value: '+1 415 555 1001' },
    { column_id: 'REGION', string_value: 'CA' },
    { column_id: 'COUNTRY', string_value: 'US' },
    { column_name: 'What are you looking for?', string_value: 'cheaper plan' },
  ],
  ...extra,
});

describe.each(STORES)('the Google Ads webhook on $name', (store) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await openTestApp(store);
    expect((await t.call('admin', 'POST', '/v1/forms', { key: 'ads', name: 'Google Ads', googleKey: GOOGLE_KEY })).statusCode).toBe(201);
  });
  afterEach(async () => t.close());

  const send = (body: object, key = 'ads') => t.app.inject({ method: 'POST', url: `/v1/integrations/google-ads/${key}`, payload: body });
  const leads = async () => (await t.call('admin', 'GET', '/v1/leads')).json().data as Record<string, unknown>[];

  it('captures a lead with the right key: externalId, source and custom fields', async () => {
    const res = await send(payload('lead-1'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({});
    const [lead] = await leads();
    expect(lead).toMatchObject({
      firstName: 'Pat',
      lastName: 'Jones',
      email: 'pat@example.com',
      phone: '+14155551001',
      externalId: 'lead-1',
      source: 'google-ads',
      isTest: false,
      custom: { 'What are you looking for?': 'cheaper plan', gclid: 'gclid-1', googleFormId: '40000000000', googleCampaignId: '12345678901' },
    });
  });

  it('refuses a wrong or missing google_key with 403, capturing nothing', async () => {
    const wrong = await send(payload('lead-2', { google_key: 'guess' }));
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('forbidden');
    const { google_key: _omitted, ...missing } = payload('lead-3');
    expect((await send(missing)).statusCode).toBe(403);
    expect(await leads()).toEqual([]);
  });

  it('refuses a form source without a Google key, and answers an unknown key with 404', async () => {
    await t.call('admin', 'POST', '/v1/forms', { key: 'plain', name: 'Plain' });
    expect((await send(payload('lead-4'), 'plain')).statusCode).toBe(403);
    expect((await send(payload('lead-4'), 'nope')).statusCode).toBe(404);
  });

  it('takes a retry with the same lead_id once', async () => {
    expect((await send(payload('lead-5'))).statusCode).toBe(200);
    expect((await send(payload('lead-5'))).statusCode).toBe(200);
    expect(await leads()).toHaveLength(1);
  });

  it('marks test leads as tests', async () => {
    await send(payload('lead-6', { is_test: true }));
    expect((await leads())[0]).toMatchObject({ externalId: 'lead-6', isTest: true });
  });

  it('answers a payload without lead_id with 400 naming it', async () => {
    const { lead_id: _omitted, ...body } = payload('x');
    const res = await send(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ path: 'body.lead_id' })]);
  });
});

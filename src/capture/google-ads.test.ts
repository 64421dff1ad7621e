import { describe, expect, it } from 'vitest';
import { fromGoogleAdsLead } from './google-ads.js';
import { normalizeLead } from './normalize/index.js';

/** Shaped as the example in Google's lead form webhook documentation. */
const TEST_LEAD = {
  lead_id: 'TeSter-123-ABCDEFGHIJKLMNOPQRSTUVWXYZ-abcdefghijklmnopqrstuvwxyz-0123456789-AaBbCcDdEeFfGgHhIiJjKkLl',
  user_column_data: [
    { column_name: 'Full Name', string_value: 'FirstName LastName', column_id: 'FULL_NAME' },
    { column_name: 'User Phone', string_value: '+16505550123', column_id: 'PHONE_NUMBER' },
    { column_name: 'User Email', string_value: 'test@example.com', column_id: 'EMAIL' },
  ],
  api_version: '1.0',
  form_id: 40000000000,
  campaign_id: 20000000000,
  google_key: 'secret-key-from-the-form',
  is_test: true,
  gcl_id: 'TeSter-123-ABCDEFGHIJKLMNOPQRSTUVWXYZ-abcdefghijklmnopqrstuvwxyz-0123456789-AaBbCcDdEeFfGgHhIiJjKkLl',
  adgroup_id: 10000000000,
  creative_id: 30000000000,
};

/** A B2B form with every standard question and two of the advertiser's own. */
const B2B_LEAD = {
  lead_id: 'Cj0KCQiA-lead-7781',
  api_version: '1.0',
  form_id: 41234567890,
  campaign_id: 21234567890,
  google_key: 'k3y',
  is_test: false,
  user_column_data: [
    { column_id: 'FIRST_NAME', column_name: 'First Name', string_value: 'Søren' },
    { column_id: 'LAST_NAME', column_name: 'Last Name', string_value: 'Kierkegaard' },
    { column_id: 'WORK_EMAIL', column_name: 'Work Email', string_value: 'soren@nordisk-filosofi.dk' },
    { column_id: 'WORK_PHONE', column_name: 'Work Phone', string_value: '+45 32 12 34 56' },
    { column_id: 'COMPANY_NAME', column_name: 'Company Name', string_value: 'Nordisk Filosofi ApS' },
    { column_id: 'JOB_TITLE', column_name: 'Job Title', string_value: 'Head of Sales' },
    { column_id: 'STREET_ADDRESS', column_name: 'Street Address', string_value: 'Nørregade 10' },
    { column_id: 'CITY', column_name: 'City', string_value: 'København' },
    { column_id: 'REGION', column_name: 'Region', string_value: 'Hovedstaden' },
    { column_id: 'POSTAL_CODE', column_name: 'Postal Code', string_value: '1165' },
    { column_id: 'COUNTRY', column_name: 'Country', string_value: 'Denmark' },
    { column_id: 'HOW_MANY_SEATS', column_name: 'How many seats?', string_value: '50-100' },
    { column_id: 'PREFERRED_CONTACT_TIME', string_value: 'Morning' },
  ],
};

function lead(payload: unknown) {
  const result = fromGoogleAdsLead(payload);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.lead;
}

describe('fromGoogleAdsLead', () => {
  it('maps the documented test lead', () => {
    expect(lead(TEST_LEAD)).toEqual({
      fields: {
        firstName: 'FirstName',
        lastName: 'LastName',
        phone: '+16505550123',
        email: 'test@example.com',
        externalId: TEST_LEAD.lead_id,
        source: 'google-ads',
        custom: {
          gclid: TEST_LEAD.gcl_id,
          googleFormId: '40000000000',
          googleCampaignId: '20000000000',
          googleAdGroupId: '10000000000',
          googleCreativeId: '30000000000',
        },
      },
      externalId: TEST_LEAD.lead_id,
      isTest: true,
      googleKey: 'secret-key-from-the-form',
    });
  });

  it('maps every standard question of a B2B form', () => {
    expect(lead(B2B_LEAD).fields).toMatchObject({
      firstName: 'Søren',
      lastName: 'Kierkegaard',
      email: 'soren@nordisk-filosofi.dk',
      phone: '+45 32 12 34 56',
      company: 'Nordisk Filosofi ApS',
      title: 'Head of Sales',
      city: 'København',
      region: 'Hovedstaden',
      postalCode: '1165',
      country: 'Denmark',
    });
  });

  it('keeps the street address and the advertiser’s own questions in custom', () => {
    expect(lead(B2B_LEAD).fields.custom).toEqual({
      street: 'Nørregade 10',
      'How many seats?': '50-100',
      PREFERRED_CONTACT_TIME: 'Morning',
      googleFormId: '41234567890',
      googleCampaignId: '21234567890',
    });
  });

  it('gives fields that normalise cleanly', () => {
    const result = normalizeLead(lead(B2B_LEAD).fields, { defaultCountry: 'US' });
    expect(result).toMatchObject({ ok: true, lead: { country: 'DK', phone: '+4532123456' }, warnings: [] });
  });

  it('prefers EMAIL over WORK_EMAIL and keeps the work email in custom', () => {
    const payload = {
      lead_id: 'l-1',
      user_column_data: [
        { column_id: 'WORK_EMAIL', column_name: 'Work Email', string_value: 'ada@acme.com' },
        { column_id: 'EMAIL', column_name: 'Email', string_value: 'ada@gmail.com' },
      ],
    };
    expect(lead(payload).fields).toMatchObject({ email: 'ada@gmail.com', custom: { 'Work Email': 'ada@acme.com' } });
  });

  it('keeps a full name in custom when first and last name come on their own', () => {
    const payload = {
      lead_id: 'l-2',
      user_column_data: [
        { column_id: 'FULL_NAME', column_name: 'Full Name', string_value: 'Ada King Lovelace' },
        { column_id: 'FIRST_NAME', string_value: 'Ada' },
        { column_id: 'LAST_NAME', string_value: 'Lovelace' },
      ],
    };
    expect(lead(payload).fields).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', custom: { 'Full Name': 'Ada King Lovelace' } });
  });

  it('leaves out blank answers', () => {
    const payload = { lead_id: 'l-3', user_column_data: [{ column_id: 'EMAIL', string_value: 'ada@acme.com' }, { column_id: 'CITY', string_value: ' ' }] };
    expect(lead(payload).fields).toEqual({ email: 'ada@acme.com', externalId: 'l-3', source: 'google-ads' });
  });

  it('takes an id beyond 2^53 sent as a string', () => {
    expect(lead({ lead_id: 'l-4', campaign_id: '9223372036854775807', user_column_data: [] }).fields.custom).toEqual({ googleCampaignId: '9223372036854775807' });
  });

  it('is no test lead unless it says so', () => {
    expect(lead({ lead_id: 'l-5', user_column_data: [] }).isTest).toBe(false);
  });

  it('takes the lead’s source from the options', () => {
    const result = fromGoogleAdsLead({ lead_id: 'l-6' }, { source: 'google-ads-pmax' });
    expect(result.ok && result.lead.fields.source).toBe('google-ads-pmax');
  });

  it('ignores fields Google may add later', () => {
    expect(fromGoogleAdsLead({ ...TEST_LEAD, lead_stage: 'NEW', lead_submit_time: '2024-09-26T12:30:00Z', brand_new_field: 1 }).ok).toBe(true);
  });

  it('rejects a payload without a lead id', () => {
    const { lead_id: _, ...payload } = TEST_LEAD;
    expect(fromGoogleAdsLead(payload)).toEqual({ ok: false, errors: [{ path: 'lead_id', message: expect.stringMatching(/required/) }] });
  });

  it('rejects an answer that is not text, naming where it is', () => {
    const payload = { ...TEST_LEAD, user_column_data: [{ column_id: 'EMAIL', string_value: 42 }] };
    expect(fromGoogleAdsLead(payload)).toEqual({
      ok: false,
      errors: [{ path: 'user_column_data[0].string_value', message: expect.stringMatching(/^expected a string/) }],
    });
  });

  it('rejects answers that are not a list', () => {
    const payload = { ...TEST_LEAD, user_column_data: { EMAIL: 'a@b.com' } };
    expect(fromGoogleAdsLead(payload)).toEqual({ ok: false, errors: [{ path: 'user_column_data', message: expect.stringMatching(/^expected an array/) }] });
  });

  it('rejects an id that is not a number', () => {
    expect(fromGoogleAdsLead({ ...TEST_LEAD, form_id: 'form-4' })).toEqual({ ok: false, errors: [{ path: 'form_id', message: 'expected a numeric id' }] });
  });

  it('rejects a payload that is not an object', () => {
    expect(fromGoogleAdsLead('lead_id=1').ok).toBe(false);
  });
});

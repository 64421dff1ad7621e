import { z } from 'zod';
import { validate } from '../engine/index.js';
import { splitFullName } from './full-name.js';
import type { Problem } from './problems.js';
import { cleanText } from './text.js';

/**
 * The Google Ads lead form webhook: a JSON payload per lead, with the answers as
 * `user_column_data: [{ column_id, string_value, column_name? }]`. Fields Google may add later are
 * ignored, as its documentation asks of receivers.
 */

/** An int64 id: JSON carries it as a number (or, past 2^53, a string); kept as a decimal string. */
const Int64 = z
  .union([z.number().int().nonnegative(), z.string().regex(/^\d+$/, 'expected a numeric id')], { error: 'expected a numeric id' })
  .transform(String);

const Column = z.looseObject({
  column_id: z.string().optional(),
  column_name: z.string().optional(),
  string_value: z.string().optional(),
});

export const GoogleAdsPayload = z.looseObject({
  lead_id: z.string().trim().min(1, 'must not be empty'),
  user_column_data: z.array(Column).max(500).default([]),
  api_version: z.string().optional(),
  form_id: Int64.optional(),
  campaign_id: Int64.optional(),
  adgroup_id: Int64.optional(),
  creative_id: Int64.optional(),
  asset_group_id: Int64.optional(),
  google_key: z.string().optional(),
  is_test: z.boolean().optional(),
  gcl_id: z.string().optional(),
  lead_stage: z.string().optional(),
  lead_submit_time: z.string().optional(),
});
export type GoogleAdsPayload = z.output<typeof GoogleAdsPayload>;

/**
 * The column ids Google documents for the standard questions and where each goes. Where two go
 * to one field the earlier wins (`EMAIL` over `WORK_EMAIL`) and the other is kept in `custom`.
 */
const COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['FIRST_NAME', 'firstName'],
  ['LAST_NAME', 'lastName'],
  ['FULL_NAME', 'fullName'],
  ['EMAIL', 'email'],
  ['WORK_EMAIL', 'email'],
  ['PHONE_NUMBER', 'phone'],
  ['WORK_PHONE', 'phone'],
  ['COMPANY_NAME', 'company'],
  ['JOB_TITLE', 'title'],
  ['STREET_ADDRESS', 'custom.street'],
  ['CITY', 'city'],
  ['REGION', 'region'],
  ['POSTAL_CODE', 'postalCode'],
  ['COUNTRY', 'country'],
];
const RANK = new Map(COLUMNS.map(([id, target], rank) => [id, { target, rank }]));

export interface GoogleAdsLead {
  /**
   * Lead fields for normalizeLead: the answers, `externalId` (the lead id, which Google asks
   * receivers to dedupe on), `source`, and in `custom` the other answers (by `column_name`, else
   * `column_id`) and where the lead came from (`gclid`, `googleFormId`, `googleCampaignId`,
   * `googleAdGroupId`, `googleCreativeId`, `googleAssetGroupId`).
   */
  fields: Record<string, unknown>;
  externalId: string;
  isTest: boolean;
  /** To compare with the form source's key, in constant time, before the lead is taken. */
  googleKey?: string;
}

export type GoogleAdsResult = { ok: true; lead: GoogleAdsLead } | { ok: false; errors: Problem[] };

export interface GoogleAdsOptions {
  /** The lead's `source`; `google-ads` unless the form source says otherwise. */
  source?: string;
}

/** A Google Ads lead form webhook payload, checked, as lead fields. */
export function fromGoogleAdsLead(payload: unknown, options: GoogleAdsOptions = {}): GoogleAdsResult {
  const checked = validate(GoogleAdsPayload, payload);
  if (!checked.ok) return { ok: false, errors: checked.errors.map(({ path, message }) => ({ path, message })) };
  const data = checked.data;

  const winners = new Map<string, { rank: number; key: string; value: string }>();
  const custom = new Map<string, unknown>();
  const answers = data.user_column_data
    .map((column) => ({ ...column, value: cleanText(column.string_value ?? '') }))
    .filter((column): column is typeof column & { value: string } => column.value !== undefined);
  for (const { column_id: id, column_name: name, value } of answers) {
    const rule = id === undefined ? undefined : RANK.get(id);
    const key = name?.trim() || id?.trim() || 'answer';
    if (!rule) custom.set(key, value);
    else if (rule.target.startsWith('custom.')) custom.set(rule.target.slice('custom.'.length), value);
    else {
      const held = winners.get(rule.target);
      if (!held || rule.rank < held.rank) {
        if (held) custom.set(held.key, held.value);
        winners.set(rule.target, { rank: rule.rank, key, value });
      } else custom.set(key, value);
    }
  }

  const fields = new Map<string, unknown>();
  for (const [target, { value }] of winners) if (target !== 'fullName') fields.set(target, value);
  const fullName = winners.get('fullName');
  if (fullName) {
    if (fields.has('firstName') || fields.has('lastName')) custom.set(fullName.key, fullName.value);
    else for (const [field, part] of Object.entries(splitFullName(fullName.value))) fields.set(field, part);
  }
  fields.set('externalId', data.lead_id);
  fields.set('source', options.source ?? 'google-ads');

  const origin: ReadonlyArray<readonly [string, string | undefined]> = [
    ['gclid', data.gcl_id],
    ['googleFormId', data.form_id],
    ['googleCampaignId', data.campaign_id],
    ['googleAdGroupId', data.adgroup_id],
    ['googleCreativeId', data.creative_id],
    ['googleAssetGroupId', data.asset_group_id],
  ];
  for (const [key, value] of origin) if (value && !custom.has(key)) custom.set(key, value);
  if (custom.size > 0) fields.set('custom', Object.fromEntries(custom));

  const lead: GoogleAdsLead = { fields: Object.fromEntries(fields), externalId: data.lead_id, isTest: data.is_test ?? false };
  if (data.google_key !== undefined) lead.googleKey = data.google_key;
  return { ok: true, lead };
}

import type { Lead } from '../../engine/index.js';
import type { Checked, Problem } from '../problems.js';
import { describeType, isPlainObject } from '../values.js';
import { parseAmount } from './amount.js';
import { countryCode, normalizeCountry } from './country.js';
import { cleanCustom } from './custom.js';
import { normalizeEmail } from './email.js';
import { LEAD_FIELDS, isLeadField, readText, type LeadField } from './fields.js';
import { normalizeLanguage } from './language.js';
import { normalizePhone } from './phone.js';
import { normalizePostalCode } from './postal-code.js';
import { normalizeRegion } from './region.js';

export { LEAD_FIELDS, type LeadField, type LeadInput } from './fields.js';

export interface NormalizeOptions {
  /**
   * ISO 3166-1 alpha-2 (or any name `country` accepts): how to read a lead that does not say its
   * country — its phone number, region name and postal code. It does not fill in `country`.
   */
  defaultCountry: string;
}

/**
 * The lead in normal form, and what was wrong with the input. `errors` reject the lead (the HTTP
 * layer answers 400 with them); `warnings` do not: the field is kept as given and the warning is
 * worth showing. `lead` is filled as far as it could be either way.
 *
 * Errors: the input is not an object; an unknown field; a field of the wrong type (an object where
 * text belongs, `custom` not an object); text longer than 500 characters; an email that is not an
 * email address; a `value` that is not an amount of 0 or more; a lead with none of email, phone,
 * firstName, lastName or company.
 *
 * Warnings (kept as given): a phone number that is not valid for its country; a country that is not
 * recognised; a US or Canadian region, or a US, CA, GB, DE, FR, IT or ES postal code, that does not
 * fit the lead's own country; a language that is not recognised.
 */
export interface NormalizeResult {
  ok: boolean;
  lead: Lead;
  errors: Problem[];
  warnings: Problem[];
}

/** Text fields only trimmed (and whitespace runs made one space) and otherwise kept as given. */
const PLAIN_FIELDS = ['firstName', 'lastName', 'company', 'title', 'industry', 'city', 'product', 'source'] as const;

/** Fields that make a lead someone to call: a lead with none of them is refused. */
const IDENTIFYING_FIELDS = ['email', 'phone', 'firstName', 'lastName', 'company'] as const;

/**
 * Trims, checks and normalises a lead as it arrives (from the JSON API, a mapped form post, a
 * Google Ads lead, a CSV row) into the engine's Lead. Pure: data in, data out.
 */
export function normalizeLead(input: unknown, options: NormalizeOptions): NormalizeResult {
  const defaultCountry = countryCode(options.defaultCountry);
  if (!defaultCountry) throw new RangeError(`defaultCountry: not a known country: "${options.defaultCountry}"`);
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const lead: Lead = {};
  if (!isPlainObject(input)) {
    errors.push({ path: '', message: `expected an object with lead fields, got ${describeType(input)}` });
    return { ok: false, lead, errors, warnings };
  }

  const note = <T>(path: string, checked: Checked<T>): T | undefined => {
    if (checked.error) errors.push({ path, message: checked.error });
    if (checked.warning) warnings.push({ path, message: checked.warning });
    return checked.value;
  };
  /** The field's text as received, or undefined (with an error noted when it is not text). */
  const text = (field: LeadField, line = true) => note(field, readText(input[field], line));

  for (const key of Object.keys(input)) {
    if (!isLeadField(key)) errors.push({ path: key, message: `unknown field (lead fields are ${LEAD_FIELDS.join(', ')})` });
  }

  for (const field of PLAIN_FIELDS) {
    const value = text(field);
    if (value !== undefined) lead[field] = value;
  }

  const countryText = text('country');
  if (countryText !== undefined) lead.country = note('country', normalizeCountry(countryText));
  const givenCountry = countryText === undefined ? undefined : countryCode(countryText);
  const country = givenCountry ?? defaultCountry;

  const email = text('email');
  if (email !== undefined) lead.email = note('email', normalizeEmail(email));

  const phone = text('phone');
  let phoneExtension: string | undefined;
  if (phone !== undefined) {
    const checked = normalizePhone(phone, country);
    lead.phone = note('phone', checked);
    phoneExtension = checked.extension;
  }

  const region = text('region');
  if (region !== undefined) lead.region = note('region', normalizeRegion(region, country, givenCountry !== undefined));

  const postalCode = text('postalCode');
  if (postalCode !== undefined) {
    const checked = normalizePostalCode(postalCode, country);
    lead.postalCode = checked.value;
    if (givenCountry) note('postalCode', checked);
  }

  const language = text('language');
  if (language !== undefined) lead.language = note('language', normalizeLanguage(language));

  const value = readValue(input.value);
  if (value !== undefined) lead.value = note('value', value);

  const externalId = text('externalId', false);
  if (externalId !== undefined) lead.externalId = externalId;

  const custom = input.custom === undefined || input.custom === null ? {} : note('custom', cleanCustom(input.custom)) ?? {};
  if (phoneExtension !== undefined && !('phoneExtension' in custom)) custom.phoneExtension = phoneExtension;
  if (Object.keys(custom).length > 0) lead.custom = custom;

  if (!IDENTIFYING_FIELDS.some((field) => lead[field] !== undefined) && !errors.some((e) => IDENTIFYING_FIELDS.some((f) => f === e.path))) {
    errors.push({ path: '', message: `a lead needs at least one of ${IDENTIFYING_FIELDS.join(', ')}` });
  }
  return { ok: errors.length === 0, lead, errors, warnings };
}

/** `value` as received: a number, or text that reads as an amount; blank is absent. */
function readValue(raw: unknown): Checked<number> | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'number') return parseAmount(raw);
  if (typeof raw !== 'string') return { error: `expected a number, got ${describeType(raw)}` };
  return raw.trim() === '' ? undefined : parseAmount(raw);
}

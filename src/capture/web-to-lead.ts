import { LEAD_FIELDS } from './normalize/fields.js';
import { mapFormFields, type FieldTarget, type FormFields, type MappedForm } from './form-fields.js';

/**
 * Salesforce Web-to-Lead field names, as the forms it generates post them, and where each goes.
 * Where two go to one field, the earlier wins (`state_code` over `state`, `phone` over `mobile`)
 * and the other is kept in `custom`. Names that are not here — `description`, `URL`, `street`,
 * `salutation`, `revenue`, `employees`, `Campaign_ID`, custom fields by their Salesforce id
 * (`00N5e00000ABCDE`) — go to `custom` under their own names.
 */
export const WEB_TO_LEAD_FIELDS: ReadonlyArray<readonly [string, FieldTarget]> = [
  ['first_name', 'firstName'],
  ['last_name', 'lastName'],
  ['name', 'fullName'],
  ['full_name', 'fullName'],
  ['email', 'email'],
  ['company', 'company'],
  ['title', 'title'],
  ['industry', 'industry'],
  ['phone', 'phone'],
  ['mobile', 'phone'],
  ['city', 'city'],
  ['state_code', 'region'],
  ['state', 'region'],
  ['zip', 'postalCode'],
  ['country_code', 'country'],
  ['country', 'country'],
  ['lead_source', 'source'],
  // leadrouter's own names are welcome too (matched loosely, so `firstName` and `postal_code`).
  ...LEAD_FIELDS.filter((field) => field !== 'custom').map((field) => [field, field] as const),
];

/**
 * Fields that steer the post rather than describe the lead, dropped: the organisation id, debug
 * switches, the encoding, captcha answers, the submit button. `retURL` is returned apart.
 */
export const TRANSPORT_FIELDS: readonly string[] = [
  'oid',
  'orgid',
  'retURL',
  'debug',
  'debugEmail',
  'encoding',
  'captcha_settings',
  'g-recaptcha-response',
  'h-captcha-response',
  'submit',
];

export interface FormSource {
  /** The form source's own mapping, form field -> lead field or `custom.<name>`; it wins over the names above. */
  mapping?: Readonly<Record<string, FieldTarget>>;
  /** The honeypot field's name: a post that fills it in is spam. */
  honeypot?: string;
}

export interface WebToLeadForm extends MappedForm {
  /** `retURL` as posted, where Web-to-Lead sends the browser next; unchecked (an open redirect unless matched against the form's thank-you URL). */
  returnUrl?: string;
}

/**
 * A form post (Web-to-Lead names, leadrouter names, or the form source's own mapping) as lead
 * fields for normalizeLead. Every form source goes through here; one without a mapping takes the
 * names as they are.
 */
export function fromWebToLead(form: FormFields, source: FormSource = {}): WebToLeadForm {
  const mapped = mapFormFields(form, { ...source, known: WEB_TO_LEAD_FIELDS, drop: TRANSPORT_FIELDS });
  const returnUrl = firstValue(form, 'retURL');
  return returnUrl === undefined ? mapped : { ...mapped, returnUrl };
}

function firstValue(form: FormFields, name: string): string | undefined {
  const values: unknown[] = [];
  if (Symbol.iterator in form) {
    for (const [key, value] of form as Iterable<readonly [string, string]>) if (key === name) values.push(value);
  } else {
    const value = (form as Readonly<Record<string, unknown>>)[name];
    values.push(...(Array.isArray(value) ? value : [value]));
  }
  return values.find((v): v is string => typeof v === 'string' && v.trim() !== '')?.trim();
}

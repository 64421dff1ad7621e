import type { Checked } from '../problems.js';
import { cleanLine, cleanText } from '../text.js';
import { describeType } from '../values.js';

/** The lead fields a capture accepts, as PRODUCT.md §9 names them. */
export const LEAD_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'company',
  'title',
  'industry',
  'country',
  'region',
  'city',
  'postalCode',
  'language',
  'product',
  'value',
  'source',
  'externalId',
  'custom',
] as const;

export type LeadField = (typeof LEAD_FIELDS)[number];

/**
 * A lead as it arrives from the API, a form or a CSV row: every field optional, text as strings
 * or numbers (a spreadsheet makes a postal code or a phone a number), null for absent.
 */
export type LeadInput = {
  [F in Exclude<LeadField, 'custom'>]?: string | number | null;
} & { custom?: Record<string, unknown> | null };

const FIELD_SET: ReadonlySet<string> = new Set(LEAD_FIELDS);

export function isLeadField(name: string): name is LeadField {
  return FIELD_SET.has(name);
}

/** Longer than this is no lead field but something pasted by mistake (or worse). */
export const MAX_TEXT_LENGTH = 500;

/**
 * A text field as received: a string or a finite number (written in decimal), trimmed; `line`
 * also makes each run of whitespace inside one space. Null, undefined and blank are absent.
 */
export function readText(raw: unknown, line = true): Checked<string> {
  if (raw === undefined || raw === null) return {};
  let text: string;
  if (typeof raw === 'string') text = raw;
  else if (typeof raw === 'number' && Number.isFinite(raw)) text = String(raw);
  else return { error: `expected text, got ${describeType(raw)}` };
  const value = line ? cleanLine(text) : cleanText(text);
  if (value !== undefined && value.length > MAX_TEXT_LENGTH) return { error: `expected at most ${MAX_TEXT_LENGTH} characters` };
  return value === undefined ? {} : { value };
}

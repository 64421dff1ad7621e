import { z } from 'zod';
import type { Lead } from '../engine/index.js';

/**
 * Leads as files carry them: JSON objects with the lead's fields, or CSV rows whose header names
 * them. Both go through LeadRecord, so they are checked the same way.
 */

const Text = z
  .union([z.string(), z.number()], { error: 'expected text' })
  .transform((v) => String(v).trim())
  .nullish();

const Numeric = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .refine((s) => s === '' || Number.isFinite(Number(s)), 'expected a number')
      .transform((s) => (s === '' ? null : Number(s))),
  ], { error: 'expected a number' })
  .nullish();

export const LeadRecord = z.strictObject({
  id: Text,
  externalId: Text,
  firstName: Text,
  lastName: Text,
  email: Text,
  phone: Text,
  company: Text,
  title: Text,
  industry: Text,
  country: Text,
  region: Text,
  city: Text,
  postalCode: Text,
  language: Text,
  product: Text,
  value: Numeric,
  source: Text,
  custom: z.record(z.string(), z.unknown()).nullish(),
  /** The account the lead matched, and its owner: what the account-match step would add. */
  account: z.strictObject({ id: z.string().min(1), ownerId: z.string().nullish() }).nullish(),
  previousOwnerId: Text,
});

/** Plain lead fields a CSV column may name; other columns are `custom.<name>`, `account.id`, `account.ownerId`. */
const PLAIN_COLUMNS = Object.keys(LeadRecord.shape).filter((k) => k !== 'custom' && k !== 'account');
export const CSV_COLUMNS = [...PLAIN_COLUMNS, 'custom.<name>', 'account.id', 'account.ownerId'];

/** Why a CSV header cell is not a column leadrouter knows, or null when it is one. */
export function unknownColumn(column: string): string | null {
  if (PLAIN_COLUMNS.includes(column)) return null;
  if (/^custom\.[^.\s]+$/.test(column)) return null;
  if (column === 'account.id' || column === 'account.ownerId') return null;
  return `unknown column "${column}" (expected ${CSV_COLUMNS.join(', ')})`;
}

/** One CSV row as a lead-shaped object: empty cells are absent fields. */
export function rowToRecord(columns: readonly string[], cells: readonly string[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const custom: Record<string, string> = {};
  const account: Record<string, string> = {};
  columns.forEach((column, i) => {
    const cell = cells[i]?.trim() ?? '';
    if (cell === '') return;
    if (column.startsWith('custom.')) custom[column.slice('custom.'.length)] = cell;
    else if (column.startsWith('account.')) account[column.slice('account.'.length)] = cell;
    else record[column] = cell;
  });
  if (Object.keys(custom).length > 0) record.custom = custom;
  if (Object.keys(account).length > 0) record.account = account;
  return record;
}

/** How a lead is named in output: `Ada Lovelace <ada@example.com>`, else company, id or email. */
export function leadLabel(lead: Lead, index: number): string {
  const name = [lead.firstName, lead.lastName].filter(Boolean).join(' ');
  const who = name || lead.company || lead.externalId || lead.id || '';
  if (who && lead.email) return `${who} <${lead.email}>`;
  return who || lead.email || `lead ${index + 1}`;
}

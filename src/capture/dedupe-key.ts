import type { Lead } from '../engine/index.js';

/**
 * The keys under which a lead can be a duplicate of an open lead (PRODUCT.md §2): its email
 * address and its phone number in E.164. The store keeps open leads under these keys; a new lead
 * that shares one is linked to that lead, not routed again.
 */
export interface DedupeKey {
  kind: 'email' | 'phone';
  value: string;
}

export function dedupeKeys(lead: Pick<Lead, 'email' | 'phone'>): DedupeKey[] {
  const keys: DedupeKey[] = [];
  const email = lead.email ? emailKey(lead.email) : undefined;
  if (email) keys.push({ kind: 'email', value: email });
  const phone = lead.phone ? phoneKey(lead.phone) : undefined;
  if (phone) keys.push({ kind: 'phone', value: phone });
  return keys;
}

/** Domains whose mailboxes ignore dots in the local part, and the domain they are one with. */
const DOTLESS_DOMAINS: Readonly<Record<string, string>> = { 'gmail.com': 'gmail.com', 'googlemail.com': 'gmail.com' };

/**
 * The mailbox an address delivers to, as a key: lowercased, without a `+tag` (sub-addressing:
 * `ada+webinar@acme.com` is `ada@acme.com`), and for Gmail without dots and as gmail.com.
 */
export function emailKey(email: string): string | undefined {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return undefined;
  let local = address.slice(0, at);
  let domain = address.slice(at + 1).replace(/\.$/, '');
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  const dotless = DOTLESS_DOMAINS[domain];
  if (dotless) {
    local = local.replace(/\./g, '');
    domain = dotless;
  }
  return `${local}@${domain}`;
}

/** A phone number that normalisation made E.164 (`+14155552671`); one kept as typed is no key. */
export function phoneKey(phone: string): string | undefined {
  return /^\+[1-9]\d{6,14}$/.test(phone) ? phone : undefined;
}

import type { Lead } from '../engine/index.js';
import { isFreeMailDomain } from './free-mail.js';
import { nameKey } from './text.js';

/**
 * The keys by which a lead can match an account that already has an owner (PRODUCT.md §2): the
 * domain of its email address, unless that is a free-mail domain, and its company name reduced
 * to what identifies it. The store looks both up; either may match.
 */
export interface AccountKey {
  kind: 'domain' | 'company';
  value: string;
}

export function accountKeys(lead: Pick<Lead, 'email' | 'company'>): AccountKey[] {
  const keys: AccountKey[] = [];
  const domain = lead.email ? emailDomain(lead.email) : undefined;
  if (domain && !isFreeMailDomain(domain)) keys.push({ kind: 'domain', value: domain });
  const company = lead.company ? companyKey(lead.company) : undefined;
  if (company) keys.push({ kind: 'company', value: company });
  return keys;
}

/** `Ada@Sales.Acme.com` -> `sales.acme.com`; undefined when there is no `@` with a domain after it. */
export function emailDomain(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  const domain = at < 0 ? '' : email.slice(at + 1).trim().toLowerCase().replace(/\.$/, '');
  return domain.includes('.') ? domain : undefined;
}

/**
 * Legal forms and their abbreviations, as words left once the name is folded and its dots are
 * dropped ("S.à r.l." -> "sa rl", "Sp. z o.o." -> "sp z oo"): each is the words run together.
 */
const LEGAL_FORMS = new Set([
  // English-speaking countries
  'inc', 'incorporated', 'llc', 'llp', 'lp', 'lllp', 'pllc', 'pc', 'ltd', 'limited', 'plc', 'corp', 'corporation',
  'co', 'company', 'pty', 'pte', 'pvt', 'private', 'lc',
  // German-speaking countries
  'gmbh', 'mbh', 'ag', 'kg', 'ohg', 'ug', 'ev', 'gbr', 'kgaa', 'se',
  // French, Spanish, Portuguese, Italian
  'sa', 'sas', 'sasu', 'sarl', 'eurl', 'sca', 'snc', 'sl', 'slu', 'sau', 'srl', 'srls', 'spa', 'sapa', 'ltda', 'cia', 'sadecv', 'sabdecv', 'srldecv', 'cv',
  // Benelux, Nordics, elsewhere in Europe
  'bv', 'nv', 'bvba', 'vof', 'ab', 'as', 'asa', 'aps', 'oy', 'oyj', 'hf', 'spzoo', 'sro', 'doo', 'kft', 'zrt', 'nyrt',
  // Asia
  'kk', 'bhd', 'sdnbhd', 'tbk',
]);

/** How many words a legal form can take ("sa de cv", "sdn bhd"). */
const LONGEST_FORM = 3;

/**
 * A company name reduced to what identifies it, so that "Acme, Inc.", "ACME Incorporated" and
 * "Acme Co., Ltd." all give "acme": folded (lowercase, accents and special letters as plain
 * letters), punctuation dropped, `&` and "and" dropped, a leading "the" dropped, and legal forms
 * dropped from the end, one after another. A name that is nothing but a legal form is kept.
 */
export function companyKey(company: string): string | undefined {
  const words = nameKey(company)
    .split(' ')
    .filter((word) => word !== '' && word !== 'and');
  if (words[0] === 'the' && words.length > 1) words.shift();
  let end = words.length;
  for (let found = true; found; ) {
    found = false;
    for (let n = Math.min(LONGEST_FORM, end - 1); n >= 1; n--) {
      if (LEGAL_FORMS.has(words.slice(end - n, end).join(''))) {
        end -= n;
        found = true;
        break;
      }
    }
  }
  const key = words.slice(0, end).join(' ');
  return key === '' ? undefined : key;
}

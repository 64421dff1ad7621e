import { z } from 'zod';
import type { Checked } from '../problems.js';

const Email = z.email();

/** RFC 5321: an address longer than this cannot be delivered to. */
const MAX_LENGTH = 254;

/**
 * An email address lowercased and checked with zod's practical email pattern. A domain in Unicode
 * (`bücher.de`) is checked in its ASCII form, and letters outside ASCII in the part before the `@`
 * are allowed; the address is stored as typed. An address that does not pass is
 * an error: a lead without a reachable email must say so to whoever sent it.
 */
export function normalizeEmail(text: string): Checked<string> {
  const email = text.toLowerCase();
  if (email.length > MAX_LENGTH) return { error: `not a valid email address (longer than ${MAX_LENGTH} characters)` };
  const at = email.lastIndexOf('@');
  const domain = at < 0 ? '' : asciiDomain(email.slice(at + 1));
  // An internationalised local part (RFC 6531: `jürgen@…`) is checked as if its letters were ASCII.
  const local = email.slice(0, Math.max(at, 0)).replace(/[^\p{ASCII}]/gu, (c) => (/[\p{L}\p{N}\p{M}]/u.test(c) ? 'a' : c));
  if (domain === undefined || !Email.safeParse(`${local}@${domain}`).success) {
    return { error: 'not a valid email address' };
  }
  return { value: email };
}

/** `bücher.de` -> `xn--bcher-kva.de`, through the WHATWG URL parser; undefined when it is no host name. */
function asciiDomain(domain: string): string | undefined {
  if (/^[\x20-\x7e]*$/.test(domain)) return domain;
  if (/[\s/?#@:[\]\\%]/.test(domain)) return undefined;
  try {
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return undefined;
  }
}

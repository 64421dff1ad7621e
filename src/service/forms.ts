import { checkFieldMapping, type Problem } from '../capture/index.js';
import type { Database } from '../store/database.js';
import { getForm as findForm, insertForm, listForms as listStoredForms, type StoredForm } from '../store/repositories/forms.js';
import type { Clock } from './clock.js';
import { createUnder } from './create-under.js';
import { ServiceError } from './errors.js';

export type { StoredForm } from '../store/repositories/forms.js';

/** A form source as an admin describes it; the shapes are checked by the HTTP layer. */
export interface NewFormInput {
  key: string;
  name: string;
  mapping?: Record<string, unknown> | undefined;
  honeypot?: string | null | undefined;
  thankYouUrl?: string | null | undefined;
  allowedRedirectHosts?: readonly string[] | undefined;
  allowedOrigins?: readonly string[] | undefined;
  googleKey?: string | null | undefined;
  source?: string | null | undefined;
}

const under = (part: string, path: string) => (path === '' ? part : path.startsWith('[') ? `${part}${path}` : `${part}.${path}`);

/** `https://Example.com/x` -> `https://example.com`; undefined when it is not an http(s) origin. */
function originOf(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

function httpUrl(value: string): boolean {
  return originOf(value) !== undefined;
}

/** Creates a form source; the mapping is checked against the lead's fields. 409 for a key taken. */
export async function createForm(db: Database, input: NewFormInput, clock: Clock): Promise<StoredForm> {
  const problems: Problem[] = checkFieldMapping(input.mapping ?? {}).map((p) => ({ ...p, path: under('mapping', p.path) }));
  if (input.thankYouUrl && !httpUrl(input.thankYouUrl)) problems.push({ path: 'thankYouUrl', message: 'expected an http(s) URL' });
  const origins: string[] = [];
  (input.allowedOrigins ?? []).forEach((value, i) => {
    const origin = originOf(value);
    if (origin === undefined) problems.push({ path: `allowedOrigins[${i}]`, message: 'expected an origin such as https://www.example.com' });
    else origins.push(origin);
  });
  if (problems.length > 0) throw new ServiceError('invalid', `the form source has ${problems.length} problem(s)`, problems);
  return db.transaction().execute(async (trx) => {
    const insert = insertForm(
      trx,
      {
        key: input.key,
        name: input.name,
        mapping: (input.mapping ?? {}) as Record<string, string>,
        honeypot: input.honeypot ?? null,
        thankYouUrl: input.thankYouUrl ?? null,
        allowedRedirectHosts: [...new Set((input.allowedRedirectHosts ?? []).map((h) => h.trim().toLowerCase()))],
        allowedOrigins: [...new Set(origins)],
        googleKey: input.googleKey ?? null,
        source: input.source ?? null,
      },
      clock.now(),
    );
    await createUnder(insert, () => new ServiceError('conflict', `a form "${input.key}" exists already`, [{ path: 'key', message: 'taken' }]));
    return (await findForm(trx, input.key))!;
  });
}

export async function listForms(db: Database): Promise<StoredForm[]> {
  return listStoredForms(db);
}

/** The form source with this key; 404 when there is none. */
export async function getForm(db: Database, key: string): Promise<StoredForm> {
  const form = await findForm(db, key);
  if (!form) throw new ServiceError('not_found', `no form "${key}"`);
  return form;
}

/**
 * Where to send the browser after a post: `retURL` if given, else the thank-you URL, but only
 * to an http(s) URL on the thank-you URL's host or an allowed redirect host (never an open
 * redirect). Undefined when there is nowhere allowed to go.
 */
export function redirectFor(form: StoredForm, returnUrl: string | undefined): string | undefined {
  const target = returnUrl ?? form.thankYouUrl ?? undefined;
  if (target === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const hosts = new Set(form.allowedRedirectHosts);
  if (form.thankYouUrl) hosts.add(new URL(form.thankYouUrl).hostname);
  return hosts.has(url.hostname.toLowerCase()) ? url.href : undefined;
}

/** Whether a browser page at `origin` may post to the form (CORS). */
export function originAllowed(form: StoredForm, origin: string | undefined): origin is string {
  return origin !== undefined && form.allowedOrigins.includes(originOf(origin) ?? '');
}

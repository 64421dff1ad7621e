import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level: equal values, equal text, whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/** The hash an Idempotency-Key is stored with: SHA-256 of the canonical JSON of the body. */
export const requestHash = (body: unknown): string => createHash('sha256').update(canonicalJson(body), 'utf8').digest('hex');

import type { Checked } from '../problems.js';
import { cleanText } from '../text.js';
import { describeType, isPlainObject } from '../values.js';

/** Nesting deeper than this is no form data: refused rather than walked. */
const MAX_DEPTH = 8;

const TOO_DEEP = Symbol('too deep');

/**
 * The free-form `custom` object, kept as it is but for text: strings are trimmed, and entries
 * (or list items) whose value is empty — a blank string, null — are left out, as empty lead
 * fields are. Anything but a plain object is an error.
 */
export function cleanCustom(input: unknown): Checked<Record<string, unknown>> {
  if (!isPlainObject(input)) return { error: `expected an object, got ${describeType(input)}` };
  const cleaned = cleanValue(input, 0);
  if (cleaned === TOO_DEEP) return { error: `nested deeper than ${MAX_DEPTH} levels` };
  return isPlainObject(cleaned) && Object.keys(cleaned).length > 0 ? { value: cleaned } : {};
}

function cleanValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return TOO_DEEP;
  const items = Array.isArray(value) ? value.map((item) => [undefined, item] as const) : Object.entries(value);
  const kept: [string | undefined, unknown][] = [];
  for (const [key, item] of items) {
    const cleaned = cleanValue(item, depth + 1);
    if (cleaned === TOO_DEEP) return TOO_DEEP;
    if (cleaned !== undefined && cleaned !== null) kept.push([key, cleaned]);
  }
  if (Array.isArray(value)) return kept.map(([, item]) => item);
  // fromEntries defines own properties, so a key such as "__proto__" stays a plain key.
  return Object.fromEntries(kept);
}

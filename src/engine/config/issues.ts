import type { z } from 'zod';
import { formatPath, type ConfigError, type ConfigPath } from './errors.js';
import type { ParsedText } from './parse.js';

type Issue = z.core.$ZodIssue;

export interface PathMessage {
  path: ConfigPath;
  message: string;
}

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);
const describeType = (value: unknown) => (Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value);
const DEFAULT_MESSAGE = /^(Invalid|Too (small|big))/;

function sizeMessage(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): string {
  const small = issue.code === 'too_small';
  const bound = Number(small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum);
  const inclusive = issue.inclusive !== false;
  if (issue.origin === 'string') return small && bound === 1 ? 'must not be empty' : `expected ${small ? 'at least' : 'at most'} ${bound} characters`;
  if (issue.origin === 'array' || issue.origin === 'set') return `expected ${small ? 'at least' : 'at most'} ${bound} item${bound === 1 ? '' : 's'}`;
  return `expected ${small ? (inclusive ? 'at least' : 'more than') : inclusive ? 'at most' : 'less than'} ${bound}`;
}

/** One zod issue in plain words; a message the schema wrote itself is kept as it is. */
function plainMessage(issue: Issue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = issue.expected === 'int' ? 'whole number' : issue.expected;
      return input === undefined ? `is required (${article(expected)})` : `expected ${article(expected)}, got ${typeof input === 'number' ? input : describeType(input)}`;
    }
    case 'unrecognized_keys':
      return issue.message.startsWith('unknown') ? issue.message : `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return DEFAULT_MESSAGE.test(issue.message) ? `expected one of ${issue.values.map((v) => String(v)).join(', ')}` : issue.message;
    case 'too_small':
    case 'too_big':
      return DEFAULT_MESSAGE.test(issue.message) ? sizeMessage(issue) : issue.message;
    case 'invalid_format':
      return DEFAULT_MESSAGE.test(issue.message) ? `has the wrong format (${issue.format})` : issue.message;
    default:
      return issue.message;
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * A failed union says only "expected one of …". When an object or list was given and one option
 * of that shape exists, that option's own problems say more (`assign.strategy: expected one of …`).
 */
export function flattenIssues(issues: readonly Issue[], value: unknown, base: ConfigPath = []): PathMessage[] {
  const out: PathMessage[] = [];
  for (const issue of issues) {
    const input = valueAt(value, issue.path);
    const path = [...base, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
    if (issue.code === 'invalid_union' && issue.errors.length > 0 && typeof input === 'object' && input !== null) {
      const plausible = issue.errors
        .filter((branch) => branch.length > 0 && !branch.some((i) => i.path.length === 0 && i.code === 'invalid_type'))
        .sort((a, b) => a.length - b.length)[0];
      if (plausible) {
        out.push(...flattenIssues(plausible, input, path));
        continue;
      }
    }
    out.push({ path, message: plainMessage(issue, input) });
  }
  return out;
}

/** Problems as errors with their formatted path and, when read from text, their line; duplicates dropped. */
export function locate(list: readonly PathMessage[], parsed?: ParsedText): ConfigError[] {
  const seen = new Set<string>();
  const errors: ConfigError[] = [];
  for (const { path, message } of list) {
    const error: ConfigError = { path: formatPath(path), message };
    const key = `${error.path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const pos = parsed?.lineOf(path);
    if (pos) {
      error.line = pos.line;
      error.column = pos.column;
    }
    errors.push(error);
  }
  return errors;
}

/**
 * Validates `value` against a schema, with every error located: `base` is where the value sits
 * in the document `parsed` was read from, when it was read from text.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  parsed?: ParsedText,
  base: ConfigPath = [],
): { ok: true; data: z.output<S> } | { ok: false; errors: ConfigError[] } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: locate(flattenIssues(result.error.issues, value, base), parsed) };
}

import { RE2JS } from 're2js';
import type { MatcherInput, OperatorsInput } from '../config/schema.js';
import type { ConfigPath, Problems } from '../config/errors.js';
import { PrefixMap } from '../prefix-map.js';
import { asNumber, exists, show, valueKey } from './values.js';

/** A compiled test on one field value, with how to say it in an explanation (`value >= 50000`). */
export interface ValueMatcher {
  test(value: unknown): boolean;
  /** The test as text after the field name, e.g. `>= 50000`, `in [a, b]`. */
  text: string;
}

type Scalar = string | number | boolean;

const isOperators = (m: MatcherInput): m is OperatorsInput => typeof m === 'object' && m !== null && !Array.isArray(m);

/** A configured number compares numerically (`value: 50000` holds for "50000.00"); anything else as text. */
function scalarKey(value: Scalar): string | undefined {
  return typeof value === 'number' ? `#${value}` : valueKey(value);
}

function keyOf(value: unknown, numeric: boolean): string | undefined {
  if (numeric) {
    const n = asNumber(value);
    if (n !== undefined) return `#${n}`;
  }
  return valueKey(value);
}

function equalsMatcher(expected: Scalar): ValueMatcher {
  const key = scalarKey(expected);
  const numeric = typeof expected === 'number';
  return { test: (value) => keyOf(value, numeric) === key, text: `= ${show(expected)}` };
}

function inMatcher(list: readonly Scalar[]): ValueMatcher {
  const keys = new Set(list.map(scalarKey));
  const numeric = list.some((v) => typeof v === 'number');
  return {
    test: (value) => {
      const key = keyOf(value, numeric);
      return keys.has(key) || (numeric && keys.has(valueKey(value)));
    },
    text: `in ${show(list)}`,
  };
}

type Comparison = 'gte' | 'gt' | 'lte' | 'lt';
const COMPARE: Record<Comparison, { symbol: string; holds: (order: number) => boolean }> = {
  gte: { symbol: '>=', holds: (o) => o >= 0 },
  gt: { symbol: '>', holds: (o) => o > 0 },
  lte: { symbol: '<=', holds: (o) => o <= 0 },
  lt: { symbol: '<', holds: (o) => o < 0 },
};

/**
 * A numeric bound (even written as text) compares numbers, and nothing else holds; any other
 * bound compares text, ignoring case (ISO dates, fixed-width codes).
 */
function rangeMatcher(op: Comparison, bound: number | string): ValueMatcher {
  const { symbol, holds } = COMPARE[op];
  const numericBound = asNumber(bound);
  const textBound = String(bound).trim().toLowerCase();
  return {
    test: (value) => {
      if (value === null || value === undefined) return false;
      if (numericBound !== undefined) {
        const n = asNumber(value);
        return n !== undefined && holds(n - numericBound);
      }
      const s = String(value).trim().toLowerCase();
      return s !== '' && holds(s < textBound ? -1 : s > textBound ? 1 : 0);
    },
    text: `${symbol} ${show(bound)}`,
  };
}

function prefixMatcher(prefixes: string | string[]): ValueMatcher {
  const list = Array.isArray(prefixes) ? prefixes : [prefixes];
  const index = new PrefixMap<true>();
  for (const prefix of list) index.add(prefix, true);
  return {
    test: (value) => {
      const key = valueKey(value);
      return key !== undefined && index.hasPrefixOf(key);
    },
    text: `starts with ${show(list.length === 1 ? list[0] : list)}`,
  };
}

function regexMatcher(pattern: string, path: ConfigPath, problems: Problems): ValueMatcher | undefined {
  try {
    // RE2 matches in time linear in the input, so no pattern can hang the engine. Like every
    // other comparison, it ignores case; the plain compile reports syntax errors as written.
    RE2JS.compile(pattern);
    const re = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
    return {
      test: (value) => (typeof value === 'string' || typeof value === 'number') && re.test(String(value)),
      text: `matches /${pattern}/`,
    };
  } catch (error) {
    problems.add(path, `invalid regular expression: ${(error as Error).message}`);
    return undefined;
  }
}

export function allOf(matchers: ValueMatcher[]): ValueMatcher {
  if (matchers.length === 1) return matchers[0]!;
  return { test: (value) => matchers.every((m) => m.test(value)), text: matchers.map((m) => m.text).join(' and ') };
}

export function negate(matcher: ValueMatcher): ValueMatcher {
  const text = matcher.text.startsWith('= ') ? `!= ${matcher.text.slice(2)}` : `not ${matcher.text}`;
  return { test: (value) => !matcher.test(value), text };
}

/** Compiles a matcher as written in the configuration. Reports problems at `path` and returns undefined on error. */
export function compileMatcher(input: MatcherInput, path: ConfigPath, problems: Problems): ValueMatcher | undefined {
  if (Array.isArray(input)) return inMatcher(input);
  if (!isOperators(input)) return equalsMatcher(input);
  const parts: ValueMatcher[] = [];
  let failed = false;
  const keep = (m: ValueMatcher | undefined) => (m ? parts.push(m) : (failed = true));
  for (const [op, arg] of Object.entries(input) as [keyof OperatorsInput, unknown][]) {
    if (arg === undefined) continue;
    switch (op) {
      case 'eq':
        keep(equalsMatcher(arg as Scalar));
        break;
      case 'in':
        keep(inMatcher(arg as Scalar[]));
        break;
      case 'not': {
        const inner = compileMatcher(arg as MatcherInput, [...path, 'not'], problems);
        keep(inner && negate(inner));
        break;
      }
      case 'gte':
      case 'gt':
      case 'lte':
      case 'lt':
        keep(rangeMatcher(op, arg as number | string));
        break;
      case 'prefix':
        keep(prefixMatcher(arg as string | string[]));
        break;
      case 'regex':
        keep(regexMatcher(arg as string, [...path, 'regex'], problems));
        break;
      case 'exists':
        keep(arg ? { test: exists, text: 'exists' } : { test: (v) => !exists(v), text: 'is missing' });
        break;
    }
  }
  return failed ? undefined : allOf(parts);
}

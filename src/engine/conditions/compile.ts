import { LEAD_FIELDS, SPECIAL_FIELDS, type ConditionInput, type MatcherInput } from '../config/schema.js';
import type { ConfigPath, Problems } from '../config/errors.js';
import { WEEKDAYS } from '../model.js';
import { isValidSpan } from '../time/weekly-hours.js';
import { minuteOfDay } from '../time/zone-clock.js';
import type { EvalContext } from './context.js';
import { fieldReader } from './fields.js';
import { compileMatcher, type ValueMatcher } from './matcher.js';
import { show } from './values.js';

/**
 * A condition compiled into closures. `fails` answers null when the condition holds, or the
 * innermost condition that did not, so an explanation can say why a route was passed over.
 */
export interface CompiledCondition {
  readonly text: string;
  fails(ctx: EvalContext): CompiledCondition | null;
}

export const ALWAYS: CompiledCondition = { text: 'always', fails: () => null };

export interface ConditionScope {
  territories: ReadonlySet<string>;
  problems: Problems;
  /** False while compiling scoring rules: the score is what they compute. */
  scoreKnown: boolean;
}

function leaf(text: string, test: (ctx: EvalContext) => boolean): CompiledCondition {
  const node: CompiledCondition = { text, fails: (ctx) => (test(ctx) ? null : node) };
  return node;
}

function allOf(children: CompiledCondition[]): CompiledCondition {
  if (children.length === 1) return children[0]!;
  return {
    text: `all of (${children.map((c) => c.text).join('; ')})`,
    fails(ctx) {
      for (const child of children) {
        const failed = child.fails(ctx);
        if (failed) return failed;
      }
      return null;
    },
  };
}

function anyOf(children: CompiledCondition[]): CompiledCondition {
  const node: CompiledCondition = {
    text: `any of (${children.map((c) => c.text).join('; ')})`,
    fails(ctx) {
      for (const child of children) if (!child.fails(ctx)) return null;
      return node;
    },
  };
  return node;
}

function not(child: CompiledCondition): CompiledCondition {
  const node: CompiledCondition = { text: `not (${child.text})`, fails: (ctx) => (child.fails(ctx) ? null : node) };
  return node;
}

/** `territory: west`, `[west, nyc]`, `{ in: [...] }` or `{ not: ... }`: membership tests on the lead's territories. */
function compileTerritory(input: MatcherInput, path: ConfigPath, scope: ConditionScope): CompiledCondition | undefined {
  if (typeof input === 'object' && !Array.isArray(input)) {
    const other = Object.keys(input).filter((op) => op !== 'in' && op !== 'not');
    if (other.length > 0 || Object.keys(input).length !== 1) {
      scope.problems.add(path, 'expected a territory name, a list of them, { in: [...] } or { not: ... }');
      return undefined;
    }
  }
  if (typeof input === 'object' && !Array.isArray(input) && input.not !== undefined) {
    const inner = compileTerritory(input.not, [...path, 'not'], scope);
    return inner && leaf(`territory not ${inner.text.slice('territory '.length)}`, (ctx) => inner.fails(ctx) !== null);
  }
  const list: unknown[] | undefined =
    typeof input === 'string' ? [input] : Array.isArray(input) ? input : typeof input === 'object' ? input.in : undefined;
  if (!list || !list.every((k): k is string => typeof k === 'string')) {
    scope.problems.add(path, 'expected a territory name, a list of them, { in: [...] } or { not: ... }');
    return undefined;
  }
  const keys = list as string[];
  let ok = true;
  keys.forEach((key, i) => {
    if (!scope.territories.has(key)) {
      scope.problems.add(Array.isArray(input) ? [...path, i] : path, `unknown territory "${key}"`);
      ok = false;
    }
  });
  if (!ok) return undefined;
  const text = keys.length === 1 ? `territory ${keys[0]}` : `territory in ${show(keys)}`;
  return leaf(text, (ctx) => {
    const mine = ctx.territories();
    for (const key of keys) if (mine.has(key)) return true;
    return false;
  });
}

function compileAccount(input: MatcherInput, path: ConfigPath, scope: ConditionScope): CompiledCondition | undefined {
  const wanted = input === 'matched' || input === true ? true : input === 'unmatched' || input === false ? false : undefined;
  if (wanted === undefined) {
    scope.problems.add(path, 'expected matched or unmatched');
    return undefined;
  }
  return leaf(wanted ? 'account matched' : 'account unmatched', (ctx) => Boolean(ctx.lead.account) === wanted);
}

function listOf(input: MatcherInput): unknown[] | undefined {
  if (typeof input === 'string') return [input];
  if (Array.isArray(input)) return input;
  return undefined;
}

function compileTime(input: MatcherInput, path: ConfigPath, scope: ConditionScope): CompiledCondition | undefined {
  const spans = listOf(input);
  if (!spans || !spans.every((s) => typeof s === 'string' && isValidSpan(s))) {
    scope.problems.add(path, 'expected a time span such as 09:00-17:00, or a list of them');
    return undefined;
  }
  const ranges = (spans as string[]).map((span) => {
    const [from, to] = span.split('-') as [string, string];
    return [minuteOfDay(from), to === '24:00' ? 1440 : minuteOfDay(to)] as const;
  });
  return leaf(`time ${spans.join(' or ')}`, (ctx) => {
    const minute = ctx.localTime().minute;
    return ranges.some(([start, end]) => (end > start ? minute >= start && minute < end : minute >= start || minute < end));
  });
}

const DAY_GROUPS: Record<string, readonly number[]> = { weekdays: [0, 1, 2, 3, 4], weekend: [5, 6] };

function compileDay(input: MatcherInput, path: ConfigPath, scope: ConditionScope): CompiledCondition | undefined {
  const names = listOf(input);
  const days = new Set<number>();
  for (const name of names ?? [undefined]) {
    const index = WEEKDAYS.indexOf(String(name).toLowerCase() as (typeof WEEKDAYS)[number]);
    const group = DAY_GROUPS[String(name).toLowerCase()];
    if (index >= 0) days.add(index);
    else if (group) group.forEach((d) => days.add(d));
    else {
      scope.problems.add(path, `expected a day (${WEEKDAYS.join(', ')}, weekdays or weekend), or a list of them`);
      return undefined;
    }
  }
  return leaf(`day ${show(names)}`, (ctx) => days.has(ctx.localTime().weekday));
}

function compileValueField(
  field: string,
  read: (ctx: EvalContext) => unknown,
  input: MatcherInput,
  path: ConfigPath,
  scope: ConditionScope,
): CompiledCondition | undefined {
  const matcher: ValueMatcher | undefined = compileMatcher(input, path, scope.problems);
  return matcher && leaf(`${field} ${matcher.text}`, (ctx) => matcher.test(read(ctx)));
}

function compileField(field: string, input: MatcherInput, path: ConfigPath, scope: ConditionScope): CompiledCondition | undefined {
  switch (field) {
    case 'territory':
      return compileTerritory(input, path, scope);
    case 'account':
      return compileAccount(input, path, scope);
    case 'time':
      return compileTime(input, path, scope);
    case 'day':
      return compileDay(input, path, scope);
    case 'score':
    case 'grade':
      if (!scope.scoreKnown) {
        scope.problems.add(path, `${field} cannot be used in scoring rules: it is what they compute`);
        return undefined;
      }
      return compileValueField(field, field === 'score' ? (ctx) => ctx.score : (ctx) => ctx.grade, input, path, scope);
  }
  const reader = fieldReader(field);
  if (!reader) {
    scope.problems.add(
      path,
      `unknown field "${field}" (expected a lead field such as ${LEAD_FIELDS.slice(0, 6).join(', ')}, custom.<name>, or one of ${SPECIAL_FIELDS.join(', ')})`,
    );
    return undefined;
  }
  return compileValueField(field, (ctx) => reader(ctx.lead), input, path, scope);
}

/** Compiles a `when:` block. Problems are reported at their path; the result is undefined if there were any. */
export function compileCondition(input: ConditionInput, path: ConfigPath, scope: ConditionScope): CompiledCondition | undefined {
  const parts: CompiledCondition[] = [];
  let failed = false;
  const keep = (c: CompiledCondition | undefined) => (c ? parts.push(c) : (failed = true));
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (key === 'all' || key === 'any') {
      const children = (value as ConditionInput[]).map((child, i) => compileCondition(child, [...path, key, i], scope));
      if (children.some((c) => !c)) failed = true;
      else keep(key === 'all' ? allOf(children as CompiledCondition[]) : anyOf(children as CompiledCondition[]));
    } else if (key === 'not') {
      const child = compileCondition(value as ConditionInput, [...path, 'not'], scope);
      keep(child && not(child));
    } else {
      keep(compileField(key, value as MatcherInput, [...path, key], scope));
    }
  }
  return failed ? undefined : allOf(parts);
}

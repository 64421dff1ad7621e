import { formatPath } from '../engine/index.js';
import { splitFullName } from './full-name.js';
import { LEAD_FIELDS } from './normalize/fields.js';
import type { Problem } from './problems.js';
import { describeType, isPlainObject } from './values.js';

/**
 * A form post as the HTTP layer has it: URLSearchParams (or any [name, value] pairs, where a name
 * may repeat, as a multi-select sends it) or a parsed JSON object (where a list is the repeats).
 */
export type FormFields = Iterable<readonly [string, string]> | Readonly<Record<string, unknown>>;

/**
 * Where a form field goes: a lead field (`email`, `postalCode`, …), `fullName` (split into first
 * and last name unless those come on their own), or `custom.<name>`.
 */
export type FieldTarget = string;

/** Lead fields a form field can be mapped to, besides `custom.<name>`. */
export const FIELD_TARGETS: readonly string[] = [...LEAD_FIELDS.filter((f) => f !== 'custom'), 'fullName'];

export interface MapFieldsOptions {
  /** The form source's own mapping, form field name (exact) -> target; it wins over `known`. */
  mapping?: Readonly<Record<string, FieldTarget>>;
  /**
   * Form field names known without a mapping, with their targets, in order of preference for the
   * same target. Matched loosely: case, spaces, `_` and `-` ignored (`first_name` = `First Name`).
   */
  known?: ReadonlyArray<readonly [string, FieldTarget]>;
  /** Field names (matched loosely) that carry no lead data and are dropped. */
  drop?: readonly string[];
  /** A field hidden from people: a form post that fills it in is spam. It is dropped either way. */
  honeypot?: string;
}

/** The lead fields of a form post, ready for normalizeLead, and whether the honeypot caught it. */
export interface MappedForm {
  fields: Record<string, unknown>;
  spam: boolean;
}

/** `First Name`, `first_name`, `first-name`, `firstName` -> `firstname`. */
export function looseName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

interface Candidate {
  name: string;
  target: FieldTarget;
  rank: number;
  value: unknown;
}

/**
 * A form post's fields mapped to lead fields. A field goes to its mapped target, else to the
 * target its name is known by, else (unless dropped) to `custom` under its own name. When several
 * fields go to one target, the first non-blank one by preference (mapped fields first, then the
 * order of `known`, then the form's order) wins, and the others are kept in `custom` under their
 * own names, so nothing typed is lost. Blank values are left out. A repeated field is a list in
 * `custom`, and its first non-blank value in a lead field.
 */
export function mapFormFields(form: FormFields, options: MapFieldsOptions = {}): MappedForm {
  const known = new Map<string, { target: FieldTarget; rank: number }>();
  (options.known ?? []).forEach(([name, target], i) => {
    const key = looseName(name);
    if (!known.has(key)) known.set(key, { target, rank: i + 1 });
  });
  const drop = new Set((options.drop ?? []).map(looseName));
  const mapping = options.mapping ?? {};

  let spam = false;
  const candidates: Candidate[] = [];
  for (const [name, values] of grouped(form)) {
    if (options.honeypot !== undefined && name === options.honeypot) {
      spam ||= values.some((v) => !isBlank(v));
      continue;
    }
    const nonBlank = values.filter((v) => !isBlank(v));
    const mapped = Object.hasOwn(mapping, name) ? mapping[name] : undefined;
    const rule = mapped !== undefined && isTarget(mapped) ? { target: mapped, rank: 0 } : known.get(looseName(name));
    if (rule) {
      if (nonBlank.length > 0) candidates.push({ name, ...rule, value: customTarget(rule.target) ? single(nonBlank) : nonBlank[0] });
      continue;
    }
    const prefixed = /^custom\.(.+)$/.exec(name)?.[1];
    if (prefixed !== undefined) {
      if (nonBlank.length > 0) candidates.push({ name, target: `custom.${prefixed}`, rank: 1, value: single(nonBlank) });
    } else if (!drop.has(looseName(name)) && nonBlank.length > 0) {
      candidates.push({ name, target: `custom.${name}`, rank: Number.MAX_SAFE_INTEGER, value: single(nonBlank) });
    }
  }
  return { fields: assemble(candidates), spam };
}

/** The winners by target, the others into custom under their own names, fullName split. */
function assemble(candidates: Candidate[]): Record<string, unknown> {
  const winners = new Map<FieldTarget, Candidate>();
  const losers: Candidate[] = [];
  for (const candidate of [...candidates].sort((a, b) => a.rank - b.rank)) {
    if (winners.has(candidate.target)) losers.push(candidate);
    else winners.set(candidate.target, candidate);
  }
  const fields = new Map<string, unknown>();
  const custom = new Map<string, unknown>();
  for (const [target, { value }] of winners) {
    const customName = customTarget(target);
    if (customName !== undefined) custom.set(customName, value);
    else if (target !== 'fullName') fields.set(target, value);
  }
  const fullName = winners.get('fullName');
  if (fullName) {
    if (fields.has('firstName') || fields.has('lastName') || typeof fullName.value !== 'string') losers.push(fullName);
    else for (const [field, part] of Object.entries(splitFullName(fullName.value))) fields.set(field, part);
  }
  for (const { name, value } of losers) if (!custom.has(name)) custom.set(name, value);
  if (custom.size > 0) fields.set('custom', Object.fromEntries(custom));
  // fromEntries defines own properties, so a field named "__proto__" stays a plain key.
  return Object.fromEntries(fields);
}

/** Each field name with its values, in the form's order; a JSON list is a field's repeats. */
function grouped(form: FormFields): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  const add = (name: string, value: unknown) => {
    const values = out.get(name);
    if (values) values.push(value);
    else out.set(name, [value]);
  };
  if (isIterable(form)) for (const [name, value] of form) add(name, value);
  else for (const [name, value] of Object.entries(form)) for (const v of Array.isArray(value) ? value : [value]) add(name, v);
  return out;
}

function isIterable(form: FormFields): form is Iterable<readonly [string, string]> {
  return typeof (form as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function single(values: unknown[]): unknown {
  return values.length === 1 ? values[0] : values;
}

/** `custom.budget` -> `budget`; undefined for any other target. */
function customTarget(target: FieldTarget): string | undefined {
  return /^custom\.(.+)$/.exec(target)?.[1];
}

function isTarget(target: string): boolean {
  return FIELD_TARGETS.includes(target) || customTarget(target) !== undefined;
}

/** What is wrong with a form source's field mapping (form field -> target), for `POST /v1/forms`. */
export function checkFieldMapping(mapping: unknown): Problem[] {
  if (!isPlainObject(mapping)) return [{ path: '', message: `expected an object of form field -> lead field, got ${describeType(mapping)}` }];
  const problems: Problem[] = [];
  for (const [name, target] of Object.entries(mapping)) {
    const path = formatPath([name]);
    if (name.trim() === '') problems.push({ path, message: 'a form field name must not be blank' });
    if (typeof target !== 'string') problems.push({ path, message: `expected a lead field, got ${describeType(target)}` });
    else if (!isTarget(target)) {
      problems.push({ path, message: `unknown lead field "${target}" (expected one of ${FIELD_TARGETS.join(', ')}, or custom.<name>)` });
    }
  }
  return problems;
}

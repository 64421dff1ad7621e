import type { z } from 'zod';
import { compileConfig, type CompiledConfig, type ConfigContext } from './compile.js';
import { formatPath, Problems, type ConfigError, type ConfigPath } from './errors.js';
import { parseConfigText, type ParsedText } from './parse.js';
import { RoutingConfig } from './schema.js';

export type LoadResult = { ok: true; config: CompiledConfig; errors: [] } | { ok: false; errors: ConfigError[] };

export interface LoadOptions {
  version?: number | null;
  context?: ConfigContext;
}

type Issue = z.core.$ZodIssue;

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** One zod issue in plain words, with the value's actual type where that helps. */
function plainMessage(issue: Issue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return input === undefined ? `is required (${article(issue.expected)})` : `expected ${article(issue.expected)}, got ${Array.isArray(input) ? 'a list' : typeof input}`;
    case 'unrecognized_keys':
      return issue.message.startsWith('unknown operator') ? issue.message : `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => String(v)).join(', ')}`;
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
 * A union that failed says only "expected one of …". When the value has the shape of one of the
 * options (an object where an object was an option), that option's own problems are more useful.
 */
function flatten(issues: readonly Issue[], root: unknown, base: readonly PropertyKey[] = []): { path: ConfigPath; message: string }[] {
  const out: { path: ConfigPath; message: string }[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const plausible = issue.errors
        .filter((branch) => branch.length > 0 && !branch.some((i) => i.path.length === 0 && i.code === 'invalid_type'))
        .sort((a, b) => a.length - b.length)[0];
      if (plausible) {
        out.push(...flatten(plausible, root, path));
        continue;
      }
    }
    out.push({ path: path.filter((p): p is string | number => typeof p !== 'symbol'), message: plainMessage(issue, valueAt(root, path)) });
  }
  return out;
}

function locate(list: { path: ConfigPath; message: string }[], parsed: ParsedText | undefined): ConfigError[] {
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
 * Reads a routing configuration from YAML/JSON text or an already parsed value, validates it
 * fully and compiles it. Every problem is reported with its path (and line, from text).
 */
export function loadConfig(source: string | unknown, options: LoadOptions = {}): LoadResult {
  let parsed: ParsedText | undefined;
  let value = source;
  if (typeof source === 'string') {
    parsed = parseConfigText(source);
    if (parsed.errors.length) return { ok: false, errors: parsed.errors };
    value = parsed.value ?? {};
  }
  const result = RoutingConfig.safeParse(value);
  if (!result.success) return { ok: false, errors: locate(flatten(result.error.issues, value), parsed) };
  const problems = new Problems();
  const config = compileConfig(result.data, options.version ?? null, options.context ?? {}, problems);
  if (!problems.empty) return { ok: false, errors: locate(problems.list, parsed) };
  return { ok: true, config, errors: [] };
}

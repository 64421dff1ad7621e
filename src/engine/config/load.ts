import { compileConfig, type CompiledConfig, type ConfigContext } from './compile.js';
import { Problems, type ConfigError } from './errors.js';
import { flattenIssues, locate } from './issues.js';
import { readDocument } from './parse.js';
import { salvage } from './salvage.js';
import { RoutingConfig } from './schema.js';

export type LoadResult = { ok: true; config: CompiledConfig; errors: [] } | { ok: false; errors: ConfigError[] };

export interface LoadOptions {
  version?: number | null;
  context?: ConfigContext;
}

/**
 * Reads a routing configuration from YAML/JSON text or an already parsed value, validates it
 * fully and compiles it. Every problem is reported with its path (and line, from text): shape
 * problems and cross-reference problems together, so one round of fixes is enough.
 */
export function loadConfig(source: string | unknown, options: LoadOptions = {}): LoadResult {
  const document = readDocument(source);
  if (!document.ok) return document;
  const { value, parsed } = document;
  const problems = new Problems();
  const context = options.context ?? {};
  const result = RoutingConfig.safeParse(value);
  if (!result.success) {
    compileConfig(salvage(value), null, context, problems);
    return { ok: false, errors: locate([...flattenIssues(result.error.issues, value), ...problems.list], parsed) };
  }
  const config = compileConfig(result.data, options.version ?? null, context, problems);
  if (!problems.empty) return { ok: false, errors: locate(problems.list, parsed) };
  return { ok: true, config, errors: [] };
}

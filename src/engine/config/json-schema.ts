import { z } from 'zod';
import { LEAD_FIELDS, RoutingConfig, SPECIAL_FIELDS } from './schema.js';

/**
 * The JSON Schema (draft 2020-12) of the routing configuration, generated from the zod schema
 * `RoutingConfig`, for editors (`# yaml-language-server: $schema=…`) and other tools.
 * docs/routing.schema.json is this, written by `npm run schema`.
 *
 * The JSON Schema describes the shape; loadConfig also checks what a schema cannot (unknown
 * teams and territories, time zones, regular expressions, duplicate route names).
 */

export const ROUTING_SCHEMA_ID = 'urn:leadrouter:routing-config';

type JsonSchema = Record<string, unknown>;

/** zod's refinements `at least one key` do not carry over to JSON Schema: say it here. */
const NON_EMPTY_OBJECTS = ['Condition', 'Operators', 'Territory'];

/** The keys a condition may test: lead fields, the special fields, the combinators, custom.<name>. */
const CONDITION_KEYS: JsonSchema = {
  anyOf: [
    { enum: ['all', 'any', 'not', ...LEAD_FIELDS, ...SPECIAL_FIELDS] },
    { type: 'string', pattern: '^custom\\.[^.]+(\\.[^.]+)*$' },
  ],
};

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Replaces every `$ref` through `aliases` (a def that is nothing but a `$ref` to another). */
function rewriteRefs(node: unknown, aliases: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(node)) return node.map((item) => rewriteRefs(item, aliases));
  if (!isObject(node)) return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === '$ref' && typeof value === 'string' ? (aliases.get(value) ?? value) : rewriteRefs(value, aliases);
  }
  return out;
}

/**
 * zod names the lazy wrappers of recursive schemas `__schema0`, `__schema1`: definitions that
 * only point at the named one (`Condition`, `Matcher`). Point straight at the named ones instead.
 */
function inlineAliases(schema: JsonSchema): JsonSchema {
  const defs = (schema.$defs ?? {}) as Record<string, JsonSchema>;
  const aliases = new Map<string, string>();
  for (const [name, def] of Object.entries(defs)) {
    const keys = Object.keys(def);
    if (keys.length === 1 && typeof def.$ref === 'string') aliases.set(`#/$defs/${name}`, def.$ref);
  }
  // Follow chains of aliases to their end.
  for (const [from, to] of aliases) {
    let target = to;
    const seen = new Set([from]);
    while (aliases.has(target) && !seen.has(target)) {
      seen.add(target);
      target = aliases.get(target)!;
    }
    aliases.set(from, target);
  }
  const rewritten = rewriteRefs(schema, aliases) as JsonSchema;
  const kept = Object.fromEntries(
    Object.entries(rewritten.$defs as Record<string, JsonSchema>).filter(([name]) => !aliases.has(`#/$defs/${name}`)),
  );
  return { ...rewritten, $defs: kept };
}

/** The routing configuration's JSON Schema, as a plain object. Pure: the same every call. */
export function routingJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(RoutingConfig, { io: 'input', target: 'draft-2020-12' }) as JsonSchema;
  const { $schema, ...body } = inlineAliases(generated);
  const defs = body.$defs as Record<string, JsonSchema>;
  for (const name of NON_EMPTY_OBJECTS) if (defs[name]) defs[name] = { ...defs[name], minProperties: 1 };
  if (defs.Condition) defs.Condition = { ...defs.Condition, propertyNames: CONDITION_KEYS };
  return {
    $schema,
    $id: ROUTING_SCHEMA_ID,
    title: 'leadrouter routing configuration',
    description:
      'Scoring, territories, ordered routes, a fallback, offer, SLA and notification policy for leadrouter. ' +
      'Documented in docs/routing.md; check a file fully with `leadrouter config validate <file>`.',
    ...body,
  };
}

/** The schema as the file docs/routing.schema.json holds it. */
export function routingJsonSchemaText(): string {
  return `${JSON.stringify(routingJsonSchema(), null, 2)}\n`;
}

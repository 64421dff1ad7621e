import { Route, RoutingConfig, ScoringRule, Territory, type RoutingConfigDoc } from './schema.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// Stand-ins for parts that failed the shape check: they keep every other part at its own path
// and compile without problems of their own.
const placeholderRoute = (i: number) => ({ name: `\u0000invalid-route-${i}`, assign: { queue: '\u0000' } });
const PLACEHOLDER_RULE = { when: { firstName: { exists: true } }, points: 0 };
const PLACEHOLDER_TERRITORY = { country: '\u0000' };

function each<T>(value: unknown, parse: (item: unknown, i: number) => T): T[] {
  return Array.isArray(value) ? value.map(parse) : [];
}

/**
 * The parts of a configuration that pass the shape check on their own, with stand-ins for the
 * rest, so that the cross-reference checks (unknown teams, territories, fields, regexes) can
 * still run and every problem is reported in one go.
 */
export function salvage(value: unknown): RoutingConfigDoc {
  const raw = isObject(value) ? value : {};
  const keep = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown, standIn: unknown) => (schema.safeParse(v).success ? v : standIn);
  const territories = Object.fromEntries(
    Object.entries(isObject(raw.territories) ? raw.territories : {}).map(([key, spec]) => [key, keep(Territory, spec, PLACEHOLDER_TERRITORY)]),
  );
  const scoring = isObject(raw.scoring) ? { rules: each(raw.scoring.rules, (rule) => keep(ScoringRule, rule, PLACEHOLDER_RULE)) } : undefined;
  const fallbackAssign = isObject(raw.fallback) ? keep(Route, { name: 'fallback', assign: raw.fallback.assign }, undefined) : undefined;
  return RoutingConfig.parse({
    timezone: typeof raw.timezone === 'string' ? raw.timezone : 'UTC',
    territories,
    scoring,
    routes: each(raw.routes, (route, i) => keep(Route, route, placeholderRoute(i))),
    fallback: fallbackAssign ? { assign: (fallbackAssign as { assign: unknown }).assign } : undefined,
  });
}

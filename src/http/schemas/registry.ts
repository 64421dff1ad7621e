import { z } from 'zod';

/** A WeakMap that looks in another one for what it does not hold itself. */
class FallbackWeakMap<K extends object, V> extends WeakMap<K, V> {
  constructor(private readonly fallback: WeakMap<K, V>) {
    super();
  }
  override get(key: K): V | undefined {
    return super.get(key) ?? this.fallback.get(key);
  }
  override has(key: K): boolean {
    return super.has(key) || this.fallback.has(key);
  }
}

/**
 * The named schemas of the OpenAPI document (components), kept apart from zod's global registry,
 * which also names the engine's configuration schemas; descriptions given with `.describe()`
 * still come from the global registry.
 */
export const apiSchemas = z.registry<z.core.GlobalMeta>();
(apiSchemas as unknown as { _map: WeakMap<object, unknown> })._map = new FallbackWeakMap(
  (z.globalRegistry as unknown as { _map: WeakMap<object, unknown> })._map,
);

/** Names a schema in the OpenAPI document. */
export function named<T extends z.ZodType>(schema: T, id: string): T {
  apiSchemas.add(schema, { id });
  return schema;
}

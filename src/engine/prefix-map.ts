/**
 * Values keyed by string prefix, grouped by prefix length: looking a key up costs one slice and
 * one map read per distinct prefix length, however many prefixes there are.
 */
export class PrefixMap<T> {
  private readonly byLength = new Map<number, Map<string, T[]>>();

  add(prefix: string, value: T): void {
    const key = prefix.trim().toLowerCase();
    let map = this.byLength.get(key.length);
    if (!map) this.byLength.set(key.length, (map = new Map()));
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  }

  /** Whether any prefix of `key` (already lowercased) is present. */
  hasPrefixOf(key: string): boolean {
    for (const [length, map] of this.byLength) if (key.length >= length && map.has(key.slice(0, length))) return true;
    return false;
  }

  /** Appends the values of every prefix of `key` (already lowercased) to `out`. */
  collect(key: string, out: T[]): void {
    for (const [length, map] of this.byLength) {
      if (key.length < length) continue;
      const list = map.get(key.slice(0, length));
      if (list) for (const value of list) out.push(value);
    }
  }
}

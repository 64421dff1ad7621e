import type { TerritoryDoc } from './config/schema.js';
import { valueKey } from './conditions/values.js';
import type { Lead } from './model.js';
import { PrefixMap } from './prefix-map.js';

type Check = (lead: Lead) => boolean;
interface Entry {
  key: string;
  check: Check;
}

const listOf = (one: string | string[]) => (Array.isArray(one) ? one : [one]);
const keysOf = (one: string | string[]) => new Set(listOf(one).map((v) => valueKey(v)!));

function postalCheck(spec: NonNullable<TerritoryDoc['postalCode']>): Check {
  if (typeof spec === 'string' || Array.isArray(spec)) {
    const codes = keysOf(spec);
    return (lead) => codes.has(valueKey(lead.postalCode)!);
  }
  const prefixes = new PrefixMap<true>();
  for (const prefix of spec.prefix === undefined ? [] : listOf(spec.prefix)) prefixes.add(prefix, true);
  const ranges = spec.range === undefined ? [] : Array.isArray(spec.range[0]) ? (spec.range as [string, string][]) : [spec.range as [string, string]];
  return (lead) => {
    const code = valueKey(lead.postalCode);
    if (code === undefined) return false;
    if (prefixes.hasPrefixOf(code)) return true;
    // Ranges compare codes of the range's own width as text: '10000'..'14999' holds '12345' and '12345-6789'.
    return ranges.some(([from, to]) => {
      const head = code.slice(0, from.length);
      return head.length === from.length && head >= from.toLowerCase() && head <= to.toLowerCase();
    });
  };
}

function compileTerritory(spec: TerritoryDoc): Check {
  const checks: Check[] = [];
  if (spec.region !== undefined) {
    const regions = keysOf(spec.region);
    checks.push((lead) => regions.has(valueKey(lead.region)!));
  }
  if (spec.city !== undefined) {
    const cities = keysOf(spec.city);
    checks.push((lead) => cities.has(valueKey(lead.city)!));
  }
  if (spec.postalCode !== undefined) checks.push(postalCheck(spec.postalCode));
  return (lead) => checks.every((check) => check(lead));
}

/** Territories of one country: those with postal prefixes found through a prefix map, the rest tested one by one. */
class CountryBucket {
  readonly byPrefix = new PrefixMap<Entry>();
  readonly others: Entry[] = [];

  add(entry: Entry, spec: TerritoryDoc): void {
    const postal = spec.postalCode;
    const prefixOnly = typeof postal === 'object' && !Array.isArray(postal) && postal.prefix !== undefined && postal.range === undefined;
    if (prefixOnly) for (const prefix of listOf(postal.prefix!)) this.byPrefix.add(prefix, entry);
    else this.others.push(entry);
  }

  collect(lead: Lead, out: Entry[]): void {
    const code = valueKey(lead.postalCode);
    if (code !== undefined) this.byPrefix.collect(code, out);
    for (const entry of this.others) out.push(entry);
  }
}

const NONE: ReadonlySet<string> = new Set();

/**
 * Which territories a lead lies in. Territories are indexed by country and postal prefix, so a
 * lead is tested only against the few territories that can contain it, however many there are.
 */
export class TerritoryIndex {
  private readonly byCountry = new Map<string, CountryBucket>();
  private readonly anyCountry = new CountryBucket();
  readonly keys: ReadonlySet<string>;

  constructor(territories: Record<string, TerritoryDoc>) {
    this.keys = new Set(Object.keys(territories));
    for (const [key, spec] of Object.entries(territories)) {
      const entry = { key, check: compileTerritory(spec) };
      if (spec.country === undefined) this.anyCountry.add(entry, spec);
      else
        for (const country of keysOf(spec.country)) {
          let bucket = this.byCountry.get(country);
          if (!bucket) this.byCountry.set(country, (bucket = new CountryBucket()));
          bucket.add(entry, spec);
        }
    }
  }

  of(lead: Lead): ReadonlySet<string> {
    const candidates: Entry[] = [];
    this.byCountry.get(valueKey(lead.country) ?? '')?.collect(lead, candidates);
    this.anyCountry.collect(lead, candidates);
    let found: Set<string> | undefined;
    for (const { key, check } of candidates) if (check(lead)) (found ??= new Set()).add(key);
    return found ?? NONE;
  }
}

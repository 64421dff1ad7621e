import type { TerritoryDoc } from './config/schema.js';
import { PrefixIndex } from './conditions/matcher.js';
import { valueKey } from './conditions/values.js';
import type { Lead } from './model.js';

type Check = (lead: Lead) => boolean;

const keysOf = (one: string | string[]) => new Set((Array.isArray(one) ? one : [one]).map((v) => valueKey(v)!));

function postalCheck(spec: NonNullable<TerritoryDoc['postalCode']>): Check {
  if (typeof spec === 'string' || Array.isArray(spec)) {
    const codes = keysOf(spec);
    return (lead) => codes.has(valueKey(lead.postalCode)!);
  }
  const prefixes = spec.prefix === undefined ? undefined : new PrefixIndex(Array.isArray(spec.prefix) ? spec.prefix : [spec.prefix]);
  const ranges = spec.range === undefined ? [] : Array.isArray(spec.range[0]) ? (spec.range as [string, string][]) : [spec.range as [string, string]];
  return (lead) => {
    const code = valueKey(lead.postalCode);
    if (code === undefined) return false;
    if (prefixes?.matches(code)) return true;
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

const NONE: ReadonlySet<string> = new Set();

/**
 * Which territories a lead lies in. Territories are indexed by country, so a lead is only
 * tested against the territories of its own country (and those that name no country).
 */
export class TerritoryIndex {
  private readonly byCountry = new Map<string, { key: string; check: Check }[]>();
  private readonly anyCountry: { key: string; check: Check }[] = [];
  readonly keys: ReadonlySet<string>;

  constructor(territories: Record<string, TerritoryDoc>) {
    this.keys = new Set(Object.keys(territories));
    for (const [key, spec] of Object.entries(territories)) {
      const entry = { key, check: compileTerritory(spec) };
      if (spec.country === undefined) this.anyCountry.push(entry);
      else
        for (const country of keysOf(spec.country)) {
          const list = this.byCountry.get(country) ?? [];
          list.push(entry);
          this.byCountry.set(country, list);
        }
    }
  }

  of(lead: Lead): ReadonlySet<string> {
    const candidates = this.byCountry.get(valueKey(lead.country) ?? '');
    if (!candidates && this.anyCountry.length === 0) return NONE;
    let found: Set<string> | undefined;
    for (const list of [candidates, this.anyCountry]) {
      if (!list) continue;
      for (const { key, check } of list) if (check(lead)) (found ??= new Set()).add(key);
    }
    return found ?? NONE;
  }
}

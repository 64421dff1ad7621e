import { iso31662 } from 'iso-3166';
import type { Checked } from '../problems.js';
import { nameKey } from '../text.js';

/**
 * Regions (states, provinces) as codes. For the United States and Canada, whose ISO 3166-2
 * subdivision codes are their postal abbreviations, names become codes from the ISO 3166-2 list
 * of the `iso-3166` package ("California" -> CA, "ontario" -> ON, "Québec" -> QC, "US-NY" -> NY).
 * Elsewhere a code (`nsw`, `by`, `DE-BY`) is uppercased and a name is kept as written: the
 * abbreviations people use there are not always ISO's.
 */
const NAMED_COUNTRIES = new Set(['US', 'CA']);

/** Names in common use that ISO does not list: French names of Canadian provinces, and the like. */
const ALIASES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  US: { 'Washington DC': 'DC', 'Washington D.C.': 'DC' },
  CA: {
    'Colombie-Britannique': 'BC',
    'Île-du-Prince-Édouard': 'PE',
    'Nouveau-Brunswick': 'NB',
    'Nouvelle-Écosse': 'NS',
    'Terre-Neuve-et-Labrador': 'NL',
    Newfoundland: 'NL',
    'Territoires du Nord-Ouest': 'NT',
    'Yukon Territory': 'YT',
    PEI: 'PE',
  },
};

/** Per country, the subdivisions by code and by name key. */
const SUBDIVISIONS = new Map<string, Map<string, string>>();
for (const country of NAMED_COUNTRIES) SUBDIVISIONS.set(country, new Map());
for (const { code, name, parent } of iso31662) {
  const table = SUBDIVISIONS.get(parent);
  if (!table) continue;
  const short = code.slice(parent.length + 1);
  table.set(short.toLowerCase(), short);
  table.set(nameKey(name), short);
}
for (const [country, aliases] of Object.entries(ALIASES)) {
  const table = SUBDIVISIONS.get(country);
  for (const [name, short] of Object.entries(aliases)) table?.set(nameKey(name), short);
}

const CODE = /^[A-Za-z0-9]{1,3}$/;

/**
 * A region of `country` (alpha-2; undefined when not known) to its code. `countryGiven` says the
 * country came with the lead rather than from the default: only then is a US or Canadian region
 * that names no state or province worth a warning.
 */
export function normalizeRegion(text: string, country: string | undefined, countryGiven: boolean): Checked<string> {
  const prefix = country ? new RegExp(`^${country}[-_ ]([A-Za-z0-9]{1,3})$`, 'i').exec(text) : null;
  const bare = prefix?.[1] ?? text;
  const table = country ? SUBDIVISIONS.get(country) : undefined;
  if (table) {
    const code = table.get(nameKey(bare));
    if (code) return { value: code };
    if (countryGiven) return { value: CODE.test(bare) ? bare.toUpperCase() : text, warning: `not a region of ${country}; kept as given` };
  }
  return { value: CODE.test(bare) ? bare.toUpperCase() : text };
}

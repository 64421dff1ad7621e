import countries from 'i18n-iso-countries/index.js';
import de from 'i18n-iso-countries/langs/de.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import it from 'i18n-iso-countries/langs/it.json' with { type: 'json' };
import nl from 'i18n-iso-countries/langs/nl.json' with { type: 'json' };
import pt from 'i18n-iso-countries/langs/pt.json' with { type: 'json' };
import type { Checked } from '../problems.js';
import { nameKey } from '../text.js';

/**
 * Countries as ISO 3166-1 alpha-2 codes, from what people and systems write: codes (`us`, `DE`),
 * alpha-3 codes (`GBR`) and names in the registered languages (`United States`, `USA`,
 * `Deutschland`, `Allemagne`, `Alemania`, `UK`), whatever their case, accents or dots.
 *
 * The module's import registers these locales with i18n-iso-countries (which the Node entry of
 * that package would otherwise do for all of its 78); English is registered first, so where two
 * languages spell different countries the same, English wins.
 */
const LOCALES = [en, de, fr, es, it, pt, nl];
for (const locale of LOCALES) countries.registerLocale(locale);

/** Names in common use that the package does not list. */
const ALIASES: Readonly<Record<string, string>> = {
  England: 'GB',
  Scotland: 'GB',
  Wales: 'GB',
  'Northern Ireland': 'GB',
  Britain: 'GB',
  Holland: 'NL',
  Korea: 'KR',
  Macedonia: 'MK',
  Vatican: 'VA',
  'Vatican City': 'VA',
  'Cabo Verde': 'CV',
  'East Timor': 'TL',
  Swaziland: 'SZ',
  Burma: 'MM',
  Laos: 'LA',
  Syria: 'SY',
  'Viet Nam': 'VN',
};

const BY_KEY = new Map<string, string>();
const add = (name: string, alpha2: string) => {
  const key = countryKey(name);
  if (key && !BY_KEY.has(key)) BY_KEY.set(key, alpha2);
};
for (const alpha2 of Object.keys(countries.getAlpha2Codes())) add(alpha2, alpha2);
for (const [alpha3, alpha2] of Object.entries(countries.getAlpha3Codes())) add(alpha3, alpha2);
for (const { locale } of LOCALES) {
  for (const [alpha2, names] of Object.entries(countries.getNames(locale, { select: 'all' }))) {
    for (const name of names) add(name, alpha2);
  }
}
for (const [name, alpha2] of Object.entries(ALIASES)) add(name, alpha2);

function countryKey(text: string): string {
  return nameKey(text).replace(/^the /, '');
}

/** The alpha-2 code of a country named or coded any of those ways, or undefined. */
export function countryCode(text: string): string | undefined {
  return BY_KEY.get(countryKey(text));
}

/** A country to its alpha-2 code; one that is not recognised is kept as given, with a warning. */
export function normalizeCountry(text: string): Checked<string> {
  const code = countryCode(text);
  return code ? { value: code } : { value: text, warning: 'not a known country; kept as given' };
}

import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Checked } from '../problems.js';

/**
 * A phone number to E.164 (`+14155552671`), read as a number of `country` unless it says its own
 * country code (`+44 …`, or the international prefix as dialled there: `0044 …` from Germany).
 * Checked against libphonenumber's full metadata; a number that is not a possible, assigned number
 * is kept as given with a warning (a rep can still read it, and a typo is no reason to lose a lead).
 * An extension (`x12`, `ext. 12`) is returned apart, since E.164 has none.
 */
export function normalizePhone(text: string, country: string | undefined): Checked<string> & { extension?: string } {
  const defaultCountry = country && isSupportedCountry(country) ? country : undefined;
  const parsed = parsePhoneNumberFromString(text, defaultCountry ? { defaultCountry } : {});
  if (parsed?.isValid()) return parsed.ext ? { value: parsed.number, extension: parsed.ext } : { value: parsed.number };
  const where = defaultCountry && !text.startsWith('+') ? ` for ${defaultCountry}` : '';
  return { value: text, warning: `not a valid phone number${where}; kept as given` };
}

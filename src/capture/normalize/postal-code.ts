import type { Checked } from '../problems.js';

/**
 * Postal codes, uppercased with their spaces tidied. Where a country's format is known:
 * - United States: ZIP or ZIP+4 (`12345-6789`, also from `123456789` or `12345 6789`);
 * - Canada and the United Kingdom: the space where it belongs (`K1A 0B1`, `SW1A 1AA`);
 * - countries whose codes are five digits, leading zeros included (US, DE, FR, IT, ES): a code
 *   that lost its leading zeros on the way (a spreadsheet cell, a JSON number: 2134 -> `02134`)
 *   gets them back.
 * A code that does not fit its country's format is kept as given, with a warning.
 */
interface Format {
  name: string;
  /** Digits a number must be padded to, when the country's codes are all digits. */
  digits?: number;
  /** The canonical form of a code, or undefined when it does not fit. */
  canonical(code: string): string | undefined;
}

const fiveDigits = (name: string): Format => ({ name, digits: 5, canonical: (code) => (/^\d{5}$/.test(code) ? code : undefined) });

const FORMATS: Readonly<Record<string, Format>> = {
  US: {
    name: 'US ZIP code',
    digits: 5,
    canonical(code) {
      const zip = /^(\d{5})(?:[- ]?(\d{4}))?$/.exec(code);
      if (!zip) return undefined;
      return zip[2] ? `${zip[1]}-${zip[2]}` : zip[1];
    },
  },
  CA: {
    name: 'Canadian postal code',
    canonical: (code) => /^([A-Z]\d[A-Z]) ?(\d[A-Z]\d)$/.exec(code)?.slice(1).join(' '),
  },
  GB: {
    name: 'UK postcode',
    canonical: (code) => /^([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})$/.exec(code)?.slice(1).join(' '),
  },
  DE: fiveDigits('German postcode'),
  FR: fiveDigits('French postal code'),
  IT: fiveDigits('Italian postal code'),
  ES: fiveDigits('Spanish postal code'),
};

/** `text` is the code as text (a number already written in decimal); `country` alpha-2, when known. */
export function normalizePostalCode(text: string, country: string | undefined): Checked<string> {
  const code = text.toUpperCase().replace(/\s+/g, ' ');
  const format = country ? FORMATS[country] : undefined;
  if (!format) return { value: code };
  const canonical = format.canonical(padded(code, format.digits));
  return canonical ? { value: canonical } : { value: code, warning: `not a valid ${format.name}; kept as given` };
}

/** `2134` -> `02134` and `2134-5678` -> `02134-5678` for five-digit codes; others as they are. */
function padded(code: string, digits: number | undefined): string {
  if (!digits) return code;
  const lost = /^(\d+)((?:-\d{4})?)$/.exec(code);
  if (!lost?.[1] || lost[1].length >= digits || lost[1].length < digits - 2) return code;
  return lost[1].padStart(digits, '0') + (lost[2] ?? '');
}

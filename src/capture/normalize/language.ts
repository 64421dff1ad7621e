import ISO6391 from 'iso-639-1';
import type { Checked } from '../problems.js';
import { nameKey } from '../text.js';

/**
 * Languages as lowercase ISO 639-1 codes, from codes (`ES`), language tags (`en-US`, `pt_BR`) or
 * names in English or in the language itself (`Spanish`, `español`, `Espanol`, `Deutsch`, `中文`),
 * from the `iso-639-1` package. One that is not recognised is kept lowercased, with a warning.
 */
const BY_NAME = new Map<string, string>();
for (const { code, name, nativeName } of ISO6391.getLanguages(ISO6391.getAllCodes())) {
  for (const written of [name, nativeName]) {
    for (const part of written.split(/[;,]/)) {
      const key = nameKey(part);
      if (key && !BY_NAME.has(key)) BY_NAME.set(key, code);
    }
  }
}

export function normalizeLanguage(text: string): Checked<string> {
  const tag = /^([a-z]{2})(?:[-_][a-z0-9]{1,8})*$/i.exec(text);
  const primary = tag?.[1]?.toLowerCase();
  if (primary && ISO6391.validate(primary)) return { value: primary };
  const code = BY_NAME.get(nameKey(text));
  if (code) return { value: code };
  return { value: text.toLowerCase(), warning: 'not a known language; kept as given' };
}

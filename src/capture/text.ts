/**
 * Text as people type it: composed to NFC (so "é" typed two ways is one string), trimmed, and
 * empty meaning absent.
 */

/** Trimmed NFC text, or undefined when nothing is left. */
export function cleanText(text: string): string | undefined {
  const cleaned = text.normalize('NFC').trim();
  return cleaned === '' ? undefined : cleaned;
}

/** Like cleanText, and every run of whitespace inside (tabs, newlines, no-break spaces) made one space. */
export function cleanLine(text: string): string | undefined {
  return cleanText(text)?.replace(/\s+/g, ' ');
}

/** Letters that do not decompose into a base letter and accents. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};

/** Lowercase with accents folded, for comparing names: "Québec" and "quebec", "Straße" and "strasse". */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøđðłþı]/g, (letter) => SPECIAL_LETTERS[letter] ?? letter);
}

/**
 * A name reduced to what identifies it: folded, `&` read as "and", dots and apostrophes dropped
 * ("U.S.A." -> "usa", "Côte d'Ivoire" -> "cote divoire"), other punctuation a space.
 */
export function nameKey(text: string): string {
  return fold(text)
    .replace(/&/g, ' and ')
    .replace(/[.'’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

import { cleanLine } from './text.js';

/** What may follow a name after a comma without being a first name: "John Smith, Jr.". */
const SUFFIX = /^(jr|sr|ii|iii|iv|phd|md|esq)\.?$/i;

/**
 * A full name as one field holds it, split into first and last name: the first word is the first
 * name and the rest the last name ("Ludwig van Beethoven" -> Ludwig / van Beethoven), or, written
 * "Last, First", the other way round (but "John Smith, Jr." is John / Smith, Jr.). A single word
 * is a first name. Names written family name first ("山田 太郎") cannot be told from the text and
 * come out reversed.
 */
export function splitFullName(fullName: string): { firstName?: string; lastName?: string } {
  const name = cleanLine(fullName);
  if (!name) return {};
  const comma = /^([^,]+),\s*([^,]+)$/.exec(name);
  if (comma?.[1] && comma[2] && !SUFFIX.test(comma[2])) return { firstName: comma[2].trim(), lastName: comma[1].trim() };
  const space = name.indexOf(' ');
  return space < 0 ? { firstName: name } : { firstName: name.slice(0, space), lastName: name.slice(space + 1) };
}

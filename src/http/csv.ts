/**
 * CSV as RFC 4180 has it: a header line, then a line per row, lines ending in CRLF; a field with
 * a comma, a double quote, CR or LF is quoted, its quotes doubled. Nulls are empty fields.
 *
 * A text field a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR — a
 * lead source is whatever a web form sent) gets a leading apostrophe, so opening the export
 * never runs anything. Numbers are written as they are, negative ones too.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The rows under a header of `columns`, each row's fields in that order. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const line = (fields: readonly unknown[]) => `${fields.map(csvField).join(',')}\r\n`;
  return line(columns) + rows.map((row) => line(columns.map((c) => row[c]))).join('');
}

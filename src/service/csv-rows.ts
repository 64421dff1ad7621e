import { parse } from 'csv-parse';
import type { Readable } from 'node:stream';

/** One data row of a CSV file: its cells by header name, and the line it starts on. */
export interface CsvRow {
  line: number;
  fields: Record<string, string>;
}

/**
 * The rows of CSV text or a stream, read as they arrive: the header row names the columns.
 * Malformed CSV (an unterminated quote, a row of the wrong width) throws with its line.
 */
export async function* csvRows(input: string | Readable): AsyncGenerator<CsvRow> {
  const parser = parse({ columns: (header: string[]) => header.map((h) => h.trim()), bom: true, info: true, skip_empty_lines: true, trim: true, relax_column_count: false });
  if (typeof input === 'string') parser.end(input);
  else input.pipe(parser);
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    yield { line: info.lines, fields: record };
  }
}

import type { CaptureDeps } from './capture.js';
import { csvRows, type CsvRow } from './csv-rows.js';
import { ServiceError } from './errors.js';
import { importLeads, type ImportOptions, type ImportReport } from './import.js';

/** The line csv-parse reports a malformed file at. */
function lineOf(error: unknown): number | undefined {
  const lines = (error as { lines?: unknown } | null)?.lines;
  return typeof lines === 'number' ? lines : undefined;
}

/**
 * Imports CSV text (an API upload): the whole file is read first, so that a malformed file is
 * refused with its line (400) before any row is imported; then the rows are imported as
 * importLeads does, with a per-row report.
 */
export async function importCsvText(deps: CaptureDeps, text: string, options: ImportOptions): Promise<ImportReport> {
  const rows: CsvRow[] = [];
  try {
    for await (const row of csvRows(text)) rows.push(row);
  } catch (error) {
    const line = lineOf(error);
    const message = error instanceof Error ? error.message : String(error);
    throw new ServiceError('invalid', `the CSV cannot be read${line === undefined ? '' : ` at line ${line}`}: ${message}`, [
      { path: 'body', message, ...(line !== undefined && { line }) },
    ]);
  }
  return importLeads(deps, rows, options);
}

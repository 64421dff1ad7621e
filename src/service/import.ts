import { describeProblem, fromWebToLead, normalizeLead } from '../capture/index.js';
import { captureBatch, type CaptureDeps, type CaptureInput } from './capture.js';
import type { CsvRow } from './csv-rows.js';

export interface ImportReport {
  rows: number;
  imported: number;
  /** Linked to an open lead with the same email or phone instead of becoming a new one. */
  duplicates: number;
  /** Seen before (same externalId): left as they were. */
  replayed: number;
  rejected: { line: number; errors: string[] }[];
}

export interface ImportOptions {
  /** The source recorded on rows that do not name their own. */
  source: string;
  defaultCountry: string;
  /** Rows committed per transaction. */
  batchSize?: number;
  actor?: string | null;
  onProgress?(report: Readonly<ImportReport>): void;
}

/**
 * Imports leads from CSV rows: columns by header, with leadrouter's own field names, Salesforce
 * Web-to-Lead names and `custom.<name>`. Each row is normalised and routed like any capture; rows
 * are committed in batches, and a row that cannot be read is reported with its line, not imported.
 */
export async function importLeads(deps: CaptureDeps, rows: AsyncIterable<CsvRow> | Iterable<CsvRow>, options: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = { rows: 0, imported: 0, duplicates: 0, replayed: 0, rejected: [] };
  const batchSize = options.batchSize ?? 500;
  let batch: CaptureInput[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    for (const result of await captureBatch(deps, batch)) {
      if (result.kind === 'created') report.imported++;
      else if (result.kind === 'duplicate') report.duplicates++;
      else report.replayed++;
    }
    batch = [];
    options.onProgress?.(report);
  };
  for await (const row of rows) {
    report.rows++;
    const { fields } = fromWebToLead(row.fields);
    const normalized = normalizeLead({ source: options.source, ...fields }, { defaultCountry: options.defaultCountry });
    if (!normalized.ok) report.rejected.push({ line: row.line, errors: normalized.errors.map(describeProblem) });
    else batch.push({ lead: normalized.lead, actor: options.actor ?? null });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  options.onProgress?.(report);
  return report;
}

import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import {
  describeError,
  loadConfig,
  loadPeople,
  parseDocumentText,
  validate,
  type ConfigContext,
  type ConfigError,
  type ConfigPath,
  type Lead,
  type LoadResult,
  type ParsedText,
  type PeopleDoc,
} from '../engine/index.js';
import { CliError } from './io.js';
import { LeadRecord, leadLabel, rowToRecord, unknownColumn } from './lead-record.js';

/** Reads a whole text file, turning file system errors into a sentence. */
export function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new CliError(`cannot read ${what} "${path}": ${why}`);
  }
}

function invalid(what: string, path: string, errors: readonly ConfigError[]): CliError {
  return new CliError([`${what} "${path}" is invalid:`, ...errors.map((e) => `  ${describeError(e)}`)].join('\n'));
}

/** Reads and validates a routing configuration; every problem comes back with its path and line. */
export function readConfigFile(path: string, context: ConfigContext = {}): LoadResult {
  return loadConfig(readText(path, 'routing configuration'), { version: null, context });
}

/** Reads reps and teams (YAML or JSON) and checks them: shape, time zones, references. */
export function readPeopleFile(path: string): PeopleDoc {
  const result = loadPeople(readText(path, 'people file'));
  if (!result.ok) throw invalid('people file', path, result.errors);
  return result.people;
}

/** A lead read from a file, with how to name it and where it was. */
export interface LeadEntry {
  lead: Lead;
  label: string;
}

function toLeads(records: { value: unknown; base: ConfigPath; line?: number }[], path: string, parsed?: ParsedText): LeadEntry[] {
  const errors: ConfigError[] = [];
  const leads: LeadEntry[] = [];
  records.forEach(({ value, base, line }, i) => {
    const result = validate(LeadRecord, value, parsed, base);
    if (!result.ok) {
      for (const e of result.errors) errors.push(line === undefined ? e : { ...e, line });
      return;
    }
    const lead = result.data as Lead;
    leads.push({ lead, label: leadLabel(lead, i) });
  });
  if (errors.length > 0) throw invalid('leads file', path, errors);
  return leads;
}

function readCsvLeads(path: string, text: string): LeadEntry[] {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parseCsv(text, { bom: true, info: true, skip_empty_lines: true, trim: true }) as unknown as typeof rows;
  } catch (error) {
    if (error instanceof CsvError) throw new CliError(`leads file "${path}" is not valid CSV: ${error.message}`);
    throw error;
  }
  const [header, ...body] = rows;
  if (!header) return [];
  const columns = header.record;
  const problems = columns.map(unknownColumn).filter((p): p is string => p !== null);
  if (problems.length > 0) throw new CliError([`leads file "${path}" is invalid:`, ...problems.map((p) => `  header: ${p}`)].join('\n'));
  return toLeads(
    body.map((row) => ({ value: rowToRecord(columns, row.record), base: [], line: row.info.lines })),
    path,
  );
}

function readJsonLeads(path: string, text: string): LeadEntry[] {
  const parsed = parseDocumentText(text);
  if (parsed.errors.length > 0) throw invalid('leads file', path, parsed.errors);
  if (!Array.isArray(parsed.value)) throw new CliError(`leads file "${path}" is invalid: expected a JSON array of leads`);
  return toLeads(parsed.value.map((value: unknown, i) => ({ value, base: [i] })), path, parsed);
}

/** Reads leads from a CSV file (a header row naming the fields) or a JSON array. */
export function readLeadsFile(path: string): LeadEntry[] {
  const ext = extname(path).toLowerCase();
  if (ext !== '.csv' && ext !== '.json') throw new CliError(`leads file "${path}": expected a .csv or .json file`);
  const text = readText(path, 'leads file');
  return ext === '.csv' ? readCsvLeads(path, text) : readJsonLeads(path, text);
}

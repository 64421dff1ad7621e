import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import type { z } from 'zod';
import {
  describeError,
  loadConfig,
  PeopleSchema,
  type ConfigContext,
  type ConfigError,
  type Lead,
  type LoadResult,
  type PeopleDoc,
} from '../engine/index.js';
import { CliError } from './io.js';
import { LeadRecord, leadLabel, rowToRecord, unknownColumn } from './lead-record.js';
import { formatDocPath, parseYamlText, type DocPath, type YamlText } from './yaml-text.js';

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

function issuesToErrors(issues: readonly z.core.$ZodIssue[], yaml: YamlText | undefined, base: DocPath = []): ConfigError[] {
  return issues.map((issue) => {
    const path = [...base, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
    return { path: formatDocPath(path), message: issue.message, line: yaml?.lineOf(path) };
  });
}

/**
 * Reads and validates a routing configuration. YAML syntax errors are reported here, with their
 * line; everything else by loadConfig, with path and line.
 */
export function readConfigFile(path: string, context: ConfigContext = {}): LoadResult {
  const text = readText(path, 'routing configuration');
  const yaml = parseYamlText(text);
  if (yaml.errors.length > 0) return { ok: false, errors: yaml.errors.map((e) => ({ path: '', message: e.message, line: e.line })) };
  return loadConfig(text, { version: null, context });
}

/** References between people that do not resolve, and ids given twice. */
function peopleProblems(people: PeopleDoc, yaml: YamlText): ConfigError[] {
  const problems: { path: DocPath; message: string }[] = [];
  const repIds = new Map<string, number>();
  people.reps.forEach((rep, i) => {
    const seen = repIds.get(rep.id);
    if (seen !== undefined) problems.push({ path: ['reps', i, 'id'], message: `duplicate rep id "${rep.id}" (also reps[${seen}])` });
    else repIds.set(rep.id, i);
  });
  const teamKeys = new Map<string, number>();
  people.teams.forEach((team, i) => {
    const seen = teamKeys.get(team.key);
    if (seen !== undefined) problems.push({ path: ['teams', i, 'key'], message: `duplicate team key "${team.key}" (also teams[${seen}])` });
    else teamKeys.set(team.key, i);
  });
  people.teams.forEach((team, i) => {
    team.members.forEach((m, j) => {
      if (!repIds.has(m.repId)) problems.push({ path: ['teams', i, 'members', j, 'repId'], message: `unknown rep "${m.repId}"` });
    });
    team.subTeams.forEach((s, j) => {
      if (!teamKeys.has(s.key)) problems.push({ path: ['teams', i, 'subTeams', j, 'key'], message: `unknown team "${s.key}"` });
      else if (s.key === team.key) problems.push({ path: ['teams', i, 'subTeams', j, 'key'], message: 'a team cannot be its own sub-team' });
    });
  });
  return problems.map(({ path, message }) => ({ path: formatDocPath(path), message, line: yaml.lineOf(path) }));
}

/** Reads reps and teams (YAML or JSON) and checks them: shape, time zones, references. */
export function readPeopleFile(path: string): PeopleDoc {
  const yaml = parseYamlText(readText(path, 'people file'));
  if (yaml.errors.length > 0) throw invalid('people file', path, yaml.errors.map((e) => ({ path: '', message: e.message, line: e.line })));
  const parsed = PeopleSchema.safeParse(yaml.value ?? {});
  if (!parsed.success) throw invalid('people file', path, issuesToErrors(parsed.error.issues, yaml));
  const problems = peopleProblems(parsed.data, yaml);
  if (problems.length > 0) throw invalid('people file', path, problems);
  return parsed.data;
}

/** A lead read from a file, with how to name it and where it was. */
export interface LeadEntry {
  lead: Lead;
  label: string;
}

function toLeads(records: { value: unknown; base: DocPath; line?: number }[], yaml: YamlText | undefined, path: string): LeadEntry[] {
  const errors: ConfigError[] = [];
  const leads: LeadEntry[] = [];
  records.forEach(({ value, base, line }, i) => {
    const parsed = LeadRecord.safeParse(value);
    if (!parsed.success) {
      for (const e of issuesToErrors(parsed.error.issues, yaml, base)) errors.push(line === undefined ? e : { ...e, line });
      return;
    }
    const lead = parsed.data as Lead;
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
    undefined,
    path,
  );
}

function readJsonLeads(path: string, text: string): LeadEntry[] {
  const yaml = parseYamlText(text);
  if (yaml.errors.length > 0) throw invalid('leads file', path, yaml.errors.map((e) => ({ path: '', message: e.message, line: e.line })));
  if (!Array.isArray(yaml.value)) throw new CliError(`leads file "${path}" is invalid: expected a JSON array of leads`);
  return toLeads(yaml.value.map((value: unknown, i) => ({ value, base: [i] })), yaml, path);
}

/** Reads leads from a CSV file (a header row naming the fields) or a JSON array. */
export function readLeadsFile(path: string): LeadEntry[] {
  const ext = extname(path).toLowerCase();
  if (ext !== '.csv' && ext !== '.json') throw new CliError(`leads file "${path}": expected a .csv or .json file`);
  const text = readText(path, 'leads file');
  return ext === '.csv' ? readCsvLeads(path, text) : readJsonLeads(path, text);
}

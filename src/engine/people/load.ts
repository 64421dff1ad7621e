import type { ConfigError, ConfigPath } from '../config/errors.js';
import { locate, validate, type PathMessage } from '../config/issues.js';
import { readDocument } from '../config/parse.js';
import { PeopleSchema, type PeopleDoc } from './schema.js';

export type PeopleResult = { ok: true; people: PeopleDoc; errors: [] } | { ok: false; errors: ConfigError[] };

/** References between people that do not resolve, and ids given twice. */
function crossReferences(people: PeopleDoc): PathMessage[] {
  const problems: PathMessage[] = [];
  const add = (path: ConfigPath, message: string) => problems.push({ path, message });
  const repIds = new Map<string, number>();
  people.reps.forEach((rep, i) => {
    const seen = repIds.get(rep.id);
    if (seen !== undefined) add(['reps', i, 'id'], `duplicate rep id "${rep.id}" (also reps[${seen}])`);
    else repIds.set(rep.id, i);
  });
  const teamKeys = new Map<string, number>();
  people.teams.forEach((team, i) => {
    const seen = teamKeys.get(team.key);
    if (seen !== undefined) add(['teams', i, 'key'], `duplicate team key "${team.key}" (also teams[${seen}])`);
    else teamKeys.set(team.key, i);
  });
  people.teams.forEach((team, i) => {
    team.members.forEach((m, j) => {
      if (!repIds.has(m.repId)) add(['teams', i, 'members', j, 'repId'], `unknown rep "${m.repId}"`);
    });
    team.subTeams.forEach((s, j) => {
      if (!teamKeys.has(s.key)) add(['teams', i, 'subTeams', j, 'key'], `unknown team "${s.key}"`);
      else if (s.key === team.key) add(['teams', i, 'subTeams', j, 'key'], 'a team cannot be its own sub-team');
    });
  });
  return problems;
}

/** Reads reps and teams from YAML/JSON text or a parsed value and checks them: shape, time zones, references. */
export function loadPeople(source: string | unknown): PeopleResult {
  const document = readDocument(source);
  if (!document.ok) return document;
  const { value, parsed } = document;
  const result = validate(PeopleSchema, value, parsed);
  if (!result.ok) return result;
  const problems = crossReferences(result.data);
  if (problems.length) return { ok: false, errors: locate(problems, parsed) };
  return { ok: true, people: result.data, errors: [] };
}

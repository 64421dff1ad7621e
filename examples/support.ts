/**
 * Shared by the example tests: reads an example organisation from its folder (routing.yaml,
 * people.yaml, leads.csv), emulates the account-match step of the lead lifecycle, and reduces a
 * decision to the few facts a test table asserts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  decide,
  describeError,
  loadConfig,
  PeopleSchema,
  Roster,
  type CompiledConfig,
  type Decision,
  type Lead,
  type PeopleDoc,
  type StrategyState,
} from '../src/engine/index.js';

/** The lead fields a leads.csv column may name; anything else must be `custom.<name>`. */
const LEAD_COLUMNS = new Set([
  'externalId', 'firstName', 'lastName', 'email', 'phone', 'company', 'title', 'industry', 'country', 'region',
  'city', 'postalCode', 'language', 'product', 'value', 'source',
]);

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw new Error('CSV: unterminated quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0]!.trim() === ''));
}

/**
 * Leads from CSV text whose header names lead fields and `custom.<name>` columns. Empty cells
 * are absent fields; `value` is a number; custom cells stay text, as a CSV import delivers them
 * (the engine compares numeric text numerically).
 */
export function leadsFromCsv(text: string): Lead[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const columns = header.map((h) => h.trim());
  for (const column of columns) {
    if (!LEAD_COLUMNS.has(column) && !/^custom\.\w+$/.test(column)) throw new Error(`leads.csv: unknown column "${column}"`);
  }
  return rows.map((cells, r) => {
    if (cells.length !== columns.length) throw new Error(`leads.csv row ${r + 2}: ${cells.length} cells, header has ${columns.length}`);
    const lead: Lead = {};
    const custom: Record<string, unknown> = {};
    columns.forEach((column, c) => {
      const cell = cells[c]!.trim();
      if (cell === '') return;
      if (column.startsWith('custom.')) custom[column.slice('custom.'.length)] = cell;
      else if (column === 'value') {
        const n = Number(cell);
        if (!Number.isFinite(n)) throw new Error(`leads.csv row ${r + 2}: value "${cell}" is not a number`);
        lead.value = n;
      } else (lead as Record<string, unknown>)[column] = cell;
    });
    if (Object.keys(custom).length > 0) lead.custom = custom;
    return lead;
  });
}

export interface Example {
  people: PeopleDoc;
  roster: Roster;
  config: CompiledConfig;
  leads: Lead[];
  /** The lead in leads.csv with this email (or, for a lead without one, this phone number). */
  lead(key: string): Lead;
}

/** Loads an example folder, validating people.yaml with PeopleSchema and routing.yaml against its team keys. */
export function loadExample(dir: string): Example {
  const people = PeopleSchema.parse(parse(readFileSync(join(dir, 'people.yaml'), 'utf8')));
  const result = loadConfig(readFileSync(join(dir, 'routing.yaml'), 'utf8'), {
    version: 1,
    context: { teams: new Set(people.teams.map((t) => t.key)) },
  });
  if (!result.ok) throw new Error(`${dir}/routing.yaml:\n${result.errors.map(describeError).join('\n')}`);
  const leads = leadsFromCsv(readFileSync(join(dir, 'leads.csv'), 'utf8'));
  const byKey = new Map<string, Lead>();
  for (const l of leads) {
    const key = l.email?.toLowerCase() ?? l.phone;
    if (!key) throw new Error(`${dir}/leads.csv: a lead needs an email or a phone number`);
    if (byKey.has(key)) throw new Error(`${dir}/leads.csv: two leads with ${key}`);
    byKey.set(key, l);
  }
  return {
    people,
    roster: new Roster(people.reps, people.teams),
    config: result.config,
    leads,
    lead(key) {
      const lead = byKey.get(key.toLowerCase());
      if (!lead) throw new Error(`no lead ${key} in leads.csv`);
      return lead;
    },
  };
}

export interface Account {
  id: string;
  domain: string;
  ownerId: string;
}

/**
 * The account-match step that runs before routing (PRODUCT.md §2): a lead whose email domain
 * belongs to a known account carries that account and its owner into the decision.
 */
export function matchAccount(lead: Lead, accounts: readonly Account[]): Lead {
  const domain = lead.email?.split('@')[1]?.toLowerCase();
  const account = accounts.find((a) => a.domain === domain);
  return account ? { ...lead, account: { id: account.id, ownerId: account.ownerId } } : lead;
}

/** What a test table expects of one decision. */
export type Expected =
  | { route: string | null; offer: string; team: string | null }
  | { route: string | null; queue: string }
  | { route: string | null; hold: 'unavailable' | 'unroutable' }
  | { unqualified: true };

/** A decision reduced to the shape of `Expected`. */
export function outcomeOf(decision: Decision): Expected {
  const { outcome, route } = decision;
  switch (outcome.type) {
    case 'offer':
      return { route, offer: outcome.repId, team: outcome.team };
    case 'queue':
      return { route, queue: outcome.queue };
    case 'hold':
      // The hold names the route it waits for; it is the decision's route too.
      return { route: outcome.route === route ? route : `${String(route)} (hold says ${String(outcome.route)})`, hold: outcome.reason };
    case 'unqualified':
      return { unqualified: true };
  }
}

/**
 * Decides leads one after another at the same instant, persisting each decision's strategy state
 * (round-robin credits, performance shares) for the next, as the service does.
 */
export function decideInSequence(example: Example, leads: readonly Lead[], now: number): Decision[] {
  const state: Record<string, StrategyState> = {};
  return leads.map((lead) => {
    const decision = decide({ lead, config: example.config, roster: example.roster, now, state });
    for (const change of decision.stateChanges) state[change.scope] = change.state;
    return decision;
  });
}

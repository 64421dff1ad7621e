import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { describeError, formatExplanation, type Outcome, type PeopleDoc } from '../../engine/index.js';
import { countOutcomes, distribution, type DistributionRow } from '../distribution.js';
import { CliError, println, type CliIo } from '../io.js';
import { readConfigFile, readLeadsFile, readPeopleFile } from '../read-files.js';
import { runSimulation, type SimulatedLead } from '../simulation.js';
import { renderTable } from '../table.js';

export interface SimulateOptions {
  config: string;
  people: string;
  leads: string;
  at?: string;
  explain?: boolean;
  json?: boolean;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** `--at` as epoch milliseconds; without it, now. An instant must say its offset: no guessing the zone. */
export function parseAt(at: string | undefined, io: CliIo): number {
  if (at === undefined) return io.now();
  const ms = Date.parse(at);
  if (!ISO_INSTANT.test(at) || Number.isNaN(ms)) {
    throw new CliError(`--at "${at}": expected an ISO 8601 instant with an offset, such as 2026-11-24T15:00:00Z`);
  }
  return ms;
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const percent = (x: number) => `${Math.round(x * 100)}%`;

function outcomeText(outcome: Outcome, people: PeopleDoc, score: number): string {
  switch (outcome.type) {
    case 'offer': {
      const name = people.reps.find((r) => r.id === outcome.repId)?.name ?? outcome.repId;
      return `${outcome.autoAccept ? 'assigned to' : 'offered to'} ${name}${outcome.team ? ` (${outcome.team})` : ''}`;
    }
    case 'queue':
      return `queued in ${outcome.queue}`;
    case 'hold':
      return outcome.reason === 'unavailable' ? 'held until someone eligible is available' : 'held: nobody can take it, a manager must route it';
    case 'unqualified':
      return `unqualified (score ${score})`;
  }
}

function distributionLines(rows: readonly DistributionRow[]): string[] {
  if (rows.length === 0) return ['Distribution: no lead was offered to a rep.'];
  const table = renderTable(
    ['route', 'strategy', 'team', 'rep', 'leads', 'share', 'intended'],
    rows.map((r) => [r.route, r.strategy ?? '-', r.team ?? '-', r.rep, String(r.leads), percent(r.share), r.intended === null ? '-' : percent(r.intended)]),
    new Set([4, 5, 6]),
  );
  return [
    'Distribution of offers, per route and team:',
    ...table.map((l) => `  ${l}`),
    '  share: of the offers this route made to this team; intended: the member\'s weight share, for round-robin',
    '  (the other strategies distribute by load, performance or match, not by weight)',
  ];
}

function totalsLine(results: readonly SimulatedLead[]): string {
  const c = countOutcomes(results);
  const queued = Object.values(c.queued).reduce((a, b) => a + b, 0);
  const parts = [`${c.offered} offered`];
  if (queued) parts.push(`${queued} queued (${Object.entries(c.queued).map(([q, n]) => `${q} ${n}`).join(', ')})`);
  if (c.held.unavailable) parts.push(`${c.held.unavailable} held for availability`);
  if (c.held.unroutable) parts.push(`${c.held.unroutable} held for a manager`);
  if (c.unqualified) parts.push(`${c.unqualified} unqualified`);
  return `${results.length} leads: ${parts.join(', ')}`;
}

/** `simulate`: decides every lead in order, as the service would, and shows where each went. */
export function simulate(options: SimulateOptions, io: CliIo): number {
  const now = parseAt(options.at, io);
  const people = readPeopleFile(options.people);
  const loaded = readConfigFile(options.config, { teams: new Set(people.teams.map((t) => t.key)) });
  if (!loaded.ok) {
    throw new CliError([`routing configuration "${options.config}" is invalid:`, ...loaded.errors.map((e) => `  ${describeError(e)}`)].join('\n'));
  }
  const config = loaded.config;
  const leads = readLeadsFile(options.leads);
  const results = runSimulation({ config, people, leads, now });
  const rows = distribution(results, config, people);

  if (options.json) {
    const decisions = results.map((r, i) => ({ index: i + 1, label: r.label, lead: r.lead, ...r.decision }));
    io.out(`${JSON.stringify({ at: iso(now), config: options.config, people: options.people, leads: options.leads, decisions, distribution: rows }, null, 2)}\n`);
    return 0;
  }

  const local = DateTime.fromMillis(now, { zone: config.timezone }).toFormat('ccc yyyy-LL-dd HH:mm ZZZZ');
  println(
    io.out,
    `Simulating ${leads.length} ${leads.length === 1 ? 'lead' : 'leads'} from ${options.leads}`,
    `  routing ${options.config}, people ${options.people}`,
    `  at ${iso(now)} (${local}, ${config.timezone})${options.at ? '' : ', the current time; pass --at to choose'}`,
    '',
  );
  const number = (i: number) => `${i + 1}.`.padStart(String(results.length).length + 1);
  const width = Math.min(60, Math.max(0, ...results.map((r) => r.label.length)));
  results.forEach((r, i) => {
    const d = r.decision;
    const line = `${number(i)} ${r.label.padEnd(width)}  -> ${outcomeText(d.outcome, people, d.score)}${d.route ? `  [route ${d.route}]` : ''}`;
    println(io.out, line);
    if (options.explain) println(io.out, ...formatExplanation(d).map((l) => `     ${l}`), '');
  });
  println(io.out, '', totalsLine(results), '', ...distributionLines(rows));
  return 0;
}

export function registerSimulate(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('simulate')
    .description('route leads from a file against a configuration and people, without side effects')
    .requiredOption('--config <file>', 'routing configuration (YAML or JSON)')
    .requiredOption('--people <file>', 'reps and teams (YAML or JSON)')
    .requiredOption('--leads <file>', 'leads: a .csv with a header row naming lead fields (custom.<name> for custom ones) or a .json array')
    .option('--at <instant>', 'decide at this ISO 8601 instant, e.g. 2026-11-24T15:00:00Z (default: now)')
    .option('--explain', 'print each decision\'s full explanation')
    .option('--json', 'print the decisions as JSON instead of text')
    .action((options: SimulateOptions) => setExit(simulate(options, io)));
}

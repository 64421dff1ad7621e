import type { Command } from 'commander';
import { describeError, type CompiledConfig, type ConfigContext } from '../../engine/index.js';
import { routingJsonSchemaText } from '../../engine/config/json-schema.js';
import { println, type CliIo } from '../io.js';
import { readConfigFile, readPeopleFile } from '../read-files.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A few lines saying what a valid configuration contains. */
export function configSummary(config: CompiledConfig): string[] {
  const doc = config.doc;
  const lines = [`  time zone: ${config.timezone}`];
  if (doc.scoring) {
    const grades = Object.entries(doc.scoring.grades)
      .sort((a, b) => b[1] - a[1])
      .map(([grade, min]) => `${grade} >= ${min}`);
    lines.push(
      `  scoring: ${plural(doc.scoring.rules.length, 'rule')}` +
        (grades.length ? `; grades ${grades.join(', ')}` : '') +
        (doc.scoring.qualifyAt !== undefined ? `; qualifies at ${doc.scoring.qualifyAt}` : ''),
    );
  }
  const territories = Object.keys(doc.territories);
  lines.push(`  territories (${territories.length}): ${territories.length ? territories.join(', ') : 'none'}`);
  lines.push(`  routes (${config.routes.length}${config.fallback ? ' + fallback' : ', no fallback'}):`);
  config.routes.forEach((route, i) => lines.push(`    ${i + 1}. ${route.name} -> ${route.target.text}${route.onNoCandidate === 'hold' ? ' (holds when nobody is eligible)' : ''}`));
  if (config.fallback) lines.push(`    fallback -> ${config.fallback.target.text}`);
  const offer = config.offer;
  lines.push(
    `  offer: ${offer.timeoutMs === 0 ? 'auto-accept' : `${doc.offer?.timeout ?? '5m'} to accept`}, ${plural(offer.maxAttempts, 'attempt')}, ` +
      `then ${offer.onExhausted ? `queue ${offer.onExhausted}` : 'hold for a manager'}`,
  );
  if (config.sla && doc.sla) lines.push(`  sla: first contact within ${doc.sla.firstContact}, then ${config.sla.onBreach}`);
  return lines;
}

/** `config validate <file> [--people <file>]`: 0 when valid, 1 with every error. */
export function validateConfig(file: string, options: { people?: string }, io: CliIo): number {
  let context: ConfigContext = {};
  if (options.people) {
    const people = readPeopleFile(options.people);
    context = {
      teams: new Set(people.teams.map((t) => t.key)),
      // Routes may name a rep by id or by email.
      reps: new Set(people.reps.flatMap((r) => (r.email ? [r.id, r.email] : [r.id]))),
    };
  }
  const result = readConfigFile(file, context);
  if (!result.ok) {
    println(io.err, `${file}: ${plural(result.errors.length, 'error')}`, ...result.errors.map(describeError));
    return 1;
  }
  println(io.out, `valid: ${file}${options.people ? ` (teams and reps checked against ${options.people})` : ''}`, ...configSummary(result.config));
  return 0;
}

export function registerConfig(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const config = program.command('config').description('check routing configurations and print their JSON Schema');
  config
    .command('validate')
    .description('validate a routing configuration (YAML or JSON); prints every error with its path and line')
    .argument('<file>', 'routing configuration file')
    .option('--people <file>', 'reps and teams (YAML or JSON); unknown team keys and reps become errors')
    .action((file: string, options: { people?: string }) => setExit(validateConfig(file, options, io)));
  config
    .command('schema')
    .description('print the JSON Schema of the routing configuration (for editors)')
    .action(() => {
      io.out(routingJsonSchemaText());
      setExit(0);
    });
}

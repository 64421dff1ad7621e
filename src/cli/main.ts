#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { registerConfig } from './commands/config.js';
import { registerSimulate } from './commands/simulate.js';
import { registerServe } from './commands/serve.js';
import { registerStore } from './commands/store.js';
import { CliError, processIo, type CliIo } from './io.js';
import { packageVersion } from '../settings/package.js';

/** The `leadrouter` program with its commands; output goes to `io`, and nothing exits the process. */
export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('leadrouter')
    .description('leadrouter: route sales leads to the rep who best matches them')
    .version(packageVersion(), '-V, --version')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  // Commands created below inherit the output and exit settings above.
  registerConfig(program, io, setExit);
  registerSimulate(program, io, setExit);
  registerStore(program, io, setExit);
  registerServe(program, io);
  return program;
}

/**
 * Runs the CLI with `argv` (the arguments after the program name) and returns the exit code.
 * Problems are reported in words on `io.err`, never as a stack trace.
 */
export async function run(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CliError) {
      io.err(`error: ${error.message}\n`);
      return error.exitCode;
    }
    io.err(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isEntryPoint()) process.exitCode = await run(process.argv.slice(2));

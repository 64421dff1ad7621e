/**
 * What a command may touch outside its arguments: where text goes and what time it is. The
 * process supplies the real ones; tests pass their own and read what was written.
 */
export interface CliIo {
  /** Writes to standard output; `text` carries its own line breaks. */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
  /** The current instant, epoch milliseconds. The engine never reads the clock; the CLI does, here. */
  now(): number;
  /** The environment the service settings are read from. */
  env: NodeJS.ProcessEnv;
  /** Whether standard error is a terminal (a progress bar is drawn only then). */
  interactive: boolean;
}

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  now: () => Date.now(),
  env: process.env,
  interactive: Boolean(process.stderr.isTTY),
};

/** A problem to tell the user in words (no stack trace), with the exit code to end with. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Writes each line followed by a line break. */
export function println(write: (text: string) => void, ...lines: string[]): void {
  if (lines.length > 0) write(`${lines.join('\n')}\n`);
}

export type ConfigPath = readonly (string | number)[];

/** One problem in a routing configuration, located by path (and by line when parsed from text). */
export interface ConfigError {
  path: string;
  message: string;
  line?: number;
  column?: number;
}

/** `['routes', 3, 'assign', 'team']` -> `routes[3].assign.team`. */
export function formatPath(path: ConfigPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

export function describeError(error: ConfigError): string {
  const where = error.line ? ` (line ${error.line})` : '';
  return `${error.path || '(root)'}: ${error.message}${where}`;
}

/** Collects the problems found while compiling, so every one is reported, not just the first. */
export class Problems {
  readonly list: { path: ConfigPath; message: string }[] = [];
  add(path: ConfigPath, message: string): void {
    this.list.push({ path, message });
  }
  get empty(): boolean {
    return this.list.length === 0;
  }
}

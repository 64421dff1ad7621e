import { isNode, LineCounter, parseDocument } from 'yaml';

export type DocPath = readonly (string | number)[];

/** A YAML (or JSON) document with its syntax errors and the line of any path in it. */
export interface YamlText {
  value: unknown;
  /** Syntax errors, each with the line it is on. */
  errors: { message: string; line?: number }[];
  lineOf(path: DocPath): number | undefined;
}

/** Parses YAML or JSON text (YAML is a superset of JSON), keeping positions for messages. */
export function parseYamlText(text: string): YamlText {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors = doc.errors.map((e) => ({
    message: e.message.split('\n')[0] ?? e.message,
    line: e.pos ? lineCounter.linePos(e.pos[0]).line : undefined,
  }));
  const lineOf = (path: DocPath) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return { value: errors.length ? undefined : doc.toJS({ maxAliasCount: 100 }), errors, lineOf };
}

/** `['reps', 3, 'timezone']` -> `reps[3].timezone`, the way configuration errors name paths. */
export function formatDocPath(path: DocPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

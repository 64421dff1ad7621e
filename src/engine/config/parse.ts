import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { ConfigError, ConfigPath } from './errors.js';

/** A document read from YAML or JSON text, able to tell the line of any path in it. */
export interface ParsedText {
  value: unknown;
  errors: ConfigError[];
  lineOf(path: ConfigPath): { line: number; column: number } | undefined;
}

/** YAML is a superset of JSON, so one parser reads both and reports syntax errors with their line. */
export function parseDocumentText(text: string): ParsedText {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors: ConfigError[] = doc.errors.map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    return { path: '', message: e.message.split('\n')[0] ?? e.message, line: pos.line, column: pos.col };
  });
  const lineOf = (path: ConfigPath) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return undefined;
  };
  return { value: errors.length ? undefined : doc.toJS({ maxAliasCount: 100 }), errors, lineOf };
}

export type DocumentSource = { ok: true; value: unknown; parsed?: ParsedText } | { ok: false; errors: ConfigError[] };

/** A document given as YAML/JSON text (parsed, with its lines kept) or as an already parsed value. */
export function readDocument(source: string | unknown): DocumentSource {
  if (typeof source !== 'string') return { ok: true, value: source };
  const parsed = parseDocumentText(source);
  if (parsed.errors.length) return { ok: false, errors: parsed.errors };
  return { ok: true, value: parsed.value ?? {}, parsed };
}

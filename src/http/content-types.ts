import type { App } from './context.js';

/**
 * An urlencoded body as a plain object: a repeated name becomes a list, as the form mappers take
 * it. Built with fromEntries, so a field named `__proto__` is an ordinary key.
 */
export function parseUrlEncoded(text: string): Record<string, string | string[]> {
  const fields = new Map<string, string | string[]>();
  for (const [name, value] of new URLSearchParams(text)) {
    const held = fields.get(name);
    fields.set(name, held === undefined ? value : Array.isArray(held) ? [...held, value] : [held, value]);
  }
  return Object.fromEntries(fields);
}

/** HTML form posts (application/x-www-form-urlencoded), for the public form endpoint. */
export function acceptUrlEncoded(app: App): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, parseUrlEncoded(body as string));
  });
}

/** CSV uploads (text/csv) as text, for imports. */
export function acceptCsv(app: App): void {
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));
}

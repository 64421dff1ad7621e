import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { formatPath } from '../engine/index.js';

/** Where fastify validates, and what the API calls that part of the request in field paths. */
const PARTS: Record<string, string> = { body: 'body', querystring: 'query', params: 'params', headers: 'headers' };

/** A request that did not match its schema: every problem, each with its path (`body.leads[3].email`). */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(readonly details: { path: string; message: string }[]) {
    super(details.length === 1 ? `${details[0]!.path}: ${details[0]!.message}` : `the request has ${details.length} problems`);
    this.name = 'RequestValidationError';
  }
}

/** `['leads', 3, 'email']` under `body` -> `body.leads[3].email`. */
export function fieldPath(part: string, path: readonly PropertyKey[]): string {
  const rest = formatPath(path.filter((p): p is string | number => typeof p !== 'symbol'));
  return rest === '' ? part : rest.startsWith('[') ? `${part}${rest}` : `${part}.${rest}`;
}

export function issuesToDetails(part: string, issues: readonly z.core.$ZodIssue[]): { path: string; message: string }[] {
  const details: { path: string; message: string }[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) details.push({ path: fieldPath(part, [...issue.path, key]), message: 'unknown field' });
    } else if (issue.code === 'invalid_union' && issue.errors.length > 0 && issue.errors.every((e) => e.length > 0)) {
      // Report the alternative that got furthest, rather than "invalid input".
      const best = issue.errors.reduce((a, b) => (deepest(b) > deepest(a) ? b : a));
      details.push(...issuesToDetails(part, best.map((i) => ({ ...i, path: [...issue.path, ...i.path] }))));
    } else {
      details.push({ path: fieldPath(part, issue.path), message: issue.message });
    }
  }
  return details;
}

const deepest = (issues: readonly z.core.$ZodIssue[]) => Math.max(...issues.map((i) => i.path.length));

/** Validates with zod and reports failures as the API's field problems. */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const part = PARTS[httpPart ?? 'body'] ?? httpPart ?? 'body';
  return (data: unknown) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(issuesToDetails(part, result.error.issues)) };
  };
};

/** A field problem as the API reports it: where (`body.email`) and what; config errors add the line. */
export interface Problem {
  path: string;
  message: string;
  line?: number;
  column?: number;
}

/** An API refusal, in words: the message, and every problem with its place. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: Problem[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  /** `text` for CSV and other non-JSON answers. */
  as?: 'json' | 'text';
}

let apiKey: string | null = null;
let onUnauthorized: () => void = () => {};

/** The key every request carries, and what to do when the server no longer takes it. */
export function useKey(key: string | null, unauthorized: () => void = () => {}): void {
  apiKey = key;
  onUnauthorized = unauthorized;
}

export function currentKey(): string | null {
  return apiKey;
}

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Calls the public API — the console has no other way in, so the server enforces every role. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: options.as === 'text' ? 'text/csv, text/plain' : 'application/json' };
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached. Check your connection and try again.', []);
  }
  if (response.status === 401 && apiKey) onUnauthorized();
  if (!response.ok) throw await refusal(response);
  if (response.status === 204) return undefined as T;
  return (options.as === 'text' ? await response.text() : await response.json()) as T;
}

/**
 * Every item of a paginated list, following the cursor 200 at a time, up to `cap` items (then
 * `capped`): for pickers, names in place of ids, and lists the console sorts itself.
 */
export async function allPages<T>(path: string, query: Query = {}, cap = Infinity): Promise<{ items: T[]; capped: boolean }> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await api<Page<T>>(path, { query: { ...query, cursor, limit: 200 } });
    items.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < cap);
  return { items, capped: cursor !== undefined };
}

async function refusal(response: Response): Promise<ApiError> {
  try {
    const { error } = (await response.json()) as { error: { code: string; message: string; details?: unknown } };
    const problems = Array.isArray(error.details) ? (error.details as Problem[]).filter((d) => typeof d?.message === 'string') : [];
    return new ApiError(response.status, error.code, error.message, problems);
  } catch {
    return new ApiError(response.status, 'http_error', `The server answered ${response.status} ${response.statusText}.`, []);
  }
}

/** Any failure as a sentence for a person. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return `You are not allowed to do this with your key: ${error.message}.`;
    // A sentence starts with a capital; a message that starts with a field path (body.email: …) keeps it as sent.
    const sentence = /^[a-z]+(\s|,)/.test(error.message) ? error.message.charAt(0).toUpperCase() + error.message.slice(1) : error.message;
    return sentence + (/[.!?]$/.test(sentence) ? '' : '.');
  }
  return error instanceof Error ? error.message : String(error);
}

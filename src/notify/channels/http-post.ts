import { DeliveryError } from '../delivery-error.js';

export interface PostRequest {
  /** What is being delivered, for the error: `sms to +14155550100`. */
  what: string;
  headers: Record<string, string>;
  body: string;
  /** The whole exchange, answer included: a receiver that never answers fails within it. */
  timeoutMs: number;
}

/**
 * POSTs a message over HTTP and tells from the answer whether it was taken: any 2xx is delivered.
 * A receiver that is unreachable, slow, failing (5xx), overloaded (429) or timed out (408) may
 * take it later; any other answer is its final word. Redirects are not followed: a POST that
 * is redirected is not a delivery, and the URL wants correcting rather than trying again.
 */
export async function post(url: string, request: PostRequest): Promise<void> {
  const target = httpUrl(url, request.what);
  let response: Response;
  try {
    response = await fetch(target, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
  } catch (error) {
    throw new DeliveryError(`${request.what}: ${fetchFailure(error, request.timeoutMs)}`, true, { cause: error });
  }
  if (response.status >= 200 && response.status < 300) {
    // The answer's body says nothing we need; dropping it frees the connection.
    await response.body?.cancel().catch(() => undefined);
    return;
  }
  const detail = await answerText(response);
  throw new DeliveryError(`${request.what}: HTTP ${response.status}${detail ? `: ${detail}` : ''}`, isRetryableStatus(response.status), {
    retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
  });
}

export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 429 || status === 408;
}

function httpUrl(url: string, what: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DeliveryError(`${what}: not a URL: ${url}`, false);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new DeliveryError(`${what}: expected an http or https URL, not ${parsed.protocol}`, false);
  if (parsed.username || parsed.password) throw new DeliveryError(`${what}: the URL must not carry a user name or password`, false);
  return parsed;
}

function fetchFailure(error: unknown, timeoutMs: number): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  // fetch reports every network failure as "fetch failed"; what failed is in its cause.
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const reason = cause?.code ?? cause?.message;
  return typeof reason === 'string' ? `${error.message} (${reason})` : error.message;
}

/** The start of the answer's body: receivers say there why they refused. */
async function answerText(response: Response): Promise<string> {
  try {
    return (await response.text()).replace(/\s+/g, ' ').trim().slice(0, 300);
  } catch {
    return '';
  }
}

/** `Retry-After` in seconds or as an HTTP date; undefined when absent or unreadable. */
function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

import type { z } from 'zod';
import type { App } from './context.js';
import type { LeadStreamEvent } from './schemas/events.js';

/** One Server-Sent Events message, fields as sent. */
export interface SseMessage {
  id?: string;
  event?: string;
  data: string;
  retry?: string;
}

export type LeadStreamMessage = z.output<typeof LeadStreamEvent>;

/** The base URL of an app listening on a free port of 127.0.0.1. */
export async function listenLocally(app: App): Promise<string> {
  return app.listen({ port: 0, host: '127.0.0.1' });
}

/**
 * A client of a Server-Sent Events stream over real HTTP, as a browser's EventSource reads it:
 * node's fetch and the response body read as it comes, parsed message by message.
 */
export class SseClient {
  readonly messages: SseMessage[] = [];
  readonly comments: string[] = [];
  /** The server ended the stream (or the client closed it). */
  ended = false;

  private constructor(
    readonly response: Response,
    private readonly abort: AbortController,
  ) {}

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const abort = new AbortController();
    const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
    const client = new SseClient(response, abort);
    if (response.ok && response.body) void client.read(response.body);
    return client;
  }

  /** The `lead` messages so far, their data parsed. */
  get leadEvents(): LeadStreamMessage[] {
    return this.messages.filter((m) => m.event === 'lead').map((m) => JSON.parse(m.data) as LeadStreamMessage);
  }

  /** Waits until `check` gives something (not undefined or false), and gives that. */
  async until<T>(check: (client: SseClient) => T | undefined | false, timeoutMs = 5_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = check(this);
      if (found !== undefined && found !== false) return found;
      if (Date.now() > deadline) throw new Error(`not seen within ${timeoutMs} ms; got ${JSON.stringify(this.messages)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Waits for the `lead` message of this type about this lead. */
  async leadEvent(leadId: string, type: string, timeoutMs?: number): Promise<LeadStreamMessage> {
    return this.until((c) => c.leadEvents.find((e) => e.leadId === leadId && e.type === type), timeoutMs);
  }

  close(): void {
    this.abort.abort();
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          this.parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // Aborted by close().
    } finally {
      this.ended = true;
    }
  }

  private parse(block: string): void {
    const message: Partial<SseMessage> & { data?: string } = {};
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        this.comments.push(line.slice(1).trim());
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') message.data = message.data === undefined ? value : `${message.data}\n${value}`;
      else if (field === 'id' || field === 'event' || field === 'retry') message[field] = value;
    }
    if (message.data !== undefined || message.retry !== undefined) this.messages.push({ ...message, data: message.data ?? '' });
  }
}

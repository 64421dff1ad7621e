import type { ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { ApiKeyRole } from '../../service/api-keys.js';
import { EventFeed, type EventFeedOptions } from '../../service/event-feed.js';
import type { StoredLeadEvent } from '../../store/repositories/lead-events.js';
import type { PublicLead } from '../../service/lead-view.js';
import { principalOf } from '../auth.js';
import type { App, AppContext } from '../context.js';
import { ApiError } from '../errors.js';
import { EventsHeaders, EventsQuery, LeadStreamEvent } from '../schemas/events.js';

export interface EventStreamOptions extends EventFeedOptions {
  /** How often a stream says something when no event comes, so that proxies and browsers keep it open. Default 15 s. */
  heartbeatMs?: number;
}

const READERS: readonly ApiKeyRole[] = ['admin', 'manager', 'rep'];

/** How long an EventSource waits before it reconnects, in ms. */
const RETRY_MS = 2000;

/**
 * A client that reads slower than events come is cut off once this much waits unsent, rather
 * than held in memory without end: it reconnects with Last-Event-ID and catches up.
 */
const MAX_UNSENT_BYTES = 1024 * 1024;

function message(event: StoredLeadEvent, lead: PublicLead | null): string {
  const data: z.output<typeof LeadStreamEvent> = {
    eventId: event.id,
    leadId: event.leadId,
    type: event.type,
    at: new Date(event.at).toISOString(),
    actor: event.actor,
    data: event.data ?? {},
    lead,
  };
  return `id: ${event.id}\nevent: lead\ndata: ${JSON.stringify(data)}\n\n`;
}

/** GET /v1/events: the console's live view of leads, as Server-Sent Events. */
export function eventRoutes(app: App, ctx: AppContext, options: EventStreamOptions = {}): void {
  const feed = new EventFeed(ctx.db, ctx.outbox, (error) => app.log.error({ err: error }, 'reading lead events for the live streams failed; trying again'), options);
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  // Closing the app waits for open connections, and a stream stays open: they are ended first.
  const streams = new Set<ServerResponse>();
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
    for (const stream of streams) stream.end();
    await feed.close();
  });

  app.get(
    '/v1/events',
    {
      config: { access: READERS, keyInQuery: true },
      // A HEAD would hold a stream open with nothing to send.
      exposeHeadRoute: false,
      schema: {
        tags: ['leads'],
        summary: 'Lead events as they happen (Server-Sent Events)',
        description:
          'A `text/event-stream` of timeline events, whichever instance committed them: each message is `id: <event id>`, ' +
          '`event: lead` and `data:` a LeadStreamEvent — the event with the lead as it is now, so the client need not read it ' +
          'again. A rep key receives the events of the leads offered to or owned by the rep, and those that take a lead away ' +
          "from them (with `lead: null`); managers and admins receive all. It starts from now; with Last-Event-ID (an EventSource " +
          'sends it when it reconnects) or `since`, the events after that id come first. `: keep-alive` comments keep an idle ' +
          "stream open. A browser's EventSource cannot send headers: this endpoint alone also takes the key as `?key=`.",
        querystring: EventsQuery,
        headers: EventsHeaders,
        response: { 200: { description: 'the stream; each message’s data is a LeadStreamEvent', content: { 'text/event-stream': { schema: LeadStreamEvent } } } },
      },
    },
    async (request, reply) => {
      const viewer = principalOf(request);
      const lastEventId = request.headers['last-event-id'];
      // A reconnecting EventSource asks for the URL it first asked for, and says where it got to in the header: that wins.
      const since = lastEventId !== undefined ? Number(lastEventId) : (request.query.since ?? null);
      const res = reply.raw;
      let heartbeat: NodeJS.Timeout | undefined;
      let stop: (() => void) | null = null;
      let gone = false;
      res.on('close', () => {
        gone = true;
        clearInterval(heartbeat);
        streams.delete(res);
        stop?.();
      });
      const send = (text: string) => {
        if (gone || res.writableEnded) return;
        if (res.writableLength > MAX_UNSENT_BYTES) res.destroy();
        else res.write(text);
      };
      // The stream opens (200 and its headers) only once the subscription holds: a client that
      // sees it open and then reads the leads misses no event committed in between.
      let opened = false;
      const open = () => {
        if (opened) return;
        opened = true;
        reply.hijack();
        res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
        streams.add(res);
        send(`retry: ${RETRY_MS}\n\n`);
        heartbeat = setInterval(() => send(': keep-alive\n\n'), heartbeatMs);
      };

      const unsubscribe = await feed.subscribe(viewer, since, (event, lead) => {
        open();
        send(message(event, lead));
      });
      if (gone) {
        // The client left while the subscription started.
        unsubscribe();
        reply.hijack();
        return;
      }
      if (closing) {
        unsubscribe();
        if (!opened) throw new ApiError(503, 'unavailable', 'the server is shutting down');
        res.end();
        return;
      }
      stop = unsubscribe;
      open();
    },
  );
}

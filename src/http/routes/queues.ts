import { z } from 'zod';
import type { ApiKeyRole } from '../../service/api-keys.js';
import { listQueues, pull } from '../../service/queues.js';
import type { App, AppContext } from '../context.js';
import { aboutBody } from '../errors.js';
import { ErrorResponse } from '../schemas/common.js';
import { PullBody, PullResponse, QueueList, QueueParams } from '../schemas/queues.js';
import { leadViews, queueView } from '../views.js';
import { callerOf } from './lifecycle.js';

const WORKERS: readonly ApiKeyRole[] = ['admin', 'manager', 'rep'];

/** Pull queues: where leads routed to a queue wait, and how a rep takes the next one. */
export function queueRoutes(app: App, ctx: AppContext): void {
  const tags = ['queues'];

  app.get(
    '/v1/queues',
    {
      config: { access: WORKERS },
      schema: {
        tags,
        summary: 'List queues with their depth and oldest lead',
        description:
          'Every queue the active routing configuration names (empty ones too), and any other that still holds leads, by key, with who may pull from it. ' +
          'For a rep key, `mayPull` says whether the rep pulls from the queue (one of its pullers, with what it requires), even if not this minute.',
        response: { 200: QueueList },
      },
    },
    async (request) => ({ data: (await listQueues(ctx, callerOf(request))).map(queueView), nextCursor: null }),
  );

  app.post(
    '/v1/queues/:key/pull',
    {
      config: { access: WORKERS },
      schema: {
        tags,
        summary: 'Pull the next lead from a queue',
        description:
          'The highest-priority (score), then oldest, lead of the queue is assigned to the rep at once and its first-contact deadline starts; ' +
          'concurrent pullers each get a different lead. 204 when the queue is empty. A rep key pulls for itself; an admin or manager key names ' +
          'the rep in `repId` (400 without it, or for an unknown rep). 409 when the rep may not pull from the queue (not one of its pullers, or without what it requires) or not take a lead now: inactive, at capacity or at their daily cap.',
        params: QueueParams,
        body: PullBody,
        response: { 200: PullResponse, 204: z.null().describe('the queue is empty'), 400: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      const lead = await aboutBody(pull(ctx, request.params.key, callerOf(request), request.body?.repId ?? null));
      return lead ? { lead: (await leadViews(ctx.db, [lead]))[0]! } : reply.code(204).send(null);
    },
  );
}

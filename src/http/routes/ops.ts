import { z } from 'zod';
import { ping } from '../../store/database.js';
import type { App, AppContext } from '../context.js';
import { ErrorResponse } from '../schemas/common.js';

/** GET /healthz (the database answers) and GET /metrics (Prometheus text), both without a key. */
export function opsRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      schema: {
        tags: ['ops'],
        summary: 'Health: 200 when the database answers, 503 when it does not',
        response: { 200: z.object({ status: z.literal('ok'), database: z.literal('ok') }), 503: ErrorResponse },
      },
    },
    async (request, reply) => {
      try {
        await ping(ctx.db);
      } catch (error) {
        request.log.warn({ err: error }, 'health check: database unreachable');
        return reply.code(503).send({ error: { code: 'unavailable', message: 'the database does not answer' } });
      }
      return { status: 'ok' as const, database: 'ok' as const };
    },
  );

  app.get(
    '/metrics',
    { config: { access: 'public' }, schema: { tags: ['ops'], summary: 'Prometheus metrics: captures by source, decisions by route and outcome, capture latency' } },
    async (_request, reply) => {
      const { contentType, body } = await ctx.metrics.text();
      return reply.type(contentType).send(body);
    },
  );
}

import { z } from 'zod';
import type { ApiKeyRole } from '../../service/api-keys.js';
import { createWebhook, findWebhooks, removeWebhook } from '../../service/webhooks.js';
import type { App, AppContext } from '../context.js';
import { aboutBody } from '../errors.js';
import { ErrorResponse } from '../schemas/common.js';
import { CreatedWebhook, WebhookInput, WebhookList, WebhookParams } from '../schemas/notifications.js';
import { webhookView } from '../views.js';

const ADMINS: readonly ApiKeyRole[] = ['admin'];

/** Webhook subscriptions: URLs that receive lead events, signed with a secret of their own. */
export function webhookRoutes(app: App, ctx: AppContext): void {
  const tags = ['messages'];
  app.get('/v1/webhooks', { config: { access: ADMINS }, schema: { tags, summary: 'List webhook subscriptions', response: { 200: WebhookList } } }, async () => ({
    data: (await findWebhooks(ctx.db)).map(webhookView),
    nextCursor: null,
  }));

  app.post(
    '/v1/webhooks',
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary: 'Subscribe a URL to lead events',
        description: 'The answer holds the signing secret, shown only now. See docs/webhooks.md for the payload and how to verify the signature.',
        body: WebhookInput,
        response: { 201: CreatedWebhook, 400: ErrorResponse },
      },
    },
    async (request, reply) => {
      const webhook = await aboutBody(createWebhook(ctx.db, request.body, ctx.clock));
      return reply.code(201).send({ ...webhookView(webhook), secret: webhook.secret });
    },
  );

  app.delete(
    '/v1/webhooks/:id',
    { config: { access: ADMINS }, schema: { tags, summary: 'Remove a webhook subscription', params: WebhookParams, response: { 204: z.null().describe('removed'), 404: ErrorResponse } } },
    async (request, reply) => {
      await removeWebhook(ctx.db, request.params.id);
      return reply.code(204).send(null);
    },
  );
}

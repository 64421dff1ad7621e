import { z } from 'zod';
import { createApiKey, listKeys, revokeApiKey } from '../../service/api-keys.js';
import type { App, AppContext } from '../context.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { aboutBody } from '../errors.js';
import { ErrorResponse, page, PageQuery } from '../schemas/common.js';
import { ApiKey, ApiKeyParams, CreateApiKeyBody, CreatedApiKey } from '../schemas/api-keys.js';
import { apiKeyView } from '../views.js';

const KeyCursor = z.strictObject({ c: z.number(), i: z.string() });

/** API keys (admin only): list, create (the secret is in that answer only), revoke. */
export function apiKeyRoutes(app: App, ctx: AppContext): void {
  const tags = ['admin'];

  app.get(
    '/v1/api-keys',
    { config: { access: ['admin'] }, schema: { tags, summary: 'List API keys, oldest first (never their secrets)', querystring: PageQuery, response: { 200: page(ApiKey) } } },
    async (request) => {
      const after = decodeCursor(request.query.cursor, KeyCursor);
      const keys = await listKeys(ctx.db, { limit: request.query.limit, ...(after && { after: { createdAt: after.c, id: after.i } }) });
      return { data: keys.items.map(apiKeyView), nextCursor: keys.next && encodeCursor({ c: keys.next.createdAt, i: keys.next.id }) };
    },
  );

  app.post(
    '/v1/api-keys',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        summary: 'Create an API key; the answer holds the secret as `key`, shown this once',
        description: 'A rep key needs `repId` (an existing rep); other roles must not have one.',
        body: CreateApiKeyBody,
        response: { 201: CreatedApiKey },
      },
    },
    async (request, reply) => {
      const { apiKey, key } = await aboutBody(createApiKey(ctx.db, request.body, ctx.clock));
      return reply.code(201).send({ ...apiKeyView(apiKey), key });
    },
  );

  app.delete(
    '/v1/api-keys/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        summary: 'Revoke an API key',
        description: '204 when revoked (or already revoked); 409 for the last active admin key.',
        params: ApiKeyParams,
        response: { 204: z.null().describe('revoked'), 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      const key = await revokeApiKey(ctx.db, request.params.id, ctx.clock);
      ctx.verifier.forget(key.id);
      return reply.code(204).send(null);
    },
  );
}

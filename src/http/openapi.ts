import swagger from '@fastify/swagger';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { ErrorResponse } from './schemas/common.js';
import { packageVersion } from '../settings/package.js';
import { apiSchemas } from './schemas/registry.js';

/** The OpenAPI 3.1 document, generated from the zod schemas the routes validate with. */
export function registerOpenApi(app: FastifyInstance): void {
  void app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'leadrouter',
        version: packageVersion(),
        description:
          'Capture leads and route them to reps. Every endpoint but /healthz, /metrics and /openapi.json needs an API key ' +
          '(`Authorization: Bearer <key>` or `X-API-Key: <key>`); each operation lists the roles it allows. Errors are ' +
          '`{ "error": { "code", "message", "details" } }`; for invalid requests `details` lists `{ path, message }` per field.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'an API key' },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        },
      },
    },
    transform: createJsonSchemaTransform({ schemaRegistry: apiSchemas }),
    transformObject: createJsonSchemaTransformObject({ schemaRegistry: apiSchemas }),
  });
}

/** GET /openapi.json: the document, for anyone. */
export function openApiRoute(app: FastifyInstance): void {
  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
}

/** The error answers every route can give, by what it allows. */
export function documentRoute(route: RouteOptions): void {
  const access = route.config?.access;
  const schema = (route.schema ??= {}) as Record<string, unknown> & { response?: Record<string, unknown>; description?: string };
  const errors: Record<string, unknown> = { 400: ErrorResponse };
  if (access !== 'public') {
    schema.security = [{ bearer: [] }, { apiKey: [] }];
    errors[401] = ErrorResponse;
    errors[403] = ErrorResponse;
    const roles = `Roles: ${(access ?? []).join(', ')}.`;
    schema.description = schema.description ? `${schema.description}\n\n${roles}` : roles;
  }
  if (route.method !== 'GET' && route.method !== 'HEAD') errors[413] = ErrorResponse;
  schema.response = { ...errors, ...(schema.response ?? {}) };
}

import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { ApiKeyRole, ApiKeyVerifier, Principal } from '../service/api-keys.js';
import { ApiError } from './errors.js';

/** Who may call a route: anyone (`public`), or API keys with one of these roles. */
export type Access = 'public' | readonly ApiKeyRole[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** The key may come as `?key=` too (see presentedKey). */
    keyInQuery?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/**
 * The secret from `Authorization: Bearer <key>` or `X-API-Key: <key>` — or, on a route whose
 * config says `keyInQuery`, from `?key=<key>`: a browser's EventSource cannot send headers, so
 * the console's live event stream has no other way to present its key. Only there, because a
 * URL with a key in it lands in browser history and in access logs.
 */
export function presentedKey(request: FastifyRequest): string | undefined {
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (match) return match[1];
  }
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header.trim() !== '') return header.trim();
  const query = request.routeOptions.config.keyInQuery ? (request.query as Record<string, unknown> | undefined) : undefined;
  return typeof query?.key === 'string' && query.key.trim() !== '' ? query.key.trim() : undefined;
}

/** The caller of a route that is not public (authentication has run). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new ApiError(401, 'unauthorized', 'an API key is required');
  return request.principal;
}

/** The rep a rep key acts as; any other key is refused. */
export function repIdOf(request: FastifyRequest): string {
  const principal = principalOf(request);
  if (!principal.repId) throw new ApiError(403, 'forbidden', 'only a rep key has a profile of its own');
  return principal.repId;
}

/** Every route must say who may call it; a route that does not is a programming error, found at start. */
export function checkAccessDeclared(route: RouteOptions): void {
  if (route.config?.access === undefined) throw new Error(`route ${String(route.method)} ${route.url} does not declare config.access`);
}

/**
 * Authenticates before the body is read: a request without a key, or with one that is unknown or
 * revoked, is a 401; a key whose role the route does not allow is a 403.
 */
export function registerAuth(app: FastifyInstance, verifier: ApiKeyVerifier): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config.access;
    if (request.is404 || access === undefined || access === 'public') return;
    const secret = presentedKey(request);
    if (!secret) {
      reply.header('www-authenticate', 'Bearer');
      const inQuery = request.routeOptions.config.keyInQuery ? ' (or ?key=<key>)' : '';
      throw new ApiError(401, 'unauthorized', `an API key is required: send Authorization: Bearer <key> or X-API-Key: <key>${inQuery}`);
    }
    const principal = await verifier.verify(secret);
    if (!principal) {
      reply.header('www-authenticate', 'Bearer error="invalid_token"');
      throw new ApiError(401, 'unauthorized', 'the API key is unknown or revoked');
    }
    request.principal = principal;
    if (!access.includes(principal.role)) {
      throw new ApiError(403, 'forbidden', `a ${principal.role} key may not ${request.method} ${request.routeOptions.url}; allowed: ${access.join(', ')}`);
    }
  });
}

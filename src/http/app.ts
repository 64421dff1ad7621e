import Fastify, { type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { createSerializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiKeyVerifier } from '../service/api-keys.js';
import { CaptureQueue } from '../service/capture-queue.js';
import type { CaptureDeps } from '../service/capture.js';
import { checkAccessDeclared, registerAuth } from './auth.js';
import { consoleRoutes } from './console.js';
import type { App, AppContext } from './context.js';
import { errorHandler, notFoundHandler } from './errors.js';
import { AppMetrics } from './metrics.js';
import { documentRoute, openApiRoute, registerOpenApi } from './openapi.js';
import { apiKeyRoutes } from './routes/api-keys.js';
import { eventRoutes, type EventStreamOptions } from './routes/events.js';
import { formPostRoutes } from './routes/form-posts.js';
import { formRoutes } from './routes/forms.js';
import { googleAdsRoutes } from './routes/google-ads.js';
import { importRoutes } from './routes/imports.js';
import { leadRoutes } from './routes/leads.js';
import { lifecycleRoutes } from './routes/lifecycle.js';
import { meRoutes } from './routes/me.js';
import { notificationRoutes } from './routes/notifications.js';
import { opsRoutes } from './routes/ops.js';
import { queueRoutes } from './routes/queues.js';
import { rejectedSubmissionRoutes } from './routes/rejected-submissions.js';
import { reportRoutes } from './routes/reports.js';
import { repRoutes } from './routes/reps.js';
import { routingConfigRoutes } from './routes/routing-config.js';
import { simulateRoutes } from './routes/simulate.js';
import { teamRoutes } from './routes/teams.js';
import { webhookRoutes } from './routes/webhooks.js';
import { validatorCompiler } from './validation.js';

export interface AppDeps extends CaptureDeps {
  /** pino options, or false for no logs (the default). */
  logger?: FastifyServerOptions['logger'];
  /** The largest body most endpoints take, in bytes (default 1 MiB); batch endpoints take 8 times as much. */
  bodyLimit?: number;
  /** ISO country of leads that do not say theirs (default US). */
  defaultCountry?: string;
  /** Check every response against its schema (tests do; it costs time on every request). */
  validateResponses?: boolean;
  /** Verified keys are remembered this long (default 5 s); a key revoked on another instance works that much longer there. */
  keyCacheMs?: number;
  /** How GET /v1/events polls and keeps streams alive (tests make it quick). */
  events?: EventStreamOptions;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Responses as plain JSON: the zod response schemas document them (and are checked in tests). */
const plainSerializer = () => (data: unknown) => JSON.stringify(data);

/** A request as logged; the event stream's key, given in the query, is not written to the logs. */
function loggedRequest(request: FastifyRequest) {
  return { method: request.method, url: request.url.replace(/([?&]key=)[^&]*/g, '$1[redacted]'), remoteAddress: request.ip };
}

/** The HTTP API, ready to `listen` or to `inject` into. */
export function buildApp(deps: AppDeps): App {
  const bodyLimit = deps.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const app = Fastify({
    logger: deps.logger ? { ...(deps.logger === true ? {} : deps.logger), serializers: { req: loggedRequest } } : false,
    bodyLimit,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  const ctx: AppContext = {
    db: deps.db,
    clock: deps.clock,
    configs: deps.configs,
    states: deps.states,
    zones: deps.zones,
    outbox: deps.outbox,
    notices: deps.notices,
    captures: new CaptureQueue(deps),
    verifier: new ApiKeyVerifier(deps.db, deps.clock, { ttlMs: deps.keyCacheMs ?? 5_000 }),
    metrics: new AppMetrics(),
    defaultCountry: deps.defaultCountry ?? 'US',
  };

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(deps.validateResponses ? createSerializerCompiler({}) : plainSerializer);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  app.addHook('onRoute', (route) => {
    checkAccessDeclared(route);
    documentRoute(route);
  });
  registerAuth(app, ctx.verifier);

  registerOpenApi(app);
  void app.register(async (scope) => {
    const api = scope.withTypeProvider<ZodTypeProvider>();
    openApiRoute(api);
    opsRoutes(api, ctx);
    leadRoutes(api, ctx, bodyLimit * 8);
    lifecycleRoutes(api, ctx);
    queueRoutes(api, ctx);
    repRoutes(api, ctx);
    meRoutes(api, ctx);
    teamRoutes(api, ctx);
    routingConfigRoutes(api, ctx);
    simulateRoutes(api, ctx, bodyLimit * 8);
    apiKeyRoutes(api, ctx);
    formRoutes(api, ctx);
    rejectedSubmissionRoutes(api, ctx);
    notificationRoutes(api, ctx);
    reportRoutes(api, ctx);
    webhookRoutes(api, ctx);
    googleAdsRoutes(api, ctx);
    eventRoutes(api, ctx, deps.events);
    // These take urlencoded and CSV bodies: each in a scope of its own, so no other endpoint does.
    void api.register(async (own) => formPostRoutes(own.withTypeProvider<ZodTypeProvider>(), ctx));
    void api.register(async (own) => importRoutes(own.withTypeProvider<ZodTypeProvider>(), ctx));
    consoleRoutes(api);
  });
  return app;
}

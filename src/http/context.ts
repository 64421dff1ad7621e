import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiKeyVerifier } from '../service/api-keys.js';
import type { CaptureQueue } from '../service/capture-queue.js';
import type { CaptureDeps } from '../service/capture.js';
import type { AppMetrics } from './metrics.js';

/** The app as route modules see it: schemas are zod, request types follow from them. */
export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** What route handlers use: the store, the clock, the caches, and the app's own key verifier and metrics. */
export interface AppContext extends CaptureDeps {
  /** Captures go through here, so that those arriving together commit together. */
  captures: CaptureQueue;
  verifier: ApiKeyVerifier;
  metrics: AppMetrics;
  /** The country of leads that do not say theirs (phones, regions, postal codes). */
  defaultCountry: string;
}

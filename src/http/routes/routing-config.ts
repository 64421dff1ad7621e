import { z } from 'zod';
import type { ApiKeyRole } from '../../service/api-keys.js';
import { configImpact, type ConfigImpact } from '../../service/config-impact.js';
import { activateVersion, activeConfig, createConfigVersion, findConfigVersion, listVersions, validateConfig } from '../../service/routing-config.js';
import { principalOf } from '../auth.js';
import type { App, AppContext } from '../context.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { ErrorResponse, page, PageQuery } from '../schemas/common.js';
import { ConfigVersion, CreateConfigBody, ImpactBody, ImpactResponse, ValidateBody, ValidateResponse, VersionParams } from '../schemas/routing.js';
import { configVersionView } from '../views.js';

const MANAGERS: readonly ApiKeyRole[] = ['admin', 'manager'];
const VersionCursor = z.strictObject({ b: z.number().int() });

const INVALID =
  '400 `invalid_request` with every problem in `details`: `{ path, message, line, column }`, the path inside the configuration (routes[3].assign.team) and the line when it was given as text.';

const iso = (ms: number) => new Date(ms).toISOString();
const impactView = (impact: ConfigImpact) => ({
  ...impact,
  at: iso(impact.at),
  changes: impact.changes.map((change) => ({ ...change, createdAt: iso(change.createdAt) })),
});

/** Routing configuration versions: the active one, the list, validate, save (and activate), activate. */
export function routingConfigRoutes(app: App, ctx: AppContext): void {
  const tags = ['routing'];

  app.get(
    '/v1/routing-config',
    {
      config: { access: MANAGERS },
      schema: { tags, summary: 'The active routing configuration, with its version and source', response: { 200: ConfigVersion, 404: ErrorResponse } },
    },
    async () => configVersionView(await activeConfig(ctx.db)),
  );

  app.get(
    '/v1/routing-config/versions',
    { config: { access: MANAGERS }, schema: { tags, summary: 'Saved versions, newest first', querystring: PageQuery, response: { 200: page(ConfigVersion) } } },
    async (request) => {
      const before = decodeCursor(request.query.cursor, VersionCursor)?.b;
      const limit = request.query.limit;
      const versions = await listVersions(ctx.db, { limit: limit + 1, ...(before !== undefined && { before }) });
      const more = versions.length > limit;
      if (more) versions.length = limit;
      return { data: versions.map(configVersionView), nextCursor: more ? encodeCursor({ b: versions.at(-1)!.version }) : null };
    },
  );

  app.get(
    '/v1/routing-config/versions/:n',
    { config: { access: MANAGERS }, schema: { tags, summary: 'One saved version, with its source', params: VersionParams, response: { 200: ConfigVersion, 404: ErrorResponse } } },
    async (request) => configVersionView(await findConfigVersion(ctx.db, request.params.n)),
  );

  app.post(
    '/v1/routing-config/validate',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Check a configuration against the current teams and reps, without saving it',
        description: 'Always 200 for a configuration that could be read: `valid` and every error with its path and line.',
        body: ValidateBody,
        response: { 200: ValidateResponse },
      },
    },
    async (request) => validateConfig(ctx.db, request.body.source),
  );

  app.post(
    '/v1/routing-config',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Save a configuration as the next version; `activate: true` makes it live',
        description: INVALID,
        body: CreateConfigBody,
        response: { 201: ConfigVersion },
      },
    },
    async (request, reply) => {
      const version = await createConfigVersion(ctx.db, { ...request.body, createdBy: principalOf(request).keyId }, ctx.clock);
      return reply.code(201).send(configVersionView(version));
    },
  );

  app.post(
    '/v1/routing-config/impact',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'What activating a draft would change: the last leads decided again under the live configuration and under the draft',
        description:
          'The last `last` leads captured (test leads aside) are each decided as if they arrived at `at`, oldest first, on the reps, teams and ' +
          'rotation state of now, once under the live configuration and once under the draft; the answer counts leads per route and per target ' +
          '(rep offered, queue, hold, unqualified) on either side and lists the leads whose route or target differs. Nothing is stored. ' +
          INVALID,
        body: ImpactBody,
        response: { 200: ImpactResponse },
      },
    },
    async (request) => {
      const { source, last, at } = request.body;
      return impactView(await configImpact(ctx, { source, last, ...(at !== undefined && { at: Date.parse(at) }) }));
    },
  );

  app.post(
    '/v1/routing-config/versions/:n/activate',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Make a saved version live',
        description: `404 for a version never saved. ${INVALID.replace('every problem', 'every problem with it against the teams and reps of today')}`,
        params: VersionParams,
        response: { 200: ConfigVersion, 404: ErrorResponse },
      },
    },
    async (request) => configVersionView(await activateVersion(ctx.db, request.params.n, ctx.clock)),
  );
}

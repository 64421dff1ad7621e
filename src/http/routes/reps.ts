import type { ApiKeyRole } from '../../service/api-keys.js';
import { createRep, findRep, listReps, setAvailability, updateRep } from '../../service/people.js';
import { principalOf } from '../auth.js';
import type { App, AppContext } from '../context.js';
import { decodeKeyCursor, keyPage } from '../cursor.js';
import { aboutBody, ApiError } from '../errors.js';
import { ErrorResponse, PageQuery } from '../schemas/common.js';
import { Availability, Rep, RepCreate, RepPage, RepParams, RepPatch } from '../schemas/people.js';
import { repView } from '../views.js';

const MANAGERS: readonly ApiKeyRole[] = ['admin', 'manager'];
/** Reps: list, create, read, change, and availability (which a rep may set for themselves). */
export function repRoutes(app: App, ctx: AppContext): void {
  const tags = ['people'];

  app.get(
    '/v1/reps',
    { config: { access: MANAGERS }, schema: { tags, summary: 'List reps by id', querystring: PageQuery, response: { 200: RepPage } } },
    async (request) => {
      const after = decodeKeyCursor(request.query.cursor);
      const { items, nextCursor } = await keyPage(request.query.limit, (limit) => listReps(ctx.db, { limit, ...(after !== undefined && { after }) }), (r) => r.id);
      return { data: items.map(repView), nextCursor };
    },
  );

  app.post(
    '/v1/reps',
    {
      config: { access: MANAGERS },
      schema: { tags, summary: 'Create a rep', description: '409 when the id is taken.', body: RepCreate, response: { 201: Rep, 409: ErrorResponse } },
    },
    async (request, reply) => reply.code(201).send(repView(await aboutBody(createRep(ctx.db, request.body, ctx.clock)))),
  );

  app.get(
    '/v1/reps/:id',
    { config: { access: MANAGERS }, schema: { tags, summary: 'One rep, with live counters', params: RepParams, response: { 200: Rep, 404: ErrorResponse } } },
    async (request) => repView(await findRep(ctx.db, request.params.id)),
  );

  app.patch(
    '/v1/reps/:id',
    {
      config: { access: MANAGERS },
      schema: { tags, summary: 'Change a rep: the fields given change, the rest stay', params: RepParams, body: RepPatch, response: { 200: Rep, 404: ErrorResponse } },
    },
    async (request) => repView(await aboutBody(updateRep(ctx.db, request.params.id, request.body, ctx.clock))),
  );

  app.put(
    '/v1/reps/:id/availability',
    {
      config: { access: ['admin', 'manager', 'rep'] },
      schema: {
        tags,
        summary: "Set a rep's presence and out-of-office range",
        description: 'A rep key may set only its own. An absent or null outOfOffice clears the range.',
        params: RepParams,
        body: Availability,
        response: { 200: Rep, 404: ErrorResponse },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      if (principal.role === 'rep' && principal.repId !== request.params.id) throw new ApiError(403, 'forbidden', 'a rep key may set only its own availability');
      return repView(await aboutBody(setAvailability(ctx.db, request.params.id, request.body, ctx.clock)));
    },
  );
}

import type { ApiKeyRole } from '../../service/api-keys.js';
import { createTeam, findTeam, listTeams, updateTeam } from '../../service/people.js';
import type { App, AppContext } from '../context.js';
import { decodeKeyCursor, keyPage } from '../cursor.js';
import { aboutBody } from '../errors.js';
import { ErrorResponse, PageQuery } from '../schemas/common.js';
import { Team, TeamCreate, TeamPage, TeamParams, TeamPatch } from '../schemas/people.js';
import { teamView } from '../views.js';

const MANAGERS: readonly ApiKeyRole[] = ['admin', 'manager'];

/** Teams: members with weights, sub-teams, territories, managers. Unknown reps or teams are a 400 with the path. */
export function teamRoutes(app: App, ctx: AppContext): void {
  const tags = ['people'];

  app.get(
    '/v1/teams',
    { config: { access: MANAGERS }, schema: { tags, summary: 'List teams by key', querystring: PageQuery, response: { 200: TeamPage } } },
    async (request) => {
      const after = decodeKeyCursor(request.query.cursor);
      const { items, nextCursor } = await keyPage(request.query.limit, (limit) => listTeams(ctx.db, { limit, ...(after !== undefined && { after }) }), (t) => t.key);
      return { data: items.map(teamView), nextCursor };
    },
  );

  app.post(
    '/v1/teams',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Create a team',
        description: '400 names every member, manager or sub-team that does not exist (body.members[1].repId); 409 when the key is taken.',
        body: TeamCreate,
        response: { 201: Team, 409: ErrorResponse },
      },
    },
    async (request, reply) => reply.code(201).send(teamView(await aboutBody(createTeam(ctx.db, request.body, ctx.clock)))),
  );

  app.get(
    '/v1/teams/:key',
    { config: { access: MANAGERS }, schema: { tags, summary: 'One team', params: TeamParams, response: { 200: Team, 404: ErrorResponse } } },
    async (request) => teamView(await findTeam(ctx.db, request.params.key)),
  );

  app.patch(
    '/v1/teams/:key',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Change a team: the fields given change; members and subTeams, when given, replace the lists',
        params: TeamParams,
        body: TeamPatch,
        response: { 200: Team, 404: ErrorResponse },
      },
    },
    async (request) => teamView(await aboutBody(updateTeam(ctx.db, request.params.key, request.body, ctx.clock))),
  );
}

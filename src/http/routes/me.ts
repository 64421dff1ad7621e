import { findRep, updateRep } from '../../service/people.js';
import { repIdOf } from '../auth.js';
import type { App, AppContext } from '../context.js';
import { aboutBody } from '../errors.js';
import { MePatch, Rep } from '../schemas/people.js';
import { repView } from '../views.js';

/** A rep's own profile, for a rep key: skills, languages, working hours, time zone, presence. */
export function meRoutes(app: App, ctx: AppContext): void {
  const tags = ['people'];
  app.get('/v1/me', { config: { access: ['rep'] }, schema: { tags, summary: 'My profile (a rep key)', response: { 200: Rep } } }, async (request) =>
    repView(await findRep(ctx.db, repIdOf(request))),
  );

  app.patch(
    '/v1/me',
    {
      config: { access: ['rep'] },
      schema: {
        tags,
        summary: 'Change my profile (a rep key)',
        description: 'Name, phone, time zone, working hours, presence, out of office, languages and skills; the rest is for managers.',
        body: MePatch,
        response: { 200: Rep },
      },
    },
    async (request) => repView(await aboutBody(updateRep(ctx.db, repIdOf(request), request.body, ctx.clock))),
  );
}

import { findRep, updateRep } from '../../service/people.js';
import { principalOf, repIdOf } from '../auth.js';
import type { App, AppContext } from '../context.js';
import { aboutBody } from '../errors.js';
import { MePatch, Rep, WhoAmI } from '../schemas/people.js';
import { repView } from '../views.js';

/** A rep's own profile, for a rep key: skills, languages, working hours, time zone, presence; and who any key is. */
export function meRoutes(app: App, ctx: AppContext): void {
  const tags = ['people'];
  app.get(
    '/v1/whoami',
    {
      config: { access: ['admin', 'manager', 'rep', 'capture'] },
      schema: { tags, summary: 'The role of the key in use, and the rep a rep key acts as', description: 'What the console asks at sign-in to know which pages to show.', response: { 200: WhoAmI } },
    },
    async (request) => {
      const { role, keyId, repId } = principalOf(request);
      return { role, keyId, rep: repId ? repView(await findRep(ctx.db, repId)) : null, serverTime: new Date(ctx.clock.now()).toISOString() };
    },
  );
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

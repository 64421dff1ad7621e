import { z } from 'zod';
import type { ApiKeyRole } from '../../service/api-keys.js';
import { findRejectedSubmissions } from '../../service/rejected-submissions.js';
import type { App, AppContext } from '../context.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { RejectedSubmissionPage, RejectedSubmissionQuery } from '../schemas/rejected-submissions.js';
import { rejectedSubmissionView } from '../views.js';

const MANAGERS: readonly ApiKeyRole[] = ['admin', 'manager'];

const SubmissionCursor = z.strictObject({ r: z.number(), i: z.string() });

/** Submissions refused as spam (a form post caught by the honeypot): for admins and managers to look through. */
export function rejectedSubmissionRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/v1/rejected-submissions',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['sources'],
        summary: 'List submissions refused as spam, newest first',
        description: 'Form posts caught by the honeypot, with what was posted. They were never leads and were never routed.',
        querystring: RejectedSubmissionQuery,
        response: { 200: RejectedSubmissionPage },
      },
    },
    async (request) => {
      const { cursor, limit, ...filter } = request.query;
      const after = decodeCursor(cursor, SubmissionCursor);
      const page = await findRejectedSubmissions(ctx.db, filter, { limit, ...(after && { after: { receivedAt: after.r, id: after.i } }) });
      return { data: page.items.map(rejectedSubmissionView), nextCursor: page.next && encodeCursor({ r: page.next.receivedAt, i: page.next.id }) };
    },
  );
}

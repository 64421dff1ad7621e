import { z } from 'zod';
import type { ApiKeyRole } from '../../service/api-keys.js';
import { findNotifications, retryNotification } from '../../service/outbox.js';
import type { App, AppContext } from '../context.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { ErrorResponse } from '../schemas/common.js';
import { Notification, NotificationPage, NotificationParams, NotificationQuery } from '../schemas/notifications.js';
import { notificationView } from '../views.js';

const MANAGERS: readonly ApiKeyRole[] = ['admin', 'manager'];
const NotificationCursor = z.strictObject({ c: z.number(), i: z.string() });

/** The outbox: messages to reps, managers, leads and webhooks, with their delivery state. */
export function notificationRoutes(app: App, ctx: AppContext): void {
  const tags = ['messages'];
  app.get(
    '/v1/notifications',
    { config: { access: MANAGERS }, schema: { tags, summary: 'List notifications, newest first', description: 'Each with its status, attempts and last error.', querystring: NotificationQuery, response: { 200: NotificationPage } } },
    async (request) => {
      const { cursor, limit, ...filter } = request.query;
      const after = decodeCursor(cursor, NotificationCursor);
      const page = await findNotifications(ctx.db, filter, { limit, ...(after && { after: { createdAt: after.c, id: after.i } }) });
      return { data: page.items.map(notificationView), nextCursor: page.next && encodeCursor({ c: page.next.createdAt, i: page.next.id }) };
    },
  );

  app.post(
    '/v1/notifications/:id/retry',
    {
      config: { access: MANAGERS },
      schema: { tags, summary: 'Send a dead notification again', description: 'Its attempts start afresh. 409 unless it is dead.', params: NotificationParams, response: { 200: Notification, 404: ErrorResponse, 409: ErrorResponse } },
    },
    async (request) => {
      const notification = notificationView(await retryNotification(ctx.db, request.params.id, ctx.clock));
      ctx.outbox.wake();
      return notification;
    },
  );
}

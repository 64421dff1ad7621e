import type { Database } from '../store/database.js';
import { getNotification, listNotifications, retryDead, type NotificationFilter, type StoredNotification } from '../store/repositories/notifications.js';
import type { Clock } from './clock.js';
import { ServiceError } from './errors.js';
import { readPage, type Page } from './page.js';

export type NotificationPage = Page<StoredNotification, { createdAt: number; id: string }>;

/** The outbox, newest first: what was sent, what waits, and what died with which error. */
export async function findNotifications(db: Database, filter: NotificationFilter, page: { limit: number; after?: { createdAt: number; id: string } }): Promise<NotificationPage> {
  return readPage(page.limit, (limit) => listNotifications(db, filter, { ...page, limit }), (last) => ({ createdAt: last.createdAt, id: last.id }));
}

/** Sends a dead message again (its attempts start afresh); anything else is a conflict. */
export async function retryNotification(db: Database, id: string, clock: Clock): Promise<StoredNotification> {
  if (await retryDead(db, id, clock.now())) return (await getNotification(db, id))!;
  const found = await getNotification(db, id);
  if (!found) throw new ServiceError('not_found', `no notification "${id}"`);
  throw new ServiceError('conflict', `only a dead notification can be retried; this one is ${found.status}`, { status: found.status });
}

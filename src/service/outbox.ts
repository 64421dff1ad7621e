import type { Database } from '../store/database.js';
import { getNotification, listNotifications, retryDead, type NotificationFilter, type StoredNotification } from '../store/repositories/notifications.js';
import type { Clock } from './clock.js';
import { ServiceError } from './errors.js';

export interface NotificationPage {
  notifications: StoredNotification[];
  next: { createdAt: number; id: string } | null;
}

/** The outbox, newest first: what was sent, what waits, and what died with which error. */
export async function findNotifications(db: Database, filter: NotificationFilter, page: { limit: number; after?: { createdAt: number; id: string } }): Promise<NotificationPage> {
  const notifications = await listNotifications(db, filter, { ...page, limit: page.limit + 1 });
  const more = notifications.length > page.limit;
  if (more) notifications.length = page.limit;
  const last = notifications.at(-1);
  return { notifications, next: more && last ? { createdAt: last.createdAt, id: last.id } : null };
}

/** Sends a dead message again (its attempts start afresh); anything else is a conflict. */
export async function retryNotification(db: Database, id: string, clock: Clock): Promise<StoredNotification> {
  if (await retryDead(db, id, clock.now())) return (await getNotification(db, id))!;
  const found = await getNotification(db, id);
  if (!found) throw new ServiceError('not_found', `no notification "${id}"`);
  throw new ServiceError('conflict', `only a dead notification can be retried; this one is ${found.status}`, { status: found.status });
}

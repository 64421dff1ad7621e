import { chunks } from '../chunks.js';
import type { Db } from '../database.js';
import { isPostgres } from '../dialect.js';
import { fromJson, toJson } from '../json.js';
import type { NotificationsTable } from '../schema.js';

export type NotificationStatus = 'pending' | 'sent' | 'dead';

export interface NewNotification {
  id: string;
  /** One row per key, ever: the same cause never makes a second message. */
  dedupeKey: string;
  kind: string;
  channel: string;
  recipient: string;
  leadId: string | null;
  message: unknown;
  /** When it may go first (now, or the end of the recipient's quiet hours). */
  notBefore: number;
}

export interface StoredNotification extends Omit<NewNotification, 'notBefore'> {
  status: NotificationStatus;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  createdAt: number;
  sentAt: number | null;
}

function fromRow(row: NotificationsTable, message: unknown): StoredNotification {
  return {
    id: row.id,
    dedupeKey: row.dedupe_key,
    kind: row.kind,
    channel: row.channel,
    recipient: row.recipient,
    leadId: row.lead_id,
    message,
    status: row.status as NotificationStatus,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

/** The rows with their messages, kept in a table of their own (migration 013). */
async function withMessages(db: Db, rows: readonly NotificationsTable[]): Promise<StoredNotification[]> {
  const messages = new Map<string, string>();
  for (const chunk of chunks(rows.map((r) => r.id))) {
    for (const m of await db.selectFrom('notification_messages').selectAll().where('notification_id', 'in', chunk).execute()) messages.set(m.notification_id, m.message);
  }
  return rows.map((row) => fromRow(row, fromJson<unknown>(messages.get(row.id), {})));
}

/**
 * Adds messages to the outbox; a message whose key is there already is left as it is. Given
 * `leaseUntil`, the added messages that are due now come leased until then — no dispatcher claims
 * them meanwhile — and are returned, for the caller's dispatcher to send once they are committed.
 */
export async function enqueueNotifications(db: Db, notifications: readonly NewNotification[], now: number, leaseUntil: number | null = null): Promise<StoredNotification[]> {
  const leased: StoredNotification[] = [];
  const leases = (n: NewNotification) => leaseUntil !== null && n.notBefore <= now;
  for (const chunk of chunks(notifications)) {
    const rows: NotificationsTable[] = chunk.map((n) => ({
      id: n.id,
      dedupe_key: n.dedupeKey,
      kind: n.kind,
      channel: n.channel,
      recipient: n.recipient,
      lead_id: n.leadId,
      status: 'pending',
      attempts: 0,
      next_attempt_at: n.notBefore,
      locked_until: leases(n) ? leaseUntil : null,
      last_error: null,
      created_at: now,
      sent_at: null,
    }));
    const added = await db
      .insertInto('notifications')
      .values(rows)
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .execute();
    if (added.length === 0) continue;
    const ids = new Set(added.map((r) => r.id));
    const kept = chunk.flatMap((n, i) => (ids.has(n.id) ? [{ n, row: rows[i]! }] : []));
    await db
      .insertInto('notification_messages')
      .values(kept.map(({ n }) => ({ notification_id: n.id, message: toJson(n.message) })))
      .execute();
    for (const { n, row } of kept) if (leases(n)) leased.push(fromRow(row, n.message));
  }
  return leased;
}

/**
 * Takes up to `limit` due messages for `leaseMs`: other dispatchers (other instances) skip them
 * until the lease ends. A dispatcher that dies mid-delivery leaves its lease to run out, and the
 * message is taken again. Call inside a transaction.
 */
export async function claimDueNotifications(db: Db, now: number, limit: number, leaseMs: number): Promise<StoredNotification[]> {
  let query = db
    .selectFrom('notifications')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit);
  if (isPostgres(db)) query = query.forUpdate().skipLocked();
  const rows = await query.execute();
  if (rows.length > 0) {
    await db
      .updateTable('notifications')
      .set({ locked_until: now + leaseMs })
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
  }
  return withMessages(db, rows);
}

/**
 * Extends to `until` the leases, still running at `now`, on messages a dispatcher is sending: a
 * send that takes longer than the lease is not taken for a dead one and sent again by another
 * instance. A lease already run out (the message may be someone else's now) stays as it is.
 */
export async function renewLeases(db: Db, ids: readonly string[], now: number, until: number): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('notifications')
    .set({ locked_until: until })
    .where('id', 'in', ids)
    .where('status', '=', 'pending')
    .where('locked_until', '>', now)
    .execute();
}

export async function markSent(db: Db, ids: readonly string[], now: number): Promise<void> {
  for (const chunk of chunks(ids)) {
    await db
      .updateTable('notifications')
      .set((eb) => ({ status: 'sent', sent_at: now, attempts: eb('attempts', '+', 1), locked_until: null, last_error: null }))
      .where('id', 'in', chunk)
      .execute();
  }
}

/** Records a failed attempt: tried again at `retryAt`, or dead-lettered when there is none. */
export async function markFailed(db: Db, ids: readonly string[], error: string, retryAt: number | null): Promise<void> {
  for (const chunk of chunks(ids)) {
    await db
      .updateTable('notifications')
      .set((eb) => ({
        status: retryAt === null ? 'dead' : 'pending',
        attempts: eb('attempts', '+', 1),
        last_error: error,
        locked_until: null,
        ...(retryAt !== null && { next_attempt_at: retryAt }),
      }))
      .where('id', 'in', chunk)
      .execute();
  }
}

/** A message that may not go yet (its recipient's rate limit) waits until `at`, no attempt counted. */
export async function postponeNotification(db: Db, id: string, at: number): Promise<void> {
  await db.updateTable('notifications').set({ next_attempt_at: at, locked_until: null }).where('id', '=', id).execute();
}

/** A dead message goes back to the outbox, due now, with its attempts counted afresh. */
export async function retryDead(db: Db, id: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('notifications')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now, locked_until: null })
    .where('id', '=', id)
    .where('status', '=', 'dead')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function getNotification(db: Db, id: string): Promise<StoredNotification | undefined> {
  const row = await db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
  return row && (await withMessages(db, [row]))[0];
}

export interface NotificationFilter {
  status?: NotificationStatus;
  leadId?: string;
  channel?: string;
}

/** Newest first, `limit` at a time; the cursor is the last one's (created_at, id). */
export async function listNotifications(db: Db, filter: NotificationFilter, page: { limit: number; after?: { createdAt: number; id: string } }): Promise<StoredNotification[]> {
  let query = db.selectFrom('notifications').selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.leadId) query = query.where('lead_id', '=', filter.leadId);
  if (filter.channel) query = query.where('channel', '=', filter.channel);
  const after = page.after;
  if (after) query = query.where((eb) => eb.or([eb('created_at', '<', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)])]));
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
  return withMessages(db, rows);
}

/** When each of the recipients was sent messages since `since`: what a rate limit looks at. */
export async function recentSends(db: Db, recipients: readonly string[], since: number): Promise<Map<string, number[]>> {
  const sends = new Map<string, number[]>();
  for (const chunk of chunks([...new Set(recipients)])) {
    const rows = await db.selectFrom('notifications').select(['recipient', 'sent_at']).where('recipient', 'in', chunk).where('sent_at', '>=', since).execute();
    for (const { recipient, sent_at } of rows) (sends.get(recipient) ?? sends.set(recipient, []).get(recipient)!).push(sent_at!);
  }
  return sends;
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../store/database.js';
import { enqueueNotifications, getNotification } from '../store/repositories/notifications.js';
import { STORES } from '../store/test-support.js';
import { DeliveryLog } from './delivery-log.js';
import { WEEKDAY } from './test-support.js';

describe.each(STORES)('the delivery log on $name', (store) => {
  let db: Database;
  let close: () => Promise<void>;

  beforeEach(async () => {
    ({ db, close } = await store.open());
    const message = { channel: 'webhook', url: 'http://127.0.0.1:9/', body: '{}' };
    await enqueueNotifications(db, ['a', 'b', 'c', 'd'].map((id) => ({ id, dedupeKey: id, kind: 'test', channel: 'webhook', recipient: 'hook', leadId: null, message, notBefore: WEEKDAY })), WEEKDAY);
  });
  afterEach(async () => close());

  it('records outcomes that end together, each as its own', async () => {
    const log = new DeliveryLog(db);
    await Promise.all([
      log.record({ id: 'a', sent: true, at: WEEKDAY + 1 }),
      log.record({ id: 'b', sent: false, error: 'HTTP 503', retryAt: WEEKDAY + 60_000 }),
      log.record({ id: 'c', sent: false, error: 'HTTP 400', retryAt: null }),
      log.record({ id: 'd', sent: false, error: 'HTTP 400', retryAt: null }),
    ]);
    expect(await getNotification(db, 'a')).toMatchObject({ status: 'sent', sentAt: WEEKDAY + 1, attempts: 1, lastError: null });
    expect(await getNotification(db, 'b')).toMatchObject({ status: 'pending', nextAttemptAt: WEEKDAY + 60_000, attempts: 1, lastError: 'HTTP 503' });
    expect(await getNotification(db, 'c')).toMatchObject({ status: 'dead', attempts: 1, lastError: 'HTTP 400' });
    expect(await getNotification(db, 'd')).toMatchObject({ status: 'dead', attempts: 1, lastError: 'HTTP 400' });
  });

  it('answers each caller only once its outcome is committed', async () => {
    const log = new DeliveryLog(db);
    const recorded = log.record({ id: 'a', sent: true, at: WEEKDAY });
    expect(await getNotification(db, 'a')).toMatchObject({ status: 'pending' });
    await recorded;
    expect(await getNotification(db, 'a')).toMatchObject({ status: 'sent' });
  });
});

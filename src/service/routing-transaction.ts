import type { Transaction } from 'kysely';
import type { Database } from '../store/database.js';
import type { Tables } from '../store/schema.js';
import type { OutboxSignal } from './outbox-signal.js';

/**
 * Runs routing work — a capture, a lifecycle action, a pull, a due timer — in one transaction,
 * and once it has committed says so: the messages it put in the outbox go out at once, and the
 * live feed reads the new events.
 */
export async function routingTransaction<T>(deps: { db: Database; outbox: OutboxSignal }, work: (trx: Transaction<Tables>) => Promise<T>): Promise<T> {
  let transaction: Transaction<Tables> | null = null;
  const result = await deps.db.transaction().execute((trx) => {
    transaction = trx;
    return work(trx);
  });
  deps.outbox.committed(transaction!);
  return result;
}

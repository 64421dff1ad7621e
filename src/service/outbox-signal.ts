import type { StoredNotification } from '../store/repositories/notifications.js';

/** This process's dispatcher, as the transactions that fill the outbox see it. */
export interface OutboxTaker {
  /** How long a message handed over is the taker's alone (another instance's dispatcher skips it). */
  readonly leaseMs: number;
  /** Messages just committed, due now and leased to the taker: to send at once. */
  take(messages: readonly StoredNotification[]): void;
  /** Messages may be due that nobody handed over (a dead one retried): look in the outbox. */
  wake(): void;
}

/**
 * Says that a routing transaction committed — a capture, a lifecycle action, a pull, a timer:
 * the commits that write leads' timelines and put messages in the outbox — so that whoever
 * waits for either acts at once instead of at its next poll. The messages such a transaction
 * adds come leased to this process's dispatcher (`serve` connects it) and are handed to it when
 * the commit is done: it sends them without claiming them back from the store. Should the
 * process die first, the lease runs out and any instance's dispatcher sends them.
 */
export class OutboxSignal {
  private readonly listeners = new Set<() => void>();
  private taker: OutboxTaker | null = null;
  /** The messages each open transaction leased, until it commits; a transaction rolled back is forgotten with its entry. */
  private readonly leased = new WeakMap<object, StoredNotification[]>();

  /** Calls `listener` after every commit from now on; the function returned stops that. */
  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Hands the messages committed from now on to `taker`, this process's dispatcher. */
  deliverWith(taker: OutboxTaker): void {
    this.taker = taker;
  }

  /** Until when the messages a transaction adds at `now` are leased; null when no dispatcher runs here to take them. */
  leaseUntil(now: number): number | null {
    return this.taker ? now + this.taker.leaseMs : null;
  }

  /** `transaction` added these messages leased (see `leaseUntil`): they go to the dispatcher once it commits. */
  lease(transaction: object, messages: readonly StoredNotification[]): void {
    if (messages.length > 0) this.leased.set(transaction, [...(this.leased.get(transaction) ?? []), ...messages]);
  }

  /** `transaction` committed. */
  committed(transaction: object): void {
    const messages = this.leased.get(transaction);
    if (messages) this.taker?.take(messages);
    for (const listener of this.listeners) listener();
  }

  /** The outbox changed outside a routing transaction (a dead message retried). */
  wake(): void {
    this.taker?.wake();
    for (const listener of this.listeners) listener();
  }
}

import { chunks } from '../store/chunks.js';
import type { Database } from '../store/database.js';
import { nextSendAt, type RateLimit } from '../notify/index.js';
import { claimDueNotifications, postponeNotification, recentSends, renewLeases, type StoredNotification } from '../store/repositories/notifications.js';
import type { Clock } from './clock.js';
import { DeliveryLog } from './delivery-log.js';
import type { OutboxTaker } from './outbox-signal.js';

/** Sends one message; throws on failure, with `retryable: false` when trying again cannot help. */
export type Deliver = (notification: StoredNotification) => Promise<void>;

export interface DispatcherOptions {
  /**
   * How long a claimed message is this dispatcher's before another may take it (a crash
   * mid-send). Renewed every third of it while the send lasts, so a slow send keeps its message.
   */
  leaseMs?: number;
  /** Messages claimed and sent together. */
  batch?: number;
  /** Attempts before a message is dead-lettered. */
  maxAttempts?: number;
  /** The wait before attempt `attempts + 1`, after `attempts` failed ones, the last with `error`. */
  retryDelayMs: (attempts: number, error: unknown) => number;
  /** At most so many messages to one recipient in a window, for the kinds of message it names. */
  rateLimit?: { kinds: ReadonlySet<string>; limit: RateLimit };
  /** How often the outbox is looked at when nobody says something was added. */
  pollMs?: number;
  onError: (error: unknown) => void;
}

const retryable = (error: unknown) => (error as { retryable?: unknown } | null)?.retryable !== false;
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

/**
 * Delivers the outbox. Due messages are claimed for a lease in a short transaction (other
 * instances skip them), sent outside any transaction, and each attempt is recorded: sent, or
 * tried again after a growing, jittered delay, or dead-lettered after the last attempt or a
 * failure that cannot pass. Messages this process's transactions add come leased to it already
 * and are handed over as they commit (`take`); polling only catches what another instance
 * added, what comes due, and what a dispatcher that died held.
 */
export class Dispatcher implements OutboxTaker {
  readonly leaseMs: number;
  private readonly batch: number;
  private readonly maxAttempts: number;
  private readonly log: DeliveryLog;
  private running: Promise<void> | null = null;
  /** Deliveries of messages handed over, until they are recorded. */
  private readonly handed = new Set<Promise<void>>();
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly deliver: Deliver,
    private readonly options: DispatcherOptions,
  ) {
    this.leaseMs = options.leaseMs ?? 60_000;
    this.batch = options.batch ?? 50;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.log = new DeliveryLog(db);
  }

  /** Delivers everything due now, batch after batch; resolves with how many were sent. */
  async runDue(): Promise<number> {
    let sent = 0;
    for (;;) {
      const now = this.clock.now();
      const claimed = await this.db.transaction().execute((trx) => claimDueNotifications(trx, now, this.batch, this.leaseMs));
      if (claimed.length === 0) return sent;
      sent += await this.send(claimed);
    }
  }

  /**
   * Sends messages whose lease this dispatcher holds, but for those their recipient's rate limit
   * holds back, which wait; resolves with how many were sent.
   */
  private async send(leased: readonly StoredNotification[]): Promise<number> {
    const held = await this.heldBack(leased);
    // Sends may outlast the lease (a slow SMTP server, the pool's queue): while they go on, the
    // lease is renewed, or another instance would take the messages for abandoned and send them too.
    const sending = new Set(leased.map((n) => n.id));
    const renewal = setInterval(() => {
      const at = this.clock.now();
      renewLeases(this.db, [...sending], at, at + this.leaseMs).catch((error: unknown) => this.options.onError(error));
    }, this.leaseMs / 3);
    renewal.unref();
    try {
      const results = await Promise.all(
        leased.map((n) => {
          const allowedAt = held.get(n.id);
          return (allowedAt === undefined ? this.attempt(n) : this.postpone(n, allowedAt)).finally(() => sending.delete(n.id));
        }),
      );
      return results.filter(Boolean).length;
    } finally {
      clearInterval(renewal);
    }
  }

  /** Messages committed leased to this dispatcher: sent now, a batch at a time. Once stopped, their leases run out and a dispatcher takes them then. */
  take(messages: readonly StoredNotification[]): void {
    if (this.stopped) return;
    const delivery = (async () => {
      for (const batch of chunks(messages, this.batch)) await this.send(batch);
    })()
      .catch((error: unknown) => this.options.onError(error))
      .finally(() => this.handed.delete(delivery));
    this.handed.add(delivery);
  }

  /**
   * The messages that would break their recipient's rate limit, with when each may go. One look
   * at the store for the whole batch; a message the batch sends counts against the ones after it,
   * so a burst to one recipient is held back even when it arrives all at once.
   */
  private async heldBack(leased: readonly StoredNotification[]): Promise<Map<string, number>> {
    const held = new Map<string, number>();
    const rateLimit = this.options.rateLimit;
    if (!rateLimit) return held;
    const limited = leased.filter((n) => rateLimit.kinds.has(n.kind));
    if (limited.length === 0) return held;
    const now = this.clock.now();
    const sends = await recentSends(this.db, limited.map((n) => n.recipient), now - rateLimit.limit.windowMs);
    for (const n of limited) {
      const recent = sends.get(n.recipient) ?? [];
      const allowedAt = nextSendAt(recent, now, rateLimit.limit);
      if (allowedAt > now) held.set(n.id, allowedAt);
      else sends.set(n.recipient, [...recent, now]);
    }
    return held;
  }

  /** A message its recipient's rate limit holds back waits until `allowedAt`, no attempt counted. */
  private async postpone(notification: StoredNotification, allowedAt: number): Promise<boolean> {
    await postponeNotification(this.db, notification.id, allowedAt);
    return false;
  }

  private async attempt(notification: StoredNotification): Promise<boolean> {
    try {
      await this.deliver(notification);
    } catch (error) {
      const attempts = notification.attempts + 1;
      const retryAt = retryable(error) && attempts < this.maxAttempts ? this.clock.now() + this.options.retryDelayMs(attempts, error) : null;
      await this.log.record({ id: notification.id, sent: false, error: describe(error), retryAt });
      return false;
    }
    await this.log.record({ id: notification.id, sent: true, at: this.clock.now() });
    return true;
  }

  /** Something was added to the outbox: deliver now rather than at the next poll. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runDue()
      .then(() => undefined)
      .catch((error: unknown) => this.options.onError(error))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  start(): void {
    this.stopped = false;
    const poll = () => {
      this.wake();
      this.timer = setTimeout(poll, this.options.pollMs ?? 1_000);
    };
    poll();
  }

  /** Stops polling and waits for deliveries in progress to be recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.all([this.running, ...this.handed]);
  }
}

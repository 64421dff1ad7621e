import type { Database } from '../store/database.js';
import { markFailed, markSent } from '../store/repositories/notifications.js';

/** How one attempt to send a message ended. */
export type DeliveryOutcome = { id: string; sent: true; at: number } | { id: string; sent: false; error: string; retryAt: number | null };

interface Waiting {
  outcome: DeliveryOutcome;
  done(error?: unknown): void;
}

/**
 * Records how attempts ended. Attempts that end in the same turn of the event loop (a batch failing
 * at once for want of settings, a pool of sends coming back together) are recorded in one
 * transaction, a statement per kind of outcome, instead of a commit each; each caller still
 * resumes only once its own outcome is committed.
 */
export class DeliveryLog {
  private waiting: Waiting[] = [];

  constructor(private readonly db: Database) {}

  record(outcome: DeliveryOutcome): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.waiting.length === 0) setImmediate(() => void this.flush());
      this.waiting.push({ outcome, done: (error) => (error === undefined ? resolve() : reject(error)) });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    const groups = new Map<string, { outcome: DeliveryOutcome; ids: string[] }>();
    for (const { outcome } of batch) {
      const key = outcome.sent ? `sent:${outcome.at}` : JSON.stringify(['failed', outcome.error, outcome.retryAt]);
      const group = groups.get(key) ?? groups.set(key, { outcome, ids: [] }).get(key)!;
      group.ids.push(outcome.id);
    }
    try {
      await this.db.transaction().execute(async (trx) => {
        for (const { outcome, ids } of groups.values()) {
          if (outcome.sent) await markSent(trx, ids, outcome.at);
          else await markFailed(trx, ids, outcome.error, outcome.retryAt);
        }
      });
      for (const w of batch) w.done();
    } catch (error) {
      for (const w of batch) w.done(error);
    }
  }
}

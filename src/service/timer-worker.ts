import { timerStands, TIMERS } from '../lifecycle/timers.js';
import { lockLead } from '../store/repositories/leads.js';
import { claimDueTimers, deleteTimer } from '../store/repositories/timers.js';
import type { CaptureDeps } from './capture.js';
import { actOn, TIMER_CHANGES } from './lifecycle.js';
import { PollingLoop } from './polling-loop.js';
import { routingTransaction } from './routing-transaction.js';

export type TimerOutcome = 'applied' | 'stale' | 'busy' | 'none';

/**
 * Applies one due timer, in one transaction: the timer row is claimed (other instances skip it),
 * removed, and its action applied to its lead — all of it commits, or none and the timer is due
 * again. The lead is checked first: a timer that lost a race (the offer was accepted meanwhile,
 * the lead was contacted) finds it in another status or at another offer and does nothing. A
 * lead that another transaction is changing right now is left for the next round rather than
 * waited for, so that this transaction, which holds the timer, never waits on one that may be
 * about to remove it.
 */
export async function applyDueTimer(deps: CaptureDeps): Promise<TimerOutcome> {
  return routingTransaction(deps, async (trx) => {
    const [timer] = await claimDueTimers(trx, deps.clock.now(), 1);
    if (!timer) return 'none';
    const lead = await lockLead(trx, timer.leadId, { skipLocked: true });
    if (!lead) return 'busy';
    await deleteTimer(trx, timer);
    if (!timerStands(timer, lead)) return 'stale';
    await actOn(trx, deps, lead, TIMERS[timer.kind].action, TIMER_CHANGES[timer.kind]);
    return 'applied';
  });
}

/**
 * Runs due timers in a loop, in every instance: polling every `intervalMs`, and at once when
 * told something is due. Tests drive `runDue` with a test clock instead.
 */
export class TimerWorker {
  private readonly loop: PollingLoop;

  constructor(
    private readonly deps: CaptureDeps,
    onError: (error: unknown) => void,
    intervalMs = 1_000,
  ) {
    this.loop = new PollingLoop(() => this.runDue(), onError, intervalMs);
  }

  /** Applies every timer due now; resolves with how many were applied. */
  async runDue(): Promise<number> {
    let applied = 0;
    for (;;) {
      const outcome = await applyDueTimer(this.deps);
      if (outcome === 'none' || outcome === 'busy') return applied;
      if (outcome === 'applied') applied++;
    }
  }

  start(): void {
    this.loop.start();
  }

  /** Stops polling and waits for a round in progress to finish. */
  async stop(): Promise<void> {
    await this.loop.stop();
  }
}

/**
 * Runs a round of background work `intervalMs` after the last one ended, until stopped. A round
 * that fails is reported and the next one comes all the same.
 */
export class PollingLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly round: () => Promise<unknown>,
    private readonly onError: (error: unknown) => void,
    private readonly intervalMs: number,
  ) {}

  /** Starts the rounds: the first after `firstAfterMs` (by default, the interval). */
  start(firstAfterMs = this.intervalMs): void {
    const tick = () => {
      this.running = this.round()
        .catch((error: unknown) => this.onError(error))
        .finally(() => {
          this.running = null;
          if (this.timer) this.timer = setTimeout(tick, this.intervalMs);
        });
    };
    this.timer = setTimeout(tick, firstAfterMs);
  }

  /** Stops the rounds and waits for one in progress to finish. */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }
}

/**
 * Says that a routing transaction committed — a capture, a lifecycle action, a pull, a timer:
 * the commits that write leads' timelines and put messages in the outbox — so that whoever
 * waits for either looks at once instead of at its next poll: the dispatcher (`serve` connects
 * it) and the live event feed. Committing code signals.
 */
export class OutboxSignal {
  private readonly listeners = new Set<() => void>();

  /** Calls `listener` after every commit from now on; the function returned stops that. */
  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  wake(): void {
    for (const listener of this.listeners) listener();
  }
}

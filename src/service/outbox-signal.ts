/**
 * Says that messages were committed to the outbox, so that the dispatcher delivers them at once
 * instead of at its next poll. Committing code signals; `serve` connects the dispatcher.
 */
export class OutboxSignal {
  private listener: (() => void) | null = null;

  listen(listener: () => void): void {
    this.listener = listener;
  }

  wake(): void {
    this.listener?.();
  }
}

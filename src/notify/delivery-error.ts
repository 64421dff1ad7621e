/**
 * Why a message was not delivered, and whether trying again can help: a server that is down,
 * slow or busy may take it later (retryable); one that refused the message or the recipient
 * will refuse it again (not retryable), and the outbox dead-letters it at once.
 */
export class DeliveryError extends Error {
  /** How long the receiver asked us to wait (an HTTP `Retry-After`); the backoff should not be shorter. */
  readonly retryAfterMs: number | undefined;

  constructor(
    message: string,
    readonly retryable: boolean,
    options: { cause?: unknown; retryAfterMs?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'DeliveryError';
    this.retryAfterMs = options.retryAfterMs;
  }
}

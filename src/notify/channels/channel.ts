/**
 * One way of delivering messages. `send` resolves once the receiver has taken the message, and
 * otherwise throws a DeliveryError that says whether to try again. `dedupeKey` is the outbox
 * row's key: every attempt at one row sends the same key, so a receiver that got the message
 * before the answer was lost can tell the second copy for what it is.
 */
export interface Channel<M> {
  send(message: M, dedupeKey: string): Promise<void>;
}

/** A use case refused: the HTTP layer turns `code` into a status and shows `message` and `details`. */
export class ServiceError extends Error {
  constructor(
    readonly code: 'not_found' | 'conflict' | 'invalid' | 'forbidden' | 'unavailable',
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

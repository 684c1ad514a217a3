/** Expected failures: each carries a code and a message a person can act on. */
export type ErrorCode =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'ticket_closed'
  | 'payload_too_large'
  /** An Idempotency-Key sent again with a different request. */
  | 'idempotency_key_reused'
  /** The database cannot be reached (restart, outage): nothing was done, and trying again shortly will work. */
  | 'unavailable';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  ticket_closed: 409,
  payload_too_large: 413,
  idempotency_key_reused: 422,
  unavailable: 503,
};

export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: {
      fieldErrors?: Record<string, string[]>;
      retryAfterSeconds?: number;
      /** A version conflict: the ticket's fields as they are now, and who changed them last. */
      current?: Record<string, unknown>;
      changedBy?: string;
    },
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode | 'internal'; message: string; fieldErrors?: Record<string, string[]> };

/**
 * The `digest` of the error a page throws while the database is unavailable (db/unavailable.ts). Next
 * passes an error's own digest to the client error boundary, which gets no message in production.
 */
export const DATABASE_UNAVAILABLE_DIGEST = 'TP_DATABASE_UNAVAILABLE';

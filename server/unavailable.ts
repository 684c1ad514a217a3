import { noteDatabaseDown } from '@/db/availability';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '@/db/unavailable';
import { ServiceError } from '@/lib/errors';
import { logger } from '@/lib/logger';

export const UNAVAILABLE_MESSAGE = 'Touchpoint is temporarily unavailable. Nothing was changed; please try again in a few seconds.';

/** How often an outage is logged: each request during one would otherwise log the same thing. */
const LOG_EVERY_MS = 5_000;
let lastLoggedAt = 0;
let suppressed = 0;

/**
 * A database outage as an expected failure: `unavailable` (503 with Retry-After in the API, a "try again"
 * result from a server action). Undefined for any other error, which stays unexpected (500, logged).
 * Logged as a warning, at most once every few seconds, with how many were left out since.
 */
export function outageFailure(error: unknown, context: Record<string, unknown> = {}): ServiceError | undefined {
  if (!isDatabaseUnavailable(error)) return undefined;
  noteDatabaseDown();
  const now = Date.now();
  if (now - lastLoggedAt >= LOG_EVERY_MS) {
    logger.warn({ err: error, ...context, alsoSince: suppressed }, 'database unavailable: answering "try again"');
    lastLoggedAt = now;
    suppressed = 0;
  } else {
    suppressed++;
  }
  return new ServiceError('unavailable', UNAVAILABLE_MESSAGE, { retryAfterSeconds: RETRY_AFTER_SECONDS });
}

/**
 * "The database cannot be reached right now", told apart from every other failure, so an outage answers
 * 503 with Retry-After (and pages say "we'll be right back") instead of looking like a bug.
 */
import { DATABASE_UNAVAILABLE_DIGEST } from '@/lib/errors';
import { noteDatabaseDown } from './availability';

/** How long clients are told to wait: a Postgres restart takes a few seconds, and hammering it helps nobody. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Error codes that mean the server is down, restarting or unreachable, never that the request was wrong:
 * - the socket's: refused, reset, timed out, unreachable, broken pipe;
 * - postgres.js's own: CONNECT_TIMEOUT (connect_timeout passed), CONNECTION_CLOSED (the server went away
 *   mid-query), CONNECTION_ENDED / CONNECTION_DESTROYED (the pool was closed under the query), and its
 *   client-side deadlines QUERY_TIMEOUT / QUEUE_TIMEOUT;
 * - Postgres's: class 08 (connection exception), 57P01 admin shutdown (fast/immediate stop), 57P02 crash
 *   shutdown (another backend crashed), 57P03 cannot connect now (starting up or shutting down), 53300 too
 *   many connections.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EAI_AGAIN',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'QUERY_TIMEOUT',
  'QUEUE_TIMEOUT',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

function codeOf(error: object): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Whether an error (or anything it wraps: drizzle's DrizzleQueryError keeps the driver's error as `cause`,
 * Node's happy-eyeballs connect gives an AggregateError) says the database is unavailable.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  // By digest, not instanceof: each Next bundle (instrumentation, routes, pages) has its own class.
  if ((error as { digest?: unknown }).digest === DATABASE_UNAVAILABLE_DIGEST) return true;
  const code = codeOf(error);
  if (code && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  const nested = [(error as { cause?: unknown }).cause, ...((error as { errors?: unknown[] }).errors ?? [])];
  return nested.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

/** A database outage, with the driver's error as its cause and the digest the error page recognises. */
export class DatabaseUnavailableError extends Error {
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;
  constructor(cause: unknown) {
    super('The database is unavailable', { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

/**
 * A database outage as DatabaseUnavailableError (so pages show "we'll be right back"), noted for proxy.ts;
 * anything else as it is.
 */
export function asUnavailable(error: unknown): unknown {
  if (!isDatabaseUnavailable(error)) return error;
  noteDatabaseDown();
  return (error as { digest?: unknown }).digest === DATABASE_UNAVAILABLE_DIGEST ? error : new DatabaseUnavailableError(error);
}

import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { idempotencyKeys } from '@/db/schema';
import { ServiceError } from '@/lib/errors';
import { logger } from '@/lib/logger';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** Expired rows removed per write: enough to keep up, small enough to cost nothing noticeable. */
const PURGE_BATCH = 100;

/** What a first request answered, kept to answer its retries. */
export interface StoredResponse {
  status: number;
  body: unknown;
}

/** One request under an Idempotency-Key: whose key, where it was sent, and a hash of what was sent. */
export interface IdempotentRequest {
  scope: string;
  key: string;
  endpoint: string;
  requestHash: string;
}

export interface IdempotentOutcome {
  response: StoredResponse;
  /** True when the response is the stored one and nothing was written this time. */
  replayed: boolean;
}

export interface IdempotencyOptions {
  now?: Date;
  /** Runs once before a first request's write and never for a replay: rate limits, counted outside the transaction. */
  beforeWrite?: () => Promise<void>;
  /** The 422 message when the key was used with another request; defaults to one for API callers. */
  mismatchMessage?: string;
}

/** Object keys sorted at every level, so the same JSON sent with its keys in another order hashes the same. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/** SHA-256 of the endpoint and the canonical body. */
export function requestHashOf(endpoint: string, body: unknown): string {
  return createHash('sha256').update(endpoint).update('\n').update(JSON.stringify(canonical(body)) ?? '').digest('hex');
}

const byKey = (request: IdempotentRequest) => and(eq(idempotencyKeys.scope, request.scope), eq(idempotencyKeys.key, request.key));

type KeyRow = typeof idempotencyKeys.$inferSelect;

/** The stored response for this key, or a 422 when the key came with another request. */
function replayOf(row: KeyRow, request: IdempotentRequest, mismatchMessage?: string): StoredResponse {
  if (row.requestHash !== request.requestHash) {
    const where = row.endpoint === request.endpoint ? 'with a different body' : `for another request (${row.endpoint})`;
    throw new ServiceError(
      'idempotency_key_reused',
      mismatchMessage ?? `This Idempotency-Key was already used ${where} in the last 24 hours. Send a new key for a new request, or the same body to get the first answer again.`,
    );
  }
  return { status: row.responseStatus!, body: JSON.parse(row.responseBody ?? 'null') };
}

/**
 * Runs a creating write at most once per key. A live key (under 24 hours old) with a stored response answers
 * with that response and writes nothing; a key that came with another body is a 422. Otherwise, in one
 * transaction: the key row goes in first (a concurrent duplicate's insert waits on the primary key until this
 * transaction ends, then replays what it stored), the write runs inside the same transaction, and the response
 * is stored before the commit, so a write without its key, or a key without its response, never commits.
 * An expired key is taken over as a new one. A write that fails rolls its key back with it: a retry runs again.
 * Without a key (`request` null), the write runs as it always did, with its own transactions.
 */
export async function runIdempotent(
  db: Db,
  request: IdempotentRequest | null,
  write: (db: Db) => Promise<StoredResponse>,
  options: IdempotencyOptions = {},
): Promise<IdempotentOutcome> {
  if (!request) {
    await options.beforeWrite?.();
    return { response: await write(db), replayed: false };
  }
  const now = options.now ?? new Date();
  const [stored] = await db.select().from(idempotencyKeys).where(and(byKey(request), sql`${idempotencyKeys.expiresAt} > ${now.toISOString()}::timestamptz`));
  // A row without a response belongs to a transaction still running (visible only on PGlite's one session): wait below.
  if (stored && stored.responseStatus !== null) return { response: replayOf(stored, request, options.mismatchMessage), replayed: true };

  await options.beforeWrite?.();
  const outcome = await db.transaction(async (tx) => {
    const [claimed] = await tx
      .insert(idempotencyKeys)
      .values({ ...request, createdAt: now, expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS) })
      .onConflictDoUpdate({
        target: [idempotencyKeys.scope, idempotencyKeys.key],
        set: {
          endpoint: sql`excluded.endpoint`,
          requestHash: sql`excluded.request_hash`,
          responseStatus: null,
          responseBody: null,
          createdAt: sql`excluded.created_at`,
          expiresAt: sql`excluded.expires_at`,
        },
        setWhere: sql`${idempotencyKeys.expiresAt} <= ${now.toISOString()}::timestamptz`,
      })
      .returning({ key: idempotencyKeys.key });
    if (!claimed) {
      // A live key committed by another request (we waited for it, if it was in flight): answer as it did.
      const [first] = await tx.select().from(idempotencyKeys).where(byKey(request));
      if (first?.responseStatus == null) throw new ServiceError('conflict', 'A request with this Idempotency-Key is still running. Try again in a moment.');
      return { response: replayOf(first, request, options.mismatchMessage), replayed: true };
    }
    const response = await write(tx);
    await tx.update(idempotencyKeys).set({ responseStatus: response.status, responseBody: JSON.stringify(response.body ?? null) }).where(byKey(request));
    return { response, replayed: false };
  });
  await purgeExpiredKeys(db, now).catch((err: unknown) => logger.warn({ err }, 'could not purge expired idempotency keys'));
  return outcome;
}

/**
 * Deletes a batch of expired keys: a cheap index range read when there are none. Rows another transaction
 * holds (one taking over an expired key) are skipped, so the purge never waits.
 */
export async function purgeExpiredKeys(db: Db, now = new Date()): Promise<number> {
  const deleted = await db.execute(sql`
    delete from ${idempotencyKeys} where (scope, key) in (
      select scope, key from ${idempotencyKeys}
      where expires_at <= ${now.toISOString()}::timestamptz
      order by expires_at limit ${PURGE_BATCH}
      for update skip locked)
    returning 1`);
  return Array.isArray(deleted) ? deleted.length : ((deleted as { rows?: unknown[] }).rows?.length ?? 0);
}

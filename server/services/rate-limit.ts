import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rateLimits } from '@/db/schema';

export interface Limit {
  limit: number;
  windowSeconds: number;
}
export interface LimitState {
  allowed: boolean;
  retryAfterSeconds: number;
}
/** One counted hit: which window it went into, so it can be given back to that window and no other. */
export interface Hit extends LimitState {
  bucket: string;
  windowStart: Date;
  hits: number;
}

const retryAfter = (windowStart: Date, windowSeconds: number, now: Date) =>
  Math.max(1, Math.ceil((windowStart.getTime() + windowSeconds * 1000 - now.getTime()) / 1000));

/**
 * Counts one hit in a bucket with one upsert that returns the new count. The count is taken before the work it
 * guards, so N parallel attempts (in any number of processes) get N different counts and at most `limit` of
 * them are allowed. Fixed windows kept in Postgres; a window that has expired restarts at 1.
 */
export async function hitRateLimit(db: Db, bucket: string, { limit, windowSeconds }: Limit, now = new Date()): Promise<Hit> {
  const windowStartFloor = new Date(now.getTime() - windowSeconds * 1000).toISOString();
  const expired = sql`${rateLimits.windowStart} <= ${windowStartFloor}::timestamptz`;
  const [row] = await db
    .insert(rateLimits)
    .values({ bucket, windowStart: now, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimits.bucket,
      set: {
        hits: sql`case when ${expired} then 1 else ${rateLimits.hits} + 1 end`,
        windowStart: sql`case when ${expired} then excluded.window_start else ${rateLimits.windowStart} end`,
      },
    })
    .returning();
  return { bucket, windowStart: row.windowStart, hits: row.hits, allowed: row.hits <= limit, retryAfterSeconds: retryAfter(row.windowStart, windowSeconds, now) };
}

/** One hit in each bucket, each its own atomic upsert (autocommitted, so no lock outlives its statement). */
export async function hitRateLimits(db: Db, buckets: readonly { key: string; limit: Limit }[], now = new Date()): Promise<Hit[]> {
  const hits: Hit[] = [];
  for (const bucket of buckets) hits.push(await hitRateLimit(db, bucket.key, bucket.limit, now));
  return hits;
}

/**
 * Takes counted hits back, each from the window it was counted in (a window that has restarted since keeps
 * its count). Each decrement is one atomic statement, so no concurrent hit is lost.
 */
export async function returnRateLimitHits(db: Db, hits: readonly Pick<Hit, 'bucket' | 'windowStart'>[]): Promise<void> {
  for (const hit of hits) {
    await db
      .update(rateLimits)
      .set({ hits: sql`${rateLimits.hits} - 1` })
      .where(sql`${rateLimits.bucket} = ${hit.bucket} and ${rateLimits.windowStart} = ${hit.windowStart.toISOString()}::timestamptz and ${rateLimits.hits} > 0`);
  }
}

/** A claim on every bucket of one attempt: allowed when each bucket is within its limit after counting. */
export interface LimitClaim extends LimitState {
  hits: Hit[];
}

/**
 * Counts the attempt in every bucket first, then decides. A refused attempt gives its hits back at once: it
 * did no work, so it must not eat into another bucket's allowance (a blocked IP trying a victim's email must
 * not lock the victim out) and the count stays the number of attempts that went through. Giving back keeps
 * the guarantee, because a refused attempt only ever removes the hit it added itself.
 */
export async function claimRateLimits(db: Db, buckets: readonly { key: string; limit: Limit }[], now = new Date()): Promise<LimitClaim> {
  const hits = await hitRateLimits(db, buckets, now);
  const refused = hits.filter((h) => !h.allowed);
  if (refused.length === 0) return { allowed: true, retryAfterSeconds: 0, hits };
  await returnRateLimitHits(db, hits);
  return { allowed: false, retryAfterSeconds: Math.max(...refused.map((h) => h.retryAfterSeconds)), hits };
}

/**
 * Whether a bucket is already at its limit, without counting a hit. Only a fast path for an early answer
 * (the sign-in route's 429): the decision that guards the work is always claimRateLimits.
 */
export async function isRateLimited(db: Db, bucket: string, { limit, windowSeconds }: Limit, now = new Date()): Promise<LimitState> {
  const rows = await db.select().from(rateLimits).where(sql`${rateLimits.bucket} = ${bucket}`);
  const row = rows[0];
  if (!row || row.windowStart.getTime() + windowSeconds * 1000 <= now.getTime()) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: row.hits < limit, retryAfterSeconds: retryAfter(row.windowStart, windowSeconds, now) };
}

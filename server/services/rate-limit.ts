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

/**
 * Counts one hit in a fixed window kept in Postgres, so every app process shares it.
 * One upsert: a window that has expired restarts at 1.
 */
export async function hitRateLimit(db: Db, bucket: string, { limit, windowSeconds }: Limit, now = new Date()): Promise<LimitState> {
  const windowStartFloor = new Date(now.getTime() - windowSeconds * 1000).toISOString();
  const [row] = await db
    .insert(rateLimits)
    .values({ bucket, windowStart: now, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimits.bucket,
      set: {
        hits: sql`case when ${rateLimits.windowStart} <= ${windowStartFloor}::timestamptz then 1 else ${rateLimits.hits} + 1 end`,
        windowStart: sql`case when ${rateLimits.windowStart} <= ${windowStartFloor}::timestamptz then ${now.toISOString()}::timestamptz else ${rateLimits.windowStart} end`,
      },
    })
    .returning();
  const resetsAt = row.windowStart.getTime() + windowSeconds * 1000;
  return { allowed: row.hits <= limit, retryAfterSeconds: Math.max(1, Math.ceil((resetsAt - now.getTime()) / 1000)) };
}

/** Whether a bucket is already over its limit, without counting a hit. */
export async function isRateLimited(db: Db, bucket: string, { limit, windowSeconds }: Limit, now = new Date()): Promise<LimitState> {
  const rows = await db.select().from(rateLimits).where(sql`${rateLimits.bucket} = ${bucket}`);
  const row = rows[0];
  if (!row || row.windowStart.getTime() + windowSeconds * 1000 <= now.getTime()) return { allowed: true, retryAfterSeconds: 0 };
  const retryAfterSeconds = Math.ceil((row.windowStart.getTime() + windowSeconds * 1000 - now.getTime()) / 1000);
  return { allowed: row.hits < limit, retryAfterSeconds };
}

import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '@/db/client';
import type { MetricsQuery } from '@/lib/validation/metrics';
import { rawFilters } from './figures-sql';

/** Bucket edges in seconds: under 15 min, 15 min–1 h, 1–4 h, 4–8 h, 8–24 h, 1–3 days, 3 days and over. */
export const HISTOGRAM_EDGES = [900, 3600, 4 * 3600, 8 * 3600, 86_400, 3 * 86_400] as const;
export const HISTOGRAM_LABELS = ['< 15 min', '15 min – 1 h', '1 – 4 h', '4 – 8 h', '8 – 24 h', '1 – 3 days', '≥ 3 days'] as const;

/**
 * First response times of [from, to) (counted by first_response_at, as the FRT figure) in fixed buckets,
 * counted in SQL on the figure's covering index. The buckets add up to the figure's count.
 */
export async function firstResponseHistogram(db: Db, q: MetricsQuery, clock: 'calendar' | 'business'): Promise<Array<{ label: string; count: number }>> {
  const value = sql.raw(clock === 'business' ? 'first_response_business_seconds' : 'frt_seconds');
  const edges = sql.raw(`array[${HISTOGRAM_EDGES.join(',')}]::int[]`);
  const result = await db.execute(sql`
    select width_bucket(${value}, ${edges}) as bucket, count(*)::int as n
    from tickets
    where ${sql.join(rawFilters(q), sql` and `)} and first_response_at >= ${q.from.toISOString()}::timestamptz
      and first_response_at < ${q.to.toISOString()}::timestamptz and ${value} is not null
    group by 1`);
  const counts = new Map(rowsOf<{ bucket: number; n: number }>(result).map((r) => [Number(r.bucket), r.n]));
  return HISTOGRAM_LABELS.map((label, i) => ({ label, count: counts.get(i) ?? 0 }));
}

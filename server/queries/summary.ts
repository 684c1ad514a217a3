import { and, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { tickets } from '@/db/schema';

/**
 * A 30-day service summary, counted by each figure's own event time (METRICS.md, period attribution).
 * `assigneeId` narrows it to one agent's own figures. Merged tickets are left out.
 */
export async function serviceSummary(db: Db, { from, to, assigneeId }: { from: Date; to: Date; assigneeId?: number }) {
  const inRange = (col: typeof tickets.createdAt | typeof tickets.firstSolvedAt) =>
    sql`${col} >= ${from.toISOString()}::timestamptz and ${col} < ${to.toISOString()}::timestamptz`;
  const [row] = await db
    .select({
      created: sql<number>`count(*) filter (where ${inRange(tickets.createdAt)})::int`,
      solved: sql<number>`count(*) filter (where ${inRange(tickets.firstSolvedAt)})::int`,
      fcrYes: sql<number>`count(*) filter (where ${inRange(tickets.firstSolvedAt)} and ${tickets.fcr})::int`,
      fcrKnown: sql<number>`count(*) filter (where ${inRange(tickets.firstSolvedAt)} and ${tickets.fcr} is not null)::int`,
      medianFirstResponse: sql<number | null>`percentile_cont(0.5) within group (order by date_part('epoch', ${tickets.firstResponseAt} - ${tickets.clockStartedAt})::bigint)
        filter (where ${tickets.firstResponseAt} >= ${from.toISOString()}::timestamptz and ${tickets.firstResponseAt} < ${to.toISOString()}::timestamptz)`,
    })
    .from(tickets)
    .where(and(isNull(tickets.mergedIntoId), assigneeId ? eq(tickets.assigneeId, assigneeId) : undefined, gte(tickets.createdAt, sql`${from.toISOString()}::timestamptz - interval '366 days'`), lt(tickets.createdAt, to)));
  return {
    created: row.created,
    solved: row.solved,
    fcr: { numerator: row.fcrYes, denominator: row.fcrKnown, rate: row.fcrKnown ? row.fcrYes / row.fcrKnown : null },
    medianFirstResponseSeconds: row.medianFirstResponse === null ? null : Number(row.medianFirstResponse),
  };
}

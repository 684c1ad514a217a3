import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '@/db/client';
import { rawFilters } from '../metrics/figures-sql';
import { scopeQuery, type BoardScope } from './scope';

const inRange = (scope: BoardScope) =>
  sql`latest_csat_at >= ${scope.range.from.toISOString()}::timestamptz and latest_csat_at < ${scope.range.to.toISOString()}::timestamptz`;

/** The 1–5 distribution of the ratings that count (each ticket's latest, in its period): adds up to CSAT responses. */
export async function csatDistribution(db: Db, scope: BoardScope): Promise<Array<{ score: number; count: number }>> {
  const result = await db.execute(sql`
    select latest_csat_score as score, count(*)::int as n from tickets
    where ${sql.join(rawFilters(scopeQuery(scope)), sql` and `)} and ${inRange(scope)}
    group by 1`);
  const counts = new Map(rowsOf<{ score: number; n: number }>(result).map((r) => [Number(r.score), r.n]));
  return [1, 2, 3, 4, 5].map((score) => ({ score, count: counts.get(score) ?? 0 }));
}

export interface CsatComment {
  ticketId: number;
  subject: string;
  score: number;
  comment: string;
  ratedAt: string;
}

/** The latest comments of ratings that count in the range, newest first, each with its ticket. */
export async function latestCsatComments(db: Db, scope: BoardScope, limit = 10): Promise<CsatComment[]> {
  const result = await db.execute(sql`
    select t.id, t.subject, r.score, r.comment, r.created_at
    from tickets t join csat_ratings r on r.ticket_id = t.id and r.created_at = t.latest_csat_at
    where ${sql.join(rawFilters(scopeQuery(scope)), sql` and `)} and ${inRange(scope)} and r.comment <> ''
    order by t.latest_csat_at desc, t.id desc limit ${limit}`);
  return rowsOf<{ id: number; subject: string; score: number; comment: string; created_at: string | Date }>(result).map((r) => ({
    ticketId: r.id,
    subject: r.subject,
    score: Number(r.score),
    comment: r.comment,
    ratedAt: new Date(r.created_at).toISOString(),
  }));
}

import { sql, type SQL } from 'drizzle-orm';
import type { MetricsQuery } from '@/lib/validation/metrics';

export type FigureName = 'created' | 'first_response' | 'solve' | 'full_resolution' | 'csat' | 'sla_fr' | 'sla_res';

export interface FigureDef {
  /** The figure's number in metric_rollup (migration 0010). */
  code: number;
  /** The ticket column it is counted by (METRICS.md, "Period attribution"); it leads a covering index. */
  at: string;
  /** Whether it has percentiles: its rollup rows carry one value per ticket. */
  percentiles: boolean;
  /** Per ticket, as raw rows: the flags s1..s4 and the values v, v2 (the rollup's columns, one ticket each). */
  raw: { s1?: string; s2?: string; s3?: string; s4?: string; v?: string; v2?: string };
  /** A raw row counts only when this holds. */
  where?: (now: SQL) => SQL;
}

/**
 * Every figure of METRICS.md. The flags: solve → s1 FCR known, s2 FCR true, s3 reopened, s4 solved without
 * a reply; CSAT → s1 satisfied; SLA → s1 met. Values: durations in whole seconds.
 */
export const FIGURES: Record<FigureName, FigureDef> = {
  created: { code: 1, at: 'created_at', percentiles: false, raw: {} },
  first_response: {
    code: 2,
    at: 'first_response_at',
    percentiles: true,
    raw: { v: 'frt_seconds', v2: 'first_response_business_seconds' },
  },
  solve: {
    code: 3,
    at: 'first_solved_at',
    percentiles: true,
    raw: {
      s1: '(fcr is not null)::int',
      s2: 'coalesce(fcr, false)::int',
      s3: '(reopen_count >= 1)::int',
      s4: '(replies_before_first_solve = 0)::int',
      v: 'first_resolution_seconds',
    },
  },
  full_resolution: { code: 4, at: 'last_solved_at', percentiles: true, raw: { v: 'full_resolution_seconds' } },
  csat: { code: 5, at: 'latest_csat_at', percentiles: false, raw: { s1: '(latest_csat_score >= 4)::int' } },
  // An SLA target counts at its event when met, at its deadline when breached; a running one counts nowhere
  // (its deadline is still ahead of `now`).
  sla_fr: { code: 6, at: 'sla_fr_at', percentiles: false, raw: { s1: 'sla_fr_met::int' }, where: (now) => sql`(sla_fr_met or sla_fr_at < ${now})` },
  sla_res: { code: 7, at: 'sla_res_at', percentiles: false, raw: { s1: 'sla_res_met::int' }, where: (now) => sql`(sla_res_met or sla_res_at < ${now})` },
};

/** The aggregate columns every branch returns: n, pct and pct2 (median and p90 of v and of v2, one sort each), s1..s4. */
// Sums over no rows are null in SQL: an empty period or scope counts 0, never null.
export const AGGREGATES = sql`coalesce(sum(n), 0)::int, percentile_cont(array[0.5, 0.9]::float8[]) within group (order by v),
  percentile_cont(array[0.5, 0.9]::float8[]) within group (order by v2), coalesce(sum(s1), 0)::int, coalesce(sum(s2), 0)::int,
  coalesce(sum(s3), 0)::int, coalesce(sum(s4), 0)::int`;

/** The optional filters on raw rows, on covering-index columns only; a team or agent name resolves once. */
export function rawFilters(q: MetricsQuery): SQL[] {
  const where: SQL[] = [sql`merged_into_id is null`];
  if (q.team) where.push(sql`team_id in (select id from teams where lower(name) = lower(${q.team}))`);
  if (q.agent) where.push(sql`assignee_id in (select id from users where lower(email) = ${q.agent})`);
  if (q.journey_stage) where.push(sql`journey_stage = ${q.journey_stage}`);
  if (q.touchpoint) where.push(sql`touchpoint = ${q.touchpoint}`);
  if (q.channel) where.push(sql`channel = ${q.channel}`);
  if (q.priority) where.push(sql`priority = ${q.priority}`);
  return where;
}

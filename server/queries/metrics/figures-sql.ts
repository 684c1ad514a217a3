import { sql, type SQL } from 'drizzle-orm';

const iso = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/**
 * Each ticket's figure values, computed once (METRICS.md): durations in whole seconds, flags as 1/0, and for
 * each SLA target the time it counts at (its event when met, its deadline when breached; running targets
 * count nowhere) with a met flag.
 */
export function ticketFigureColumns(now: Date): SQL {
  const nowTs = iso(now);
  const frDone = sql`least(t.first_response_at, t.first_solved_at)`;
  const slaAt = (due: SQL, done: SQL) =>
    sql`case when ${done} <= ${due} then ${done} when ${done} > ${due} or (${done} is null and ${due} < ${nowTs}) then ${due} end`;
  return sql`
    t.created_at,
    t.first_response_at, floor(date_part('epoch', t.first_response_at - t.clock_started_at)) as frt_s,
    t.first_response_business_seconds::float8 as frt_business_s,
    t.first_solved_at, floor(date_part('epoch', t.first_solved_at - t.created_at)) as first_resolution_s,
    case when t.fcr is null then null when t.fcr then 1 else 0 end as fcr_flag,
    case when t.reopen_count >= 1 then 1 else 0 end as reopened_flag,
    case when t.replies_before_first_solve = 0 then 1 else 0 end as without_reply_flag,
    t.last_solved_at, floor(date_part('epoch', t.last_solved_at - t.created_at)) as full_resolution_s,
    t.latest_csat_at, t.latest_csat_score::float8 as csat_score,
    ${slaAt(sql`t.sla_first_response_due_at`, frDone)} as sla_fr_at,
    case when ${frDone} <= t.sla_first_response_due_at then 1 else 0 end as sla_fr_met,
    ${slaAt(sql`t.sla_resolution_due_at`, sql`t.first_solved_at`)} as sla_res_at,
    case when t.first_solved_at <= t.sla_resolution_due_at then 1 else 0 end as sla_res_met`;
}

/**
 * The aggregate columns of one figure's branch, in the shape every branch shares:
 * n, median, p90, median2 (percentiles of v and v2), f_count/f_sum, g_sum and h_sum (flag sums).
 */
export const FIGURE_AGGREGATES: Record<'created' | 'first_response' | 'solve' | 'full_resolution' | 'csat', { at: string; select: string }> = {
  created: { at: 'created_at', select: 'count(*)::int, null::float8, null::float8, null::float8, 0, 0, 0, 0' },
  first_response: {
    at: 'first_response_at',
    select: `count(*)::int, percentile_cont(0.5) within group (order by frt_s), percentile_cont(0.9) within group (order by frt_s),
      percentile_cont(0.5) within group (order by frt_business_s), 0, 0, 0, 0`,
  },
  solve: {
    at: 'first_solved_at',
    select: `count(*)::int, percentile_cont(0.5) within group (order by first_resolution_s), percentile_cont(0.9) within group (order by first_resolution_s),
      null::float8, count(fcr_flag)::int, coalesce(sum(fcr_flag), 0)::int, coalesce(sum(reopened_flag), 0)::int, coalesce(sum(without_reply_flag), 0)::int`,
  },
  full_resolution: {
    at: 'last_solved_at',
    select: `count(*)::int, percentile_cont(0.5) within group (order by full_resolution_s), percentile_cont(0.9) within group (order by full_resolution_s),
      null::float8, 0, 0, 0, 0`,
  },
  csat: {
    at: 'latest_csat_at',
    select: `count(*)::int, null::float8, null::float8, null::float8, 0, coalesce(sum(case when csat_score >= 4 then 1 else 0 end), 0)::int, 0, 0`,
  },
};

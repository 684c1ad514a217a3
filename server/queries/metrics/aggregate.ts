import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '@/db/client';
import type { GroupBy, MetricsQuery } from '@/lib/validation/metrics';
import { FIGURE_AGGREGATES, ticketFigureColumns } from './figures-sql';
import { emptyFigures, foldFigureRow, type FigureRow, type Metrics } from './assemble';
import { bucketStarts } from './buckets';
import { groupKeySql } from './groups';

export interface MetricsResult {
  from: string;
  to: string;
  totals: Metrics;
  groups: Array<{ key: string | null; label: string } & Metrics>;
  series?: Array<{ start: string } & Metrics>;
}

function filters(q: MetricsQuery): SQL[] {
  const where: SQL[] = [sql`t.merged_into_id is null`];
  if (q.team) where.push(sql`lower(tm.name) = lower(${q.team})`);
  if (q.agent) where.push(sql`lower(a.email) = ${q.agent}`);
  if (q.journey_stage) where.push(sql`t.journey_stage = ${q.journey_stage}`);
  if (q.touchpoint) where.push(sql`t.touchpoint = ${q.touchpoint}`);
  if (q.channel) where.push(sql`t.channel = ${q.channel}`);
  if (q.priority) where.push(sql`t.priority = ${q.priority}`);
  return where;
}

/**
 * The SQL behind queryMetrics (exported for EXPLAIN in benchmarks): every figure is aggregated in its own
 * branch over its own index range, counted by its own event time and bucketed by it (METRICS.md).
 */
export function metricsSql(q: MetricsQuery, { now, timeZone }: { now: Date; timeZone: string }): SQL {
  const group = groupKeySql(q.group_by as GroupBy | undefined);
  const from = sql`${q.from.toISOString()}::timestamptz`;
  const to = sql`${q.to.toISOString()}::timestamptz`;
  const sets = [sql`()`];
  if (q.group_by) sets.push(sql`(gkey, glabel)`);
  if (q.interval) sets.push(sql`(bucket)`);
  const groupCols = q.group_by ? sql`grouping(gkey) = 0, gkey, glabel` : sql`false, null::text, null::text`;
  const bucketCol = q.interval ? sql`case when grouping(bucket) = 0 then bucket end` : sql`null::text`;

  const bucketOf = (at: string) =>
    q.interval ? sql`to_char(date_trunc(${q.interval}, ${sql.raw(at)} at time zone ${timeZone}), 'YYYY-MM-DD')` : sql`null::text`;
  const inRange = (col: string) => sql`${sql.raw(col)} >= ${from} and ${sql.raw(col)} < ${to}`;
  /**
   * The tickets whose given columns fall in the range (one index range each), with every figure value as a
   * column. Postgres flattens this subquery, so a branch only computes the columns it reads.
   */
  const source = (columns: string[]) => sql`(
      select ${group.key} as gkey, ${group.label} as glabel, ${ticketFigureColumns(now)}
      from tickets t
      left join users a on a.id = t.assignee_id
      left join teams tm on tm.id = t.team_id
      left join journey_stages js on js.key = t.journey_stage
      left join touchpoints tp on tp.key = t.touchpoint
      where ${sql.join(filters(q), sql` and `)} and (${sql.join(columns.map((c) => sql`(${inRange(`t.${c}`)})`), sql` or `)})
    )`;
  const branch = (figure: string, at: string, select: string, columns: string[] = [at]) => sql`
    select ${figure}::text, ${groupCols}, ${bucketCol}, ${sql.raw(select)}
    from (select s.*, ${bucketOf(at)} as bucket from ${source(columns)} s where ${inRange(at)}) x
    group by grouping sets (${sql.join(sets, sql`, `)})`;

  // An SLA target counts at its event (met) or its deadline (breached), which lie in the due, response or solve ranges.
  const slaSelect = (met: string) => `count(*)::int, null::float8, null::float8, null::float8, 0, coalesce(sum(${met}), 0)::int, 0, 0`;
  return sql`
    select figure, by_group, gkey, glabel, bucket, n, median, p90, median2, f_count, f_sum, g_sum, h_sum from (
      ${sql.join(Object.entries(FIGURE_AGGREGATES).map(([figure, { at, select }]) => branch(figure, at, select)), sql` union all `)}
      union all ${branch('sla', 'sla_fr_at', slaSelect('sla_fr_met'), ['sla_first_response_due_at', 'first_response_at', 'first_solved_at'])}
      union all ${branch('sla', 'sla_res_at', slaSelect('sla_res_met'), ['sla_resolution_due_at', 'first_solved_at'])}
    ) as figures(figure, by_group, gkey, glabel, bucket, n, median, p90, median2, f_count, f_sum, g_sum, h_sum)
  `;
}

/**
 * Every figure of METRICS.md for [from, to), in one pass: totals, optional groups (current values) and an
 * optional series bucketed in the workspace time zone. Merged tickets are left out everywhere.
 */
export async function queryMetrics(
  db: Db,
  q: MetricsQuery,
  { now = new Date(), timeZone = 'UTC' }: { now?: Date; timeZone?: string } = {},
): Promise<MetricsResult> {
  const result = await db.execute(metricsSql(q, { now, timeZone }));

  const totals = emptyFigures();
  const groups = new Map<string, { key: string | null; label: string } & Metrics>();
  const series = new Map<string, Metrics>();
  for (const row of rowsOf<FigureRow & { by_group: boolean; gkey: string | null; glabel: string; bucket: string | null }>(result)) {
    if (row.bucket) {
      foldFigureRow(series.get(row.bucket) ?? series.set(row.bucket, emptyFigures()).get(row.bucket)!, row);
    } else if (row.by_group && q.group_by) {
      const id = row.gkey ?? '\u0000null';
      if (!groups.has(id)) groups.set(id, { key: row.gkey, label: row.glabel, ...emptyFigures() });
      foldFigureRow(groups.get(id)!, row);
    } else {
      foldFigureRow(totals, row);
    }
  }

  return {
    from: q.from.toISOString(),
    to: q.to.toISOString(),
    totals,
    groups: [...groups.values()].sort((x, y) => (x.key === null ? 1 : y.key === null ? -1 : x.label.localeCompare(y.label))),
    ...(q.interval
      ? { series: bucketStarts(q.from, q.to, q.interval, timeZone).map(({ label, start }) => ({ start, ...(series.get(label) ?? emptyFigures()) })) }
      : {}),
  };
}

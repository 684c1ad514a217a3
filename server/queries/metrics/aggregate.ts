import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { GroupBy, MetricsQuery } from '@/lib/validation/metrics';
import { figureRows, touchesRange } from './figures-sql';
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

/** Rows from postgres.js arrive as an array, from PGlite as `{ rows }`. */
export function resultRows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
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
  const group = groupKeySql(q.group_by as GroupBy | undefined);
  const interval = q.interval ?? 'day';
  const sets = [sql`(figure)`];
  if (q.group_by) sets.push(sql`(figure, gkey, glabel)`);
  if (q.interval) sets.push(sql`(figure, bucket)`);

  const result = await db.execute(sql`
    with base as (
      select t.*, ${group.key} as gkey, ${group.label} as glabel
      from tickets t
      left join users a on a.id = t.assignee_id
      left join teams tm on tm.id = t.team_id
      left join journey_stages js on js.key = t.journey_stage
      left join touchpoints tp on tp.key = t.touchpoint
      where ${sql.join(filters(q), sql` and `)} and (${touchesRange(q.from, q.to)})
    ), figures as (
      select e.*, b.gkey, b.glabel,
        to_char(date_trunc(${sql.raw(`'${interval}'`)}, e.at at time zone ${timeZone}), 'YYYY-MM-DD') as bucket
      from base b cross join lateral ${figureRows(now)}
      where e.at >= ${q.from.toISOString()}::timestamptz and e.at < ${q.to.toISOString()}::timestamptz
    )
    select figure,
      ${q.group_by ? sql`grouping(gkey) = 0 as by_group, gkey, glabel` : sql`false as by_group, null::text as gkey, null::text as glabel`},
      ${q.interval ? sql`case when grouping(bucket) = 0 then bucket end` : sql`null`} as bucket,
      count(*)::int as n,
      percentile_cont(0.5) within group (order by v) as median,
      percentile_cont(0.9) within group (order by v) as p90,
      percentile_cont(0.5) within group (order by v2) as median2,
      count(f)::int as f_count, coalesce(sum(f), 0)::int as f_sum,
      coalesce(sum(g), 0)::int as g_sum, coalesce(sum(h), 0)::int as h_sum
    from figures
    group by grouping sets (${sql.join(sets, sql`, `)})
  `);

  const totals = emptyFigures();
  const groups = new Map<string, { key: string | null; label: string } & Metrics>();
  const series = new Map<string, Metrics>();
  for (const row of resultRows<FigureRow & { by_group: boolean; gkey: string | null; glabel: string; bucket: string | null }>(result)) {
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
      ? { series: bucketStarts(q.from, q.to, interval, timeZone).map(({ label, start }) => ({ start, ...(series.get(label) ?? emptyFigures()) })) }
      : {}),
  };
}

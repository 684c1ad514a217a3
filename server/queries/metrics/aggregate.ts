import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '@/db/client';
import type { MetricsQuery } from '@/lib/validation/metrics';
import { AGGREGATES, FIGURES, rawFilters, type FigureDef, type FigureName } from './figures-sql';
import { emptyFigures, foldFigureRow, type FigureRow, type Metrics } from './assemble';
import { bucketStarts } from './buckets';
import { DIM_COLUMN, DIM_KEY_SQL, groupLabels } from './groups';
import { allPercentiles, type FigurePercentiles } from './percentiles';
import { coveredDays, rollupSlice, type CoveredDays, type RollupSlice } from './rollup-plan';

export interface MetricsResult {
  from: string;
  to: string;
  totals: Metrics;
  groups: Array<{ key: string | null; label: string } & Metrics>;
  series?: Array<{ start: string } & Metrics>;
}

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const col = (expr: string | undefined, fallback: string) => sql.raw(expr ?? fallback);

interface Context {
  q: MetricsQuery;
  now: Date;
  timeZone: string;
  slice: RollupSlice | null;
  days: CoveredDays | null;
  rawRanges: Array<[Date, Date]>;
  percentiles: boolean;
}

/**
 * A figure's rollup rows for the covered days: counts and flag sums per day and group, from the base plus
 * the deltas not folded into it yet (migration 0017), which carry instants and fall on days here.
 */
function rollupRows(def: FigureDef, { q, slice, days, timeZone }: Context): SQL {
  const g = q.group_by ? sql`r.key` : sql`null::text`;
  const bucket = q.interval ? sql`date_trunc(${q.interval}, r.day::timestamp)` : sql`null::timestamp`;
  const slot = sql`figure = ${def.code} and dim = ${slice!.dim} ${slice!.key ? sql`and key = ${slice!.key}` : sql``}`;
  // A day and group whose tickets all moved to another group sums to n = 0: it is no group any more.
  return sql`select ${g} as g, ${bucket} as bucket, r.n, r.s1, r.s2, r.s3, r.s4, null::int as v, null::int as v2
    from (
      select key, day, sum(n)::int as n, sum(s1)::int as s1, sum(s2)::int as s2, sum(s3)::int as s3, sum(s4)::int as s4
      from (select key, day, n, s1, s2, s3, s4 from metric_rollup
              where ${slot} and day >= ${days!.first}::date and day < ${days!.end}::date
            union all
            select key, (at at time zone ${timeZone})::date, n, s1, s2, s3, s4 from metric_rollup_delta
              where ${slot} and at >= ${ts(days!.start)} and at < ${ts(days!.stop)}) parts
      group by key, day
      having sum(n) > 0
    ) r`;
}

/**
 * A figure's raw ticket rows in one range: an index-only scan of the figure's covering index. `native`
 * keeps the group column as it is (sorting 80k ids beats sorting 80k strings); rows that join rollup rows
 * carry the rollup's text key instead.
 */
function rawRows(def: FigureDef, [from, to]: [Date, Date], { q, now, timeZone, percentiles }: Context, native: boolean): SQL {
  const at = sql.raw(def.at);
  const g = !q.group_by ? sql`null::text` : native ? DIM_COLUMN[q.group_by] : DIM_KEY_SQL[q.group_by];
  const bucket = q.interval ? sql`date_trunc(${q.interval}, ${at} at time zone ${timeZone})` : sql`null::timestamp`;
  const conditions = [...rawFilters(q), sql`${at} >= ${ts(from)}`, sql`${at} < ${ts(to)}`, ...(def.where ? [def.where(ts(now))] : [])];
  const { s1, s2, s3, s4 } = def.raw;
  // Without percentiles, no values: a median of the partial days alone would be wrong, so it is null.
  const { v, v2 } = percentiles ? def.raw : {};
  return sql`select ${g} as g, ${bucket} as bucket, 1 as n, ${col(s1, '0')}, ${col(s2, '0')}, ${col(s3, '0')}, ${col(s4, '0')},
      ${col(v, 'null::int')} as v, ${col(v2, 'null::int')} as v2
    from tickets where ${sql.join(conditions, sql` and `)}`;
}

/**
 * One figure, aggregated for the totals, groups and buckets asked: its rollup rows for the whole days plus
 * raw rows for the rest, or raw rows for the whole range when its percentiles are wanted (a median cannot
 * be summed from days; the covering index reads them in one range scan).
 */
function figureBranch(figure: FigureName, ctx: Context): SQL {
  const def = FIGURES[figure];
  const { q } = ctx;
  const fromRollup = ctx.days && !(def.percentiles && ctx.percentiles);
  const ranges: Array<[Date, Date]> = fromRollup ? ctx.rawRanges : [[q.from, q.to]];
  const parts = [...(fromRollup ? [rollupRows(def, ctx)] : []), ...ranges.map((range) => rawRows(def, range, ctx, !fromRollup))];
  const sets = [sql`()`, ...(q.group_by ? [sql`(g)`] : []), ...(q.interval ? [sql`(bucket)`] : [])];
  const key = fromRollup ? sql`g` : sql`coalesce(g::text, '')`;
  return sql`
    select ${figure}::text as figure, ${q.group_by ? sql`grouping(g) = 0, ${key}` : sql`false, null::text`},
      ${q.interval ? sql`case when grouping(bucket) = 0 then bucket end` : sql`null::timestamp`} as bucket, ${AGGREGATES}
    from (${sql.join(parts, sql` union all `)}) x(g, bucket, n, s1, s2, s3, s4, v, v2)
    group by grouping sets (${sql.join(sets, sql`, `)})`;
}

export interface MetricsSqlOptions {
  now: Date;
  timeZone: string;
  /** The rollup's time zone (null: read raw rows only). Whole days come from it only when it is `timeZone`. */
  rollupTimeZone: string | null;
  /** Whether Postgres computes the medians and p90s itself (the fresh computation); else percentiles.ts does, or none are wanted. */
  percentiles: boolean;
}

/**
 * The SQL behind queryMetrics (exported for EXPLAIN in benchmarks). Each figure is counted by its own event
 * time (METRICS.md). Whole local days come from metric_rollup when one dimension is in play; the partial
 * days at the ends, and any query the rollup cannot answer, come from the figures' covering indexes.
 * Labels are joined after aggregating, to the few grouped rows.
 */
export function metricsSql(q: MetricsQuery, { now, timeZone, rollupTimeZone, percentiles }: MetricsSqlOptions): SQL {
  const slice = rollupTimeZone === timeZone ? rollupSlice(q) : null;
  const days = slice ? coveredDays(q.from, q.to, now, timeZone) : null;
  const rawRanges = (days ? [[q.from, days.start], [days.stop, q.to]] : [[q.from, q.to]]).filter(([a, b]) => a.getTime() < b.getTime()) as Array<[Date, Date]>;
  const ctx: Context = { q, now, timeZone, slice, days, rawRanges, percentiles };
  const labels = groupLabels(q.group_by);
  return sql`
    select f.figure, f.by_group, f.g as gcode, ${labels.key} as gkey, ${labels.label} as glabel, to_char(f.bucket, 'YYYY-MM-DD') as bucket,
      f.n, f.pct[1] as median, f.pct[2] as p90, f.pct2[1] as median2, f.pct2[2] as p90_2, f.s1, f.s2, f.s3, f.s4
    from (${sql.join((Object.keys(FIGURES) as FigureName[]).map((figure) => figureBranch(figure, ctx)), sql` union all `)})
      as f(figure, by_group, g, bucket, n, pct, pct2, s1, s2, s3, s4)
    ${labels.join}`;
}

/** The time zone the rollup's days are in, or null before it exists. */
export async function rollupTimeZone(db: Db): Promise<string | null> {
  const [row] = rowsOf<{ time_zone: string }>(await db.execute(sql`select time_zone from metric_rollup_meta where id = 1`));
  return row?.time_zone ?? null;
}

export interface MetricsOptions {
  now?: Date;
  timeZone?: string;
  /** false: raw rows only, percentiles by Postgres itself: the fresh computation tests compare against. */
  rollup?: boolean;
  /** false: no medians or p90s (boards that show none skip their raw reads). */
  percentiles?: boolean;
}

/** A view of a scope: its groups, its series, or just its totals. */
export type MetricsView = Pick<MetricsQuery, 'group_by' | 'interval'>;

type SqlRow = FigureRow & { by_group: boolean; gcode: string | null; gkey: string | null; glabel: string; bucket: string | null };

/** The percentiles of a row's set, from the sorted reads; a set with no values has none. */
function withPercentiles(row: SqlRow, view: MetricsView, values: Map<FigureName, FigurePercentiles> | null): SqlRow {
  const figure = values?.get(row.figure);
  if (!figure) return row;
  const pct = row.bucket ? figure.series.get(row.bucket) : row.by_group && view.group_by ? figure.groups.get(view.group_by)?.get(row.gcode ?? '') : figure.totals;
  return { ...row, median: pct?.median ?? null, p90: pct?.p90 ?? null, median2: pct?.median2 ?? null, p90_2: pct?.p90_2 ?? null };
}

function assemble(q: MetricsQuery, rows: SqlRow[], values: Map<FigureName, FigurePercentiles> | null, timeZone: string): MetricsResult {
  const totals = emptyFigures();
  const groups = new Map<string, { key: string | null; label: string } & Metrics>();
  const series = new Map<string, Metrics>();
  for (const raw of rows) {
    const row = withPercentiles(raw, q, values);
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

/**
 * Several views of one scope (the same range and filters), such as a board's series and its breakdowns.
 * Counts and sums come per view from metricsSql (mostly rollup rows); the medians and p90s of every view
 * come from one sorted read per figure (percentiles.ts), so a board sorts each figure's rows once.
 */
export async function queryMetricsViews(
  db: Db,
  scope: Omit<MetricsQuery, 'group_by' | 'interval'>,
  views: MetricsView[],
  { now = new Date(), timeZone = 'UTC', rollup = true, percentiles = true }: MetricsOptions = {},
): Promise<MetricsResult[]> {
  const intervals = [...new Set(views.flatMap((v) => (v.interval ? [v.interval] : [])))];
  if (intervals.length > 1) throw new Error('queryMetricsViews: one series interval per call');
  // The fresh computation keeps Postgres's own percentile_cont: the reference the sorted reads are tested against.
  const sorted = rollup && percentiles;
  const tz = rollup ? await rollupTimeZone(db) : null;
  const queries = views.map((view) => ({ ...scope, ...view }));
  const [results, values] = await Promise.all([
    Promise.all(queries.map((q) => db.execute(metricsSql(q, { now, timeZone, rollupTimeZone: tz, percentiles: percentiles && !rollup })))),
    sorted ? allPercentiles(db, scope, { interval: intervals[0], groupBys: [...new Set(views.flatMap((v) => (v.group_by ? [v.group_by] : [])))] }, timeZone) : null,
  ]);
  return queries.map((q, i) => assemble(q, rowsOf<SqlRow>(results[i]), values, timeZone));
}

/**
 * Every figure of METRICS.md for [from, to): totals, optional groups (current values) and an optional
 * series bucketed in the workspace time zone. Merged tickets are left out everywhere.
 */
export async function queryMetrics(db: Db, q: MetricsQuery, options: MetricsOptions = {}): Promise<MetricsResult> {
  const { group_by, interval, ...scope } = q;
  const [result] = await queryMetricsViews(db, scope, [{ group_by, interval }], options);
  return result;
}

/**
 * Rollup rows (base plus deltas) that differ from a fresh computation from the tickets: 0 means every
 * trigger-maintained sum is exact. Used by tests and `metrics:rebuild`.
 */
export async function rollupDrift(db: Db): Promise<number> {
  const result = await db.execute(sql`
    with fresh as (
      select c.figure, c.dim, c.day, c.key, count(*)::int as n, sum(c.s1)::int as s1, sum(c.s2)::int as s2, sum(c.s3)::int as s3, sum(c.s4)::int as s4
      from tickets t cross join lateral metric_contributions(t, metric_rollup_time_zone()) c group by 1, 2, 3, 4
    ), stored as (
      select figure, dim, day, key, sum(n)::int as n, sum(s1)::int as s1, sum(s2)::int as s2, sum(s3)::int as s3, sum(s4)::int as s4
      from (select figure, dim, day, key, n, s1, s2, s3, s4 from metric_rollup
            union all select figure, dim, (at at time zone metric_rollup_time_zone())::date, key, n, s1, s2, s3, s4
              from metric_rollup_delta) parts
      group by 1, 2, 3, 4
      having sum(n) <> 0 or sum(s1) <> 0 or sum(s2) <> 0 or sum(s3) <> 0 or sum(s4) <> 0
    )
    select count(*)::int as drift from ((select * from fresh except select * from stored) union all (select * from stored except select * from fresh)) d`);
  return rowsOf<{ drift: number }>(result)[0].drift;
}

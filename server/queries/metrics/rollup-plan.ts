import { TZDate } from '@date-fns/tz';
import { addDays, format, startOfDay } from 'date-fns';
import { sql, type SQL } from 'drizzle-orm';
import type { GroupBy, MetricsQuery } from '@/lib/validation/metrics';
import { DIMS } from './groups';

/** The filters the metrics API takes, each also a rollup dimension. */
const FILTERS = ['team', 'agent', 'journey_stage', 'touchpoint', 'channel', 'priority'] as const satisfies readonly GroupBy[];

/** Which rollup rows answer a query: one dimension, optionally one key in it. */
export interface RollupSlice {
  dim: number;
  key?: SQL;
}

/** A filter value as the rollup's key: team names and agent emails resolve to their ids. */
function filterKey(filter: (typeof FILTERS)[number], value: string): SQL {
  if (filter === 'team') return sql`(select id::text from teams where lower(name) = lower(${value}) order by id limit 1)`;
  if (filter === 'agent') return sql`(select id::text from users where lower(email) = ${value} order by id limit 1)`;
  return sql`${value}`;
}

/**
 * The rollup holds each dimension on its own, so it answers a query with at most one dimension in play:
 * no filter (totals, or groups by one dimension), or one filter (with no group, or grouped by that same
 * dimension). Any other combination reads raw rows.
 */
export function rollupSlice(q: MetricsQuery): RollupSlice | null {
  const filters = FILTERS.filter((f) => q[f] !== undefined);
  const groupDim = q.group_by ? DIMS[q.group_by] : undefined;
  if (filters.length === 0) return { dim: groupDim ?? 0 };
  if (filters.length > 1) return null;
  const [filter] = filters;
  if (groupDim !== undefined && groupDim !== DIMS[filter]) return null;
  return { dim: DIMS[filter], key: filterKey(filter, q[filter]!) };
}

export interface CoveredDays {
  /** Local dates, half-open: [first, end). */
  first: string;
  end: string;
  /** The same days as instants. */
  start: Date;
  stop: Date;
}

/**
 * The whole local days (in the rollup's time zone) inside [from, min(to, now)): the part of a range the
 * rollup answers. Days that have not ended stay raw, so an SLA target still running is never counted.
 */
export function coveredDays(from: Date, to: Date, now: Date, timeZone: string): CoveredDays | null {
  const limit = to.getTime() < now.getTime() ? to : now;
  const fromDay = startOfDay(new TZDate(from.getTime(), timeZone));
  const start = fromDay.getTime() === from.getTime() ? fromDay : addDays(fromDay, 1);
  const stop = startOfDay(new TZDate(limit.getTime(), timeZone));
  if (start.getTime() >= stop.getTime()) return null;
  return { first: format(start, 'yyyy-MM-dd'), end: format(stop, 'yyyy-MM-dd'), start: new Date(start.getTime()), stop: new Date(stop.getTime()) };
}

import { sql, type SQL } from 'drizzle-orm';

/**
 * Each ticket contributes one row per figure, at the time that figure is counted by
 * (METRICS.md, "Period attribution"). Columns: figure, at, v (a duration or score), v2 (business
 * seconds), f (a 1/0 flag), g and h (more flags for the solve row). Durations are whole seconds.
 */
export function figureRows(now: Date): SQL {
  const nowTs = sql`${now.toISOString()}::timestamptz`;
  const secs = (from: string, to: string) => sql.raw(`floor(date_part('epoch', b.${to} - b.${from}))`);
  // A target is met at its event when that comes by the deadline, and breached at the deadline otherwise
  // (once the deadline has passed). Running targets are not counted anywhere.
  const slaRow = (due: string, done: SQL) => sql`
    ('sla',
     case when ${done} <= b.${sql.raw(due)} then ${done}
          when ${done} > b.${sql.raw(due)} or (${done} is null and b.${sql.raw(due)} < ${nowTs}) then b.${sql.raw(due)} end,
     null::float8, null::float8,
     case when ${done} <= b.${sql.raw(due)} then 1 else 0 end, null::int, null::int)`;
  return sql`(values
    ('created', b.created_at, null::float8, null::float8, null::int, null::int, null::int),
    ('first_response', b.first_response_at, ${secs('clock_started_at', 'first_response_at')}, b.first_response_business_seconds::float8, null, null, null),
    ('solve', b.first_solved_at, ${secs('created_at', 'first_solved_at')}, null,
       case when b.fcr is null then null when b.fcr then 1 else 0 end,
       case when b.reopen_count >= 1 then 1 else 0 end,
       case when b.replies_before_first_solve = 0 then 1 else 0 end),
    ('full_resolution', b.last_solved_at, ${secs('created_at', 'last_solved_at')}, null, null, null, null),
    ('csat', b.latest_csat_at, b.latest_csat_score::float8, null, case when b.latest_csat_score >= 4 then 1 else 0 end, null, null),
    ${slaRow('sla_first_response_due_at', sql`least(b.first_response_at, b.first_solved_at)`)},
    ${slaRow('sla_resolution_due_at', sql`b.first_solved_at`)}
  ) as e(figure, at, v, v2, f, g, h)`;
}

/** Tickets with any figure inside [from, to): each range is an index scan, combined by a bitmap OR. */
export function touchesRange(from: Date, to: Date): SQL {
  const f = sql`${from.toISOString()}::timestamptz`;
  const t = sql`${to.toISOString()}::timestamptz`;
  const cols = ['created_at', 'first_response_at', 'first_solved_at', 'last_solved_at', 'latest_csat_at', 'sla_first_response_due_at', 'sla_resolution_due_at'];
  return sql.join(
    cols.map((c) => sql`(${sql.raw(`t.${c}`)} >= ${f} and ${sql.raw(`t.${c}`)} < ${t})`),
    sql` or `,
  );
}

import { and, asc, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { tickets } from '@/db/schema';
import { csvLine, type CsvValue } from '@/lib/csv';
import { rawFilters } from '../metrics/figures-sql';
import type { Metrics } from '../metrics/assemble';
import { ticketMetricsJson } from '../metrics/ticket-metrics';
import { scopeQuery, type BoardScope } from './scope';

/** The columns of every board table's CSV (README, "Boards"): one row per period or group. */
export const METRICS_COLUMNS = [
  'created',
  'solved',
  'solved_without_reply',
  'fcr_numerator',
  'fcr_denominator',
  'fcr_rate',
  'reopened',
  'reopen_rate',
  'first_response_count',
  'first_response_median_seconds',
  'first_response_p90_seconds',
  'first_response_business_median_seconds',
  'first_response_business_p90_seconds',
  'first_resolution_median_seconds',
  'first_resolution_p90_seconds',
  'full_resolution_count',
  'full_resolution_median_seconds',
  'full_resolution_p90_seconds',
  'csat_responses',
  'csat_satisfied',
  'csat_score',
  'sla_met',
  'sla_breached',
  'sla_rate',
] as const;

export function metricsCells(m: Metrics): CsvValue[] {
  return [
    m.created,
    m.solved,
    m.solved_without_reply,
    m.fcr.numerator,
    m.fcr.denominator,
    m.fcr.rate,
    m.reopen.reopened,
    m.reopen.rate,
    m.first_response.count,
    m.first_response.median_seconds,
    m.first_response.p90_seconds,
    m.first_response.median_business_seconds,
    m.first_response.p90_business_seconds,
    m.first_resolution.median_seconds,
    m.first_resolution.p90_seconds,
    m.full_resolution.count,
    m.full_resolution.median_seconds,
    m.full_resolution.p90_seconds,
    m.csat.responses,
    m.csat.satisfied,
    m.csat.score,
    m.sla.met,
    m.sla.breached,
    m.sla.rate,
  ];
}

/** The columns of the per-ticket export: the ticket's current values and its figures (GET /api/v1/tickets/{id}/metrics). */
export const TICKET_COLUMNS = [
  'ticket_id',
  'created_at',
  'created_by_kind',
  'status',
  'channel',
  'priority',
  'team',
  'assignee_email',
  'journey_stage',
  'touchpoint',
  'first_response_at',
  'first_response_seconds',
  'first_response_business_seconds',
  'first_solved_at',
  'first_resolution_seconds',
  'last_solved_at',
  'full_resolution_seconds',
  'reopens',
  'agent_replies',
  'customer_messages',
  'fcr',
  'one_touch',
  'csat_score',
  'rated_at',
  'sla_first_response',
  'sla_resolution',
] as const;

const CHUNK = 1000;
const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * Every ticket created in the board's range and filters (merged ones left out, as in the figures), as CSV
 * text in chunks of 1,000 rows read by keyset on (created_at, id): memory stays flat however many rows.
 */
export async function* ticketMetricsCsv(db: Db, scope: BoardScope, { now = new Date(), chunk = CHUNK }: { now?: Date; chunk?: number } = {}): AsyncGenerator<string> {
  yield csvLine(TICKET_COLUMNS);
  const where = [...rawFilters(scopeQuery(scope)), gte(tickets.createdAt, scope.range.from), lt(tickets.createdAt, scope.range.to)];
  // The cursor keeps created_at as Postgres text: a JS Date would drop its microseconds and repeat rows.
  let after: { at: string; id: number } | null = null;
  for (;;) {
    const keyset: SQL | undefined = after ? sql`(${tickets.createdAt}, ${tickets.id}) > (${after.at}::timestamptz, ${after.id})` : undefined;
    const rows: Array<{ t: typeof tickets.$inferSelect; at: string; team: string | null; assignee: string | null }> = await db
      .select({
        t: tickets,
        at: sql<string>`${tickets.createdAt}::text`,
        team: sql<string | null>`(select name from teams where teams.id = ${tickets.teamId})`,
        assignee: sql<string | null>`(select email from users where users.id = ${tickets.assigneeId})`,
      })
      .from(tickets)
      .where(and(...where, keyset))
      .orderBy(asc(tickets.createdAt), asc(tickets.id))
      .limit(chunk);
    if (rows.length === 0) return;
    yield rows
      .map(({ t, team, assignee }) => {
        const m = ticketMetricsJson(t, now);
        return csvLine([
          t.id, iso(t.createdAt), t.createdByKind, t.status, t.channel, t.priority, team, assignee, t.journeyStage, t.touchpoint,
          iso(t.firstResponseAt), m.first_response_seconds, m.first_response_business_seconds,
          iso(t.firstSolvedAt), m.first_resolution_seconds, iso(t.lastSolvedAt), m.full_resolution_seconds,
          m.reopens, m.agent_replies, m.customer_messages, m.fcr, m.one_touch, t.latestCsatScore, iso(t.latestCsatAt),
          m.sla.first_response, m.sla.resolution,
        ]);
      })
      .join('');
    if (rows.length < chunk) return;
    const last = rows[rows.length - 1];
    after = { at: last.at, id: last.t.id };
  }
}

/**
 * Checks the seeded facts against the app's own rules on a sample: replays each sampled ticket's events through
 * lib/domain/ticket-facts (as metrics:rebuild does) and compares with the stored row: facts, FCR, message counts, and
 * the calendar facts (business FRT, SLA deadlines) from lib/domain/derived-facts under the default settings.
 */
import type postgres from 'postgres';
import { calendarFacts } from '@/lib/domain/derived-facts';
import { computeFcr } from '@/lib/domain/fcr';
import type { TicketEvent } from '@/lib/domain/ticket-events';
import { replayFacts, type TicketFacts } from '@/lib/domain/ticket-facts';
import { DEFAULT_SETTINGS } from '@/lib/validation/settings';

const FACT_COLUMNS: [keyof TicketFacts, string][] = [
  ['status', 'status'], ['firstResponseAt', 'first_response_at'], ['firstSolvedAt', 'first_solved_at'],
  ['lastSolvedAt', 'last_solved_at'], ['reopenCount', 'reopen_count'], ['agentReplyCount', 'agent_reply_count'],
  ['repliesBeforeFirstSolve', 'replies_before_first_solve'], ['customerMessageCount', 'customer_message_count'],
  ['latestCsatScore', 'latest_csat_score'], ['latestCsatAt', 'latest_csat_at'], ['clockStartedAt', 'clock_started_at'],
];

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const norm = (v: unknown) => (v instanceof Date ? v.toISOString() : v ?? null);

/** Returns the mismatches found (an empty list when every sampled ticket agrees). */
export async function verifySample(sql: postgres.Sql, sample = 300): Promise<string[]> {
  const rows = await sql<Record<string, unknown>[]>`
    select * from tickets tablesample bernoulli (least(100, ${Math.max(1, sample)} * 100.0 / greatest(1, (select count(*) from tickets))))
    limit ${sample}`;
  if (!rows.length) return ['no tickets to verify'];
  const ids = rows.map((r) => Number(r.id));
  const events = await sql<{ ticket_id: number; type: TicketEvent['type']; at: Date; data: TicketEvent['data'] }[]>`
    select ticket_id, type, at, data from ticket_events where ticket_id = any(${ids}) order by ticket_id, seq`;
  const counts = await sql<{ ticket_id: number; agent: number; customer: number }[]>`
    select ticket_id,
      count(*) filter (where author_kind = 'agent' and visibility = 'public')::int as agent,
      count(*) filter (where author_kind = 'customer' and visibility = 'public')::int as customer
    from messages where ticket_id = any(${ids}) group by ticket_id`;
  const byTicket = new Map<number, TicketEvent[]>();
  for (const e of events) {
    const list = byTicket.get(e.ticket_id) ?? [];
    list.push({ type: e.type, at: e.at, data: e.data } as TicketEvent);
    byTicket.set(e.ticket_id, list);
  }
  const messageCounts = new Map(counts.map((c) => [c.ticket_id, c]));
  const problems: string[] = [];
  for (const row of rows) {
    const id = Number(row.id);
    try {
      const facts = replayFacts(byTicket.get(id) ?? []);
      for (const [key, column] of FACT_COLUMNS) {
        if (norm(facts[key]) !== norm(row[column])) problems.push(`ticket ${id}: ${column} is ${norm(row[column])}, replay gives ${norm(facts[key])}`);
      }
      // Business-hours FRT and SLA deadlines under the default settings, for the columns this schema has.
      for (const [key, value] of Object.entries(calendarFacts(facts, row.team_id as number | null, DEFAULT_SETTINGS))) {
        const column = snake(key);
        if (column in row && norm(value) !== norm(row[column])) problems.push(`ticket ${id}: ${column} is ${norm(row[column])}, expected ${norm(value)}`);
      }
      const fcr = computeFcr({ ...facts, recontacted: row.recontact_ticket_id !== null });
      if (fcr !== row.fcr) problems.push(`ticket ${id}: fcr is ${row.fcr}, expected ${fcr}`);
      const m = messageCounts.get(id);
      if (m && (m.agent !== row.agent_reply_count || m.customer !== row.customer_message_count)) {
        problems.push(`ticket ${id}: message counts ${m.agent}/${m.customer} differ from the facts`);
      }
    } catch (error) {
      problems.push(`ticket ${id}: replay failed: ${(error as Error).message}`);
    }
  }
  return problems;
}

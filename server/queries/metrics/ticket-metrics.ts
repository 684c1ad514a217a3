import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { tickets } from '@/db/schema';
import { floorSeconds } from '@/lib/domain/aggregates';
import { computeOneTouch } from '@/lib/domain/fcr';
import { slaTargetState } from '@/lib/domain/sla';

type Row = typeof tickets.$inferSelect;

function slaState(deadline: Date | null, completedAt: Date | null, now: Date) {
  return deadline ? slaTargetState({ deadline, completedAt, now }) : null;
}

const earliest = (a: Date | null, b: Date | null) => (a && b ? (a < b ? a : b) : (a ?? b));

/** One ticket's figures, from the same stored facts the aggregates read (METRICS.md). */
export function ticketMetricsJson(t: Row, now: Date) {
  const solvedNow = t.status === 'solved' || t.status === 'closed';
  return {
    ticket_id: t.id,
    status: t.status,
    first_response_seconds: t.firstResponseAt && t.clockStartedAt ? floorSeconds(t.clockStartedAt, t.firstResponseAt) : null,
    first_response_business_seconds: t.firstResponseBusinessSeconds,
    first_resolution_seconds: t.firstSolvedAt ? floorSeconds(t.createdAt, t.firstSolvedAt) : null,
    full_resolution_seconds: solvedNow && t.lastSolvedAt ? floorSeconds(t.createdAt, t.lastSolvedAt) : null,
    reopens: t.reopenCount,
    agent_replies: t.agentReplyCount,
    customer_messages: t.customerMessageCount,
    fcr: t.fcr,
    one_touch: computeOneTouch(t),
    sla: {
      first_response: slaState(t.slaFirstResponseDueAt, earliest(t.firstResponseAt, t.firstSolvedAt), now),
      resolution: slaState(t.slaResolutionDueAt, t.firstSolvedAt, now),
    },
  };
}
export type TicketMetricsJson = ReturnType<typeof ticketMetricsJson>;

export async function getTicketMetrics(db: Db, ticketId: number, now = new Date()): Promise<TicketMetricsJson | null> {
  const [row] = await db.select().from(tickets).where(eq(tickets.id, ticketId));
  return row ? ticketMetricsJson(row, now) : null;
}

import { and, asc, gt, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { ticketEvents, tickets } from '@/db/schema';
import { derivedFacts } from '@/lib/domain/derived-facts';
import { isRecontact } from '@/lib/domain/fcr';
import type { TicketEvent } from '@/lib/domain/ticket-events';
import { replayFacts } from '@/lib/domain/ticket-facts';
import { eq } from 'drizzle-orm';
import { rollupDrift } from '../queries/metrics/aggregate';
import { getSettings, rebuildMetricRollup } from './settings';
import type { TicketRow } from './ticket-write';

/** The stored columns a rebuild recomputes and compares. */
const FACT_COLUMNS = [
  'status',
  'priority',
  'clockStartedAt',
  'firstResponseAt',
  'firstResponseBusinessSeconds',
  'firstSolvedAt',
  'lastSolvedAt',
  'reopenCount',
  'agentReplyCount',
  'repliesBeforeFirstSolve',
  'customerMessageCount',
  'recontactTicketId',
  'fcr',
  'latestCsatScore',
  'latestCsatAt',
  'slaFirstResponseDueAt',
  'slaResolutionDueAt',
  'slaNextDueAt',
  'slaNextRiskAt',
] as const satisfies readonly (keyof TicketRow)[];
type Facts = Pick<TicketRow, (typeof FACT_COLUMNS)[number]>;

const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

type RecontactCandidate = { id: number; customerId: number; createdAt: Date };

/** The customer's earliest ticket that re-contacts inside the window after the first solve. */
function recontactFor(row: TicketRow, firstSolvedAt: Date | null, candidates: RecontactCandidate[], windowDays: number) {
  if (!firstSolvedAt) return null;
  const hit = candidates
    .filter((c) => c.customerId === row.customerId && c.id !== row.id && isRecontact(firstSolvedAt, c.createdAt, windowDays))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id)[0];
  return hit?.id ?? null;
}

/**
 * Recomputes every ticket's facts from its ticket_events alone, with the settings in force now, and
 * reports how many differed from what was stored (and fixes them unless `dryRun`).
 */
export async function rebuildMetrics(
  db: Db,
  { dryRun = false, batchSize = 500 } = {},
): Promise<{ tickets: number; differed: number; differedIds: number[]; rollupRowsDiffered: number }> {
  const settings = await getSettings(db);
  let lastId = 0;
  let total = 0;
  const differedIds: number[] = [];

  for (;;) {
    const rows = await db.select().from(tickets).where(gt(tickets.id, lastId)).orderBy(asc(tickets.id)).limit(batchSize);
    if (rows.length === 0) break;
    lastId = rows[rows.length - 1].id;
    total += rows.length;

    const ids = rows.map((r) => r.id);
    const events = await db.select().from(ticketEvents).where(inArray(ticketEvents.ticketId, ids)).orderBy(asc(ticketEvents.ticketId), asc(ticketEvents.at), asc(ticketEvents.id));
    const byTicket = new Map<number, TicketEvent[]>();
    for (const e of events) {
      const list = byTicket.get(e.ticketId) ?? byTicket.set(e.ticketId, []).get(e.ticketId)!;
      list.push({ type: e.type, at: e.at, data: e.data } as TicketEvent);
    }
    const candidates = await db
      .select({ id: tickets.id, customerId: tickets.customerId, createdAt: tickets.createdAt })
      .from(tickets)
      .where(and(inArray(tickets.customerId, [...new Set(rows.map((r) => r.customerId))]), inArray(tickets.createdByKind, ['customer', 'api']), isNull(tickets.mergedIntoId)));

    for (const row of rows) {
      const history = byTicket.get(row.id) ?? [];
      const facts = replayFacts(history);
      let teamId: number | null = null;
      for (const e of history) if (e.type === 'created' || e.type === 'assignment') teamId = e.data.teamId;
      // A merged ticket is out of every re-contact check: its stored link stays as it was.
      const recontactTicketId = facts.mergedIntoId !== null ? row.recontactTicketId : recontactFor(row, facts.firstSolvedAt, candidates, settings.recontactWindowDays);
      const rebuilt: Facts = {
        status: facts.status,
        priority: facts.priority,
        clockStartedAt: facts.clockStartedAt,
        firstResponseAt: facts.firstResponseAt,
        firstSolvedAt: facts.firstSolvedAt,
        lastSolvedAt: facts.lastSolvedAt,
        reopenCount: facts.reopenCount,
        agentReplyCount: facts.agentReplyCount,
        repliesBeforeFirstSolve: facts.repliesBeforeFirstSolve,
        customerMessageCount: facts.customerMessageCount,
        latestCsatScore: facts.latestCsatScore,
        latestCsatAt: facts.latestCsatAt,
        recontactTicketId,
        ...derivedFacts(facts, teamId, recontactTicketId !== null, settings),
      };
      if (FACT_COLUMNS.every((c) => same(rebuilt[c], row[c]))) continue;
      differedIds.push(row.id);
      if (!dryRun) await db.update(tickets).set(rebuilt).where(eq(tickets.id, row.id));
    }
  }
  // The rollup is derived from the facts: recompute it whole, so it agrees with them whatever happened before.
  const rollupRowsDiffered = await rollupDrift(db);
  if (!dryRun) await rebuildMetricRollup(db, settings.timeZone);
  return { tickets: total, differed: differedIds.length, differedIds, rollupRowsDiffered };
}

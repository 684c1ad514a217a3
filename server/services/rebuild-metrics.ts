import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { ticketEvents, tickets } from '@/db/schema';
import { derivedFacts } from '@/lib/domain/derived-facts';
import { isRecontact } from '@/lib/domain/fcr';
import type { TicketEvent } from '@/lib/domain/ticket-events';
import { replayFacts } from '@/lib/domain/ticket-facts';
import type { WorkspaceSettings } from '@/lib/validation/settings';
import { logger } from '@/lib/logger';
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

/** How often one ticket is re-read when live writes keep changing it under the rebuild. */
const MAX_ATTEMPTS = 5;

const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

type RecontactCandidate = { id: number; customerId: number; createdAt: Date };

/** Tickets with their events in commit order, and their customers' re-contact candidates: one snapshot. */
interface Batch {
  rows: TicketRow[];
  events: Map<number, TicketEvent[]>;
  candidates: RecontactCandidate[];
}

/**
 * Reads tickets, their events and the candidates in one repeatable-read snapshot, so a ticket's stored facts
 * and its events always belong together even while live writes commit around the rebuild.
 */
function readBatch(db: Db, where: { afterId: number; limit: number } | { ids: number[] }): Promise<Batch> {
  return db.transaction(
    async (tx) => {
      const rows =
        'ids' in where
          ? await tx.select().from(tickets).where(inArray(tickets.id, where.ids))
          : await tx.select().from(tickets).where(gt(tickets.id, where.afterId)).orderBy(asc(tickets.id)).limit(where.limit);
      if (rows.length === 0) return { rows, events: new Map(), candidates: [] };
      const ids = rows.map((r) => r.id);
      const events = new Map<number, TicketEvent[]>();
      const eventRows = await tx.select().from(ticketEvents).where(inArray(ticketEvents.ticketId, ids)).orderBy(asc(ticketEvents.ticketId), asc(ticketEvents.seq));
      for (const e of eventRows) {
        const list = events.get(e.ticketId) ?? events.set(e.ticketId, []).get(e.ticketId)!;
        list.push({ type: e.type, at: e.at, data: e.data } as TicketEvent);
      }
      const candidates = await tx
        .select({ id: tickets.id, customerId: tickets.customerId, createdAt: tickets.createdAt })
        .from(tickets)
        .where(and(inArray(tickets.customerId, [...new Set(rows.map((r) => r.customerId))]), inArray(tickets.createdByKind, ['customer', 'api']), isNull(tickets.mergedIntoId)));
      return { rows, events, candidates };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** The customer's earliest ticket that re-contacts inside the window after the first solve. */
function recontactFor(row: TicketRow, firstSolvedAt: Date | null, candidates: RecontactCandidate[], windowDays: number) {
  if (!firstSolvedAt) return null;
  const hit = candidates
    .filter((c) => c.customerId === row.customerId && c.id !== row.id && isRecontact(firstSolvedAt, c.createdAt, windowDays))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id)[0];
  return hit?.id ?? null;
}

/** A ticket's facts replayed from its events alone, or null when they equal the stored ones. */
function rebuiltFacts(row: TicketRow, batch: Batch, settings: WorkspaceSettings): Facts | null {
  const history = batch.events.get(row.id) ?? [];
  const facts = replayFacts(history);
  let teamId: number | null = null;
  for (const e of history) if (e.type === 'created' || e.type === 'assignment') teamId = e.data.teamId;
  // A merged ticket is out of every re-contact check: its stored link stays as it was.
  const recontactTicketId = facts.mergedIntoId !== null ? row.recontactTicketId : recontactFor(row, facts.firstSolvedAt, batch.candidates, settings.recontactWindowDays);
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
  return FACT_COLUMNS.every((c) => same(rebuilt[c], row[c])) ? null : rebuilt;
}

/**
 * Writes rebuilt facts only if no live write changed the ticket since it was read (every ticket write
 * bumps change_seq): the rebuild never overwrites a newer change with facts computed before it.
 */
async function writeIfUnchanged(db: Db, row: TicketRow, rebuilt: Facts): Promise<boolean> {
  const written = await db
    .update(tickets)
    .set({ ...rebuilt, changeSeq: sql`nextval('ticket_change_seq')` })
    .where(and(eq(tickets.id, row.id), eq(tickets.changeSeq, row.changeSeq)))
    .returning({ id: tickets.id });
  return written.length === 1;
}

/** One ticket again, from a fresh snapshot, until its write lands or it needs none. Returns whether it differed. */
async function rebuildOneAgain(db: Db, id: number, settings: WorkspaceSettings): Promise<boolean> {
  for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
    const batch = await readBatch(db, { ids: [id] });
    const [row] = batch.rows;
    const rebuilt = row && rebuiltFacts(row, batch, settings);
    if (!rebuilt) return false;
    if (await writeIfUnchanged(db, row, rebuilt)) return true;
  }
  // Live writes keep landing on it: each of them recorded the facts by the same rules, so leaving it is safe.
  logger.warn({ ticketId: id, attempts: MAX_ATTEMPTS }, 'metrics rebuild: ticket kept changing; left as the live writes recorded it');
  return true;
}

/**
 * Recomputes every ticket's facts from its ticket_events alone (in commit order), with the settings in
 * force now, and reports how many differed from what was stored (and fixes them unless `dryRun`). Safe
 * beside live traffic: it reads consistent snapshots and only writes tickets nobody changed meanwhile.
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
    const batch = await readBatch(db, { afterId: lastId, limit: batchSize });
    if (batch.rows.length === 0) break;
    lastId = batch.rows[batch.rows.length - 1].id;
    total += batch.rows.length;
    for (const row of batch.rows) {
      const rebuilt = rebuiltFacts(row, batch, settings);
      if (!rebuilt) continue;
      if (dryRun || (await writeIfUnchanged(db, row, rebuilt)) || (await rebuildOneAgain(db, row.id, settings))) differedIds.push(row.id);
    }
  }
  // The rollup is derived from the facts: recompute it whole, so it agrees with them whatever happened before.
  const rollupRowsDiffered = await rollupDrift(db);
  if (!dryRun) await rebuildMetricRollup(db, settings.timeZone);
  return { tickets: total, differed: differedIds.length, differedIds, rollupRowsDiffered };
}

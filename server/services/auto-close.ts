import { and, asc, eq, lte } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { tickets } from '@/db/schema';
import { getSettings } from './settings';
import { changeStatus } from './ticket-fields';
import { SYSTEM_ACTOR } from './ticket-write';

const BATCH = 200;

/**
 * Closes every solved ticket with no public activity for `autoCloseDays` (METRICS.md, auto-close), through
 * the same status service as a manual close, so the facts and ticket_events stay right. Each ticket is
 * re-checked under its row lock: one the customer reopened meanwhile stays open. Returns how many closed.
 */
export async function autoCloseSolvedTickets(db: Db, now = new Date()): Promise<number> {
  const { autoCloseDays } = await getSettings(db);
  const cutoff = new Date(now.getTime() - autoCloseDays * 24 * 3600_000);
  const stillStale = (row: { status: string; lastPublicActivityAt: Date }) =>
    row.status === 'solved' && row.lastPublicActivityAt.getTime() <= cutoff.getTime();

  let closed = 0;
  for (;;) {
    const due = await db
      .select({ id: tickets.id })
      .from(tickets)
      .where(and(eq(tickets.status, 'solved'), lte(tickets.lastPublicActivityAt, cutoff)))
      .orderBy(asc(tickets.lastPublicActivityAt))
      .limit(BATCH);
    let closedThisBatch = 0;
    for (const { id } of due) {
      const row = await changeStatus(db, { ticketId: id, status: 'closed', actor: SYSTEM_ACTOR, at: now, onlyIf: stillStale });
      if (row.status === 'closed') closedThisBatch++;
    }
    closed += closedThisBatch;
    // A batch where nothing closed (all reopened under us) would come back the same: stop there.
    if (due.length < BATCH || closedThisBatch === 0) return closed;
  }
}

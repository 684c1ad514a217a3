import { and, eq, gt, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customers, tickets } from '@/db/schema';
import type { InboxQuery } from '@/lib/validation/inbox';
import { filterConditions } from './filters';
import { assignee, latestChangeSeq, listFields } from './list';
import { presenceFor } from '../presence';

const NEW_CAP = 100;

/**
 * What changed since a poll's change sequence (never since a clock): rows on screen that changed, to update
 * in place, and how many tickets new since `createdAfter` now match the view.
 */
export async function inboxChanges(
  db: Db,
  input: { since: number; visibleIds: number[]; createdAfter: Date; filters: InboxQuery; staffId: number },
) {
  const seq = await latestChangeSeq(db);
  const changed = input.visibleIds.length && seq > input.since
    ? await db
        .select(listFields)
        .from(tickets)
        .innerJoin(customers, eq(customers.id, tickets.customerId))
        .leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
        .where(and(inArray(tickets.id, input.visibleIds), gt(tickets.changeSeq, input.since)))
    : [];
  const where = filterConditions(input.filters, { staffId: input.staffId, now: new Date() });
  where.push(gt(tickets.createdAt, input.createdAfter));
  if (input.visibleIds.length) where.push(notInArray(tickets.id, input.visibleIds));
  const fresh = db.select({ one: sql`1` }).from(tickets).where(and(...where)).limit(NEW_CAP).as('fresh');
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(fresh);
  const presence = await presenceFor(db, input.visibleIds, input.staffId);
  return { seq, changed: changed.map((r) => ({ ...r, highlight: null })), newCount: row?.n ?? 0, presence };
}

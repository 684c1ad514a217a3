import { and, asc, eq, gt, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { tickets } from '@/db/schema';
import { DAY_MS } from '@/lib/domain/fcr';

/** Tickets that can re-contact: opened by the customer or an integration, and not merged away. */
const countsAsRecontact = and(inArray(tickets.createdByKind, ['customer', 'api']), isNull(tickets.mergedIntoId));

/**
 * When a ticket is first solved: the customer's earliest other ticket created inside
 * (first_solved_at, first_solved_at + window], if one was already written (imports arrive in any order).
 */
export async function findRecontactAfterSolve(
  tx: Db,
  ticket: { id: number; customerId: number },
  firstSolvedAt: Date,
  windowDays: number,
): Promise<number | null> {
  const [hit] = await tx
    .select({ id: tickets.id })
    .from(tickets)
    .where(
      and(
        eq(tickets.customerId, ticket.customerId),
        ne(tickets.id, ticket.id),
        countsAsRecontact,
        gt(tickets.createdAt, firstSolvedAt),
        lte(tickets.createdAt, new Date(firstSolvedAt.getTime() + windowDays * DAY_MS)),
      ),
    )
    .orderBy(asc(tickets.createdAt), asc(tickets.id))
    .limit(1);
  return hit?.id ?? null;
}

/**
 * When a customer opens a ticket: every earlier ticket of theirs first solved inside the window before it
 * loses FCR now (METRICS.md: the facts that change FCR are written when the re-contact happens). The caller
 * holds the customer's write lock (lockCustomers), so a first solve in flight has committed and shows here.
 * The earliest re-contact is the one kept, whatever order tickets are written in.
 */
export async function markRecontactedTickets(
  tx: Db,
  newTicket: { id: number; customerId: number; createdAt: Date },
  windowDays: number,
): Promise<void> {
  const windowStart = new Date(newTicket.createdAt.getTime() - windowDays * DAY_MS);
  await tx
    .update(tickets)
    .set({
      recontactTicketId: newTicket.id,
      fcr: sql`case when ${tickets.repliesBeforeFirstSolve} = 0 then null else false end`,
      changeSeq: sql`nextval('ticket_change_seq')`,
    })
    .where(
      and(
        eq(tickets.customerId, newTicket.customerId),
        ne(tickets.id, newTicket.id),
        isNull(tickets.mergedIntoId),
        sql`${tickets.firstSolvedAt} < ${newTicket.createdAt.toISOString()}::timestamptz`,
        sql`${tickets.firstSolvedAt} >= ${windowStart.toISOString()}::timestamptz`,
        or(
          isNull(tickets.recontactTicketId),
          sql`exists (select 1 from tickets kept where kept.id = ${tickets.recontactTicketId}
                and kept.created_at > ${newTicket.createdAt.toISOString()}::timestamptz)`,
        ),
      ),
    );
}

import { desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customers, journeyStages, organisations, tickets, touchpoints } from '@/db/schema';

export const HISTORY_LIMIT = 50;

/**
 * A customer's profile and their latest tickets, for the ticket page's history panel and the customer
 * page. The tickets come from one query on tickets_customer_idx (customer_id, created_at desc), capped
 * at HISTORY_LIMIT, so a customer with thousands of tickets costs the same as one with fifty.
 */
export async function getCustomerHistory(db: Db, customerId: number | SQL) {
  const [profileRows, rows] = await Promise.all([
    db
      .select({
        id: customers.id,
        name: customers.name,
        email: customers.email,
        createdAt: customers.createdAt,
        hasAccount: customers.passwordHash,
        organisation: organisations.name,
      })
      .from(customers)
      .leftJoin(organisations, eq(organisations.id, customers.organisationId))
      .where(eq(customers.id, customerId)),
    db
      .select({
        id: tickets.id,
        subject: tickets.subject,
        status: tickets.status,
        createdAt: tickets.createdAt,
        firstSolvedAt: tickets.firstSolvedAt,
        journeyStage: tickets.journeyStage,
        stageLabel: journeyStages.label,
        touchpointLabel: touchpoints.label,
        fcr: tickets.fcr,
        repliesBeforeFirstSolve: tickets.repliesBeforeFirstSolve,
        csat: tickets.latestCsatScore,
        recontactTicketId: tickets.recontactTicketId,
        mergedIntoId: tickets.mergedIntoId,
      })
      .from(tickets)
      .leftJoin(journeyStages, eq(journeyStages.key, tickets.journeyStage))
      .leftJoin(touchpoints, eq(touchpoints.key, tickets.touchpoint))
      .where(eq(tickets.customerId, customerId))
      .orderBy(desc(tickets.createdAt), desc(tickets.id))
      .limit(HISTORY_LIMIT + 1),
  ]);
  const [profile] = profileRows;
  if (!profile) return null;
  return {
    profile: { ...profile, hasAccount: profile.hasAccount !== null },
    tickets: rows.slice(0, HISTORY_LIMIT),
    more: rows.length > HISTORY_LIMIT,
  };
}
/** The history of a ticket's customer, without waiting for the ticket row first: the page reads both at once. */
export const customerOfTicket = (ticketId: number): SQL => sql`(select ${tickets.customerId} from ${tickets} where ${tickets.id} = ${ticketId})`;

export type CustomerHistory = NonNullable<Awaited<ReturnType<typeof getCustomerHistory>>>;

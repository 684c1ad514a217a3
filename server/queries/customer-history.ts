import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customers, journeyStages, organisations, tickets, touchpoints } from '@/db/schema';
import { preparedPerDb } from './prepared';

export const HISTORY_LIMIT = 50;

/** Whose history: a customer, or a ticket's customer (so the ticket page need not wait for the ticket row). */
export type CustomerRef = number | { ofTicket: number };
export const customerOfTicket = (ticketId: number): CustomerRef => ({ ofTicket: ticketId });

const historyReads = (by: 'customer' | 'ticket') => {
  const id = sql.placeholder('id');
  const customerId = by === 'customer' ? id : sql`(select ${tickets.customerId} from ${tickets} where ${tickets.id} = ${id})`;
  return {
    profile: preparedPerDb((db) =>
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
        .where(eq(customers.id, customerId))
        .prepare(`customer_profile_by_${by}`),
    ),
    tickets: preparedPerDb((db) =>
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
        .limit(HISTORY_LIMIT + 1)
        .prepare(`customer_tickets_by_${by}`),
    ),
  };
};
const byCustomer = historyReads('customer');
const byTicket = historyReads('ticket');

/**
 * A customer's profile and their latest tickets, for the ticket page's history panel and the customer
 * page. The tickets come from one query on tickets_customer_idx (customer_id, created_at desc), capped
 * at HISTORY_LIMIT, so a customer with thousands of tickets costs the same as one with fifty.
 */
export async function getCustomerHistory(db: Db, who: CustomerRef) {
  const [reads, id] = typeof who === 'number' ? [byCustomer, who] : [byTicket, who.ofTicket];
  const [profileRows, rows] = await Promise.all([reads.profile(db).execute({ id }), reads.tickets(db).execute({ id })]);
  const [profile] = profileRows;
  if (!profile) return null;
  return {
    profile: { ...profile, hasAccount: profile.hasAccount !== null },
    tickets: rows.slice(0, HISTORY_LIMIT),
    more: rows.length > HISTORY_LIMIT,
  };
}

export type CustomerHistory = NonNullable<Awaited<ReturnType<typeof getCustomerHistory>>>;

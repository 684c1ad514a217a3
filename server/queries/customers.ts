import { asc, count, eq, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customers, tickets } from '@/db/schema';

/** Customers by name or email, with their ticket counts, in one query. */
export async function searchCustomers(db: Db, q: string, limit = 50) {
  const term = q.trim().toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`);
  return db
    .select({ id: customers.id, name: customers.name, email: customers.email, tickets: count(tickets.id) })
    .from(customers)
    .leftJoin(tickets, eq(tickets.customerId, customers.id))
    // lower(…) like: the form the trigram indexes (customers_name_trgm_idx, customers_email_trgm_idx) are built on.
    .where(term ? or(sql`lower(${customers.name}) like ${`%${term}%`}`, sql`lower(${customers.email}) like ${`%${term}%`}`) : undefined)
    .groupBy(customers.id)
    .orderBy(asc(customers.name))
    .limit(limit);
}

import { asc, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customers } from '@/db/schema';

/**
 * Customers by name or email, with their ticket counts, in one query: the page of customers first (the
 * name index, or the trigram indexes for a search), then each one's count from the customer index. A join
 * and group over every ticket took seconds at a million tickets.
 */
export async function searchCustomers(db: Db, q: string, limit = 50) {
  const term = q.trim().toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`);
  return db
    .select({
      id: customers.id,
      name: customers.name,
      email: customers.email,
      // Spelled out: in a one-table select drizzle leaves columns unqualified, and a bare "id" inside the
      // subquery would be the ticket's own id.
      tickets: sql<number>`(select count(*)::int from tickets t where t.customer_id = "customers"."id")`,
    })
    .from(customers)
    // lower(…) like: the form the trigram indexes (customers_name_trgm_idx, customers_email_trgm_idx) are built on.
    .where(term ? or(sql`lower(${customers.name}) like ${`%${term}%`}`, sql`lower(${customers.email}) like ${`%${term}%`}`) : undefined)
    .orderBy(asc(customers.name), asc(customers.id))
    .limit(limit);
}

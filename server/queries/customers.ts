import { asc, count, eq, ilike, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customers, tickets } from '@/db/schema';

/** Customers by name or email, with their ticket counts, in one query. */
export async function searchCustomers(db: Db, q: string, limit = 50) {
  const term = q.trim().replace(/[%_\\]/g, (c) => `\\${c}`);
  return db
    .select({ id: customers.id, name: customers.name, email: customers.email, tickets: count(tickets.id) })
    .from(customers)
    .leftJoin(tickets, eq(tickets.customerId, customers.id))
    .where(term ? or(ilike(customers.name, `%${term}%`), ilike(customers.email, `%${term}%`)) : undefined)
    .groupBy(customers.id)
    .orderBy(asc(customers.name))
    .limit(limit);
}

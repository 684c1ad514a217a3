import { desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { tickets } from '@/db/schema';

/** The customer's own requests, newest first. "Last update" counts public activity only. */
export async function listCustomerRequests(db: Db, customerId: number, limit = 100) {
  return db
    .select({
      publicKey: tickets.publicKey,
      subject: tickets.subject,
      status: tickets.status,
      createdAt: tickets.createdAt,
      lastPublicActivityAt: tickets.lastPublicActivityAt,
    })
    .from(tickets)
    .where(eq(tickets.customerId, customerId))
    .orderBy(desc(tickets.createdAt), desc(tickets.id))
    .limit(limit);
}

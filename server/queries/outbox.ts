import { desc } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { outboundEmails } from '@/db/schema';

/** The latest mails written to the outbox (newest first). */
export async function listOutbox(db: Db, limit = 100) {
  return db.select().from(outboundEmails).orderBy(desc(outboundEmails.createdAt), desc(outboundEmails.id)).limit(limit);
}

import { desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { outboundEmails } from '@/db/schema';

/** The latest mails written to the outbox (newest first), without their bodies: a body is opened one at a time. */
export async function listOutbox(db: Db, limit = 100) {
  return db
    .select({
      id: outboundEmails.id,
      kind: outboundEmails.kind,
      toAddress: outboundEmails.toAddress,
      subject: outboundEmails.subject,
      hiddenLinks: outboundEmails.hiddenLinks,
      createdAt: outboundEmails.createdAt,
    })
    .from(outboundEmails)
    .orderBy(desc(outboundEmails.createdAt), desc(outboundEmails.id))
    .limit(limit);
}

export async function getOutboxMail(db: Db, id: number) {
  const [mail] = await db.select().from(outboundEmails).where(eq(outboundEmails.id, id));
  return mail ?? null;
}

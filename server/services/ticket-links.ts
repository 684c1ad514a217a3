import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { ticketLinks, tickets } from '@/db/schema';
import { ServiceError } from '@/lib/errors';

const ordered = (a: number, b: number) => (a < b ? { lowId: a, highId: b } : { lowId: b, highId: a });

/** Links two related tickets (symmetric; linking twice changes nothing). */
export async function linkTickets(db: Db, input: { ticketId: number; otherId: number; userId: number }): Promise<void> {
  if (input.ticketId === input.otherId) {
    throw new ServiceError('invalid', 'A ticket cannot be linked to itself.', { fieldErrors: { otherId: ['Enter another ticket’s number'] } });
  }
  await db.transaction(async (tx) => {
    const found = await tx.select({ id: tickets.id }).from(tickets).where(eq(tickets.id, input.otherId));
    if (!found.length) throw new ServiceError('not_found', `There is no ticket #${input.otherId}.`, { fieldErrors: { otherId: [`There is no ticket #${input.otherId}`] } });
    const [self] = await tx.select({ id: tickets.id }).from(tickets).where(eq(tickets.id, input.ticketId));
    if (!self) throw new ServiceError('not_found', 'That ticket does not exist.');
    await tx
      .insert(ticketLinks)
      .values({ ...ordered(input.ticketId, input.otherId), createdByUserId: input.userId })
      .onConflictDoNothing();
  });
}

export async function unlinkTickets(db: Db, input: { ticketId: number; otherId: number }): Promise<void> {
  const { lowId, highId } = ordered(input.ticketId, input.otherId);
  await db.delete(ticketLinks).where(and(eq(ticketLinks.lowId, lowId), eq(ticketLinks.highId, highId)));
}

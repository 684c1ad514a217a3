import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { ticketPresence, tickets } from '@/db/schema';
import { ServiceError } from '@/lib/errors';

/** A heartbeat every 10 s keeps a row alive; 30 s without one and it is gone. */
export const PRESENCE_TTL_MS = 30_000;

export type PresenceState = 'viewing' | 'typing';

/** Records that a staff member is on a ticket (or writing on it) for the next 30 s. */
export async function heartbeat(db: Db, input: { ticketId: number; userId: number; state: PresenceState; now?: Date }): Promise<void> {
  const now = input.now ?? new Date();
  const [ticket] = await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.id, input.ticketId));
  if (!ticket) throw new ServiceError('not_found', 'That ticket does not exist.');
  const expiresAt = new Date(now.getTime() + PRESENCE_TTL_MS);
  await db
    .insert(ticketPresence)
    .values({ ticketId: input.ticketId, userId: input.userId, state: input.state, expiresAt })
    .onConflictDoUpdate({ target: [ticketPresence.ticketId, ticketPresence.userId], set: { state: input.state, expiresAt } });
  // Sweep a few expired rows as we go, so the table stays small without a separate job.
  await db.delete(ticketPresence).where(lt(ticketPresence.expiresAt, sql`${now.toISOString()}::timestamptz - interval '1 minute'`));
}

export async function leave(db: Db, ticketId: number, userId: number): Promise<void> {
  await db.delete(ticketPresence).where(and(eq(ticketPresence.ticketId, ticketId), eq(ticketPresence.userId, userId)));
}

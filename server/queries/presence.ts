import { and, eq, gt, inArray, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { ticketPresence, users } from '@/db/schema';
import type { PresenceState } from '../services/presence';

/** Everyone else currently on these tickets, by ticket id. */
export async function presenceFor(db: Db, ticketIds: number[], exceptUserId: number, now = new Date()) {
  if (ticketIds.length === 0) return {} as Record<number, { name: string; state: PresenceState }[]>;
  const rows = await db
    .select({ ticketId: ticketPresence.ticketId, name: users.name, state: ticketPresence.state })
    .from(ticketPresence)
    .innerJoin(users, eq(users.id, ticketPresence.userId))
    .where(and(inArray(ticketPresence.ticketId, ticketIds), ne(ticketPresence.userId, exceptUserId), gt(ticketPresence.expiresAt, now)));
  const out: Record<number, { name: string; state: PresenceState }[]> = {};
  for (const r of rows) (out[r.ticketId] ??= []).push({ name: r.name, state: r.state });
  return out;
}

import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { cxTags, ticketTags } from '@/db/schema';
import { ServiceError } from '@/lib/errors';
import { getSettings } from './settings';
import { assertVersion, bumpVersion, lockTicket, recordTicketEvent, type EventActor, type TicketRow } from './ticket-write';

/** Adds CX tags to a ticket (a field edit: version-checked when given). Tags it already has are ignored. */
export async function addTags(
  db: Db,
  input: { ticketId: number; tagKeys: string[]; actor: EventActor; version?: number; at?: Date },
): Promise<TicketRow> {
  return db.transaction(async (tx) => {
    const settings = await getSettings(tx);
    const row = await lockTicket(tx, input.ticketId);
    if (input.version !== undefined) assertVersion(row, input.version);
    const known = await tx.select({ key: cxTags.key }).from(cxTags).where(and(inArray(cxTags.key, input.tagKeys), isNull(cxTags.retiredAt)));
    const unknown = input.tagKeys.filter((k) => !known.some((t) => t.key === k));
    if (unknown.length) throw new ServiceError('invalid', `Unknown CX tag: ${unknown.join(', ')}. Choose tags from the list.`);
    const existing = await tx.select({ key: ticketTags.tagKey }).from(ticketTags).where(eq(ticketTags.ticketId, row.id));
    const added = input.tagKeys.filter((k) => !existing.some((t) => t.key === k));
    if (added.length === 0) return row;
    await tx.insert(ticketTags).values(added.map((tagKey) => ({ ticketId: row.id, tagKey })));
    return recordTicketEvent(tx, row, { type: 'tags', at: input.at ?? new Date(), data: { added, removed: [] } }, input.actor, { settings, set: bumpVersion });
  });
}

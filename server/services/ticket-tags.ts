import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { ticketTags } from '@/db/schema';
import { tagsStep } from './ticket-cx';
import { singleFieldEdit, type FieldEdit } from './ticket-fields';
import type { TicketRow } from './ticket-write';

/** Adds CX tags to a ticket (the inbox's bulk "tag"): its other tags stay. Tags it already has are ignored. */
export async function addTags(db: Db, input: FieldEdit & { tagKeys: string[] }): Promise<TicketRow> {
  return singleFieldEdit(db, input, 'tags', async (tx, row, ctx) => {
    const existing = (await tx.select({ key: ticketTags.tagKey }).from(ticketTags).where(eq(ticketTags.ticketId, row.id))).map((t) => t.key);
    return tagsStep(tx, row, [...existing, ...input.tagKeys], ctx);
  });
}

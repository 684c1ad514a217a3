import type { Db } from '@/db/client';
import type { MacroActions } from '@/db/schema';
import { changeJourneyStage } from './ticket-cx';
import { addMessage, type AddMessageInput, type AddMessageResult } from './ticket-messages';
import { addTags } from './ticket-tags';
import type { EventActor } from './ticket-write';

/**
 * A reply (or note) sent with a macro: the message, then the macro's status, tags and journey stage,
 * through the same services and in one transaction, so either all of it happens or none of it.
 * A status chosen in the composer wins over the macro's.
 */
export async function addMessageWithMacro(db: Db, input: AddMessageInput, actions: MacroActions): Promise<AddMessageResult> {
  return db.transaction(async (tx) => {
    const actor: EventActor = { kind: 'agent', userId: input.authorUserId ?? null };
    const result = await addMessage(tx, { ...input, setStatus: input.setStatus ?? actions.status });
    let ticket = result.ticket;
    if (actions.addTags?.length) ticket = await addTags(tx, { ticketId: ticket.id, tagKeys: actions.addTags, actor, at: input.at });
    if (actions.journeyStage) ticket = await changeJourneyStage(tx, { ticketId: ticket.id, journeyStage: actions.journeyStage, actor, at: input.at });
    return { ...result, ticket };
  });
}
